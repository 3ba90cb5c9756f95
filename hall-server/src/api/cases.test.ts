import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type {
  CaseChangedEvent,
  CaseDetail,
  CaseNoticeResponse,
  CaseProgress,
  IssuedTicket,
  RatingView,
} from '@yimen/protocol';
import { addWorkingDaysIn } from '../domain';
import { APPLICANT_CARD, BENEFIT_ITEM, CASE_HALL, LICENCE_ITEM, TEST_BUNDLE } from '../testing/case-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '../testing/test-server';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: HallClient[] = [];
let keys = 0;
const key = () => `case-test-${++keys}-${Date.now()}`;

async function connect(auth: Record<string, unknown>) {
  const socket = await connectClient(server.url, auth);
  sockets.push(socket);
  return socket;
}

before(async () => {
  hall = createTestHall(CASE_HALL);
  server = await startTestServer(hall);
});

after(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
  removeTestHall(hall);
});

type CaseAck = { case: CaseDetail };

/** A citizen takes a ticket and the clerk calls and starts it: the case opens from that ticket. */
async function serveOne(clerk: HallClient, categoryId: string) {
  const kiosk = await connect({ token: hall.token('kiosk-1') });
  const issued = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', { categoryId, idempotencyKey: key() });
  assert.ok(issued.ok);
  const call = await send<{ ticket: { id: string } }>(clerk, 'ticket:callSpecific', { ticketId: issued.ticket.id });
  assert.ok(call.ok, JSON.stringify(call));
  assert.ok((await send(clerk, 'ticket:start', { ticketId: issued.ticket.id })).ok);
  return issued.ticket.id;
}

async function finishTicket(clerk: HallClient, ticketId: string) {
  assert.ok((await send(clerk, 'ticket:finish', { ticketId })).ok);
}

const admin = () => ({ authorization: `Bearer ${hall.token('admin-1')}` });
const today = () => server.service.businessDay;
const inWorkingDays = (n: number) => addWorkingDaysIn(server.service.calendar, today(), n);

test('容缺受理 over the socket: full identity to the case’s staff only, hand-over waits for the deferred paper, every step logged', async () => {
  const { socket: clerk, session } = await clerkClient(server.url, 'T001', 'win-1');
  const { socket: neighbour } = await clerkClient(server.url, 'T002', 'win-2');
  const display = await connect({ token: hall.token('display-1') });
  const adminSocket = await connect({ token: hall.token('admin-1') });
  const seen: { display: string[]; neighbour: CaseChangedEvent[] } = { display: [], neighbour: [] };
  display.onAny((name: string) => seen.display.push(name));
  neighbour.on('case:changed', (e) => seen.neighbour.push(e));
  sockets.push(clerk, neighbour);

  const ticketId = await serveOne(clerk, 'cat-a');
  const opened = await send<CaseAck & { replayed: boolean }>(clerk, 'case:open', {
    idempotencyKey: 'open-1-xxxx',
    itemIds: [BENEFIT_ITEM.id],
    applicant: APPLICANT_CARD,
    phone: '13912345678',
  });
  assert.ok(opened.ok, JSON.stringify(opened));
  const c = opened.case;
  assert.match(c.number, new RegExp(`^${today().replaceAll('-', '')}\\d{4}$`));
  assert.equal(c.ticketId, ticketId);
  assert.equal(c.identity?.name, '王小明', 'the clerk handling it sees the full identity');
  assert.equal(c.identity?.address, APPLICANT_CARD.address);
  assert.equal(c.identity?.phone, '13912345678');
  assert.equal(c.applicant.nameMasked, '王*明');
  assert.equal(c.phoneMasked, '139****5678');
  assert.match(c.checkCode ?? '', /^[2-9A-HJKMNP-Z]{8}$/);

  const retry = await send<CaseAck & { replayed: boolean }>(clerk, 'case:open', {
    idempotencyKey: 'open-1-xxxx',
    itemIds: [BENEFIT_ITEM.id],
    applicant: APPLICANT_CARD,
  });
  assert.ok(retry.ok && retry.replayed && retry.case.number === c.number, 'a retried open gets the same case');

  const other = await send<CaseAck>(neighbour, 'case:get', { number: c.number });
  assert.ok(other.ok);
  assert.equal(other.case.identity, null, 'another window sees it masked');
  assert.equal(other.case.checkCode, null);
  const byAdmin = await send<CaseAck>(adminSocket, 'case:get', { caseId: c.id });
  assert.ok(byAdmin.ok && byAdmin.case.identity?.idNumber === APPLICANT_CARD.idNumber, 'the admin sees it all');

  const marked = await send<CaseAck>(clerk, 'case:markMaterials', {
    caseId: c.id,
    rev: c.rev,
    marks: [
      { key: 'm1', received: true },
      { key: 'm2', received: true },
    ],
  });
  assert.ok(marked.ok);
  const stale = await send(clerk, 'case:accept', { caseId: c.id, rev: c.rev });
  assert.ok(!stale.ok && stale.error.code === 'CONFLICT');
  const incomplete = await send(clerk, 'case:accept', { caseId: c.id });
  assert.ok(!incomplete.ok && incomplete.error.code === 'MATERIALS_INCOMPLETE');
  assert.match(incomplete.error.message, /解除劳动合同证明/);
  const late = await send(clerk, 'case:accept', {
    caseId: c.id,
    pledge: { signer: 'applicant', dueDate: inWorkingDays(4) },
  });
  assert.ok(!late.ok && late.error.code === 'PLEDGE_TOO_LATE', 'the pledge may not outrun the 3-day limit');
  const dueDate = inWorkingDays(3);
  const accepted = await send<CaseAck>(clerk, 'case:accept', {
    caseId: c.id,
    pledge: { signer: 'applicant', dueDate },
  });
  assert.ok(accepted.ok, JSON.stringify(accepted));
  assert.equal(accepted.case.status, 'accepted');
  assert.equal(accepted.case.deadline, inWorkingDays(3));
  await finishTicket(clerk, ticketId);

  const notice = await send<CaseNoticeResponse>(clerk, 'case:notice', { caseId: c.id, notice: 'deferredAcceptance' });
  assert.ok(notice.ok);
  assert.equal(notice.jobs.length, 2, 'two copies');
  const job = notice.jobs[0];
  assert.ok(job?.template === 'notice');
  assert.match(JSON.stringify(job.notice), /解除劳动合同证明/);
  assert.ok(!JSON.stringify(notice).includes('王小明'), 'papers carry the masked name');
  const forbidden = await send(neighbour, 'case:notice', { caseId: c.id, notice: 'deferredAcceptance' });
  assert.ok(!forbidden.ok && forbidden.error.code === 'FORBIDDEN');

  const pdf = await fetch(`${server.url}${notice.pdfPath}`, { headers: { authorization: `Bearer ${session}` } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = join(hall.dir, 'notice.pdf');
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.ok(text.includes(c.number), 'the case number is extractable text');
  assert.match(text, /容缺受理通知书/);
  assert.match(text, /解除劳动合同证明/);
  assert.equal((execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/) ?? [])[1], '2');
  assert.match(
    execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    /yes\s+yes\s+yes/,
    'the font is embedded (subset)',
  );
  assert.equal((await fetch(`${server.url}${notice.pdfPath}`)).status, 401);

  const approved = await send<CaseAck>(clerk, 'case:decide', { caseId: c.id, outcome: 'approved' });
  assert.ok(approved.ok && approved.case.status === 'approved');
  const early = await send(clerk, 'case:handOver', { caseId: c.id, method: 'window' });
  assert.ok(!early.ok && early.error.code === 'MATERIALS_OUTSTANDING');

  // The paper comes back another day to another window of the same department? Here: the same clerk.
  const paper = await send<CaseAck>(clerk, 'case:markMaterials', {
    caseId: c.id,
    marks: [{ key: 'm3', received: true }],
  });
  assert.ok(paper.ok);
  const posted = await send<CaseAck>(clerk, 'case:handOver', {
    caseId: c.id,
    method: 'post',
    trackingNumber: 'EMS1234567890',
  });
  assert.ok(posted.ok && posted.case.status === 'handedOver');

  const progress = await fetch(`${server.url}/api/cases/${c.number}/progress?code=${c.checkCode}`);
  const body = (await progress.json()) as { progress: CaseProgress };
  assert.equal(body.progress.status, 'handedOver');
  assert.equal(body.progress.handover?.trackingNumber, 'EMS1234567890');
  assert.ok(!JSON.stringify(body).includes('王小明') && !JSON.stringify(body).includes('1239'));
  assert.equal((await fetch(`${server.url}/api/cases/${c.number}/progress?code=AAAA2222`)).status, 404);
  const page = await fetch(`${server.url}/c/${c.number}?k=${c.checkCode}`);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.match(html, /已办结，已送达/);
  assert.match(html, /EMS1234567890/);
  assert.ok(!html.includes('王小明'));

  // Staff events only: masked, to clerks and admins, never to the hall's display.
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(seen.neighbour.length >= 6);
  assert.ok(seen.neighbour.every((e) => !JSON.stringify(e).includes('王小明')));
  assert.ok(!seen.display.includes('case:changed'));
  const logged = server.db
    .prepare("SELECT COUNT(*) AS n FROM events WHERE name = 'case:changed' AND json_extract(payload, '$.case.id') = ?")
    .get(c.id) as { n: number };
  assert.equal(logged.n, 6, 'open, two marks, accept, decide, hand-over: each in the event log');
  const row = server.db.prepare('SELECT data, identity_enc FROM cases WHERE id = ?').get(c.id) as {
    data: string;
    identity_enc: string;
  };
  for (const secret of ['王小明', APPLICANT_CARD.idNumber, '青溪镇样例路', '13912345678']) {
    assert.ok(!row.data.includes(secret) && !row.identity_enc.includes(secret), 'stored sealed, never in the clear');
  }
});

test('the dishonesty list bars 容缺 for its term; the admin lifts it; the kiosk finds the holder’s cases masked', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  sockets.push(clerk);
  const ticketId = await serveOne(clerk, 'cat-a');
  const opened = await send<CaseAck>(clerk, 'case:open', {
    idempotencyKey: key(),
    itemIds: [BENEFIT_ITEM.id],
    applicant: APPLICANT_CARD,
  });
  assert.ok(opened.ok);
  await send(clerk, 'case:markMaterials', {
    caseId: opened.case.id,
    marks: [
      { key: 'm1', received: true },
      { key: 'm2', received: true },
    ],
  });
  const listed = await fetch(`${server.url}/api/admin/dishonesty`, {
    method: 'POST',
    headers: { ...admin(), 'content-type': 'application/json' },
    body: JSON.stringify({
      idNumber: APPLICANT_CARD.idNumber,
      name: APPLICANT_CARD.name,
      reason: '提供虚假承诺，逾期未补交材料',
      from: today(),
      until: inWorkingDays(200),
    }),
  });
  assert.equal(listed.status, 201);
  const entry = ((await listed.json()) as { entry: { id: string; idMasked: string } }).entry;
  assert.equal(entry.idMasked, '1101**********1239');
  const pledge = { signer: 'applicant', dueDate: inWorkingDays(2) };
  const barred = await send(clerk, 'case:accept', { caseId: opened.case.id, pledge });
  assert.ok(!barred.ok && barred.error.code === 'DISHONESTY_LISTED');
  assert.equal(
    (await fetch(`${server.url}/api/admin/dishonesty/${entry.id}/lift`, { method: 'POST', headers: admin() })).status,
    200,
  );
  const accepted = await send<CaseAck>(clerk, 'case:accept', { caseId: opened.case.id, pledge });
  assert.ok(accepted.ok, JSON.stringify(accepted));
  await finishTicket(clerk, ticketId);

  const kiosk = await connect({ token: hall.token('kiosk-2') });
  const mine = await send<{ cases: CaseProgress[] }>(kiosk, 'case:progress', {
    idCard: { idNumber: APPLICANT_CARD.idNumber, name: APPLICANT_CARD.name },
  });
  assert.ok(mine.ok && mine.cases.length >= 2);
  assert.ok(!JSON.stringify(mine).includes('王小明'));
  const one = await send<{ cases: CaseProgress[] }>(kiosk, 'case:progress', { number: opened.case.number });
  assert.ok(one.ok && one.cases[0]?.outstanding[0] === '解除劳动合同证明');
  const list = await send<{ cases: { case: { id: string } }[] }>(clerk, 'case:list', { scope: 'supplements' });
  assert.ok(list.ok && list.cases.some((e) => e.case.id === opened.case.id));
  const forbidden = await send(kiosk, 'case:get', { caseId: opened.case.id });
  assert.ok(!forbidden.ok && forbidden.error.code === 'FORBIDDEN');
});

test('a rating is of the case’s item, not of the queue, whose several items say nothing; none without a case', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  sockets.push(clerk);
  const withCase = await serveOne(clerk, 'cat-a');
  const opened = await send<CaseAck>(clerk, 'case:open', {
    idempotencyKey: key(),
    itemIds: [BENEFIT_ITEM.id],
    applicant: APPLICANT_CARD,
  });
  assert.ok(opened.ok, JSON.stringify(opened));
  await finishTicket(clerk, withCase);
  const withoutCase = await serveOne(clerk, 'cat-a');
  await finishTicket(clerk, withoutCase);
  const pad = await connect({ token: hall.token('evaluator-win-1') });
  const rate = (ticketId: string) =>
    send<{ rating: RatingView }>(pad, 'rating:submit', { ticketId, level: 'satisfied', channel: 'touch' });
  const ofCase = await rate(withCase);
  assert.ok(ofCase.ok, JSON.stringify(ofCase));
  assert.deepEqual([ofCase.rating.itemId, ofCase.rating.itemIds], [BENEFIT_ITEM.id, [BENEFIT_ITEM.id]]);
  const ofQueue = await rate(withoutCase);
  assert.ok(ofQueue.ok);
  assert.equal(CASE_HALL.categories.find((c) => c.id === 'cat-a')?.itemIds.length, 2);
  assert.deepEqual([ofQueue.rating.itemId, ofQueue.rating.itemIds], [null, []]);
  const stored = server.db
    .prepare('SELECT item_id AS itemId FROM rating_items WHERE rating_id = ?')
    .all(ofCase.rating.id) as { itemId: string }[];
  assert.deepEqual(stored, [{ itemId: BENEFIT_ITEM.id }]);
  assert.throws(() => server.db.prepare('DELETE FROM rating_items').run(), /cannot be deleted/);
});

test('a bundle is one joint case at one window; a hall closure entered by the admin moves its deadlines', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T009', 'win-9');
  const { socket: estate } = await clerkClient(server.url, 'T002', 'win-2');
  sockets.push(clerk, estate);
  const closure = inWorkingDays(2);
  const put = await fetch(`${server.url}/api/admin/calendar/${closure}`, {
    method: 'PUT',
    headers: { ...admin(), 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'holiday', name: '停电检修' }),
  });
  assert.equal(put.status, 200);
  try {
    const ticketId = await serveOne(clerk, 'cat-b');
    const opened = await send<CaseAck>(clerk, 'case:open', {
      idempotencyKey: key(),
      bundleId: TEST_BUNDLE.id,
      applicant: APPLICANT_CARD,
    });
    assert.ok(opened.ok, JSON.stringify(opened));
    assert.equal(opened.case.title, TEST_BUNDLE.name);
    assert.equal(opened.case.handling, 'joint');
    assert.equal(opened.case.materials.filter((m) => m.name === '居民身份证').length, 1, 'one ID card for both');
    const required = opened.case.materials.filter((m) => m.required).map((m) => ({ key: m.key, received: true }));
    assert.ok((await send(clerk, 'case:markMaterials', { caseId: opened.case.id, marks: required })).ok);
    const accepted = await send<CaseAck>(clerk, 'case:accept', { caseId: opened.case.id });
    assert.ok(accepted.ok, JSON.stringify(accepted));
    await finishTicket(clerk, ticketId);
    // Rated: the rating is of both items of the bundle, and counts for each.
    const rated = server.services.ratings.fromPhone(ticketId, { level: 'basic' });
    assert.ok(rated.ok);
    assert.deepEqual([rated.rating.itemId, rated.rating.itemIds], [null, [BENEFIT_ITEM.id, LICENCE_ITEM.id]]);
    const byItem = server.services.ratings.satisfaction('item', today(), today());
    for (const item of [BENEFIT_ITEM, LICENCE_ITEM]) {
      assert.ok((byItem.find((r) => r.key === item.id)?.counts.basic ?? 0) >= 1, `${item.id} counts the rating`);
    }
    const stepB = accepted.case.steps.find((s) => s.departmentId === 'dep-b');
    const national = addWorkingDaysIn(
      { exceptions: new Map([...server.service.calendar.exceptions].filter(([d]) => d !== closure)) },
      today(),
      5,
    );
    assert.equal(stepB?.deadline, addWorkingDaysIn(server.service.calendar, today(), 5));
    assert.notEqual(stepB?.deadline, national, 'the closure pushed the deadline a working day');
    const done = await send<CaseAck>(estate, 'case:completeStep', { caseId: opened.case.id, stepId: stepB?.id });
    assert.ok(done.ok, 'the other department records its own step');
    assert.equal(done.case.identity, null, 'and sees the applicant masked');
    const early = await send(clerk, 'case:decide', { caseId: opened.case.id, outcome: 'approved' });
    assert.ok(!early.ok && early.error.code === 'ILLEGAL_TRANSITION');
  } finally {
    const removed = await fetch(`${server.url}/api/admin/calendar/${closure}`, { method: 'DELETE', headers: admin() });
    assert.equal(removed.status, 200);
  }
  const alerts = await fetch(`${server.url}/api/admin/cases/alerts`, { headers: admin() });
  assert.equal(alerts.status, 200);
  assert.equal((await fetch(`${server.url}/api/admin/cases/alerts`)).status, 401);
});
