/**
 * What the clerk console and the hall displays need of the server: a window's figures of the
 * day, transfer notes that reach the receiving window and no public screen, the notice line,
 * and each display's own settings, delivered on connect and live.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DisplaySettings,
  type IssuedTicket,
  type NoticeChangedEvent,
  QueueSnapshot,
  type ReplayEvent,
  type Ticket,
  type TicketChangedEvent,
  WindowStats,
} from '@yimen/protocol';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  nextEvent,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '../testing/test-server';

/** 09:00 in Shanghai on 21 November 2026; the tests move the clock. */
let now = Date.UTC(2026, 10, 21, 1, 0);
const MINUTE = 60_000;
let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: HallClient[] = [];
let n = 0;
const key = () => `desk-key-${++n}`;

async function client(auth: Record<string, unknown>, onAny?: (name: string, payload: unknown) => void) {
  const s = await connectClient(server.url, auth, onAny);
  sockets.push(s);
  return s;
}
async function clerk(staffNo: string, windowId: string) {
  const c = await clerkClient(server.url, staffNo, windowId);
  sockets.push(c.socket);
  return c.socket;
}
async function restart() {
  for (const s of sockets.splice(0)) s.close();
  await server.dispose();
  server = await startTestServer(hall, () => now);
}
const admin = (method: string, path: string, body?: unknown, token = hall.token('admin-1')) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const codeOf = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall, () => now);
});
after(async () => {
  for (const s of sockets) s.close();
  await server.dispose();
  removeTestHall(hall);
});

async function issue(categoryId: string): Promise<IssuedTicket> {
  const kiosk = await client({ token: hall.token('kiosk-1') });
  const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', { categoryId, idempotencyKey: key() });
  assert.ok(ack.ok);
  kiosk.close();
  return ack.ticket;
}

test('a window’s served count and mean handling time of the day, computed by the server', async () => {
  const desk = await clerk('T001', 'win-1');
  const empty = await send<{ stats: WindowStats }>(desk, 'window:stats', {});
  assert.ok(empty.ok);
  assert.deepEqual(WindowStats.parse(empty.stats), {
    windowId: 'win-1',
    businessDay: '2026-11-21',
    served: 0,
    avgHandlingSec: null,
  });
  for (const minutes of [4, 8]) {
    const t = await issue('cat-a');
    assert.ok((await send(desk, 'window:callNext', {})).ok);
    assert.ok((await send(desk, 'ticket:start', { ticketId: t.id })).ok);
    now += minutes * MINUTE;
    assert.ok((await send(desk, 'ticket:finish', { ticketId: t.id })).ok);
  }
  // A no-show is not served.
  await issue('cat-a');
  const called = await send<{ ticket: Ticket }>(desk, 'window:callNext', {});
  assert.ok(called.ok && (await send(desk, 'ticket:noShow', { ticketId: called.ticket.id })).ok);
  const stats = await send<{ stats: WindowStats }>(desk, 'window:stats', {});
  assert.ok(stats.ok);
  assert.equal(stats.stats.served, 2);
  assert.equal(stats.stats.avgHandlingSec, 360);
  // Another clerk's window has its own figures; nobody else may ask for them.
  const other = await send<{ stats: WindowStats }>(await clerk('T002', 'win-2'), 'window:stats', {});
  assert.ok(other.ok && other.stats.served === 0);
  assert.equal(codeOf(await send(desk, 'window:stats', { windowId: 'win-2' })), 'FORBIDDEN');
  const display = await client({ token: hall.token('display-1') });
  assert.equal(codeOf(await send(display, 'window:stats', {})), 'FORBIDDEN');
});

test('a transfer note reaches the receiving window, survives a restart, and no public screen', async () => {
  const from = await clerk('T001', 'win-1');
  const to = await clerk('T009', 'win-9');
  const displaySaw: TicketChangedEvent[] = [];
  await client({ token: hall.token('display-1') }, (name, payload) => {
    if (name === 'ticket:changed') displaySaw.push(payload as TicketChangedEvent);
  });
  const t = await issue('cat-a');
  assert.ok((await send(from, 'window:callNext', {})).ok);
  const heard = nextEvent<TicketChangedEvent>(to, 'ticket:changed');
  const note = '户口本复印件已收，请核对原件';
  const moved = await send<{ ticket: Ticket }>(from, 'ticket:transfer', { ticketId: t.id, toWindowId: 'win-9', note });
  assert.ok(moved.ok);
  assert.deepEqual([moved.ticket.transferNote, moved.ticket.transferFromWindowId], [note, 'win-1']);
  const event = await heard;
  assert.equal(event.ticket.transferNote, note, 'the receiving clerk gets the note live');
  await new Promise((r) => setTimeout(r, 50));
  const seenByDisplay = displaySaw.find((e) => e.ticket.id === t.id);
  assert.ok(seenByDisplay, 'the display hears of the transfer');
  assert.equal(seenByDisplay.ticket.transferNote, null, 'but not the note');
  const tooLong = await send(from, 'ticket:transfer', { ticketId: t.id, toWindowId: 'win-9', note: '长'.repeat(201) });
  assert.equal(codeOf(tooLong), 'BAD_REQUEST');

  await restart();
  const publicQueue = QueueSnapshot.parse(await (await fetch(`${server.url}/api/queue`)).json());
  assert.equal(publicQueue.tickets.find((x) => x.id === t.id)?.transferNote, null);
  const receiver = await clerk('T009', 'win-9');
  const sync = await send<{ mode: string; snapshot: QueueSnapshot }>(receiver, 'hall:sync', { lastSeq: 10_000_000 });
  assert.ok(sync.ok && sync.mode === 'snapshot');
  assert.equal(sync.snapshot.tickets.find((x) => x.id === t.id)?.transferNote, note, 'kept across a restart');
  const call = await send<{ ticket: Ticket }>(receiver, 'window:callNext', {});
  assert.ok(call.ok && call.ticket.id === t.id && call.ticket.transferNote === note);
});

test('the notice line: set by an admin, on every display at once, in snapshots and replays, kept', async () => {
  assert.equal((await admin('PUT', '/api/admin/notice', { text: '午间不休' }, hall.token('display-1'))).status, 401);
  assert.equal((await admin('PUT', '/api/admin/notice', { text: '长'.repeat(201) })).status, 400);
  assert.equal((await admin('PUT', '/api/admin/notice', { words: 'x' })).status, 400);

  const display = await client({ token: hall.token('display-1') });
  const { seq: lastSeq } = (await (await fetch(`${server.url}/api/health`)).json()) as { seq: number };
  const live = nextEvent<NoticeChangedEvent>(display, 'notice:changed');
  const res = await admin('PUT', '/api/admin/notice', { text: '  本中心午间不休，12:00-13:30 综合窗口照常办理  ' });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, notice: '本中心午间不休，12:00-13:30 综合窗口照常办理' });
  const event = await live;
  assert.equal(event.text, '本中心午间不休，12:00-13:30 综合窗口照常办理');
  assert.ok(event.seq > lastSeq);

  const replayed: ReplayEvent[] = [];
  await client({ token: hall.token('display-1'), lastSeq }, (name, payload) => {
    if (name === 'hall:replay') replayed.push(payload as ReplayEvent);
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(
    replayed[0]?.events.map((e) => e.name),
    ['notice:changed'],
    'a display that was away gets it',
  );
  // Kiosks and evaluators have no notice line.
  const kioskSaw: string[] = [];
  await client({ token: hall.token('kiosk-1') }, (name) => kioskSaw.push(name));
  assert.ok((await admin('PUT', '/api/admin/notice', { text: '' })).ok);
  assert.ok((await admin('PUT', '/api/admin/notice', { text: '请保管好随身物品' })).ok);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(kioskSaw.includes('notice:changed'), false);

  await restart();
  const snapshot = QueueSnapshot.parse(await (await fetch(`${server.url}/api/queue`)).json());
  assert.equal(snapshot.notice, '请保管好随身物品');
});

test('a display’s layout and filters: stored per terminal, sent first on connect and live on change', async () => {
  const path = '/api/admin/terminals/display-1/display-settings';
  assert.deepEqual(await (await admin('GET', path)).json(), {
    ok: true,
    settings: { layout: 'hall', categoryIds: null, windowIds: null },
  });
  const first: string[] = [];
  const display = await client({ token: hall.token('display-1') }, (name) => first.push(name));
  assert.deepEqual(first.slice(0, 2), ['display:settings', 'hall:snapshot']);

  const zone = { layout: 'windows', categoryIds: ['cat-a', 'cat-c'], windowIds: ['win-1', 'win-3'] };
  assert.equal((await admin('PUT', path, zone, hall.token('kiosk-1'))).status, 401);
  assert.equal((await admin('PUT', path, { ...zone, layout: 'mosaic' })).status, 400);
  assert.equal((await admin('PUT', path, { ...zone, categoryIds: ['cat-x'] })).status, 404);
  assert.equal((await admin('PUT', '/api/admin/terminals/kiosk-1/display-settings', zone)).status, 400);
  assert.equal((await admin('PUT', '/api/admin/terminals/nobody/display-settings', zone)).status, 404);

  const live = nextEvent<DisplaySettings>(display, 'display:settings');
  const res = await admin('PUT', path, zone);
  assert.equal(res.status, 200);
  assert.deepEqual(DisplaySettings.parse(await live), zone);

  await restart();
  const again = new Promise<DisplaySettings>((resolve) => {
    void client({ token: hall.token('display-1') }, (name, payload) => {
      if (name === 'display:settings') resolve(payload as DisplaySettings);
    });
  });
  assert.deepEqual(await again, zone, 'kept, and sent on every connect');
});
