import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decode } from '@yimen/drivers/printer/decode';
import { renderNotice } from '@yimen/drivers/printer/templates';
import { addWorkingDaysIn } from '@yimen/hall-server/domain';
import { APPLICANT_CARD, BENEFIT_ITEM, CASE_HALL } from '@yimen/hall-server/testing/case-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { CaseDetail, CaseNoticeResponse, IssuedTicket, NoticeKind } from '@yimen/protocol';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  hall = createTestHall(CASE_HALL);
  server = await startTestServer(hall);
});

after(async () => {
  await server.dispose();
  removeTestHall(hall);
});

test('the hall’s notices, printed: decoded ESC/POS names the missing papers, the deferred one and its date, and the QR opens the case', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const issued = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: 'notice-ticket-1',
  });
  kiosk.close();
  assert.ok(issued.ok);
  await send(clerk, 'window:callNext', {});
  await send(clerk, 'ticket:start', { ticketId: issued.ticket.id });
  type CaseAck = { case: CaseDetail };
  const opened = await send<CaseAck>(clerk, 'case:open', {
    idempotencyKey: 'notice-open-1',
    itemIds: [BENEFIT_ITEM.id],
    applicant: APPLICANT_CARD,
  });
  assert.ok(opened.ok);
  const caseId = opened.case.id;
  await send(clerk, 'case:markMaterials', { caseId, marks: [{ key: 'm1', received: true }] });
  assert.ok((await send(clerk, 'case:requestMaterials', { caseId })).ok);

  const printed = async (notice: NoticeKind) => {
    const ack = await send<CaseNoticeResponse>(clerk, 'case:notice', { caseId, notice });
    assert.ok(ack.ok, JSON.stringify(ack));
    return ack.jobs.map((job) => {
      assert.equal(job.template, 'notice');
      const result = decode(
        renderNotice((job as { notice: Parameters<typeof renderNotice>[0] }).notice, { width: 80 }),
      );
      assert.deepEqual(result.errors, []);
      return { text: result.lines.map((l) => l.text).join('\n'), qr: result.qr.map((q) => q.payload) };
    });
  };

  const [missing] = await printed('missingMaterials');
  assert.match(missing?.text ?? '', /缺补材料一次性告知书/);
  assert.match(missing?.text ?? '', /1\. 失业保险金申领表/);
  assert.match(missing?.text ?? '', /2\. 解除劳动合同证明/);
  assert.match(missing?.text ?? '', new RegExp(`办件编号：${opened.case.number}`));
  assert.ok(!missing?.text.includes('王小明'), 'masked on paper');

  await send(clerk, 'case:markMaterials', { caseId, marks: [{ key: 'm2', received: true }] });
  const due = addWorkingDaysIn(server.service.calendar, server.service.businessDay, 2);
  const accepted = await send<CaseAck>(clerk, 'case:accept', { caseId, pledge: { signer: 'applicant', dueDate: due } });
  assert.ok(accepted.ok, JSON.stringify(accepted));
  const copies = await printed('deferredAcceptance');
  assert.equal(copies.length, 2);
  const [y, m, d] = due.split('-').map(Number);
  for (const copy of copies) {
    assert.match(copy.text, /容缺受理通知书/);
    assert.match(copy.text, /1\. 解除劳动合同证明/);
    assert.ok(copy.text.replaceAll('\n', '').includes(`请于${y}年${m}月${d}日前`), 'the promised date');
    assert.equal(copy.qr[0], opened.case.progressUrl);
  }
  assert.match(copies[0]?.text ?? '', /第一联 申请人留存/);
  assert.match(copies[1]?.text ?? '', /第二联 窗口存档/);

  const [limit] = await printed('timeLimit');
  assert.match(limit?.text.replaceAll('\n', '') ?? '', /承诺办结时限为3个工作日/);
  const refused = await send(clerk, 'case:notice', { caseId, notice: 'notAccepted' });
  assert.ok(!refused.ok && refused.error.code === 'ILLEGAL_TRANSITION');

  const progressPath = new URL(opened.case.progressUrl as string);
  const page = await fetch(`${server.url}${progressPath.pathname}${progressPath.search}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /解除劳动合同证明/);
  clerk.close();
});
