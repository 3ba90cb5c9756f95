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
import { axeViolations } from '../support/kiosk-rig';

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

test('a phone that scans the ticket QR follows its place in line live, is reminded, then sees its window', async () => {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const issue = (key: string, idNumber: string) =>
    send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: key,
      idCard: { idNumber, name: '王小明' },
    });
  assert.ok((await issue('phone-page-1', '11010519491231002X')).ok);
  assert.ok((await issue('phone-page-2', '110105199512120019')).ok);
  const mine = await issue('phone-page-3', '110105199003071239');
  kiosk.close();
  assert.ok(mine.ok);
  const path = new URL(mine.ticket.statusUrl).pathname;

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  // What the phone is asked to vibrate, recorded where a real phone would buzz.
  // A string, not a function: tsx would wrap the function's inner arrows in a helper the page lacks.
  await context.addInitScript(`
    const calls = [];
    window.vibrations = calls;
    Object.defineProperty(Navigator.prototype, 'vibrate', { configurable: true, value: (p) => calls.push(p) > 0 });
  `);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  const main = page.locator('main');
  assert.equal(await page.locator('#number').textContent(), mine.ticket.number);
  assert.match((await main.textContent()) ?? '', /前面等候\s*2 人/);
  assert.match((await main.textContent()) ?? '', /预计等候\s*窗口暂未开放/, 'no window open yet: no wait is promised');
  assert.ok(!((await main.textContent()) ?? '').includes('王'), 'no personal data on the page');
  assert.ok(!((await main.textContent()) ?? '').includes('1239'), 'no personal data on the page');
  await page.waitForFunction(() => document.getElementById('live')?.textContent === '实时更新中');
  // Marks this very document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.selectOption('#remind', '1');
  await page.click('#alerts');
  mkdirSync('.tmp', { recursive: true });
  await page.screenshot({ path: '.tmp/status-page-waiting.png', fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'waiting: axe');

  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  const first = await send<{ ticket: { id: string } }>(clerk, 'window:callNext', {});
  assert.ok(first.ok);
  await page.waitForFunction(() => document.getElementById('ahead')?.textContent === '1 人');
  // A window serves the queue now: the page gives a wait, pushed without a reload.
  assert.doesNotMatch((await page.locator('#wait').textContent()) ?? '', /窗口暂未开放/);
  assert.equal(await page.locator('#reminder').isVisible(), true, 'one left ahead: the reminder shows');
  assert.match((await page.locator('#reminder').textContent()) ?? '', /前面还有 1 人/);
  const buzzed = await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations);
  assert.deepEqual(buzzed, [100, [200, 100, 200]], 'a buzz when alerts are turned on, then the reminder');

  const missed = await send(clerk, 'ticket:noShow', { ticketId: first.ticket.id });
  assert.ok(missed.ok, JSON.stringify(missed));
  assert.ok((await send(clerk, 'window:callNext', {})).ok);
  await page.waitForFunction(() => document.getElementById('ahead')?.textContent === '0 人');
  clerk.close();

  const { socket: other } = await clerkClient(server.url, 'T009', 'win-9');
  assert.ok((await send(other, 'window:callNext', {})).ok);
  other.close();
  await page.waitForFunction(() => !document.getElementById('called')?.hidden);
  assert.equal(await page.locator('#window').textContent(), '9号窗口');
  assert.match((await page.locator('#called').textContent()) ?? '', /请到\s*9号窗口\s*办理/);
  assert.equal(await page.locator('#row-ahead').isVisible(), false);
  assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true);
  const vibrations = await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations);
  assert.deepEqual(vibrations.at(-1), [400, 150, 400, 150, 400], 'the call buzzes longest');
  assert.match(await page.title(), /到您了/);
  const text = (await main.textContent()) ?? '';
  assert.ok(!text.includes('王') && !text.includes('1239'), 'no personal data on the page');
  await page.screenshot({ path: '.tmp/status-page-called.png', fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'called: axe');

  // A token that is unknown, or of another day, gets a plain page.
  await page.goto(`${server.url}/t/${'x'.repeat(32)}`);
  assert.match((await main.textContent()) ?? '', /未找到该号/);
  assert.equal(await page.locator('#remind').count(), 0);
  await page.screenshot({ path: '.tmp/status-page-unknown.png', fullPage: true });
  await context.close();
});
