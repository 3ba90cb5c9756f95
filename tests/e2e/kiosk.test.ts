/**
 * The kiosk in Debian Chromium at its real size (1080×1920), against an in-process
 * hall-server on a temporary database (the demo's queues and items) and a device agent whose
 * ID card reader and ticket printer are simulators over a real pty and TCP. Every screen
 * is checked with axe-core and for touch targets, and kept as a screenshot for a person.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { RunningAgent } from '@yimen/drivers/agent/agent';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import {
  connectClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import {
  act,
  axeViolations,
  createKioskHall,
  enrolKiosk,
  lowContrast,
  printed,
  shot,
  smallTargets,
  smallText,
  startKioskAgent,
} from '../support/kiosk-rig';

/** Thursday 3 December 2026, 09:45 in the hall (a working day, mid-morning): the hall's clock runs from here. */
const START = Date.UTC(2026, 11, 3, 1, 45);
const t0 = Date.now();
const clock = () => START + (Date.now() - t0);

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: RunningAgent & { token: string };
let browser: Browser;

before(async () => {
  hall = createKioskHall();
  server = await startTestServer(hall, clock);
  agent = await startKioskAgent([server.url]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await agent?.close();
  await server?.dispose();
  if (hall) removeTestHall(hall);
});

const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** Polls every 100 ms: a page in a background context gets no animation frames to poll on. */
const POLL = { polling: 100, timeout: 15_000 } as const;

async function kiosk(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  contexts.push(context);
  const page = await context.newPage();
  await enrolKiosk(page, server.url, hall.token('admin-1'), agent);
  return page;
}

/**
 * Types into the search box as a person would: a tap first. Without the tap, Chromium 156
 * sometimes drops the text inserted right after the touch keyboard's key presses.
 */
async function typeInSearch(page: Page, text: string): Promise<void> {
  await page.click('[data-testid=search-input]');
  await page.fill('[data-testid=search-input]', text);
}

/** The page as a person would judge it: no serious accessibility fault, big enough to touch and to read. */
async function check(page: Page, name: string): Promise<void> {
  await shot(page, `kiosk-${name}`);
  assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
  assert.deepEqual(await smallTargets(page), [], `${name}: touch targets under 64×64`);
  assert.deepEqual(await smallText(page, 28), [], `${name}: text under 28 px`);
  assert.deepEqual(await lowContrast(page, 7), [], `${name}: text under 7:1 contrast`);
}

const ticketRows = () =>
  server.db
    .prepare(
      'SELECT number, status, priority, holder_name_masked AS name, reprint_count AS reprints FROM tickets ORDER BY issued_at',
    )
    .all() as { number: string; status: string; priority: string; name: string | null; reprints: number }[];

/** Resolves when the agent's device host reports the event: the reader polls, so a card takes a moment. */
function hostEvent(name: 'card' | 'cardRemoved'): Promise<void> {
  return new Promise((resolve) => {
    const off = agent.host.on(name, () => {
      off();
      resolve();
    });
  });
}

async function placeCard(page: Page, sample: keyof typeof sampleCards) {
  if (agent.simulation?.state().card) await removeCard();
  const read = hostEvent('card');
  await act(agent, { action: 'card.place', sample });
  await read;
  await page.waitForSelector('[data-testid=holder-name]');
  await page.waitForSelector('.card-screen .tiles');
}

/** Takes the card off and waits until the reader has noticed, so the next card is a new one to it. */
async function removeCard() {
  if (!agent.simulation?.state().card) return;
  const removed = hostEvent('cardRemoved');
  await act(agent, { action: 'card.remove' });
  await removed;
}

async function adminCancelAll(): Promise<void> {
  const admin = await connectClient(server.url, { token: hall.token('admin-1') });
  const snapshot = (await (await fetch(`${server.url}/api/queue`)).json()) as { tickets: { id: string }[] };
  for (const t of snapshot.tickets) await send(admin, 'ticket:cancel', { ticketId: t.id, reason: '测试清理' });
  admin.close();
}

test('a card ticket: swipe, tap, the slip prints the issued number and a QR to its status page', async () => {
  const page = await kiosk();
  await check(page, 'home');
  const before = printed(agent).length;
  await placeCard(page, 'resident');
  assert.equal(await page.textContent('[data-testid=holder-name]'), '王*试，您好');
  await check(page, 'card');
  await page.click('.tile[data-category=cat-sb]');
  await page.waitForSelector('[data-testid=done]');
  await check(page, 'done');
  const number = (await page.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
  assert.match(number, /^A\d{3}$/);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=voice]')?.textContent?.startsWith('您已领取'),
    null,
    POLL,
  );
  const slip = printed(agent)[before];
  assert.ok(slip, 'a slip was printed');
  assert.ok(
    slip.lines.some((l) => l.text.includes(number)),
    'the slip shows the number',
  );
  assert.ok(
    slip.lines.some((l) => l.text.includes('王*试')),
    'the holder, masked',
  );
  assert.equal(
    slip.lines.some((l) => l.text.includes('王测试')),
    false,
    'never the full name',
  );
  const qr = slip.qr[0]?.payload ?? '';
  assert.match(qr, /^http:\/\/hall\.test\/t\/[A-Za-z0-9_-]{40,}$/);
  const status = await (await fetch(`${server.url}${new URL(qr).pathname}`)).text();
  assert.ok(status.includes(number), 'the QR opens this ticket’s status page');
  assert.deepEqual(
    ticketRows()
      .filter((t) => t.number === number)
      .map((t) => [t.status, t.name]),
    [['waiting', '王*试']],
  );
  await removeCard();
  await adminCancelAll();
});

/** Five quick taps on the hall's name: the staff gesture that asks for the PIN. */
async function openPinPad(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.click('.kiosk-header h1');
  await page.waitForSelector('.pinpad');
}

test('a category ticket without a card: one tap from home, also after a wrong PIN', async () => {
  const page = await kiosk();
  // A PIN try rewrites the terminal's record; the hall link and the devices must outlive that.
  await openPinPad(page);
  for (const digit of '000000') await page.click(`.pinpad button:text-is("${digit}")`);
  await page.click('.pinpad button:text-is("确定")');
  await page.waitForSelector('text=密码错误');
  await page.click('.dialog button:text-is("取消")');
  await page.waitForSelector('.pinpad', { state: 'detached' });
  assert.equal(
    await page.evaluate(() => JSON.parse(localStorage.getItem('yimen.terminal') ?? '{}').pinFailures),
    1,
    'the failure is kept',
  );
  assert.equal(await page.isDisabled('.home .tile[data-category=cat-bdc]'), true, '不动产登记 is real-name: card only');
  assert.match((await page.textContent('.home .tile[data-category=cat-bdc]')) ?? '', /须刷身份证/);
  const before = printed(agent).length;
  await page.click('.tile[data-category=cat-yb]');
  await page.waitForSelector('[data-testid=done]');
  const number = (await page.textContent('[data-testid=ticket-number]'))?.trim();
  assert.match(number ?? '', /^B\d{3}$/);
  const slip = printed(agent)[before];
  assert.ok(slip?.lines.some((l) => l.text.includes(number ?? '?')));
  assert.equal(ticketRows().find((t) => t.number === number)?.name, null, 'no holder on a ticket taken without a card');
  assert.equal(await page.isVisible('[data-testid=hall-banner]'), false, 'still connected to the hall');
  // The home tile counts the new ticket live: a kiosk gets only the summary's events, and their seq gaps are no loss.
  await page.click('[data-testid=nav-home]');
  await page.waitForFunction(
    () => /等候\s*1\s*人/.test(document.querySelector('.home .tile[data-category=cat-yb]')?.textContent ?? ''),
    null,
    POLL,
  );
  await adminCancelAll();
});

test('an open ticket is reprinted, not doubled; the per-ID limit then holds', async () => {
  const page = await kiosk();
  await placeCard(page, 'residentLongTerm');
  await page.click('.tile[data-category=cat-gjj]');
  await page.waitForSelector('[data-testid=done]');
  const number = (await page.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
  await removeCard();
  await page.click('[data-testid=nav-home]');
  await placeCard(page, 'residentLongTerm');
  const holding = page.locator('.tile.holding[data-category=cat-gjj]');
  assert.match((await holding.textContent()) ?? '', new RegExp(`您已领取 ${number} 号`));
  await check(page, 'card-holding');
  const before = printed(agent).length;
  await holding.locator('button').click();
  await page.waitForSelector('[data-testid=done]');
  assert.equal((await page.textContent('[data-testid=ticket-number]'))?.trim(), number, 'the same number');
  assert.ok(printed(agent)[before]?.lines.some((l) => l.text.includes(number)));
  assert.deepEqual(
    ticketRows()
      .filter((t) => t.number === number)
      .map((t) => [t.status, t.reprints]),
    [['waiting', 1]],
  );
  // Two a day per category: the reprinted one is done with, a second is taken and done with, then no more.
  await removeCard();
  await adminCancelAll();
  await page.click('[data-testid=nav-home]');
  await placeCard(page, 'residentLongTerm');
  await page.click('.tile[data-category=cat-gjj]');
  await page.waitForSelector('[data-testid=done]');
  await removeCard();
  await adminCancelAll();
  await page.click('[data-testid=nav-home]');
  await placeCard(page, 'residentLongTerm');
  const limited = page.locator('.tile[data-category=cat-gjj]');
  assert.equal(await limited.isDisabled(), true);
  assert.match((await limited.textContent()) ?? '', /今日取号次数已满/);
  await check(page, 'card-id-limit');
  await removeCard();
});

test('a slip that does not print: the number is voided on the server and nothing waits in its queue', async () => {
  const page = await kiosk();
  await act(agent, { action: 'printer.runOut' });
  await page.click('.tile[data-category=cat-sw]');
  await page.waitForSelector('[data-testid=failed]');
  await check(page, 'print-failed');
  assert.match((await page.textContent('[data-testid=failed]')) ?? '', /请到服务台取号/);
  for (let i = 0; i < 50 && !ticketRows().some((t) => t.number.startsWith('H') && t.status === 'voided'); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(
    ticketRows()
      .filter((t) => t.number.startsWith('H'))
      .map((t) => t.status),
    ['voided'],
  );
  const queue = (await (await fetch(`${server.url}/api/queue`)).json()) as { waiting: Record<string, number> };
  assert.equal(queue.waiting['cat-sw'], 0);
  await page.waitForSelector('[data-testid=device-banner]');
  await act(agent, { action: 'printer.paper', paper: 'ok' });
  await page.waitForFunction(() => !document.querySelector('[data-testid=device-banner]'), null, POLL);
});

test('out of paper or cover open: ticket buttons off with 请到服务台取号; back on when fixed', async () => {
  const page = await kiosk();
  await act(agent, { action: 'printer.paper', paper: 'out' });
  await page.waitForSelector('[data-testid=device-banner]', { timeout: 10_000 });
  assert.match((await page.textContent('[data-testid=device-banner]')) ?? '', /请到服务台取号/);
  assert.equal(await page.isDisabled('.tile[data-category=cat-sb]'), true);
  assert.equal(await page.isVisible('.swipe'), false, 'no invitation to swipe for a ticket that cannot print');
  await check(page, 'paper-out');
  await placeCard(page, 'resident');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=voice]')?.textContent === '本机暂时不能打印号票，请到服务台取号',
    null,
    POLL,
  );
  assert.equal(await page.isVisible('text=请选择要办理的业务'), false, 'no invitation to choose what cannot print');
  await check(page, 'paper-out-card');
  await removeCard();
  await page.click('[data-testid=nav-home]');
  await act(agent, { action: 'printer.paper', paper: 'ok' });
  await page.waitForFunction(() => !document.querySelector('[data-testid=device-banner]'), null, POLL);
  assert.equal(await page.isDisabled('.tile[data-category=cat-sb]'), false);
  await act(agent, { action: 'printer.cover', open: true });
  await page.waitForSelector('[data-testid=device-banner]', { timeout: 10_000 });
  assert.equal(await page.isDisabled('.tile[data-category=cat-sb]'), true);
  await act(agent, { action: 'printer.cover', open: false });
  await page.waitForFunction(() => !document.querySelector('[data-testid=device-banner]'), null, POLL);
  await act(agent, { action: 'printer.paper', paper: 'nearEnd' });
  await page.waitForSelector('text=号票纸即将用完', { timeout: 10_000 });
  assert.equal(await page.isDisabled('.tile[data-category=cat-sb]'), false, 'near the end: still issuing');
  await act(agent, { action: 'printer.paper', paper: 'ok' });
});

test('elder mode: on by the card’s age, larger type, spoken prompts, an elderly ticket', async () => {
  const page = await kiosk();
  await placeCard(page, 'elderly');
  await page.waitForSelector('.kiosk.elder');
  const size = await page.evaluate(() => getComputedStyle(document.querySelector('.kiosk') as Element).fontSize);
  assert.equal(size, '36px');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=voice]')?.textContent === '请选择要办理的业务',
    null,
    POLL,
  );
  assert.equal(await page.locator('.card-screen .tile').count(), 4, 'fewer choices for an elder');
  await check(page, 'elder-card');
  await page.click('.tile[data-category=cat-yb]');
  await page.waitForSelector('[data-testid=done]');
  await check(page, 'elder-done');
  const broken = await page.$$eval('[data-testid=windows] .nowrap', (spans) =>
    spans
      .filter((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.bottom))).size > 1)
      .map((s) => s.textContent),
  );
  assert.deepEqual(broken, [], 'no window number split across lines');
  const number = (await page.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
  assert.equal(ticketRows().find((t) => t.number === number)?.priority, 'elderly');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=voice]')?.textContent?.startsWith('您已领取'),
    null,
    POLL,
  );
  await removeCard();
  await page.click('[data-testid=nav-home]');
  await page.waitForSelector('.home');
  assert.equal(await page.isVisible('.kiosk.elder'), false, 'the card’s elder mode ended with its holder’s visit');
  assert.equal(await page.isVisible('text=搜索事项'), true);
  await page.click('text=长者模式');
  await page.waitForSelector('.kiosk.elder');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=voice]')?.textContent?.includes('长者模式'),
    null,
    POLL,
  );
  assert.equal(await page.isVisible('text=搜索事项'), false, 'fewer choices in elder mode');
  assert.equal(await page.locator('.home .tile').count(), 4, 'the most used queues only');
  const toggle = await page.locator('button:text-is("退出长者模式")').boundingBox();
  assert.ok(toggle && toggle.y + toggle.height <= 1920, 'the way out of elder mode is on screen without scrolling');
  await check(page, 'elder-home');
  await page.click('text=更多业务');
  assert.equal(await page.locator('.home .tile').count(), 12);
  await page.click('text=退出长者模式');
  await page.waitForSelector('.kiosk:not(.elder)');
  await adminCancelAll();
});

test('idle: set in the settings; back home by itself, and the name is gone from the screen', async () => {
  const page = await kiosk();
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('yimen.terminal') ?? 'null'));
  await openPinPad(page);
  for (const digit of '135790') await page.click(`.pinpad button:text-is("${digit}")`);
  await page.click('.pinpad button:text-is("确定")');
  await page.waitForSelector('[data-testid=idle-value]');
  await page.click('button[aria-label="增加"]');
  assert.equal(await page.textContent('[data-testid=idle-value]'), '70');
  await page.click('.dialog button:text-is("保存")');
  await page.waitForSelector('text=已保存');
  assert.equal((await stored()).idleSeconds, 70, 'kept in the terminal record');
  // One tap must not wipe the enrolment.
  await page.click('button:text-is("注销本终端")');
  await page.waitForSelector('text=确定注销吗');
  await check(page, 'settings-forget');
  await page.click('.confirm button:text-is("取消")');
  await page.click('.dialog button:text-is("关闭")');
  assert.ok((await stored())?.token, 'still enrolled');
  await page.evaluate(() => {
    const key = 'yimen.terminal';
    const record = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(key, JSON.stringify({ ...record, idleSeconds: 10 }));
  });
  await page.reload();
  await page.waitForSelector('.tiles');
  await placeCard(page, 'resident');
  await removeCard();
  assert.match((await page.textContent('[data-testid=countdown]')) ?? '', /秒后返回首页/);
  await page.waitForSelector('.home', { timeout: 15_000 });
  const text = (await page.textContent('body')) ?? '';
  assert.equal(text.includes('王*试'), false);
  assert.equal(text.includes('1101'), false);
});

test('the guide: found by "bdc" on the touch keyboard and by name; its phone page; the one-time list prints', async () => {
  const page = await kiosk();
  await page.click('text=搜索事项');
  await page.click('.key:text-is("B")');
  await page.waitForFunction(() => document.querySelectorAll('.result').length === 8, null, POLL);
  // With a page of results, the input, the keyboard and the footer all stay where a finger expects them.
  const [input, keyboard, nav] = await page.evaluate(() =>
    ['[data-testid=search-input]', '.keyboard', '.kiosk-nav'].map(
      (selector) => document.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect,
    ),
  );
  assert.ok(input && keyboard && nav);
  assert.ok(input.top >= 0 && input.bottom < keyboard.top, 'the input stays on screen');
  assert.ok(keyboard.bottom <= nav.top, `the keyboard ends above the footer (${keyboard.bottom})`);
  assert.ok(nav.bottom <= 1920, 'the footer is inside the screen');
  for (const key of ['D', 'C']) await page.click(`.key:text-is("${key}")`);
  await page.waitForSelector('.result');
  const first = (await page.locator('.result .result-name').first().textContent()) ?? '';
  assert.ok(first.startsWith('不动产'), first);
  await check(page, 'search-bdc');
  await typeInSearch(page, '结婚');
  await page.waitForFunction(
    () => document.querySelector('.result .result-name')?.textContent?.includes('结婚'),
    null,
    POLL,
  );
  await typeInSearch(page, '不动产');
  await page.waitForFunction(
    () => document.querySelector('.result .result-name')?.textContent?.startsWith('不动产'),
    null,
    POLL,
  );
  const itemId = await page.locator('.result').first().getAttribute('data-item');
  await page.locator('.result').first().locator('text=办事指南').click();
  await page.waitForSelector('.guide-item');
  assert.match((await page.textContent('.guide-item')) ?? '', /申请材料/);
  assert.ok(await page.isVisible('img.qr'));
  assert.equal(await page.isDisabled('.guide-take'), true, '不动产登记 is taken with a card');
  assert.match((await page.textContent('.guide-item')) ?? '', /须刷身份证/);
  await check(page, 'guide-item');
  const before = printed(agent).length;
  await page.click('text=打印一次性告知单');
  await page.waitForSelector('text=一次性告知单已打印');
  const list = printed(agent)[before];
  const title = (await page.textContent('.guide-item h2')) ?? '';
  assert.ok(
    list?.lines.some((l) => l.text.includes(title.slice(0, 6))),
    'the list names the item',
  );
  assert.equal(list?.qr[0]?.payload, `http://hall.test/guide/${itemId}`, 'and carries the guide’s phone QR');
  await page.click('[data-testid=nav-back]');
  await page.waitForSelector('.guide-list');
  await check(page, 'guide-department');
  await page.click('[data-testid=nav-back]');
  await check(page, 'guide-index');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${server.url}/guide/${itemId}`);
  assert.match((await phone.textContent('main')) ?? '', /申请材料[\s\S]*必须提交/);
  await shot(phone, 'phone-guide');
  assert.deepEqual(await axeViolations(phone), []);
  await phone.close();
});

test('booked on the phone page, checked in at the kiosk: an appointment ticket', async () => {
  const card = sampleCards.resident;
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${server.url}/book`);
  await shot(phone, 'phone-book');
  assert.deepEqual(await axeViolations(phone), []);
  await phone.click('a[href="/book/cat-bdc"]');
  await shot(phone, 'phone-book-slots');
  await phone.click('a[href="/book/cat-bdc/2026-12-03/10:00"]');
  await phone.fill('#name', card.name);
  await phone.fill('#idNumber', card.idNumber);
  await phone.fill('#phone', '13800138000');
  await shot(phone, 'phone-book-form');
  await phone.click('button[type=submit]');
  await phone.waitForSelector('[data-code]');
  await shot(phone, 'phone-book-done');
  const text = (await phone.textContent('main')) ?? '';
  assert.match(text, /预约成功/);
  assert.match(text, /138\*\*\*\*8000/);
  assert.equal(text.includes('13800138000'), false, 'the phone number is shown masked');
  assert.equal(text.includes(card.idNumber), false);
  await phone.close();

  const page = await kiosk();
  await placeCard(page, 'resident');
  await page.waitForSelector('text=预约签到取号');
  await check(page, 'card-appointment');
  await page.click('text=预约签到取号');
  await page.waitForSelector('[data-testid=done]');
  const number = (await page.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
  assert.match(number, /^D\d{3}$/);
  assert.equal(ticketRows().find((t) => t.number === number)?.priority, 'appointment');
  const booking = server.db.prepare('SELECT status, phone_enc AS sealed FROM appointments').get() as {
    status: string;
    sealed: string;
  };
  assert.equal(booking.status, 'checkedIn');
  assert.equal(booking.sealed.includes('13800138000'), false, 'the phone is encrypted at rest');
  await removeCard();
  await adminCancelAll();
});
