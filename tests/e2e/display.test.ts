/**
 * The hall display in Debian Chromium at a TV's size (1920×1080), against an in-process
 * hall-server on a temporary database (the demo's queues and windows): a call shown large
 * and queued for the voice twice, a recall queued again, the notice line set by the admin,
 * the hall lost and found again without a reload (what it missed shown, not announced), and
 * a display limited to one zone. The voice queue is read from the page, so no sound is needed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  clerkClient,
  connectClient,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  TEST_TERMINALS,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket, Ticket } from '@yimen/protocol';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations, createKioskHall, enrolTerminal, shot } from '../support/kiosk-rig';
import { demoClerk } from '../support/window-rig';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const sockets: HallClient[] = [];

before(async () => {
  hall = createKioskHall([
    ...TEST_TERMINALS,
    { id: 'display-2', name: '社会事务区综合屏', role: 'display', windowId: null },
  ]);
  server = await startTestServer(hall);
  browser = await launchChromium();
});

after(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await server?.dispose();
  if (hall) removeTestHall(hall);
});

const POLL = { polling: 100, timeout: 15_000 } as const;
let keys = 0;

async function issue(categoryId: string): Promise<string> {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId,
    idempotencyKey: `display-e2e-${++keys}`,
  });
  kiosk.close();
  assert.ok(ack.ok);
  return ack.ticket.number;
}

async function clerkAt(index: number, windowId: string): Promise<HallClient> {
  const { socket } = await clerkClient(server.url, demoClerk(index).staffNo, windowId);
  sockets.push(socket);
  return socket;
}

async function call(clerk: HallClient): Promise<Ticket> {
  const ack = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
  assert.ok(ack.ok, JSON.stringify(ack));
  return ack.ticket;
}

const admin = (method: string, path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${hall.token('admin-1')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The display's window, with what it has queued to say (queue-display's DisplayRoot puts it there). */
type DisplayWindow = { yimenVoice?: { queued: readonly string[] } };

/** What the display has queued to say, in order. */
const voiceQueue = (page: Page) =>
  page.evaluate(() => [...((window as unknown as DisplayWindow).yimenVoice?.queued ?? [])]);

async function waitForQueued(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(
    (n) => ((window as unknown as DisplayWindow).yimenVoice?.queued.length ?? 0) >= n,
    count,
    POLL,
  );
  return voiceQueue(page);
}

const shown = async (page: Page, testId: string) => ((await page.textContent(`[data-testid=${testId}]`)) ?? '').trim();

async function showsCall(page: Page, number: string) {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=current-number]')?.textContent === n,
    number,
    POLL,
  );
}

/** A display page whose connection to the hall the test can cut and restore, as a pulled cable would. */
async function displayPage(terminalId: string): Promise<{ page: Page; cut(): void; restore(): void }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  let cable = true;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (!cable) {
      ws.close();
      return;
    }
    const hallSide = ws.connectToServer();
    open.add(ws);
    ws.onMessage((m) => hallSide.send(m));
    hallSide.onMessage((m) => ws.send(m));
    hallSide.onClose((code, reason) => ws.close({ code, reason }));
    ws.onClose((code, reason) => {
      open.delete(ws);
      hallSide.close({ code, reason });
    });
  });
  await enrolTerminal(page, server.url, hall.token('admin-1'), { id: terminalId, path: '/display/' });
  await page.waitForSelector('[data-testid=current-call]');
  return {
    page,
    cut() {
      cable = false;
      for (const ws of open) ws.close();
    },
    restore() {
      cable = true;
    },
  };
}

/** A browser that will not play sound until touched asks for the touch; the picture is taken after it. */
async function allowSound(page: Page) {
  if (await page.isVisible('.sound-button')) await page.click('.sound-button');
}

test('the hall view: a call shown large and queued twice, a recall again, the notice live, the hall lost and found', async () => {
  const { page, cut, restore } = await displayPage('display-1');
  assert.equal(await shown(page, 'current-call'), '正在呼叫暂无呼叫');
  const notice = '本中心午间不休，12:00-13:30 综合窗口照常办理';
  assert.equal((await admin('PUT', '/api/admin/notice', { text: notice })).status, 200);
  await page.waitForFunction((t) => document.querySelector('[data-testid=notice]')?.textContent === t, notice, POLL);

  const a1 = await issue('cat-sb');
  const a2 = await issue('cat-sb');
  await issue('cat-yb');
  const clerk = await clerkAt(0, 'win-01');
  const first = await call(clerk);
  assert.equal(first.number, a1);
  await showsCall(page, a1);
  assert.equal(await shown(page, 'current-window'), '1号窗口');
  const spoken = `请${[...a1].map((c) => '零一二三四五六七八九'[Number(c)] ?? c).join('')}号到一号窗口办理`;
  assert.deepEqual(await waitForQueued(page, 2), [spoken, spoken], 'after the chime, twice');

  assert.ok((await send(clerk, 'ticket:recall', { ticketId: first.id })).ok);
  assert.deepEqual(await waitForQueued(page, 4), [spoken, spoken, spoken, spoken], 'a recall is announced again');

  // The cable is pulled: the screen says so. Meanwhile the window moves on.
  cut();
  await page.waitForSelector('[data-testid=hall-banner]');
  assert.ok((await send(clerk, 'ticket:start', { ticketId: first.id })).ok);
  assert.ok((await send(clerk, 'ticket:finish', { ticketId: first.id })).ok);
  const missed = await call(clerk);
  assert.equal(missed.number, a2);
  // Back: the display catches up by itself, shows the call it missed, and does not announce it late.
  restore();
  await page.waitForSelector('[data-testid=hall-banner]', { state: 'detached', timeout: 15_000 });
  await showsCall(page, a2);
  assert.equal((await voiceQueue(page)).length, 4, 'what was missed is shown, not announced');
  const b1 = await call(await clerkAt(1, 'win-05'));
  await showsCall(page, b1.number);
  assert.equal((await waitForQueued(page, 6)).at(-1), '请B零零一号到五号窗口办理', 'live calls are announced again');
  await page.waitForSelector(`[data-testid=recent-calls] li:has-text("${a2}")`);

  await allowSound(page);
  await shot(page, 'display-hall');
  assert.deepEqual(await axeViolations(page), [], 'axe');
  await page.close();
});

test('a display limited to a zone: one column per window, only its calls and queues, changed live by the admin', async () => {
  const zone = {
    layout: 'windows',
    categoryIds: ['cat-sb', 'cat-yb', 'cat-gjj'],
    windowIds: ['win-01', 'win-02', 'win-03', 'win-04', 'win-05', 'win-06', 'win-07', 'win-08', 'win-09'],
  };
  assert.equal((await admin('PUT', '/api/admin/terminals/display-2/display-settings', zone)).status, 200);
  const { page } = await displayPage('display-2');
  await page.waitForSelector('.windows-view');
  assert.equal(await page.locator('.column').count(), 9);
  assert.deepEqual(
    await page.locator('[data-testid=waiting-counts] li').evaluateAll((els) => els.map((e) => e.dataset.category)),
    ['cat-sb', 'cat-yb', 'cat-gjj'],
  );
  const before = (await voiceQueue(page)).length;

  await issue('cat-gjj');
  const g1 = await call(await clerkAt(2, 'win-08'));
  await showsCall(page, g1.number);
  await page.waitForSelector(`.column[data-window=win-08].calling:has-text("${g1.number}")`);
  assert.equal((await waitForQueued(page, before + 2)).length, before + 2);

  // Another zone's call: not shown here, not announced here.
  await issue('cat-sw');
  const d1 = await call(await clerkAt(3, 'win-14'));
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await shown(page, 'current-number'), g1.number, `${d1.number} belongs to another zone`);
  assert.equal((await voiceQueue(page)).length, before + 2);

  await allowSound(page);
  await shot(page, 'display-windows');
  assert.deepEqual(await axeViolations(page), [], 'axe');

  // The admin moves the screen to the hall view: it follows without a reload.
  await admin('PUT', '/api/admin/terminals/display-2/display-settings', { ...zone, layout: 'hall' });
  await page.waitForSelector('.hall-view');
  await page.close();
});
