import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IssuedTicket, QueueSnapshot, Ticket, TicketCalledEvent, TicketChangedEvent } from '@yimen/protocol';
import {
  clerkClient,
  clerkPassword,
  connectClient,
  createTestHall,
  type HallClient,
  nextEvent,
  removeTestHall,
  send,
  startTestServer,
  TEST_GREEN_CARD,
  type TestHall,
} from '../testing/test-server';

/** A server on a clock the tests move: 09:00 in Shanghai on 21 November 2026. */
let now = Date.UTC(2026, 10, 21, 1, 0);
let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: HallClient[] = [];
let n = 0;
const key = () => `safeguard-key-${++n}`;

async function client(auth: Record<string, unknown>) {
  const s = await connectClient(server.url, auth);
  sockets.push(s);
  return s;
}
async function clerk(staffNo: string, windowId: string) {
  const c = await clerkClient(server.url, staffNo, windowId);
  sockets.push(c.socket);
  return c;
}
const codeOf = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);
type IssueAck = { ticket: IssuedTicket; replayed: boolean };
const someone = { idNumber: '110105199003071239', name: '王小明' };
const somebodyElse = { idNumber: '440305197801010025', name: '赵六' };

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall, () => now);
});
after(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
  removeTestHall(hall);
});

test('an idempotency key replays only the very same request', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const k = key();
  const first = await send<IssueAck>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: k,
    idCard: someone,
  });
  assert.ok(first.ok);
  const again = await send<IssueAck>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: k,
    idCard: someone,
  });
  assert.ok(again.ok && again.replayed && again.ticket.id === first.ticket.id);
  assert.equal(
    codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: k, idCard: someone })),
    'CONFLICT',
  );
  assert.equal(
    codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k, idCard: somebodyElse })),
    'CONFLICT',
  );
  assert.equal(codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k })), 'CONFLICT');
  assert.ok((await send(kiosk, 'ticket:void', { ticketId: first.ticket.id, reason: '打印失败' })).ok);
  assert.equal(
    codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k, idCard: someone })),
    'CONFLICT',
    'a voided ticket is not handed out again',
  );
});

test('agent tickets need a registered green card; appointment and special are staff-only', async () => {
  const kiosk = await client({ token: hall.token('kiosk-2') });
  const agentIssue = (card?: { idNumber: string; name: string }) =>
    send<IssueAck>(kiosk, 'ticket:issue', {
      categoryId: 'cat-b',
      idempotencyKey: key(),
      priority: 'agent',
      ...(card ? { idCard: card } : {}),
    });
  assert.equal(codeOf(await agentIssue()), 'FORBIDDEN');
  assert.equal(codeOf(await agentIssue(somebodyElse)), 'FORBIDDEN');
  const card = { idNumber: TEST_GREEN_CARD.idNumber, name: TEST_GREEN_CARD.name };
  for (let i = 0; i < 3; i++) {
    const ack = await agentIssue(card);
    assert.ok(ack.ok, 'an agent may take more than the ordinary per-ID limit');
    assert.equal(ack.ticket.priority, 'agent');
  }
  for (const priority of ['appointment', 'special', 'elderly']) {
    assert.equal(
      codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key(), priority })),
      'FORBIDDEN',
    );
  }
  const admin = await client({ token: hall.token('admin-1') });
  const special = await send<IssueAck>(admin, 'ticket:issue', {
    categoryId: 'cat-b',
    idempotencyKey: key(),
    priority: 'special',
  });
  assert.ok(special.ok && special.ticket.priority === 'special');
});

test('holder data reaches clerks and admins only: not displays, kiosks, evaluators or the public snapshot', async () => {
  const display = await client({ token: hall.token('display-1') });
  const { socket: clerk1 } = await clerk('T001', 'win-1');
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const onDisplay = nextEvent<TicketChangedEvent>(display, 'ticket:changed');
  const onClerk = nextEvent<TicketChangedEvent>(clerk1, 'ticket:changed');
  const issued = await send<IssueAck>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: key(),
    idCard: somebodyElse,
  });
  assert.ok(issued.ok);
  assert.deepEqual(
    issued.ticket.holder,
    { nameMasked: '赵*', idMasked: '4403**********0025' },
    'the issuing kiosk prints it',
  );
  assert.equal((await onDisplay).ticket.holder, null);
  assert.deepEqual((await onClerk).ticket.holder, { nameMasked: '赵*', idMasked: '4403**********0025' });

  const snapshot = (await (await fetch(`${server.url}/api/queue`)).json()) as QueueSnapshot;
  assert.ok(snapshot.tickets.length > 0);
  assert.ok(snapshot.tickets.every((t) => t.holder === null));
  const sync = await send<{ mode: string; snapshot: QueueSnapshot }>(kiosk, 'hall:sync', { lastSeq: 10_000_000 });
  assert.ok(sync.ok && sync.mode === 'snapshot' && sync.snapshot.tickets.every((t) => t.holder === null));

  const called = nextEvent<TicketCalledEvent>(display, 'ticket:called');
  assert.ok((await send(clerk1, 'window:callNext', {})).ok);
  const event = await called;
  assert.equal(event.ticket.holder, null);
  assert.equal(event.clerkId, 'clerk-1', 'the call names the clerk who made it');
});

test('commands without a payload or without an ack callback still run', async () => {
  const { socket } = await clerk('T002', 'win-2');
  assert.ok(
    (await send(socket, 'window:resume', null)).ok === false,
    'resume of an open window is refused, not malformed',
  );
  (socket.emit as (e: string, p: unknown) => void)('window:pause', { reason: '会议' });
  await new Promise((r) => setTimeout(r, 100));
  const snapshot = (await (await fetch(`${server.url}/api/queue`)).json()) as QueueSnapshot;
  assert.equal(snapshot.windows.find((w) => w.id === 'win-2')?.status, 'paused');
  assert.ok((await send(socket, 'window:resume', undefined)).ok);
});

test('five wrong passwords lock a staff number for a minute; unknown numbers are refused alike', async () => {
  const login = (staffNo: string, password: string) =>
    fetch(`${server.url}/api/clerk/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo, password, windowId: 'win-3' }),
    });
  assert.equal((await login('T404', 'x')).status, 401);
  for (let i = 0; i < 5; i++) assert.equal((await login('T003', `wrong-${i}`)).status, 401);
  assert.equal((await login('T003', clerkPassword('T003'))).status, 429);
  now += 61_000;
  assert.equal((await login('T003', clerkPassword('T003'))).status, 200);
});

test('a clerk cannot leave a window with a citizen called there; transfers go to open windows only', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  assert.ok((await send(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key() })).ok);
  const { socket } = await clerk('T009', 'win-9');
  const call = await send<{ ticket: Ticket }>(socket, 'window:callNext', {});
  assert.ok(call.ok);
  const elsewhere = await fetch(`${server.url}/api/clerk/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffNo: 'T009', password: clerkPassword('T009'), windowId: 'win-3' }),
  });
  assert.equal(elsewhere.status, 409);
  const closed = await send(socket, 'ticket:transfer', { ticketId: call.ticket.id, toWindowId: 'win-404' });
  assert.equal(codeOf(closed), 'NOT_FOUND');
  const { session } = await clerk('T002', 'win-2');
  const logout = await fetch(`${server.url}/api/clerk/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session }),
  });
  assert.equal(logout.status, 200);
  assert.equal(
    codeOf(await send(socket, 'ticket:transfer', { ticketId: call.ticket.id, toWindowId: 'win-2' })),
    'WINDOW_NOT_OPEN',
  );
  assert.ok((await send(socket, 'ticket:noShow', { ticketId: call.ticket.id })).ok);
});

test('a clock stepped back changes nothing; the next local midnight closes windows and sessions', async () => {
  const kiosk = await client({ token: hall.token('kiosk-2') });
  const before = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key() });
  assert.ok(before.ok);
  const saved = now;
  now = Date.UTC(2000, 0, 1);
  const during = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key() });
  assert.ok(during.ok, 'issuing goes on');
  assert.equal(during.ticket.businessDay, '2026-11-21');
  assert.ok(during.ticket.issuedAt >= before.ticket.issuedAt, 'time never runs backwards in the queue');
  assert.equal(Number(during.ticket.number.slice(1)), Number(before.ticket.number.slice(1)) + 1);
  now = saved;

  const { socket } = await clerk('T001', 'win-1');
  const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  now = Date.UTC(2026, 10, 21, 16, 5); // 00:05 on the 22nd in Shanghai
  const next = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key() });
  assert.ok(next.ok);
  assert.deepEqual([next.ticket.number, next.ticket.businessDay], ['B001', '2026-11-22']);
  assert.equal(await dropped, 'io server disconnect');
  const snapshot = (await (await fetch(`${server.url}/api/queue`)).json()) as QueueSnapshot;
  assert.ok(snapshot.windows.every((w) => w.status === 'closed' && w.clerkId === null));
  // Yesterday's lastSeq is no longer replayed: a display gets today's snapshot.
  const seen: string[] = [];
  await connectClient(server.url, { token: hall.token('display-1'), lastSeq: 1 }, (name: string) =>
    seen.push(name),
  ).then((s) => sockets.push(s));
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seen, ['display:settings', 'hall:snapshot']);
});
