import assert from 'node:assert/strict';
import { after, test } from 'node:test';
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

const hall = createTestHall();
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

  const kiosks = await Promise.all(
    ['kiosk-1', 'kiosk-2', 'kiosk-1'].map((id) => connectClient(first.url, { token: hall.token(id) })),
  );
  sockets.push(...kiosks);
  const issuing = kiosks.map(async (kiosk, k) => {
    for (let i = 0; !stop; i++) {
      const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
        categoryId: i % 3 === 0 ? 'cat-b' : 'cat-a',
        idempotencyKey: `kill-${k}-${i}-xxxxxxxx`,
      });
      if (!ack.ok) break;
      acked(ack.ticket);
    }
  });

  const serve = async (staffNo: string, windowId: string, outcome: 'finish' | 'noShow') => {
    const { socket } = await clerkClient(first.url, staffNo, windowId);
    sockets.push(socket);
    while (!stop) {
      const call = await send<{ ticket: Ticket }>(socket, 'window:callNext', {});
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
        const ack = await send<{ ticket: Ticket }>(socket, cmd, { ticketId: call.ticket.id });
        if (!ack.ok) return;
        acked(ack.ticket);
      }
    }
  };
  // A call in flight may have moved any waiting ticket to `called`.
  const callsInFlight = () => {
    for (const [, set] of possible) if (set.has('waiting')) set.add('called');
  };
  const serving = [
    serve('T001', 'win-1', 'finish'),
    serve('T009', 'win-9', 'noShow'),
    serve('T002', 'win-2', 'finish'),
  ];

  while (acks < 150) await new Promise((r) => setTimeout(r, 2));
  killing = true;
  await first.kill();
  stop = true;
  callsInFlight();
  for (const s of sockets) s.close();
  // Commands in flight at the kill never get their acks; their loops are simply abandoned.
  void issuing;
  void serving;
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

    // Same order: the restarted server's queue is first come, first served by number.
    const queue = (await (await fetch(`${second.url}/api/queue`)).json()) as QueueSnapshot;
    for (const category of ['cat-a', 'cat-b']) {
      const waiting = queue.tickets
        .filter((t) => t.categoryId === category && t.status === 'waiting')
        .map((t) => t.number);
      assert.deepEqual(waiting, [...waiting].sort(), `${category} order after restart`);
      const ackedWaiting = [...possible]
        .filter(([id, s]) => s.size === 1 && s.has('waiting') && stored.get(id)?.status === 'waiting')
        .map(([id]) => numbers.get(id));
      for (const n of ackedWaiting) if (n?.startsWith(category === 'cat-a' ? 'A' : 'B')) assert.ok(waiting.includes(n));
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
