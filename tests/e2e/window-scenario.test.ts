/**
 * A ticket from kiosk to rating, over a real hall-server process and device agents whose
 * devices are simulators over real ptys, in Debian Chromium with every terminal at its real
 * size: the kiosk issues; the clerk's finger is enrolled on the window's module and signs
 * them in at the console (a punch); the console calls; the display shows the call and queues
 * the voice twice; the LED bar gets the window's frame; the caller keypad recalls; the clerk
 * finishes; the pad asks, the citizen rates 不满意 with a reason and the console sees it; the
 * keypad pauses the window; the rating, its rectification case and the punch are in the
 * database. Then the hall-server is killed (SIGKILL) and restarted on the same address: the
 * display and the console come back without a reload and the next call is shown and said.
 * Along the way the pad gets a wrong PIN, which must not cost it its hall link.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { RunningAgent } from '@yimen/drivers/agent/agent';
import { removeTestHall } from '@yimen/hall-server/testing/test-server';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { freePort, type HallProcess, startHallProcess } from '../support/hall-process';
import {
  act,
  axeViolations,
  createKioskHall,
  enrolKiosk,
  enrolTerminal,
  shot,
  startKioskAgent,
} from '../support/kiosk-rig';
import { demoClerk, simulated, startWindowAgent } from '../support/window-rig';

const PAD = 'evaluator-win-01';
const hall = createKioskHall([
  { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', windowId: null },
  { id: 'display-1', name: '综合屏', role: 'display', windowId: null },
  { id: PAD, name: '1号窗口评价器', role: 'evaluator', windowId: 'win-01' },
  { id: 'admin-1', name: '管理', role: 'admin', windowId: null },
]);
const running: HallProcess[] = [];
const agents: (RunningAgent & { token: string })[] = [];
let browser: Browser | undefined;

after(async () => {
  await browser?.close();
  for (const p of running) if (p.child.exitCode === null) await p.kill();
  for (const a of agents) await a.close();
  removeTestHall(hall);
});

/** Polls every 100 ms: pages in background contexts get no animation frames to poll on. */
const POLL = { polling: 100, timeout: 30_000 } as const;

const text = async (page: Page, testId: string) => ((await page.textContent(`[data-testid=${testId}]`)) ?? '').trim();
const waitText = (page: Page, testId: string, pattern: RegExp) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''),
    [testId, pattern.source] as const,
    POLL,
  );
type VoiceWindow = { yimenVoice?: { queued: readonly string[] } };
const voiceQueue = (page: Page) =>
  page.evaluate(() => [...((window as unknown as VoiceWindow).yimenVoice?.queued ?? [])]);
const queuedAtLeast = (page: Page, n: number) =>
  page.waitForFunction((k) => ((window as unknown as VoiceWindow).yimenVoice?.queued.length ?? 0) >= k, n, POLL);
/** 请A零零一号到一号窗口办理: digits read one by one. */
const spoken = (number: string) =>
  `请${[...number].map((c) => '零一二三四五六七八九'[Number(c)] ?? c).join('')}号到一号窗口办理`;

test('kiosk to rating: fingerprint sign-in, call, voice, LED, keypad, 不满意 with its case, punch; the hall killed and back', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // All at once (the agents know the hall's address before it listens); each kept for `after` as it comes.
  const kept =
    <T>(list: T[]) =>
    (item: T) => {
      list.push(item);
      return item;
    };
  const [first, kioskAgent, padAgent] = await Promise.all([
    startHallProcess(hall.dbPath, { PORT: String(port) }).then(kept(running)),
    startKioskAgent([url]).then(kept(agents)),
    startWindowAgent(PAD, [url]).then(kept(agents)),
    launchChromium().then((b) => {
      browser = b;
    }),
  ]);
  const admin = { authorization: `Bearer ${hall.token('admin-1')}`, 'content-type': 'application/json' };
  const page = async (width: number, height: number) =>
    (await (browser as Browser).newContext({ viewport: { width, height } })).newPage();
  const [pad, display, desk, kiosk] = await Promise.all([
    page(1280, 800),
    page(1920, 1080),
    page(1366, 768),
    page(1080, 1920),
  ]);
  await Promise.all([
    enrolTerminal(pad, url, hall.token('admin-1'), { id: PAD, path: '/evaluator/', agent: padAgent }),
    enrolTerminal(display, url, hall.token('admin-1'), { id: 'display-1', path: '/display/' }),
    enrolKiosk(kiosk, url, hall.token('admin-1'), kioskAgent),
    desk.goto(`${url}/console/`),
  ]);
  await pad.waitForSelector('[data-testid=screen-nobody]', POLL);
  await simulated(padAgent, 'LED shows the window name', (s) => s.led?.text === '1号窗口 社保');

  // A wrong PIN on the pad saves a new terminal record: the pad must keep its hall link through it.
  for (let i = 0; i < 5; i++) await pad.click('.pad-header h1');
  for (const digit of '000000') await pad.click(`.pinpad button:text-is("${digit}")`);
  await pad.click('.pinpad button:text-is("确定")');
  await pad.waitForSelector('.dialog [role=alert]');
  await pad.click('.dialog button:text-is("取消")');
  await pad.waitForSelector('.pinpad', { state: 'detached' });

  // The clerk's finger is enrolled on the window's module: two presses, told step by step on the pad.
  const clerk = demoClerk(0);
  const enrolment = fetch(`${url}/api/admin/clerks/${clerk.id}/fingerprints`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ terminalId: PAD, finger: 1 }),
  });
  await waitText(pad, 'desk-notice', /请将手指放在指纹仪上/);
  await act(padAgent, { action: 'finger.press', finger: 'clerk' });
  await waitText(pad, 'desk-notice', /请再次按压同一手指/);
  await act(padAgent, { action: 'finger.press', finger: 'clerk' });
  assert.equal((await enrolment).status, 201);
  await pad.waitForSelector('[data-testid=desk-notice]', { state: 'detached', timeout: 30_000 });
  await simulated(padAgent, 'the finger lifted', (s) => s.finger === null);

  // The kiosk issues a 社保 ticket.
  await kiosk.click('.tile[data-category=cat-sb]');
  await kiosk.waitForSelector('[data-testid=done]', POLL);
  const number = await text(kiosk, 'ticket-number');
  assert.match(number, /^A\d{3}$/);

  // Sign-in by fingerprint at window 1: the console's code shows on the pad; the finger answers it.
  await desk.waitForSelector('#signin-window option[value=win-01]', { state: 'attached' });
  await desk.selectOption('#signin-window', 'win-01');
  // A finger the hall does not know is refused, in words, and signs nobody in.
  await desk.click('[data-testid=fingerprint-start]');
  await desk.waitForSelector('[data-testid=fingerprint-code]', POLL);
  await waitText(pad, 'desk-notice', /核对码/);
  await act(padAgent, { action: 'finger.press', finger: 'stranger' });
  await waitText(desk, 'signin-message', /未找到匹配的指纹/);
  await shot(desk, 'console-fingerprint-refused');
  await simulated(padAgent, 'the finger lifted', (s) => s.finger === null);
  await desk.click('[data-testid=fingerprint-start]');
  const code = (await desk.waitForSelector('[data-testid=fingerprint-code]', POLL)).textContent();
  await waitText(pad, 'desk-notice', new RegExp(`核对码 ${await code}`));
  await shot(desk, 'console-fingerprint');
  await shot(pad, 'evaluator-fingerprint-prompt');
  assert.deepEqual(await axeViolations(desk), [], 'fingerprint sign-in: axe');
  assert.deepEqual(await axeViolations(pad), [], 'the pad’s sign-in prompt: axe');
  await act(padAgent, { action: 'finger.press', finger: 'clerk' });
  await waitText(desk, 'window-status', /^服务中$/);
  assert.match(await text(desk, 'clerk'), new RegExp(clerk.name));
  await pad.waitForSelector('[data-testid=screen-idle]', POLL);

  // F1: the display shows the call and queues it twice; the LED bar gets the window's frame; so does the pad.
  await display.waitForSelector('[data-testid=current-call]', POLL);
  await desk.waitForSelector(`[data-testid=waiting] li[data-number="${number}"]`, POLL);
  await desk.keyboard.press('F1');
  await waitText(desk, 'result', new RegExp(`^已呼叫 ${number}$`));
  await waitText(display, 'current-number', new RegExp(`^${number}$`));
  await queuedAtLeast(display, 2);
  assert.deepEqual(await voiceQueue(display), [spoken(number), spoken(number)]);
  await simulated(padAgent, 'LED shows the call', (s) => s.led?.mode === 'ticket' && s.led.text.includes(number));
  await pad.waitForSelector(`[data-testid=serving]:has-text("${number}")`, POLL);

  // The caller keypad recalls, as the clerk signed in here: the console shows the count, the hall hears it again.
  await act(padAgent, { action: 'caller.press', key: 'recall' });
  await waitText(desk, 'recalls', /已重呼 1 次/);
  await queuedAtLeast(display, 4);

  // The clerk finishes; the pad asks; the console awaits the rating, then sees it come.
  await desk.keyboard.press('F6');
  await waitText(desk, 'current-status', /办理中/);
  await desk.keyboard.press('F7');
  await waitText(desk, 'last-rating', /待评价/);
  await pad.waitForSelector('[data-testid=screen-rating]', POLL);
  await pad.click('button[data-level=dissatisfied]');
  await pad.waitForSelector('[data-testid=screen-reason]', POLL);
  await pad.click('button[data-reason=attitude]');
  await pad.click('[data-testid=submit-reason]');
  await pad.waitForSelector('[data-testid=screen-thanks]', POLL);
  await waitText(desk, 'last-rating', /不满意/);
  await shot(desk, 'console-rated');
  assert.deepEqual(await axeViolations(desk), [], 'console with the rating: axe');

  // The keypad pauses the window: the pad and the LED bar say so.
  await pad.waitForSelector('[data-testid=screen-idle]', POLL);
  await act(padAgent, { action: 'caller.press', key: 'pause' });
  await pad.waitForSelector('[data-testid=screen-paused]', POLL);
  await simulated(padAgent, 'LED paused', (s) => s.led?.mode === 'paused');
  await waitText(desk, 'window-status', /暂停服务/);

  // In the database: the rating with who and where, its rectification case, the sign-in punch.
  const db = new Database(hall.dbPath, { readonly: true });
  try {
    const rating = db
      .prepare(
        `SELECT r.level, r.reason, r.clerk_id AS clerkId, r.window_id AS windowId, c.status AS caseStatus
         FROM ratings r JOIN tickets t ON t.id = r.ticket_id LEFT JOIN rectifications c ON c.rating_id = r.id
         WHERE t.number = ?`,
      )
      .get(number);
    assert.deepEqual(rating, {
      level: 'dissatisfied',
      reason: 'attitude',
      clerkId: clerk.id,
      windowId: 'win-01',
      caseStatus: 'verifying',
    });
    const punches = db.prepare('SELECT kind, terminal_id AS terminalId FROM punches WHERE clerk_id = ?').all(clerk.id);
    assert.deepEqual(punches, [{ kind: 'signIn', terminalId: PAD }]);
  } finally {
    db.close();
  }

  // The hall-server is killed under the open display and console, and restarted on the same address.
  await first.kill();
  await Promise.all([display, desk].map((p) => p.waitForSelector('[data-testid=hall-banner]', POLL)));
  const second = await startHallProcess(hall.dbPath, { PORT: String(port) });
  running.push(second);
  await Promise.all(
    [display, desk].map((p) => p.waitForSelector('[data-testid=hall-banner]', { ...POLL, state: 'detached' })),
  );
  // Back without a reload: the kiosk issues again, the console resumes and calls it, the display says it.
  // The kiosk may have gone home by itself meanwhile (its idle countdown); else it is sent there.
  await kiosk.click('[data-testid=nav-home]', { timeout: 2000 }).catch(() => {});
  await kiosk.waitForSelector('.home .tile[data-category=cat-sb]:not([disabled])', POLL);
  await kiosk.click('.tile[data-category=cat-sb]');
  await kiosk.waitForSelector('[data-testid=done]', POLL);
  const next = await text(kiosk, 'ticket-number');
  assert.notEqual(next, number);
  await desk.keyboard.press('F10');
  await waitText(desk, 'result', /已恢复服务/);
  await desk.waitForSelector(`[data-testid=waiting] li[data-number="${next}"]`, POLL);
  const before = (await voiceQueue(display)).length;
  await desk.keyboard.press('F1');
  await waitText(display, 'current-number', new RegExp(`^${next}$`));
  await queuedAtLeast(display, before + 2);
  assert.deepEqual((await voiceQueue(display)).slice(before), [spoken(next), spoken(next)]);
  assert.equal((await second.stop()) ?? 0, 0);
});
