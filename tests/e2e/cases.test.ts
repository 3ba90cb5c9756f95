/**
 * A citizen follows a case: the clerk opens 开餐馆一件事 with a paper deferred (容缺), then
 * the kiosk (1080×1920, Debian Chromium) finds it by its number, and a phone opens the
 * notice's QR link. Both screens are checked with axe-core and kept as screenshots.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningAgent } from '@yimen/drivers/agent/agent';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import { addWorkingDays } from '@yimen/hall-server';
import { DEMO_HALL } from '@yimen/hall-server/demo/demo-hall';
import {
  clerkClient,
  connectClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { CaseDetail, IssuedTicket } from '@yimen/protocol';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations, createKioskHall, enrolKiosk, shot, smallTargets, startKioskAgent } from '../support/kiosk-rig';

/** Thursday 3 December 2026, 09:45 in the hall. */
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

type CaseAck = { case: CaseDetail };

async function restaurantCase(): Promise<CaseDetail> {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-2') });
  const issued = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId: 'cat-qy',
    idempotencyKey: 'cases-e2e-ticket',
  });
  kiosk.close();
  assert.ok(issued.ok, JSON.stringify(issued));
  const staffNo = DEMO_HALL.clerks.find((c) => c.departmentId === 'dept-scjg')?.staffNo as string;
  const { socket: clerk } = await clerkClient(server.url, staffNo, 'win-35');
  assert.ok((await send(clerk, 'ticket:callSpecific', { ticketId: issued.ticket.id })).ok);
  assert.ok((await send(clerk, 'ticket:start', { ticketId: issued.ticket.id })).ok);
  const opened = await send<CaseAck>(clerk, 'case:open', {
    idempotencyKey: 'cases-e2e-open',
    bundleId: 'bundle-restaurant',
    applicant: sampleCards.resident,
  });
  assert.ok(opened.ok, JSON.stringify(opened));
  const deferred = opened.case.materials.filter((m) => m.supplementable).map((m) => m.key);
  const marks = opened.case.materials
    .filter((m) => m.required && !deferred.includes(m.key))
    .map((m) => ({ key: m.key, received: true }));
  assert.ok((await send(clerk, 'case:markMaterials', { caseId: opened.case.id, marks })).ok);
  const accepted = await send<CaseAck>(clerk, 'case:accept', {
    caseId: opened.case.id,
    pledge: { signer: 'applicant', dueDate: addWorkingDays('2026-12-03', 3) },
  });
  assert.ok(accepted.ok, JSON.stringify(accepted));
  assert.equal(accepted.case.kind, 'joint');
  await send(clerk, 'ticket:finish', { ticketId: issued.ticket.id });
  clerk.close();
  return accepted.case;
}

test('the kiosk finds a case by its number and the notice’s QR opens its page: masked, what is owed, by when', async () => {
  const c = await restaurantCase();

  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  try {
    const page = await context.newPage();
    await enrolKiosk(page, server.url, hall.token('admin-1'), agent);
    await page.click('[data-testid=open-cases]');
    for (const digit of c.number) await page.click(`.keyboard .key:text-is("${digit}")`);
    assert.equal(await page.textContent('[data-testid=case-number-input]'), c.number);
    await page.click('[data-testid=case-search]');
    await page.waitForSelector('[data-testid=case-card]');
    const card = (await page.textContent('[data-testid=case-card]')) ?? '';
    assert.match(card, /开餐馆一件事/);
    assert.match(card, /联办件/);
    assert.match(card, /办理中/);
    assert.match(card, /请于12月8日前补交：食品安全管理人员培训合格证明、存款账户账号报告/);
    assert.match(card, /王\*试/);
    assert.ok(!card.includes('王测试') && !card.includes(sampleCards.resident.idNumber.slice(-4)), 'masked');
    await shot(page, 'kiosk-cases');
    assert.deepEqual(await axeViolations(page), [], 'axe');
    assert.deepEqual(await smallTargets(page), [], 'touch targets');

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 1100 });
    const link = new URL(c.progressUrl as string);
    await phone.goto(`${server.url}${link.pathname}${link.search}`);
    assert.equal(await phone.textContent('[data-testid=case-number]'), c.number);
    assert.equal(await phone.textContent('[data-testid=case-status]'), '办理中');
    const text = (await phone.textContent('main')) ?? '';
    assert.match(text, /食品安全管理人员培训合格证明/);
    assert.match(text, /市场监管局 · 办理中/);
    assert.ok(!text.includes('王测试'));
    await shot(phone, 'case-page');
    assert.deepEqual(await axeViolations(phone), [], 'axe on the public page');
    await phone.goto(`${server.url}/c/${c.number}?k=AAAA2222`);
    assert.match((await phone.textContent('main')) ?? '', /未找到该办件/);
  } finally {
    await context.close();
  }
});
