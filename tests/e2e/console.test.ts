/**
 * The clerk console in Debian Chromium at a window PC's size (1366×768), against an
 * in-process hall-server on a temporary database (the demo's queues and windows): sign-in,
 * every action by its function key with its result shown at once, refusals in words, a
 * reload that keeps the desk, a transfer whose note reaches the receiving window. Each
 * state is checked with axe-core and kept as a screenshot for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  clerkClient,
  clerkPassword,
  connectClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket } from '@yimen/protocol';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations, createKioskHall, shot } from '../support/kiosk-rig';
import { demoClerk } from '../support/window-rig';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  hall = createKioskHall();
  server = await startTestServer(hall);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
  if (hall) removeTestHall(hall);
});

const POLL = { polling: 100, timeout: 10_000 } as const;

async function issue(count: number, idCard?: { idNumber: string; name: string }): Promise<string[]> {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-sb',
      idempotencyKey: `console-e2e-${Date.now()}-${i}`,
      ...(idCard && i === 0 ? { idCard } : {}),
    });
    assert.ok(ack.ok, JSON.stringify(ack));
    numbers.push(ack.ticket.number);
  }
  kiosk.close();
  return numbers;
}

/** Waits until the result line says `text`, and says whether it shows as a refusal. */
async function result(page: Page, text: string): Promise<boolean> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=result]')?.textContent?.includes(t),
    text,
    POLL,
  );
  return (await page.getAttribute('[data-testid=result]', 'class'))?.includes('refused') ?? false;
}

async function signIn(page: Page, staffNo: string, windowId: string, password = clerkPassword(staffNo)) {
  await page.waitForSelector(`#signin-window option[value="${windowId}"]`, { state: 'attached' });
  await page.selectOption('#signin-window', windowId);
  await page.fill('#signin-staff', staffNo);
  await page.fill('#signin-password', password);
  await page.click('.signin-form button[type=submit]');
}

const text = async (page: Page, testId: string) => ((await page.textContent(`[data-testid=${testId}]`)) ?? '').trim();

async function check(page: Page, name: string) {
  await shot(page, `console-${name}`);
  assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
}

test('a clerk’s day at the window: every action on its key, its result at once, refusals in words, a reload keeps the desk', async () => {
  const issued = await issue(4, { idNumber: '11010519491231002X', name: '王小明' });
  const [first, second, third, fourth] = issued as [string, string, string, string];
  const [clerk, colleague] = [demoClerk(0), demoClerk(1)];
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/console/`);
  await page.waitForSelector('.signin-form');
  await check(page, 'signed-out');

  await signIn(page, clerk.staffNo, 'win-01', 'wrong password');
  await page.waitForSelector('[data-testid=signin-message]:has-text("工号或密码错误")');
  await signIn(page, clerk.staffNo, 'win-01');
  await page.waitForSelector('[data-testid=waiting] li');
  assert.match(await text(page, 'window-name'), /^1号窗口/);
  assert.equal(await text(page, 'window-status'), '服务中');
  assert.equal(await text(page, 'waiting-count'), '4人');
  await check(page, 'idle');

  // F1 呼叫: the first ticket, its holder masked.
  await page.keyboard.press('F1');
  assert.equal(await result(page, `已呼叫 ${first}`), false);
  assert.equal(await text(page, 'current-number'), first);
  assert.equal(await text(page, 'holder'), '王*明  1101**********002X');
  // F2 重呼 three times; the fourth is the hall's to refuse.
  for (const n of [1, 2, 3]) {
    await page.keyboard.press('F2');
    await result(page, `已重呼 ${first}（第${n}次）`);
  }
  assert.equal(await text(page, 'recalls'), '已重呼 3 次');
  await page.keyboard.press('F2');
  assert.equal(await result(page, '未执行：重呼次数已达上限'), true);
  // F6 开始办理, then F8 挂起.
  await page.keyboard.press('F6');
  await result(page, `${first} 开始办理`);
  assert.equal(await text(page, 'current-status'), '办理中');
  await check(page, 'serving');
  await page.keyboard.press('F8');
  await result(page, `${first} 已挂起`);
  await page.waitForSelector(`[data-testid=held] li:has-text("${first}")`);
  // F1 the next, F4 过号; then F8 brings the held one back, called again.
  await page.keyboard.press('F1');
  await result(page, `已呼叫 ${second}`);
  await page.keyboard.press('F4');
  await result(page, `${second} 已过号`);
  await page.keyboard.press('F8');
  await result(page, `${first} 已恢复并重新呼叫`);
  assert.equal(await page.isVisible('[data-testid=held]'), false);
  await page.keyboard.press('F6');
  await result(page, `${first} 开始办理`);
  await page.keyboard.press('F7');
  await result(page, `${first} 已办结`);
  await page.waitForFunction(() => document.querySelector('[data-testid=served]')?.textContent === '1件', null, POLL);
  assert.equal(await text(page, 'last-finished'), `上一位 ${first} 已办结`);

  // F1, then F9 转移 to a window (open: a colleague is signed in there), with a note for it.
  const there = await clerkClient(server.url, colleague.staffNo, 'win-32');
  there.socket.close();
  await page.keyboard.press('F1');
  await result(page, `已呼叫 ${third}`);
  await page.keyboard.press('F9');
  await page.check('text=转到指定窗口');
  await page.selectOption('#transfer-target', 'win-32');
  await page.fill('#transfer-note', '已核对社保卡，需办理转移接续');
  await check(page, 'transfer');
  await page.click('.desk-dialog button[type=submit]');
  await result(page, `${third} 已转至32号窗口 社会事务综合`);

  // F10 暂停服务 with a reason; calling is refused while paused; F10 again resumes.
  await page.keyboard.press('F10');
  await page.check('text=会议');
  await page.click('.desk-dialog button[type=submit]');
  await result(page, '已暂停服务：会议');
  assert.equal(await text(page, 'window-status'), '暂停服务：会议');
  await check(page, 'paused');
  await page.keyboard.press('F1');
  assert.equal(await result(page, '未执行：已暂停服务，请先恢复服务'), true);
  await page.keyboard.press('F10');
  await result(page, '已恢复服务');

  // A reload keeps the desk: the session is the browser's, the state the hall's.
  await page.reload();
  await page.waitForSelector('[data-testid=waiting]');
  assert.equal(await text(page, 'window-status'), '服务中');
  await page.waitForFunction(() => document.querySelector('[data-testid=served]')?.textContent === '1件', null, POLL);

  // F3 特呼 by number; signing out is refused while the citizen is called.
  await page.keyboard.press('F3');
  await page.fill('#special-number', fourth.toLowerCase());
  await page.keyboard.press('Enter');
  await result(page, `已呼叫 ${fourth}`);
  await page.click('[data-testid=sign-out]');
  assert.equal(await result(page, '未执行：本窗口正在办理其他号'), true);
  await page.click(`[data-control=noShow]`);
  await result(page, `${fourth} 已过号`);
  await page.click('[data-testid=sign-out]');
  await page.waitForSelector('[data-testid=signin-message]:has-text("已退出登录")');

  // The receiving window: the transferred ticket first, with where it came from and the note.
  await signIn(page, colleague.staffNo, 'win-32');
  await page.waitForSelector(`[data-testid=waiting] li[data-number="${third}"]:has-text("转来")`);
  await page.keyboard.press('F1');
  await result(page, `已呼叫 ${third}`);
  assert.equal(
    (await text(page, 'transfer-note')).replace(/\s+/g, ''),
    '由1号窗口社保转来转办备注：已核对社保卡，需办理转移接续',
  );
  await page.close();
});
