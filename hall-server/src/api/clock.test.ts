import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IssuedTicket, QueueSnapshot } from '@yimen/protocol';
import {
  clerkClient,
  connectClient,
  createTestHall,
  removeTestHall,
  send,
  startTestServer,
} from '../testing/test-server';

test('numbers start again at 001 after local midnight, and yesterday’s open tickets close', async () => {
  const hall = createTestHall();
  // 23:58 in Shanghai on 21 November: 15:58 UTC.
  let now = Date.UTC(2026, 10, 21, 15, 58);
  const server = await startTestServer(hall, () => now);
  try {
    const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
    const issue = (key: string) =>
      send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: key });
    const late = await issue('before-midnight-1');
    assert.ok(late.ok);
    assert.deepEqual([late.ticket.number, late.ticket.businessDay], ['A001', '2026-11-21']);
    assert.ok((await issue('before-midnight-2')).ok);

    now = Date.UTC(2026, 10, 21, 16, 1); // 00:01 on the 22nd in Shanghai, still the 21st in UTC
    const early = await issue('after-midnight-1');
    assert.ok(early.ok);
    assert.deepEqual([early.ticket.number, early.ticket.businessDay], ['A001', '2026-11-22']);
    kiosk.close();

    const queue = (await (await fetch(`${server.url}/api/queue`)).json()) as QueueSnapshot;
    assert.equal(queue.businessDay, '2026-11-22');
    assert.deepEqual(
      queue.tickets.map((t) => t.number),
      ['A001'],
    );
    const closed = server.db.prepare("SELECT status FROM tickets WHERE business_day = '2026-11-21'").all() as {
      status: string;
    }[];
    assert.deepEqual(
      closed.map((r) => r.status),
      ['cancelled', 'cancelled'],
    );
  } finally {
    await server.dispose();
    removeTestHall(hall);
  }
});

test('tickets issued in the same millisecond are called first come, first served', async () => {
  const hall = createTestHall();
  const frozen = Date.UTC(2026, 10, 21, 2, 0);
  const server = await startTestServer(hall, () => frozen);
  try {
    const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
    const numbers: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
        categoryId: 'cat-a',
        idempotencyKey: `same-ms-${i}`,
      });
      assert.ok(ack.ok);
      assert.equal(ack.ticket.position, i + 1, 'positions count up in issue order');
      numbers.push(ack.ticket.number);
    }
    kiosk.close();
    const { socket } = await clerkClient(server.url, 'T001', 'win-1');
    const called: string[] = [];
    for (let i = 0; i < 8; i++) {
      const call = await send<{ ticket: { id: string; number: string } }>(socket, 'window:callNext', {});
      assert.ok(call.ok);
      called.push(call.ticket.number);
      assert.ok((await send(socket, 'ticket:noShow', { ticketId: call.ticket.id })).ok);
    }
    socket.close();
    assert.deepEqual(called, numbers);
  } finally {
    await server.dispose();
    removeTestHall(hall);
  }
});
