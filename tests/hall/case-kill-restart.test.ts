import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { addWorkingDays } from '@yimen/hall-server';
import { APPLICANT_CARD, BENEFIT_ITEM, CASE_HALL, LICENCE_ITEM } from '@yimen/hall-server/testing/case-hall';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
} from '@yimen/hall-server/testing/test-server';
import type { CaseDetail, CaseStatus, HealthResponse, IssuedTicket, Ticket } from '@yimen/protocol';
import Database from 'better-sqlite3';
import { startHallProcess } from '../support/hall-process';

const hall = createTestHall(CASE_HALL);
after(() => removeTestHall(hall));

/** The last acknowledged revision and status of each case. */
const acked = new Map<string, { rev: number; status: CaseStatus; number: string }>();
let steps = 0;

function record(c: CaseDetail) {
  const known = acked.get(c.id);
  if (!known || c.rev > known.rev) acked.set(c.id, { rev: c.rev, status: c.status, number: c.number });
  steps++;
}

test('SIGKILL while clerks work cases: every acknowledged case step survives, in the event log, and work goes on', async () => {
  const first = await startHallProcess(hall.dbPath);
  const health = (await (await fetch(`${first.url}/api/health`)).json()) as HealthResponse;
  const dueDate = addWorkingDays(health.businessDay, 2);
  const sockets: HallClient[] = [];
  let stop = false;
  const kiosk = await connectClient(first.url, { token: hall.token('kiosk-1') });
  sockets.push(kiosk);

  type Ack = { ok: true; case: CaseDetail } | { ok: false; error: { code: string } };
  const work = async (staffNo: string, windowId: string, categoryId: string, itemId: string, deferred: boolean) => {
    const { socket } = await clerkClient(first.url, staffNo, windowId);
    sockets.push(socket);
    for (let n = 0; !stop; n++) {
      const issued = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
        categoryId,
        idempotencyKey: `kill-case-${windowId}-${n}-xxxx`,
      });
      if (!issued.ok) return;
      const call = await send<{ ticket: Ticket }>(socket, 'window:callNext', {});
      if (!call.ok) return;
      await send(socket, 'ticket:start', { ticketId: call.ticket.id });
      const step = async (name: string, payload: object): Promise<CaseDetail | null> => {
        const ack = (await send(socket, name, payload)) as Ack;
        if (!ack.ok) throw new Error(`${name}: ${ack.error.code}`);
        record(ack.case);
        return ack.case;
      };
      const opened = await step('case:open', {
        idempotencyKey: `kill-open-${windowId}-${n}`,
        itemIds: [itemId],
        applicant: APPLICANT_CARD,
      });
      if (!opened) return;
      const caseId = opened.id;
      await step('case:markMaterials', { caseId, marks: [{ key: 'm1', received: true }] });
      await step('case:markMaterials', { caseId, marks: [{ key: 'm2', received: true }] });
      if (deferred) {
        await step('case:accept', { caseId, pledge: { signer: 'applicant', dueDate } });
        await step('case:decide', { caseId, outcome: 'approved' });
        await step('case:markMaterials', { caseId, marks: [{ key: 'm3', received: true }] });
      } else {
        await step('case:markMaterials', { caseId, marks: [{ key: 'm3', received: true }] });
        await step('case:accept', { caseId });
        await step('case:decide', { caseId, outcome: 'approved' });
      }
      await step('case:handOver', { caseId, method: 'window' });
      await send(socket, 'ticket:finish', { ticketId: call.ticket.id });
    }
  };
  // The loops end when the kill drops their sockets; that rejection is expected.
  const streams = [
    work('T001', 'win-1', 'cat-a', BENEFIT_ITEM.id, false),
    work('T002', 'win-2', 'cat-b', LICENCE_ITEM.id, true),
  ].map((p) => p.catch(() => undefined));

  while (steps < 60) await new Promise((r) => setTimeout(r, 2));
  await first.kill();
  stop = true;
  for (const s of sockets) s.close();
  await Promise.all(streams);

  const db = new Database(hall.dbPath, { readonly: true });
  const rows = db.prepare('SELECT id, number, status, data FROM cases').all() as {
    id: string;
    number: string;
    status: CaseStatus;
    data: string;
  }[];
  const logged = db
    .prepare(
      "SELECT json_extract(payload, '$.case.id') AS id, json_extract(payload, '$.case.rev') AS rev FROM events WHERE name = 'case:changed'",
    )
    .all() as { id: string; rev: number }[];
  db.close();
  const stored = new Map(rows.map((r) => [r.id, { ...r, rev: (JSON.parse(r.data) as CaseDetail).rev }]));
  assert.ok(acked.size >= 5, `enough cases to judge (${acked.size})`);
  for (const [id, ack] of acked) {
    const row = stored.get(id);
    assert.ok(row, `acknowledged case ${ack.number} lost`);
    assert.equal(row.number, ack.number);
    // A step in flight at the kill may have committed after the last ack; never fewer.
    assert.ok(row.rev >= ack.rev, `${ack.number} at rev ${row.rev}, acked ${ack.rev}`);
    if (row.rev === ack.rev) assert.equal(row.status, ack.status);
    const revs = logged.filter((e) => e.id === id).map((e) => e.rev);
    assert.deepEqual(
      revs.sort((a, b) => a - b),
      Array.from({ length: row.rev }, (_, i) => i + 1),
      `${ack.number}: one logged event per committed step`,
    );
  }
  assert.equal(new Set(rows.map((r) => r.number)).size, rows.length, 'no case number twice');

  const second = await startHallProcess(hall.dbPath);
  try {
    const admin = await connectClient(second.url, { token: hall.token('admin-1') });
    const [someId, some] = [...acked].at(-1) as [string, { rev: number }];
    const read = (await send(admin, 'case:get', { caseId: someId })) as Ack;
    admin.close();
    assert.ok(read.ok && read.case.rev >= some.rev);
    assert.equal(read.case.identity?.name, APPLICANT_CARD.name, 'the sealed identity opens after the restart');
    // And numbering carries on after the highest number given.
    const { socket } = await clerkClient(second.url, 'T001', 'win-1');
    const kiosk2 = await connectClient(second.url, { token: hall.token('kiosk-2') });
    await send(kiosk2, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: 'after-kill-case-1' });
    kiosk2.close();
    // A ticket left called or serving at win-1 by the kill is finished first.
    const held = rows.length;
    let call = await send<{ ticket: Ticket }>(socket, 'window:callNext', {});
    if (!call.ok && call.error.code === 'WINDOW_BUSY') {
      const queue = (await (await fetch(`${second.url}/api/queue`)).json()) as {
        windows: { id: string; currentTicketId: string | null }[];
      };
      const busy = queue.windows.find((w) => w.id === 'win-1')?.currentTicketId as string;
      await send(socket, 'ticket:start', { ticketId: busy });
      await send(socket, 'ticket:finish', { ticketId: busy });
      call = await send<{ ticket: Ticket }>(socket, 'window:callNext', {});
    }
    assert.ok(call.ok, JSON.stringify(call));
    await send(socket, 'ticket:start', { ticketId: call.ticket.id });
    const opened = (await send(socket, 'case:open', {
      idempotencyKey: 'after-kill-open',
      itemIds: [BENEFIT_ITEM.id],
      applicant: APPLICANT_CARD,
    })) as Ack;
    socket.close();
    assert.ok(opened.ok, JSON.stringify(opened));
    const highest = Math.max(...rows.map((r) => Number(r.number.slice(8))));
    assert.equal(Number(opened.case.number.slice(8)), highest + 1, `after ${held} cases`);
  } finally {
    await second.stop();
  }
});
