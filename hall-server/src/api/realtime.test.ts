import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IssuedTicket, QueueChangedEvent, ReplayEvent, Ticket, TicketCalledEvent } from '@yimen/protocol';
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
const key = () => `test-key-${++keySeq}-${Date.now()}`;

async function client(auth: Record<string, unknown>): Promise<HallClient> {
  const socket = await connectClient(server.url, auth);
  open.push(socket);
  return socket;
}

/** Thirty kiosks of their own, for the burst test. */
const BURST_KIOSKS = Array.from({ length: 30 }, (_, i) => ({
  id: `burst-kiosk-${i + 1}`,
  name: `${i + 1}号取号机`,
  role: 'kiosk' as const,
  windowId: null,
}));

before(async () => {
  hall = createTestHall(SMALL_HALL, [...TEST_TERMINALS, ...BURST_KIOSKS]);
  server = await startTestServer(hall);
});

after(async () => {
  for (const s of open) s.close();
  await server.dispose();
  removeTestHall(hall);
});

type IssueAck = { ticket: IssuedTicket; replayed: boolean };

test('the whole loop: kiosk issues, clerk calls, display hears the voice text', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const display = await client({ token: hall.token('display-1') });
  const issued = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key() });
  assert.ok(issued.ok);
  assert.match(issued.ticket.number, /^B\d{3}$/);
  assert.equal(issued.ticket.status, 'waiting');
  assert.equal(issued.ticket.position, 1);
  assert.match(issued.ticket.statusUrl, /^http:\/\/hall\.test\/t\/[A-Za-z0-9_-]{40,}$/);

  const { socket: clerk } = await clerkClient(server.url, 'T002', 'win-2');
  open.push(clerk);
  const heard = nextEvent<TicketCalledEvent>(display, 'ticket:called');
  const called = await send<{ ticket: Ticket; voiceText: string }>(clerk, 'window:callNext', {});
  assert.ok(called.ok);
  assert.equal(called.ticket.id, issued.ticket.id);
  const event = await heard;
  assert.equal(event.ticket.number, issued.ticket.number);
  assert.equal(event.window.number, 2);
  assert.equal(event.voiceText, `请${issued.ticket.number}号到2号窗口办理`);
  assert.ok(event.seq > 0);

  assert.ok((await send(clerk, 'ticket:start', { ticketId: issued.ticket.id })).ok);
  const done = await send<{ ticket: Ticket }>(clerk, 'ticket:finish', { ticketId: issued.ticket.id });
  assert.ok(done.ok && done.ticket.status === 'done');
});

test('a retried issue with the same idempotency key returns the same ticket', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const k = key();
  const first = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k });
  // The kiosk lost the ack, reconnected and retried.
  kiosk.close();
  const again = await client({ token: hall.token('kiosk-1') });
  const second = await send<IssueAck>(again, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k });
  assert.ok(first.ok && second.ok);
  assert.equal(second.ticket.id, first.ticket.id);
  assert.equal(second.ticket.number, first.ticket.number);
  assert.equal(second.replayed, true);
  // The same key from another kiosk is a different request.
  const other = await client({ token: hall.token('kiosk-2') });
  const third = await send<IssueAck>(other, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k });
  assert.ok(third.ok && third.ticket.id !== first.ticket.id);
});

test('roles are enforced', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const display = await client({ token: hall.token('display-1') });
  const evaluator = await client({ token: hall.token('evaluator-win-1') });
  const codeOf = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);

  assert.equal(codeOf(await send(kiosk, 'window:callNext', {})), 'FORBIDDEN');
  assert.equal(
    codeOf(await send(display, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() })),
    'FORBIDDEN',
  );
  assert.equal(
    codeOf(await send(evaluator, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() })),
    'FORBIDDEN',
  );
  assert.equal(
    codeOf(await send(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key(), priority: 'special' })),
    'FORBIDDEN',
  );

  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  assert.equal(codeOf(await send(clerk, 'window:callNext', { windowId: 'win-3' })), 'FORBIDDEN');
  assert.equal(codeOf(await send(clerk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() })), 'FORBIDDEN');

  await assert.rejects(connectClient(server.url, { token: 'x'.repeat(43) }), /UNAUTHORIZED/);
  await assert.rejects(connectClient(server.url, {}), /UNAUTHORIZED/);
  await assert.rejects(connectClient(server.url, { session: 'not-a-session-at-all' }), /UNAUTHORIZED/);
});

test('a clerk whose session was taken over is disconnected and can no longer connect', async () => {
  const { socket: first, session } = await clerkClient(server.url, 'T003', 'win-3');
  open.push(first);
  const dropped = new Promise<string>((resolve) => first.once('disconnect', resolve));
  const { socket: second } = await clerkClient(server.url, 'T009', 'win-3');
  open.push(second);
  assert.equal(await dropped, 'io server disconnect');
  await assert.rejects(connectClient(server.url, { session }), /UNAUTHORIZED/);
  const ok = await send(second, 'window:pause', { reason: '会议' });
  assert.ok(ok.ok);
  assert.ok((await send(second, 'window:resume', {})).ok);
});

test('malformed payloads get error acks and the server stays up', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk);
  const garbage: unknown[] = [
    null,
    42,
    'ticket',
    [],
    [1, 2],
    { categoryId: 5 },
    { categoryId: 'cat-a' },
    { categoryId: 'cat-a', idempotencyKey: 'short' },
    { categoryId: 'cat-a', idempotencyKey: key(), idCard: { idNumber: '123', name: 'x' } },
    { categoryId: 'x'.repeat(10_000), idempotencyKey: key() },
    { ticketId: { $ne: 1 } },
    { __proto__: { ticketId: 'x' } },
  ];
  for (const payload of garbage) {
    const ack = await send(kiosk, 'ticket:issue', payload);
    assert.equal(ack.ok, false, JSON.stringify(payload)?.slice(0, 80));
    for (const cmd of ['ticket:recall', 'ticket:transfer', 'window:pause', 'ticket:finish']) {
      const a = await send(clerk, cmd, payload);
      assert.equal(a.ok, false, `${cmd} ${JSON.stringify(payload)?.slice(0, 80)}`);
      assert.ok(!a.ok && ['BAD_REQUEST', 'NOT_FOUND'].includes(a.error.code), a.ok ? '' : a.error.code);
    }
  }
  const unknown = await send(kiosk, 'ticket:explode', { x: 1 });
  assert.ok(!unknown.ok && unknown.error.code === 'BAD_REQUEST');
  const health = await fetch(`${server.url}/api/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { ok: boolean }).ok, true);
});

test('ID cards: validated, limited per category per day, masked, and never stored in clear', async () => {
  const kiosk = await client({ token: hall.token('kiosk-2') });
  const idCard = { idNumber: '11010519491231002X', name: '王小明' };
  const bad = await send(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: key(),
    idCard: { idNumber: '110105194912310021', name: '王小明' },
  });
  assert.ok(!bad.ok && bad.error.code === 'INVALID_ID_CARD');
  const one = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key(), idCard });
  assert.ok(one.ok);
  assert.deepEqual(one.ticket.holder, { nameMasked: '王*明', idMasked: '1101**********002X' });
  assert.equal(one.ticket.priority, 'elderly', 'born 1949: past 70');
  const holding = await send(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key(), idCard });
  assert.ok(!holding.ok && holding.error.code === 'ALREADY_HOLDING', 'an open ticket is reprinted, not doubled');
  const admin = await client({ token: hall.token('admin-1') });
  assert.ok((await send(admin, 'ticket:cancel', { ticketId: one.ticket.id })).ok);
  const two = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key(), idCard });
  assert.ok(two.ok);
  assert.ok((await send(admin, 'ticket:cancel', { ticketId: two.ticket.id })).ok);
  const three = await send(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key(), idCard });
  assert.ok(!three.ok && three.error.code === 'ID_LIMIT', 'cancelled tickets count: two a day');
  const otherQueue = await send(kiosk, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: key(), idCard });
  assert.ok(otherQueue.ok);

  server.db.pragma('wal_checkpoint(FULL)');
  const { readFileSync } = await import('node:fs');
  const bytes = Buffer.concat([readFileSync(hall.dbPath), readFileSync(`${hall.dbPath}-wal`)]);
  assert.equal(bytes.includes(Buffer.from(idCard.idNumber)), false, 'raw ID number in the database');
  assert.equal(bytes.includes(Buffer.from('王小明')), false, 'raw name in the database');
});

test('a reconnecting display gets exactly the events it missed, in one replay, or a snapshot', async () => {
  const first: Received[] = [];
  const display = await connectDisplay(undefined, first);
  await waitFor(() => first.length > 0);
  assert.equal(first[0]?.name, 'hall:snapshot', 'a client without lastSeq gets a snapshot');
  const lastSeq = (first[0]?.payload as { seq: number } | undefined)?.seq ?? -1;
  display.close();

  const kiosk = await client({ token: hall.token('kiosk-1') });
  const issued: string[] = [];
  for (let i = 0; i < 3; i++) {
    const ack = await send<IssueAck>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: key(),
      ...(i === 0 ? { idCard: { idNumber: '110105199003071239', name: '王小明' } } : {}),
    });
    assert.ok(ack.ok);
    issued.push(ack.ticket.id);
  }
  const seen: Received[] = [];
  const socket = await connectDisplay(lastSeq, seen);
  open.push(socket);
  await waitFor(() => seen.length > 0);
  assert.deepEqual(
    seen.map((e) => e.name),
    ['hall:replay'],
    'one replay, no snapshot, no live re-announcement',
  );
  const replay = seen[0]?.payload as ReplayEvent;
  const seqs = replay.events.map((e) => e.payload.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => a - b),
    'in order',
  );
  assert.equal(seqs[0], lastSeq + 1, 'nothing missing at the start');
  assert.equal(seqs.at(-1), replay.seq, 'nothing missing at the end');
  const changed = replay.events.flatMap((e) => (e.name === 'ticket:changed' ? [e.payload.ticket] : []));
  assert.deepEqual(
    changed.map((t) => t.id),
    issued,
  );
  assert.ok(
    changed.every((t) => t.holder === null),
    'displays never get holder data',
  );

  // A lastSeq from the future (the server's database was replaced) gets a snapshot.
  const future: Received[] = [];
  open.push(await connectDisplay(10_000_000, future));
  await waitFor(() => future.length > 0);
  assert.equal(future[0]?.name, 'hall:snapshot');

  // hall:sync does the same on demand.
  const sync = await send<{ mode: string; events: { name: string }[] }>(socket, 'hall:sync', { lastSeq });
  assert.ok(sync.ok && sync.mode === 'events' && sync.events.length >= 6);
});

type Received = { name: string; payload: unknown };

/** A display, recording the hall's events it receives (its own settings, sent first on every connect, aside). */
function connectDisplay(lastSeq: number | undefined, seen: Received[]) {
  const auth = { token: hall.token('display-1'), ...(lastSeq === undefined ? {} : { lastSeq }) };
  return connectClient(server.url, auth, (name: string, payload: unknown) => {
    if (name !== 'display:settings') seen.push({ name, payload });
  });
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('kiosks hear waiting counts; an evaluator hears only its own window', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const evaluator = await client({ token: hall.token('evaluator-win-1') });
  const heardByEvaluator: string[] = [];
  evaluator.onAny((name: string, payload: { window?: { id: string }; ticket?: { windowId: string | null } }) => {
    if (name !== 'hall:snapshot') heardByEvaluator.push(`${name}:${payload.window?.id ?? payload.ticket?.windowId}`);
  });
  const counts = nextEvent<QueueChangedEvent>(kiosk, 'queue:changed');
  const issued = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-c', idempotencyKey: key() });
  assert.ok(issued.ok);
  assert.ok((await counts).waiting['cat-c']! >= 1);

  const { socket: clerk3 } = await clerkClient(server.url, 'T003', 'win-3');
  open.push(clerk3);
  assert.ok((await send(clerk3, 'window:callNext', {})).ok);
  const { socket: clerk1 } = await clerkClient(server.url, 'T001', 'win-1');
  open.push(clerk1);
  const called = nextEvent<TicketCalledEvent>(evaluator, 'ticket:called');
  const ack = await send<{ ticket: Ticket }>(clerk1, 'window:callNext', {});
  assert.ok(ack.ok);
  assert.equal((await called).window.id, 'win-1');
  assert.ok(
    heardByEvaluator.every((e) => e.endsWith(':win-1')),
    heardByEvaluator.join(','),
  );
});

test('30 kiosk connections issuing at once: no duplicate number, no lost ack', async () => {
  const kiosks = await Promise.all(BURST_KIOSKS.map((k) => client({ token: hall.token(k.id) })));
  const acks = await Promise.all(
    kiosks.flatMap((k, i) =>
      Array.from({ length: 10 }, (_, j) =>
        send<IssueAck>(k, 'ticket:issue', { categoryId: 'cat-b', idempotencyKey: `burst-${i}-${j}-${key()}` }),
      ),
    ),
  );
  assert.equal(acks.length, 300);
  assert.ok(acks.every((a) => a.ok));
  const numbers = acks.map((a) => (a.ok ? a.ticket.number : ''));
  assert.equal(new Set(numbers).size, 300, 'no duplicate number');
  const stored = server.db.prepare("SELECT COUNT(DISTINCT number) AS n FROM tickets WHERE number LIKE 'B%'").get() as {
    n: number;
  };
  assert.ok(stored.n >= 300);
});

test('a full disk fails the command with a storage error and keeps what was acknowledged', async () => {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const before = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() });
  assert.ok(before.ok);
  const pages = server.db.pragma('page_count', { simple: true }) as number;
  server.db.pragma(`max_page_count = ${pages}`);
  try {
    let failed: { ok: boolean; error?: { code: string } } | null = null;
    for (let i = 0; i < 500 && !failed; i++) {
      const ack = await send(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() });
      if (!ack.ok) failed = ack;
    }
    assert.ok(failed, 'the disk never filled');
    assert.equal(failed.error?.code, 'STORAGE');
    const health = await fetch(`${server.url}/api/health`);
    assert.equal(health.status, 200);
  } finally {
    server.db.pragma('max_page_count = 1073741823');
  }
  const row = server.db.prepare('SELECT status FROM tickets WHERE id = ?').get(before.ticket.id) as { status: string };
  assert.equal(row.status, 'waiting');
  const after = await send<IssueAck>(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key() });
  assert.ok(after.ok, 'recovers once there is room');
  const snapshot = await (await fetch(`${server.url}/api/queue`)).json();
  assert.ok((snapshot as { tickets: { id: string }[] }).tickets.some((t) => t.id === after.ticket.id));
});
