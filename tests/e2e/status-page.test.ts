import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  clerkClient,
  connectClient,
  createTestHall,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket } from '@yimen/protocol';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall);
  browser = await launchChromium();
});

after(async () => {
  await browser.close();
  await server.dispose();
  removeTestHall(hall);
});

test('a phone that scans the ticket QR sees its place in line, then its window', async () => {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const issue = (key: string, idNumber: string) =>
    send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: key,
      idCard: { idNumber, name: '王小明' },
    });
  assert.ok((await issue('phone-page-1', '11010519491231002X')).ok);
  const mine = await issue('phone-page-2', '110105199003071239');
  kiosk.close();
  assert.ok(mine.ok);
  const path = new URL(mine.ticket.statusUrl).pathname;

  const page = await browser.newPage({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 2 });
  await page.goto(`${server.url}${path}`);
  assert.equal(await page.locator('.number').textContent(), mine.ticket.number);
  const text = (await page.locator('main').textContent()) ?? '';
  assert.match(text, /前面等候\s*1\s*人/);
  assert.match(text, /预计等候\s*窗口暂未开放/, 'no window open yet: no wait is promised');
  assert.ok(!text.includes('王') && !text.includes('1239'), 'no personal data on the page');
  mkdirSync('.tmp', { recursive: true });
  await page.screenshot({ path: '.tmp/status-page-waiting.png' });

  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  await page.reload();
  assert.match((await page.locator('main').textContent()) ?? '', /预计等候\s*约 \d+ 分钟/);
  assert.ok((await send(clerk, 'window:callNext', {})).ok);
  assert.ok((await send(clerk, 'window:callNext', {})).ok === false, 'window busy until the first is done');
  clerk.close();
  const { socket: other } = await clerkClient(server.url, 'T009', 'win-9');
  assert.ok((await send(other, 'window:callNext', {})).ok);
  other.close();
  await page.reload();
  assert.match((await page.locator('main').textContent()) ?? '', /请到窗口\s*9号窗口/);
  await page.screenshot({ path: '.tmp/status-page-called.png' });
  await page.close();
});
