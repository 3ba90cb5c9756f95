/**
 * The window pad (evaluator) in Debian Chromium at its real size (1280×800), against an
 * in-process hall-server and a device agent whose rating pad, LED bar, caller keypad and
 * fingerprint module are simulators over real ptys (and the HID pad's injected device): the
 * clerk on duty, the keypad acting as that clerk (refused with nobody signed in), the LED
 * following the window, ratings by touch and by the pad's keys, a bad rating with its reason
 * and rectification case, a prompt that runs out (未评价) and is rated later on the phone page.
 * Every screen is checked with axe-core and kept as a screenshot for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningAgent } from '@yimen/drivers/agent/agent';
import { writeAvatars } from '@yimen/hall-server/demo/avatars';
import { SMALL_HALL, TEST_RULES } from '@yimen/hall-server/testing/small-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket, Ticket } from '@yimen/protocol';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { act, axeViolations, enrolTerminal, shot, smallTargets, smallText } from '../support/kiosk-rig';
import { simulated, startWindowAgent } from '../support/window-rig';

/** The shortest prompt the rules allow, so the 未评价 path costs the suite ten seconds, not thirty. */
const PROMPT_SECONDS = 10;

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: RunningAgent & { token: string };
let browser: Browser;
const sockets: HallClient[] = [];

before(async () => {
  hall = createTestHall({
    ...SMALL_HALL,
    rules: { ...TEST_RULES, ratings: { ...TEST_RULES.ratings, promptSeconds: PROMPT_SECONDS } },
  });
  const photos = mkdtempSync(join(tmpdir(), 'yimen-photos-'));
  writeAvatars(
    photos,
    SMALL_HALL.clerks.map((c) => c.staffNo),
  );
  server = await startTestServer(hall, undefined, { photosDir: photos });
  agent = await startWindowAgent('evaluator-win-1', [server.url]);
  browser = await launchChromium();
});

after(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await agent?.close();
  await server?.dispose();
  if (hall) removeTestHall(hall);
});

const POLL = { timeout: 15_000 } as const;
/** Polls every 100 ms: a page in a background context gets no animation frames to poll on. */
const POLL_FN = { polling: 100, timeout: 15_000 } as const;

async function check(page: Page, name: string): Promise<void> {
  await shot(page, `evaluator-${name}`);
  assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
  assert.deepEqual(await smallTargets(page), [], `${name}: touch targets under 64×64`);
  assert.deepEqual(await smallText(page, 20), [], `${name}: text under 20 px`);
}

const rating = (ticketId: string) =>
  server.db.prepare('SELECT level, reason, channel FROM ratings WHERE ticket_id = ?').get(ticketId) as
    | { level: string; reason: string | null; channel: string }
    | undefined;

test('the window pad: clerk on duty, keypad as the clerk, LED, ratings by touch and pad, reason, 未评价, phone page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await enrolTerminal(page, server.url, hall.token('admin-1'), { id: 'evaluator-win-1', path: '/evaluator/', agent });
  await page.waitForSelector('[data-testid=screen-nobody]', POLL);
  await simulated(agent, 'LED shows the window name', (s) => s.led?.text === '1号窗口 社保');
  await check(page, 'nobody');

  // Nobody signed in: the keypad's key is refused, and the keypad shows it (blank, beeps).
  await act(agent, { action: 'caller.press', key: 'call' });
  await simulated(agent, 'keypad refused', (s) => s.keypad?.ticket === '   ');

  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  sockets.push(kiosk);
  const issued: IssuedTicket[] = [];
  for (let i = 0; i < 4; i++) {
    const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: `pad-e2e-${i}-${Date.now()}`,
    });
    assert.ok(ack.ok);
    issued.push(ack.ticket);
  }
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  sockets.push(clerk);
  await page.waitForSelector('[data-testid=screen-idle]', POLL);
  assert.equal(await page.textContent('[data-testid=clerk-name]'), '测试员1');
  assert.equal(await page.textContent('[data-testid=clerk-staff-no]'), 'T001');
  await page.waitForFunction(
    () => (document.querySelector('.photo') as HTMLImageElement | null)?.naturalWidth === 240,
    null,
    POLL_FN,
  );
  await check(page, 'idle');

  // The keypad calls as the clerk at window 1: the LED and the keypad show the ticket, the pad too.
  await act(agent, { action: 'caller.press', key: 'call' });
  const first = issued[0] as IssuedTicket;
  await simulated(
    agent,
    'LED shows the call',
    (s) => s.led?.mode === 'ticket' && s.led.text === `请${first.number}号到1号窗口`,
  );
  await simulated(agent, 'keypad shows the ticket', (s) => s.keypad?.ticket === first.number.slice(1));
  await page.waitForSelector(`[data-testid=serving]:has-text("${first.number}")`, POLL);
  await act(agent, { action: 'caller.press', key: 'recall' });
  const recalled = () => server.service.queueState.tickets.get(first.id)?.recallCount;
  for (let i = 0; i < 50 && recalled() !== 1; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(recalled(), 1, 'the keypad recalled the ticket');

  // Finished: the pad asks; a touch on 满意 records it, once.
  const finish = async (ticketId: string) => {
    assert.ok((await send(clerk, 'ticket:start', { ticketId })).ok);
    assert.ok((await send(clerk, 'ticket:finish', { ticketId })).ok);
  };
  await finish(first.id);
  await page.waitForSelector('[data-testid=screen-rating]', POLL);
  assert.equal(
    await page.locator('button.level[aria-pressed=true], button.level.chosen').count(),
    0,
    'none pre-selected',
  );
  await check(page, 'rating');
  await page.click('button[data-level=satisfied]');
  await page.waitForSelector('[data-testid=screen-thanks]', POLL);
  assert.deepEqual(rating(first.id), { level: 'satisfied', reason: null, channel: 'touch' });
  await simulated(agent, 'LED back to the window name', (s) => s.led?.text === '1号窗口 社保');

  // The next one: 不满意 on the pad's own keys, a reason and a call-back number on the screen.
  const call = async () => {
    const ack = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
    assert.ok(ack.ok);
    return ack.ticket;
  };
  const second = await call();
  await finish(second.id);
  await page.waitForSelector('[data-testid=screen-rating]', POLL);
  await act(agent, { action: 'rating.press', level: 'dissatisfied' });
  await page.waitForSelector('[data-testid=screen-reason]', POLL);
  await page.click('[data-testid=submit-reason]');
  await page.waitForSelector('[data-testid=reason-error]', POLL);
  await page.click('button[data-reason=slow]');
  for (const digit of '13912345678') await page.click(`.phone-keys button:text-is("${digit}")`);
  assert.equal(await page.textContent('[data-testid=phone-value]'), '13912345678');
  await check(page, 'reason');
  await page.click('[data-testid=submit-reason]');
  await page.waitForSelector('[data-testid=screen-thanks]', POLL);
  assert.deepEqual(rating(second.id), { level: 'dissatisfied', reason: 'slow', channel: 'ratingPad' });
  const caseRow = server.db
    .prepare('SELECT c.status FROM rectifications c JOIN ratings r ON r.id = c.rating_id WHERE r.ticket_id = ?')
    .get(second.id) as { status: string } | undefined;
  assert.equal(caseRow?.status, 'verifying', 'a rectification case was opened');

  // The third runs out: 未评价, no rating; the phone page then takes one.
  const third = await call();
  await finish(third.id);
  await page.waitForSelector('[data-testid=screen-rating]', POLL);
  await page.waitForSelector('[data-testid=screen-idle]', { timeout: (PROMPT_SECONDS + 5) * 1000 });
  assert.equal(rating(third.id), undefined, 'no default rating');
  assert.equal(server.services.ratings.unrated(third.id), true);

  // The keypad pauses the window: the pad and the LED say 暂停服务.
  await act(agent, { action: 'caller.press', key: 'pause' });
  await page.waitForSelector('[data-testid=screen-paused]', POLL);
  await simulated(agent, 'LED paused', (s) => s.led?.mode === 'paused');
  await check(page, 'paused');
  await act(agent, { action: 'caller.press', key: 'pause' });
  await page.waitForSelector('[data-testid=screen-idle]', POLL);
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const mobile = await phone.newPage();
  const thirdIssued = issued.find((t) => t.id === third.id) as IssuedTicket;
  await mobile.goto(`${server.url}${new URL(thirdIssued.statusUrl).pathname}`);
  await mobile.check('input[name=level][value=verySatisfied]');
  await shot(mobile, 'phone-rating');
  assert.deepEqual(await axeViolations(mobile), [], 'phone rating page: axe');
  await mobile.click('button[type=submit]');
  await mobile.waitForSelector('.rated', POLL);
  assert.equal(rating(third.id)?.channel, 'phone');
  await mobile.goto(`${server.url}/ratings`);
  assert.match((await mobile.textContent('main')) ?? '', /办事效率低/);
  await shot(mobile, 'results');
  assert.deepEqual(await axeViolations(mobile), [], 'results page: axe');
  await phone.close();
});
