import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { SMALL_HALL } from '@yimen/hall-server/testing/small-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket, QueueSnapshot, Ticket, TicketStatus } from '@yimen/protocol';
import Database from 'better-sqlite3';
import { startHallProcess } from '../support/hall-process';

// Every queue open all day: the stream must not hit cat-c's small test cap.
const hall = createTestHall({ ...SMALL_HALL, categories: SMALL_HALL.categories.map((c) => ({ ...c, dailyCap: 999 })) });
after(() => removeTestHall(hall));

/** What a ticket may be in after the crash: its last acknowledged status, or one a command in flight may have set. */
const possible = new Map<string, Set<TicketStatus>>();
const numbers = new Map<string, string>();
let acks = 0;
/** Once the kill is under way, acks only widen what a ticket may be in: the order of arrival no longer says what committed last. */
let killing = false;

function sent(ticketId: string, status: TicketStatus) {
  possible.get(ticketId)?.add(status);
}
function acked(ticket: Ticket) {
  const known = possible.get(ticket.id);
  if (killing && known) known.add(ticket.status);
  else possible.set(ticket.id, new Set([ticket.status]));
  numbers.set(ticket.id, ticket.number);
  acks++;
}

test('SIGKILL mid-stream: every acknowledged ticket survives with its number, state and order', async () => {
  const first = await startHallProcess(hall.dbPath);
  const sockets: HallClient[] = [];
  let stop = false;
  // The stream can be paused with nothing in flight, to take a reference order of the queue.
  let paused = false;
  let inFlight = 0;
  const gate = async () => {
    while (paused && !stop) await new Promise((r) => setTimeout(r, 2));
  };
  const tracked = async <T>(p: Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await p;
    } finally {
      inFlight--;
    }
  };
  const priorities = ['ordinary', 'disabled', 'ordinary', 'military', 'ordinary'] as const;

  const kiosks = await Promise.all(
    ['kiosk-1', 'kiosk-2', 'kiosk-1'].map((id) => connectClient(first.url, { token: hall.token(id) })),
  );
  sockets.push(...kiosks);
  const issuing = kiosks.map(async (kiosk, k) => {
    for (let i = 0; !stop; i++) {
      await gate();
      const ack = await tracked(
        send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
          // Nobody serves cat-c in this hall's stream (win-9 ranks it last), so its mixed-priority queue stays.
          categoryId: i % 4 === 0 ? 'cat-b' : i % 4 === 1 ? 'cat-c' : 'cat-a',
          idempotencyKey: `kill-${k}-${i}-xxxxxxxx`,
          priority: priorities[i % priorities.length],
        }),
      );
      if (!ack.ok) break;
      acked(ack.ticket);
    }
  });

  const serve = async (staffNo: string, windowId: string, outcome: 'finish' | 'noShow') => {
    const { socket } = await clerkClient(first.url, staffNo, windowId);
    sockets.push(socket);
    while (!stop) {
      await gate();
      // Clerks are slower than kiosks, so a mixed-priority queue builds up.
      await new Promise((r) => setTimeout(r, 15));
      const call = await tracked(send<{ ticket: Ticket }>(socket, 'window:callNext', {}));
      if (!call.ok) {
        if (call.error.code !== 'QUEUE_EMPTY') break;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      acked(call.ticket);
      const steps: ['ticket:start' | 'ticket:finish' | 'ticket:noShow', TicketStatus][] =
        outcome === 'finish'
          ? [
              ['ticket:start', 'serving'],
              ['ticket:finish', 'done'],
            ]
          : [['ticket:noShow', 'noShow']];
      for (const [cmd, status] of steps) {
        sent(call.ticket.id, status);
        const ack = await tracked(send<{ ticket: Ticket }>(socket, cmd, { ticketId: call.ticket.id }));
        if (!ack.ok) return;
        acked(ack.ticket);
      }
    }
  };
  // A call in flight may have moved any waiting ticket to `called`.
  const callsInFlight = () => {
    for (const [, set] of possible) if (set.has('waiting')) set.add('called');
  };
  // The loops end when the kill drops their sockets; that rejection is expected.
  const streams = [
    ...issuing,
    serve('T001', 'win-1', 'finish'),
    serve('T009', 'win-9', 'noShow'),
    serve('T002', 'win-2', 'finish'),
  ].map((p) => p.catch(() => undefined));

  while (acks < 100) await new Promise((r) => setTimeout(r, 2));
  // A reference order with nothing in flight: the queue as the running server ranks it.
  paused = true;
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 2));
  const reference = (await (await fetch(`${first.url}/api/queue`)).json()) as QueueSnapshot;
  paused = false;

  while (acks < 200) await new Promise((r) => setTimeout(r, 2));
  killing = true;
  await first.kill();
  stop = true;
  callsInFlight();
  for (const s of sockets) s.close();
  await Promise.all(streams);
  const acknowledged = acks;

  const second = await startHallProcess(hall.dbPath);
  try {
    const db = new Database(hall.dbPath, { readonly: true });
    const rows = db.prepare('SELECT id, number, status FROM tickets').all() as {
      id: string;
      number: string;
      status: TicketStatus;
    }[];
    db.close();
    const stored = new Map(rows.map((r) => [r.id, r]));
    assert.ok(acknowledged >= 150);
    for (const [id, statuses] of possible) {
      const row = stored.get(id);
      assert.ok(row, `acknowledged ticket ${numbers.get(id)} lost`);
      assert.equal(row.number, numbers.get(id));
      assert.ok(statuses.has(row.status), `${row.number} is ${row.status}, acked as ${[...statuses].join('/')}`);
    }
    assert.equal(new Set(rows.map((r) => r.number)).size, rows.length, 'duplicate numbers');

    // Same order: tickets of the reference that still wait keep their relative order.
    const queue = (await (await fetch(`${second.url}/api/queue`)).json()) as QueueSnapshot;
    for (const category of ['cat-a', 'cat-b', 'cat-c']) {
      const waiting = (q: QueueSnapshot) =>
        q.tickets.filter((t) => t.categoryId === category && t.status === 'waiting').map((t) => t.id);
      const after = waiting(queue);
      const stillWaiting = new Set(after);
      const expected = waiting(reference).filter((id) => stillWaiting.has(id));
      if (category === 'cat-c') assert.ok(expected.length > 5, 'enough reference tickets still wait to compare');
      assert.deepEqual(
        after.filter((id) => expected.includes(id)),
        expected,
        `${category} order after restart`,
      );
      if (category === 'cat-c') {
        const ranked = reference.tickets.filter((t) => expected.includes(t.id)).map((t) => t.number);
        assert.notDeepEqual(
          ranked,
          [...ranked].sort(),
          'mixed priorities make the order differ from number order, so the check has teeth',
        );
      }
    }

    // And it carries on: the next number follows the highest one issued.
    const kiosk = await connectClient(second.url, { token: hall.token('kiosk-2') });
    const next = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: 'after-restart-1',
    });
    kiosk.close();
    assert.ok(next.ok);
    const highest = Math.max(...rows.filter((r) => r.number.startsWith('A')).map((r) => Number(r.number.slice(1))));
    assert.equal(next.ticket.number, `A${String(highest + 1).padStart(3, '0')}`);
  } finally {
    await second.stop();
  }
});
