/**
 * The window's terminal against a real hall-server over socket.io and REST: ratings from the
 * pad and the phone page (one per ticket), 未评价, rectification and appeal, the caller
 * keypad acting as the window's clerk, fingerprint enrolment, sign-in and punches, and what
 * the database holds (ratings unalterable, phone numbers and templates sealed).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type {
  EnrolFingerEvent,
  IdentifyFingerEvent,
  IssuedTicket,
  RatingView,
  RectificationView,
  Ticket,
  TicketRatingState,
  WindowView,
} from '@yimen/protocol';
import { SMALL_HALL } from '../testing/small-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  nextEvent,
  removeTestHall,
  send,
  startTestServer,
  TEST_TERMINALS,
  type TestHall,
} from '../testing/test-server';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
const open: HallClient[] = [];
let keySeq = 0;

const EVALUATOR_2 = { id: 'evaluator-win-2', name: '2号窗口评价器', role: 'evaluator' as const, windowId: 'win-2' };
/** Enrolled, never connected in these tests. */
const EVALUATOR_3 = { id: 'evaluator-win-3', name: '3号窗口评价器', role: 'evaluator' as const, windowId: 'win-3' };

/** The hall's clock runs with the wall's until the last test moves it weeks on. */
let clockOffset = 0;

before(async () => {
  hall = createTestHall(SMALL_HALL, [...TEST_TERMINALS, EVALUATOR_2, EVALUATOR_3]);
  server = await startTestServer(hall, () => Date.now() + clockOffset);
});

after(async () => {
  for (const s of open) s.close();
  await server.dispose();
  removeTestHall(hall);
});

async function client(auth: Record<string, unknown>): Promise<HallClient> {
  const socket = await connectClient(server.url, auth);
  open.push(socket);
  return socket;
}

const admin = () => ({ authorization: `Bearer ${hall.token('admin-1')}`, 'content-type': 'application/json' });
/** A console's request: JSON, no credentials. */
const json = { 'content-type': 'application/json' } as unknown as ReturnType<typeof admin>;

async function rest<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers = admin()) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T & { ok: boolean; error?: { code: string } } };
}

/** A ticket of cat-a issued, called and finished at win-1 by the clerk signed in there. */
async function servedTicket(clerk: HallClient): Promise<IssuedTicket> {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const issued = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: `window-test-${++keySeq}`,
  });
  assert.ok(issued.ok);
  const called = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
  assert.ok(called.ok, JSON.stringify(called));
  assert.ok((await send(clerk, 'ticket:start', { ticketId: called.ticket.id })).ok);
  assert.ok((await send(clerk, 'ticket:finish', { ticketId: called.ticket.id })).ok);
  return issued.ticket;
}

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);

async function phoneRate(statusUrl: string, form: Record<string, string>) {
  const path = new URL(statusUrl).pathname;
  const res = await fetch(`${server.url}${path}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: res.status, text: await res.text() };
}

test('one rating per ticket across the pad and the phone page; 未评价 leaves the phone page open', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  const pad = await client({ token: hall.token('evaluator-win-1') });

  const first = await servedTicket(clerk);
  // The clerk's console follows the rating of what it finished: awaited, then given, live.
  const awaited = await send<{ rating: TicketRatingState }>(clerk, 'rating:status', { ticketId: first.id });
  assert.deepEqual(awaited.ok && awaited.rating, { ticketId: first.id, state: 'awaiting' });
  const told = nextEvent<TicketRatingState & { windowId: string }>(clerk, 'rating:changed');
  const rated = await send<{ rating: RatingView; rectificationId: string | null }>(pad, 'rating:submit', {
    ticketId: first.id,
    level: 'verySatisfied',
    channel: 'touch',
  });
  assert.ok(rated.ok);
  assert.deepEqual(await told, { ticketId: first.id, state: 'rated', level: 'verySatisfied', windowId: 'win-1' });
  assert.deepEqual(
    [
      rated.rating.clerkId,
      rated.rating.windowId,
      rated.rating.categoryId,
      rated.rating.departmentId,
      rated.rating.itemId,
    ],
    ['clerk-1', 'win-1', 'cat-a', 'dep-a', SMALL_HALL.categories[0]?.itemIds[0]],
  );
  assert.deepEqual(rated.rating.itemIds, SMALL_HALL.categories[0]?.itemIds, 'a queue of one item names it');
  assert.equal(rated.rectificationId, null);
  assert.equal(
    code(await send(pad, 'rating:submit', { ticketId: first.id, level: 'satisfied', channel: 'ratingPad' })),
    'ALREADY_RATED',
  );
  const phoneAfterPad = await phoneRate(first.statusUrl, { level: 'basic' });
  assert.equal(phoneAfterPad.status, 409, 'refused on the phone page too');
  assert.match(phoneAfterPad.text, /您已评价：非常满意/);
  const page = await (await fetch(`${server.url}${new URL(first.statusUrl).pathname}`)).text();
  assert.match(page, /您已评价：非常满意/);

  // Another window's pad cannot rate it.
  const otherPad = await client({ token: hall.token('evaluator-win-2') });
  const second = await servedTicket(clerk);
  assert.equal(
    code(await send(otherPad, 'rating:submit', { ticketId: second.id, level: 'satisfied', channel: 'touch' })),
    'FORBIDDEN',
  );

  // The pad timed out: 未评价, never a default; the citizen rates later by phone, once.
  const toldUnrated = nextEvent<TicketRatingState>(clerk, 'rating:changed');
  assert.ok((await send(pad, 'rating:expire', { ticketId: second.id })).ok);
  assert.equal((await toldUnrated).state, 'unrated');
  const neighbour = await clerkClient(server.url, 'T002', 'win-2');
  open.push(neighbour.socket);
  assert.equal(
    code(await send(neighbour.socket, 'rating:status', { ticketId: second.id })),
    'NOT_FOUND',
    'another window’s clerk is not told',
  );
  assert.equal((await rest('POST', '/api/clerk/logout', { session: neighbour.session }, json)).status, 200);
  const toldLater = nextEvent<TicketRatingState>(clerk, 'rating:changed');
  const stored = server.db.prepare('SELECT COUNT(*) AS n FROM ratings WHERE ticket_id = ?').get(second.id) as {
    n: number;
  };
  assert.equal(stored.n, 0, 'a timeout records no rating');
  assert.equal(server.services.ratings.unrated(second.id), true);
  assert.equal((await phoneRate(second.statusUrl, { level: 'satisfied' })).status, 303);
  assert.equal(server.services.ratings.ratingOf(second.id)?.channel, 'phone');
  assert.deepEqual(await toldLater, { ticketId: second.id, state: 'rated', level: 'satisfied', windowId: 'win-1' });
  assert.equal(
    code(await send(pad, 'rating:submit', { ticketId: second.id, level: 'satisfied', channel: 'touch' })),
    'ALREADY_RATED',
  );
  const again = await phoneRate(second.statusUrl, { level: 'verySatisfied' });
  assert.equal(again.status, 409);
  assert.equal(server.services.ratings.ratingOf(second.id)?.level, 'satisfied', 'the first rating stands');
});

test('a bad rating opens a rectification case; the phone is sealed and masked; nobody can alter a rating', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  const pad = await client({ token: hall.token('evaluator-win-1') });
  const ticket = await servedTicket(clerk);
  assert.equal(
    code(await send(pad, 'rating:submit', { ticketId: ticket.id, level: 'dissatisfied', channel: 'touch' })),
    'BAD_REQUEST',
  );
  assert.equal(
    code(
      await send(pad, 'rating:submit', {
        ticketId: ticket.id,
        level: 'dissatisfied',
        channel: 'touch',
        reason: 'slow',
        phone: '12345',
      }),
    ),
    'BAD_REQUEST',
  );
  const bad = await send<{ rating: RatingView; rectificationId: string }>(pad, 'rating:submit', {
    ticketId: ticket.id,
    level: 'dissatisfied',
    channel: 'touch',
    reason: 'slow',
    phone: '13912345678',
  });
  assert.ok(bad.ok);
  assert.equal(bad.rating.phoneMasked, '139****5678');
  assert.ok(bad.rectificationId);

  const db = server.db;
  assert.throws(
    () => db.prepare("UPDATE ratings SET level = 'satisfied' WHERE id = ?").run(bad.rating.id),
    /cannot be altered/,
  );
  assert.throws(() => db.prepare('DELETE FROM ratings WHERE id = ?').run(bad.rating.id), /cannot be deleted/);
  db.pragma('wal_checkpoint(FULL)');
  const raw = readFileSync(hall.dbPath).toString('latin1');
  assert.ok(!raw.includes('13912345678'), 'the phone number is not stored in the clear');

  // The hall manager: verify → rectify → call back → close, each with who and when.
  const id = bad.rectificationId;
  const act = (action: string) =>
    rest<{ rectification: RectificationView }>('POST', `/api/admin/rectifications/${id}`, {
      action,
      by: '王主任',
      note: `${action} 记录`,
    });
  assert.equal((await act('close')).status, 409, 'steps in order only');
  for (const action of ['verify', 'rectify', 'callBack', 'close'])
    assert.equal((await act(action)).status, 200, action);
  const closed = await rest<{ rectifications: (RectificationView & { rating: RatingView })[] }>(
    'GET',
    '/api/admin/rectifications?open=false',
  );
  const done = closed.body.rectifications.find((c) => c.id === id);
  assert.equal(done?.status, 'closed');
  assert.deepEqual(
    done?.steps.map((s) => [s.action, s.by]),
    [
      ['verify', '系统'],
      ['verify', '王主任'],
      ['rectify', '王主任'],
      ['callBack', '王主任'],
      ['close', '王主任'],
    ],
  );
  assert.ok(done?.steps.every((s) => s.at > 0));
  assert.equal(
    (await rest('POST', `/api/admin/rectifications/${id}`, { action: 'verify', by: 'x', note: 'y' }, {} as never))
      .status,
    401,
  );

  // The public results page: figures and the case, no phone, no ticket number, no name.
  const publicPage = await (await fetch(`${server.url}/ratings`)).text();
  assert.match(publicPage, /好差评公示/);
  assert.match(publicPage, /办事效率低/);
  for (const secret of ['5678', ticket.number, '测试员'])
    assert.ok(!publicPage.includes(secret), `no ${secret} on the public page`);
});

test('the clerk appeals a rating; the hall manager upholds it and it leaves the satisfaction rate', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  const pad = await client({ token: hall.token('evaluator-win-1') });
  const ticket = await servedTicket(clerk);
  const bad = await send<{ rectificationId: string }>(pad, 'rating:submit', {
    ticketId: ticket.id,
    level: 'veryDissatisfied',
    channel: 'ratingPad',
    reason: 'other',
  });
  assert.ok(bad.ok);
  const before = await rest<{ rows: { key: string; bad: number }[] }>('GET', '/api/admin/ratings/stats?group=clerk');
  const badBefore = before.body.rows.find((r) => r.key === 'clerk-1')?.bad ?? 0;
  // Only the rated clerk may appeal, and only by session (the pad cannot).
  assert.equal(
    code(await send(pad, 'rectification:appeal', { caseId: bad.rectificationId, note: '恶意差评' })),
    'FORBIDDEN',
  );
  const { socket: otherClerk } = await clerkClient(server.url, 'T009', 'win-9');
  open.push(otherClerk);
  assert.equal(
    code(await send(otherClerk, 'rectification:appeal', { caseId: bad.rectificationId, note: '恶意差评' })),
    'FORBIDDEN',
  );
  const appeal = await send<{ rectification: RectificationView }>(clerk, 'rectification:appeal', {
    caseId: bad.rectificationId,
    note: '群众未办理业务即离开，属误评',
  });
  assert.ok(appeal.ok);
  assert.equal(appeal.rectification.status, 'appealed');
  const upheld = await rest<{ rectification: RectificationView }>(
    'POST',
    `/api/admin/rectifications/${bad.rectificationId}`,
    {
      action: 'upholdAppeal',
      by: '王主任',
      note: '经调取录像核实，申诉成立',
    },
  );
  assert.equal(upheld.body.rectification.outcome, 'appealUpheld');
  const after = await rest<{ rows: { key: string; bad: number }[] }>('GET', '/api/admin/ratings/stats?group=clerk');
  assert.equal(after.body.rows.find((r) => r.key === 'clerk-1')?.bad, badBefore - 1);
  const stillThere = server.db.prepare('SELECT level FROM ratings WHERE ticket_id = ?').get(ticket.id) as {
    level: string;
  };
  assert.equal(stillThere.level, 'veryDissatisfied', 'the rating itself is unchanged');
});

test('caller keys act as the clerk signed in at the window; refused with nobody; the pad sends no clerk command', async () => {
  const keypad = await client({ token: hall.token('evaluator-win-2') });
  const kiosk = await client({ token: hall.token('kiosk-1') });
  assert.ok(
    (await send(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: `keypad-ticket-${++keySeq}` })).ok,
  );
  assert.equal(code(await send(keypad, 'window:key', { key: 'call' })), 'NO_CLERK');
  for (const command of ['window:callNext', 'ticket:finish', 'window:pause', 'ticket:recall']) {
    assert.equal(code(await send(keypad, command, { ticketId: 'x', reason: 'x' })), 'FORBIDDEN', command);
  }
  assert.equal(code(await send(keypad, 'window:key', { key: 'call', clerkId: 'clerk-2' })), 'BAD_REQUEST');

  const { socket: clerk } = await clerkClient(server.url, 'T002', 'win-2');
  open.push(clerk);
  const called = await send<{ ticket: Ticket; waiting: number; window: WindowView }>(keypad, 'window:key', {
    key: 'call',
  });
  assert.ok(called.ok);
  assert.equal(called.ticket?.windowId, 'win-2');
  assert.equal(called.window.currentTicketId, called.ticket?.id);
  const recalled = await send<{ ticket: Ticket }>(keypad, 'window:key', { key: 'recall' });
  assert.ok(recalled.ok);
  assert.equal(recalled.ticket.recallCount, 1);
  assert.ok((await send(clerk, 'ticket:start', { ticketId: called.ticket.id })).ok);
  assert.ok((await send(clerk, 'ticket:finish', { ticketId: called.ticket.id })).ok);
  const paused = await send<{ window: WindowView }>(keypad, 'window:key', { key: 'pause' });
  assert.deepEqual([paused.ok && paused.window.status, paused.ok && paused.window.pauseReason], ['paused', '暂停服务']);
  const resumed = await send<{ window: WindowView }>(keypad, 'window:key', { key: 'pause' });
  assert.equal(resumed.ok && resumed.window.status, 'open');
  const ask = await send<{ ticket: Ticket }>(keypad, 'window:key', { key: 'requestRating' });
  assert.equal(ask.ok && ask.ticket.id, called.ticket.id);
});

test('fingerprints: enrolled on one module, sealed in the hall, loaded into every module, signing in and punching', async () => {
  const enrolling = await client({ token: hall.token('evaluator-win-1') });
  const other = await client({ token: hall.token('evaluator-win-2') });
  const template = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 0xff)).toString('base64');

  const asked = nextEvent<EnrolFingerEvent>(enrolling, 'fingerprint:enrol');
  const loaded = nextEvent<{ put: { pageId: number; template: string }[] }>(other, 'fingerprint:templates');
  const enrolment = rest<{ pageId: number }>('POST', '/api/admin/clerks/clerk-3/fingerprints', {
    terminalId: 'evaluator-win-1',
    finger: 1,
  });
  const job = await asked;
  assert.equal(job.clerkName, '测试员3');
  assert.ok(
    (
      await send(enrolling, 'fingerprint:enrolled', {
        jobId: job.jobId,
        outcome: { kind: 'enrolled', pageId: job.pageId },
        template,
      })
    ).ok,
  );
  const enrolled = await enrolment;
  assert.equal(enrolled.status, 201);
  assert.equal(enrolled.body.pageId, job.pageId);
  assert.deepEqual((await loaded).put, [{ pageId: job.pageId, template }], 'every module receives it');
  const library = await send<{ templates: { pageId: number; template: string }[] }>(other, 'fingerprint:library', {});
  assert.deepEqual(library.ok && library.templates, [{ pageId: job.pageId, template }]);

  server.db.pragma('wal_checkpoint(FULL)');
  const raw = readFileSync(hall.dbPath);
  assert.equal(raw.indexOf(Buffer.from(template, 'base64')), -1, 'no raw template bytes in the database');
  assert.ok(!raw.toString('latin1').includes(template.slice(0, 40)), 'no base64 template in the database');

  // A failed enrolment answers the admin with the module's reason.
  const failing = nextEvent<EnrolFingerEvent>(enrolling, 'fingerprint:enrol');
  const failedEnrolment = rest('POST', '/api/admin/clerks/clerk-9/fingerprints', {
    terminalId: 'evaluator-win-1',
    finger: 2,
  });
  const failedJob = await failing;
  await send(enrolling, 'fingerprint:enrolled', {
    jobId: failedJob.jobId,
    outcome: { kind: 'mismatch', reason: '两次按压的指纹不一致' },
  });
  assert.equal((await failedEnrolment).body.error?.code, 'FINGERPRINT_FAILED');

  // Sign-in at window 2 by fingerprint: the console's request reaches that window's terminal with
  // its code; the terminal scans; the session goes to the console holding the request, and the
  // punch is recorded with it.
  const scan = nextEvent<IdentifyFingerEvent>(other, 'fingerprint:identify');
  const started = await rest<{ requestId: string; code: string; expiresInMs: number }>(
    'POST',
    '/api/clerk/fingerprint-login',
    { windowId: 'win-2' },
    json,
  );
  assert.equal(started.status, 200);
  const request = await scan;
  assert.deepEqual([request.requestId, request.code], [started.body.requestId, started.body.code]);
  assert.match(started.body.code, /^\d{4}$/);
  assert.equal(
    (await rest('POST', '/api/clerk/fingerprint-login', { windowId: 'win-2' }, json)).body.error?.code,
    'CONFLICT',
    'one sign-in at a time per window',
  );
  const login = rest<{ session: string; clerk: { id: string }; window: WindowView }>(
    'POST',
    '/api/clerk/fingerprint-login/wait',
    { requestId: started.body.requestId },
    json,
  );
  // Only the window's own terminal answers for it.
  assert.equal(
    code(
      await send(enrolling, 'fingerprint:identified', {
        requestId: request.requestId,
        outcome: { kind: 'match', pageId: job.pageId, score: 120 },
      }),
    ),
    'NOT_FOUND',
  );
  const greeted = await send<{ clerk: { name: string }; signedIn: boolean }>(other, 'fingerprint:identified', {
    requestId: request.requestId,
    outcome: { kind: 'match', pageId: job.pageId, score: 120 },
  });
  assert.deepEqual(greeted.ok && [greeted.clerk.name, greeted.signedIn], ['测试员3', true]);
  const session = await login;
  assert.equal(session.status, 200);
  assert.deepEqual([session.body.clerk.id, session.body.window.clerkId], ['clerk-3', 'clerk-3']);
  const console = await client({ session: session.body.session });
  assert.ok(console.connected, 'the session works on the socket');
  const collectedTwice = await rest(
    'POST',
    '/api/clerk/fingerprint-login/wait',
    { requestId: request.requestId },
    json,
  );
  assert.equal(collectedTwice.body.error?.code, 'NOT_FOUND', 'the session is handed over once');

  // A stranger's finger does not sign anyone in.
  const scan2 = nextEvent<IdentifyFingerEvent>(other, 'fingerprint:identify');
  const second = await rest<{ requestId: string }>('POST', '/api/clerk/fingerprint-login', { windowId: 'win-2' }, json);
  const refused = rest('POST', '/api/clerk/fingerprint-login/wait', { requestId: second.body.requestId }, json);
  await send(other, 'fingerprint:identified', { requestId: (await scan2).requestId, outcome: { kind: 'noMatch' } });
  assert.equal((await refused).body.error?.code, 'FINGERPRINT_FAILED');
  // A finger on a page the hall gave nobody, and a finger that never came: each refusal in words.
  for (const [outcome, said] of [
    [{ kind: 'match', pageId: 299, score: 80 }, '该指纹未登记，请改用工号密码登录，或请管理员录入指纹'],
    [{ kind: 'timeout' }, '等待按压指纹超时，请重新发起'],
  ] as const) {
    const scanned = nextEvent<IdentifyFingerEvent>(other, 'fingerprint:identify');
    const asked = await rest<{ requestId: string }>(
      'POST',
      '/api/clerk/fingerprint-login',
      { windowId: 'win-2' },
      json,
    );
    const answer = rest<{ error: { message: string } }>(
      'POST',
      '/api/clerk/fingerprint-login/wait',
      { requestId: asked.body.requestId },
      json,
    );
    await send(other, 'fingerprint:identified', { requestId: (await scanned).requestId, outcome });
    assert.equal((await answer).body.error.message, said);
  }

  // A console that gives up: the terminal is told to stop scanning, and a late finger signs nobody in.
  const scan3 = nextEvent<IdentifyFingerEvent>(other, 'fingerprint:identify');
  const third = await rest<{ requestId: string }>('POST', '/api/clerk/fingerprint-login', { windowId: 'win-2' }, json);
  await scan3;
  const stop = nextEvent<{ requestId: string }>(other, 'fingerprint:identifyCancelled');
  assert.equal(
    (await rest('POST', '/api/clerk/fingerprint-login/cancel', { requestId: third.body.requestId }, json)).status,
    200,
  );
  assert.equal((await stop).requestId, third.body.requestId);
  assert.equal(
    code(
      await send(other, 'fingerprint:identified', {
        requestId: third.body.requestId,
        outcome: { kind: 'match', pageId: job.pageId, score: 120 },
      }),
    ),
    'NOT_FOUND',
  );
  const gaveUp = await rest<{ error: { message: string } }>(
    'POST',
    '/api/clerk/fingerprint-login/wait',
    { requestId: third.body.requestId },
    json,
  );
  assert.equal(gaveUp.body.error.message, '已取消指纹登录');
  // A module that cannot scan says why to the console.
  const scan4 = nextEvent<IdentifyFingerEvent>(other, 'fingerprint:identify');
  const fourth = await rest<{ requestId: string }>('POST', '/api/clerk/fingerprint-login', { windowId: 'win-2' }, json);
  const unplugged = rest('POST', '/api/clerk/fingerprint-login/wait', { requestId: fourth.body.requestId }, json);
  await send(other, 'fingerprint:identified', {
    requestId: (await scan4).requestId,
    outcome: { kind: 'cancelled' },
    deviceError: '指纹仪未连接或故障',
  });
  const why = (await unplugged).body.error as { message?: string } | undefined;
  assert.match(why?.message ?? '', /指纹仪不可用（指纹仪未连接或故障）/);

  // A plain punch at window 1 (no request): recorded, and nobody is signed in anywhere by it.
  const windowsBefore = JSON.stringify(server.service.queueState.windows.get('win-1'));
  const punched = await send<{ signedIn: boolean }>(enrolling, 'fingerprint:identified', {
    outcome: { kind: 'match', pageId: job.pageId, score: 99 },
  });
  assert.equal(punched.ok && punched.signedIn, false);
  assert.equal(JSON.stringify(server.service.queueState.windows.get('win-1')), windowsBefore);
  const held = await send<{ signedIn: boolean }>(enrolling, 'fingerprint:identified', {
    outcome: { kind: 'match', pageId: job.pageId, score: 99 },
  });
  assert.ok(held.ok, 'the same finger again at once: greeted, not punched twice');
  const today = await rest<{
    records: { clerkId: string; punches: number; firstIn: number | null }[];
    punches: { kind: string; terminalId: string }[];
  }>('GET', '/api/admin/attendance');
  assert.equal(today.body.records.find((r) => r.clerkId === 'clerk-3')?.punches, 2);
  assert.deepEqual(
    today.body.punches.filter((p) => p.kind === 'signIn' || p.kind === 'punch').map((p) => [p.kind, p.terminalId]),
    [
      ['signIn', 'evaluator-win-2'],
      ['punch', 'evaluator-win-1'],
    ],
  );

  // Leave is recorded by the admin and read back with the day.
  const day = (await rest<{ day: string }>('GET', '/api/admin/attendance')).body.day;
  assert.equal(
    (await rest('POST', '/api/admin/attendance/leave', { clerkId: 'clerk-9', day, kind: 'sick' })).status,
    201,
  );
  assert.equal(
    (await rest('POST', '/api/admin/attendance/leave', { clerkId: 'nobody', day, kind: 'sick' })).status,
    404,
  );
  const withLeave = await rest<{ records: { clerkId: string; status: string }[] }>(
    'GET',
    `/api/admin/attendance?day=${day}`,
  );
  assert.equal(withLeave.body.records.find((r) => r.clerkId === 'clerk-9')?.status, 'onLeave');

  // The clerk leaves: the templates go from the hall and every module is told.
  const removal = nextEvent<{ removed: number[] }>(other, 'fingerprint:templates');
  assert.deepEqual(
    (
      await rest('DELETE', '/api/admin/clerks/clerk-3/fingerprints', undefined, {
        authorization: admin().authorization,
      } as never)
    ).body,
    { ok: true, removed: [job.pageId] },
  );
  assert.deepEqual((await removal).removed, [job.pageId]);
  const empty = await send<{ templates: unknown[] }>(other, 'fingerprint:library', {});
  assert.deepEqual(empty.ok && empty.templates, []);
});

test('sign-in by fingerprint is refused at once where no pad can scan: none fitted, or not connected', async () => {
  const none = await rest('POST', '/api/clerk/fingerprint-login', { windowId: 'win-9' }, json);
  assert.deepEqual([none.status, none.body.error?.code], [404, 'NOT_FOUND']);
  const away = await rest('POST', '/api/clerk/fingerprint-login', { windowId: 'win-3' }, json);
  assert.equal(away.body.error?.code, 'TERMINAL_OFFLINE');
  assert.match((away.body.error as { message?: string } | undefined)?.message ?? '', /评价器未连接/);
});

test('a case still open past its working-day deadline is escalated once, by the system', async () => {
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  const pad = await client({ token: hall.token('evaluator-win-1') });
  const ticket = await servedTicket(clerk);
  const bad = await send<{ rectificationId: string }>(pad, 'rating:submit', {
    ticketId: ticket.id,
    level: 'dissatisfied',
    channel: 'touch',
    reason: 'attitude',
  });
  assert.ok(bad.ok);
  assert.equal(server.services.ratings.escalateOverdue(), 0, 'not late yet');
  clockOffset = 40 * 86_400_000;
  server.service.tick();
  assert.equal(server.services.ratings.escalateOverdue(), 1);
  assert.equal(server.services.ratings.escalateOverdue(), 0, 'once');
  const escalated = server.services.ratings.caseView(bad.rectificationId);
  assert.ok(escalated?.escalatedAt);
  assert.equal(escalated?.status, 'verifying', 'escalation does not skip a step');
  assert.deepEqual(escalated?.steps.at(-1)?.action, 'escalate');
  assert.match((await (await fetch(`${server.url}/ratings?from=2020-01-01`)).text()) ?? '', /已逾期/);
});
