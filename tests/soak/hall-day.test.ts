/**
 * A compressed hall day against the real hall-server process: kiosks issue thousands of tickets,
 * clerks call, recall, hold, transfer, no-show and finish them, displays and evaluators watch,
 * clients drop and reconnect at random (with their last seq), and the server is SIGKILLed and
 * restarted on the same database twice. Afterwards every acknowledged ticket is stored once,
 * numbers have no gaps or repeats, no ticket was ever called to two windows at once, every
 * event a client saw is the stored one, and every display's view equals the server's snapshot.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { TerminalSpec } from '@yimen/hall-server/api/provision';
import type { HallConfig } from '@yimen/hall-server/store/config-repo';
import { SMALL_HALL } from '@yimen/hall-server/testing/small-hall';
import {
  clerkPassword,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
} from '@yimen/hall-server/testing/test-server';
import type {
  Ack,
  Category,
  HealthResponse,
  IssuedTicket,
  LoggedEvent,
  QueueSnapshot,
  ReplayEvent,
  SnapshotEvent,
  SyncAck,
  Ticket,
  TicketStatus,
  Window,
} from '@yimen/protocol';
import { LOGGED_EVENT_NAMES, windowOfEvent } from '@yimen/protocol';
import Database from 'better-sqlite3';
import { canonical, DisplayView } from '../support/display-view';
import { type HallProcess, startHallProcess } from '../support/hall-process';
import { seededRandom } from '../support/random';

const SEED = 20261122;
const TICKETS = 3000;
/** Acknowledged issues after which the server is SIGKILLed and restarted. */
const KILL_AFTER = [1000, 2000];
/** Past this, an unanswered command means the server hangs: the test fails rather than waits. */
const ACK_TIMEOUT_MS = 15_000;

// ---- the hall: four busy queues, four dedicated windows and two comprehensive ones ----

const categories: Category[] = ['A', 'B', 'C', 'D'].map((prefix, i) => ({
  id: `cat-${prefix.toLowerCase()}`,
  name: `业务${prefix}`,
  prefix,
  departmentId: (SMALL_HALL.departments[i % 3] as { id: string }).id,
  itemIds: [],
  avgServiceMin: 5 + 3 * i,
  dailyCap: 999,
}));
const categoryIds = categories.map((c) => c.id);
const windows: Window[] = [
  ...categoryIds.map((id, i) => ({
    id: `win-${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    kind: 'dedicated' as const,
    departmentId: null,
    categoryIds: [id],
  })),
  {
    id: 'win-5',
    number: 5,
    name: '5号综合窗口',
    kind: 'comprehensive',
    departmentId: null,
    categoryIds: ['cat-a', 'cat-b'],
  },
  {
    id: 'win-6',
    number: 6,
    name: '6号综合窗口',
    kind: 'comprehensive',
    departmentId: null,
    categoryIds: ['cat-c', 'cat-d', 'cat-a'],
  },
];
const DAY_HALL: HallConfig = {
  ...SMALL_HALL,
  categories,
  items: [],
  windows,
  clerks: windows.map((w) => ({
    ...(SMALL_HALL.clerks[0] as HallConfig['clerks'][number]),
    id: `clerk-${w.number}`,
    staffNo: `D00${w.number}`,
  })),
};
const terminals: TerminalSpec[] = [
  ...[1, 2, 3, 4].map((n) => ({ id: `kiosk-${n}`, name: `${n}号取号机`, role: 'kiosk' as const, windowId: null })),
  ...[1, 2, 3].map((n) => ({ id: `display-${n}`, name: `${n}号屏`, role: 'display' as const, windowId: null })),
  ...windows.map((w) => ({
    id: `evaluator-${w.id}`,
    name: `${w.number}号评价器`,
    role: 'evaluator' as const,
    windowId: w.id,
  })),
];

const hall = createTestHall(DAY_HALL, terminals);
/** The running server and every client, so a failed run still leaves nothing behind. */
let server: HallProcess | null = null;
const everyone: Peer[] = [];
after(async () => {
  for (const p of everyone) p.close();
  if (server?.child.exitCode === null) await server.kill();
  removeTestHall(hall);
});

// ---- shared state of the day ----

const rng = seededRandom(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's current address; empty while it is down. */
let hallUrl = '';
/** Failures noticed inside the actors; asserted empty at the end, so none is lost in a detached promise. */
const problems: string[] = [];
/** The first sighting of each event seq by any client, as JSON: later sightings and the database must match it. */
const seen = new Map<number, string>();
const LOGGED = new Set<string>(LOGGED_EVENT_NAMES);
let reconnects = 0;

/** Displays get tickets without holder data and staff notes, clerks with them: events are compared in the displays' form. */
function publicJson(event: LoggedEvent): string {
  if (event.name !== 'ticket:called' && event.name !== 'ticket:changed') return JSON.stringify(event);
  const ticket = { ...event.payload.ticket, holder: null, transferNote: null };
  return JSON.stringify({ ...event, payload: { ...event.payload, ticket } });
}

function saw(event: LoggedEvent): void {
  const json = publicJson(event);
  const first = seen.get(event.payload.seq);
  if (first === undefined) seen.set(event.payload.seq, json);
  else if (first !== json) problems.push(`seq ${event.payload.seq} seen as two different events`);
}

/** The logged events in what a client received: one live event, or the missed ones replayed on reconnect. */
function eventsIn(name: string, payload: unknown): LoggedEvent[] {
  if (name === 'hall:replay') return (payload as ReplayEvent).events;
  return LOGGED.has(name) ? [{ name, payload } as LoggedEvent] : [];
}

type Auth = { token: string } | { session: string };

/** A terminal that stays connected: after any disconnect it comes back, to wherever the server now is. */
class Peer {
  socket: HallClient | null = null;
  /** The highest seq this client has seen; sent on reconnect to get what it missed. */
  lastSeq = 0;
  private pending: { resolve: (socket: HallClient) => void; reject: (error: Error) => void }[] = [];
  private connecting = false;
  private closed = false;

  constructor(
    readonly name: string,
    private readonly auth: Auth,
    private readonly onEvent: (name: string, payload: unknown) => void,
    /** Whether the next connection resumes from `lastSeq` (otherwise the server sends a snapshot). */
    private readonly resume: () => boolean = () => true,
  ) {}

  ready(): Promise<HallClient> {
    if (this.socket?.connected) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      void this.connect();
    });
  }

  /** Drops the connection, as a flaky cable or a rebooting terminal would; it comes back by itself. */
  drop(): void {
    this.socket?.close();
  }

  /** Leaves for good: the hall is closing. */
  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.closed) return;
    this.connecting = true;
    const deadline = Date.now() + 60_000;
    while (!this.socket && !this.closed && Date.now() < deadline) {
      if (hallUrl) {
        const auth = this.lastSeq > 0 && this.resume() ? { ...this.auth, lastSeq: this.lastSeq } : this.auth;
        try {
          const socket = await connectClient(hallUrl, auth, (name, payload) => this.onEvent(name, payload));
          socket.on('disconnect', () => this.lost(socket));
          this.socket = socket;
          break;
        } catch {
          // The server is restarting, or this was its old address.
        }
      }
      await sleep(20);
    }
    this.connecting = false;
    if (this.closed) this.socket?.close();
    const socket = this.socket;
    for (const p of this.pending.splice(0)) {
      if (socket) p.resolve(socket);
      else p.reject(new Error(`${this.name} could not reconnect`));
    }
  }

  private lost(socket: HallClient): void {
    if (this.socket !== socket) return;
    this.socket = null;
    reconnects++;
    if (!this.closed) setTimeout(() => void this.connect(), Math.floor(rng() * 50));
  }
}

const LOST = Symbol('connection lost before the ack');

/** Sends a command; LOST when the connection drops first (the command may or may not have run). */
async function command<T extends object>(peer: Peer, event: string, payload: unknown): Promise<Ack<T> | typeof LOST> {
  const socket = await peer.ready();
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve(LOST);
    const timer = setTimeout(() => reject(new Error(`${peer.name}: no ack for ${event}`)), ACK_TIMEOUT_MS);
    const lost = () => {
      clearTimeout(timer);
      resolve(LOST);
    };
    socket.once('disconnect', lost);
    (socket.emit as (e: string, ...args: unknown[]) => void)(event, payload, (ack: Ack<T>) => {
      clearTimeout(timer);
      socket.off('disconnect', lost);
      resolve(ack);
    });
  });
}

async function getJson<T>(path: string): Promise<T> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (hallUrl) {
      try {
        const res = await fetch(`${hallUrl}${path}`);
        if (res.ok) return (await res.json()) as T;
      } catch {
        // Restarting; try again.
      }
    }
    await sleep(20);
  }
  throw new Error(`GET ${path} kept failing`);
}

// ---- the people of the hall ----

interface Display {
  readonly peer: Peer;
  view: DisplayView | null;
}

function display(id: string): Display {
  const d: Display = { view: null } as Display;
  const onEvent = (name: string, payload: unknown) => {
    if (name === 'hall:snapshot') d.view = DisplayView.from((payload as SnapshotEvent).snapshot);
    for (const event of eventsIn(name, payload)) {
      saw(event);
      try {
        if (!d.view) throw new Error('an event before any snapshot');
        d.view.apply(event);
      } catch (error) {
        problems.push(`${id}: ${(error as Error).message}`);
      }
    }
    if (d.view) d.peer.lastSeq = d.view.seq;
  };
  // One reconnect in five starts from a fresh snapshot instead of the missed events.
  Object.assign(d, { peer: new Peer(id, { token: hall.token(id) }, onEvent, () => rng() >= 0.2) });
  return d;
}

/** Kiosks, clerks and evaluators only track the seq; an evaluator must see nothing of other windows. */
function watcher(id: string, auth: Auth, windowId?: string): Peer {
  const peer: Peer = new Peer(id, auth, (name, payload) => {
    for (const event of eventsIn(name, payload)) {
      saw(event);
      if (windowId && windowOfEvent(event) !== windowId) problems.push(`${id} saw ${event.name} of another window`);
    }
    const seq = (payload as { seq?: unknown }).seq;
    if (typeof seq === 'number') peer.lastSeq = Math.max(peer.lastSeq, seq);
  });
  return peer;
}

/** Acknowledged issues by kiosk and idempotency key. */
const issued = new Map<string, { id: string; number: string }>();
let reserved = 0;

async function kioskDay(id: string, peer: Peer): Promise<void> {
  for (let n = 0; reserved < TICKETS; n++) {
    reserved++;
    const idempotencyKey = `${id}-${n}-hall-day`;
    const categoryId = pick(categoryIds);
    let ack: Ack<{ ticket: IssuedTicket; replayed: boolean }> | typeof LOST = LOST;
    // A kiosk that lost the ack retries with the same key until it gets one: the same ticket if it was stored.
    while (ack === LOST) ack = await command(peer, 'ticket:issue', { categoryId, idempotencyKey });
    if (!ack.ok) {
      problems.push(`${id} issue refused: ${ack.error.code}`);
      continue;
    }
    issued.set(`${id}/${idempotencyKey}`, { id: ack.ticket.id, number: ack.ticket.number });
    // A failed print: the kiosk voids the ticket, unless a clerk has called it meanwhile.
    if (rng() < 0.02) {
      const voided = await command(peer, 'ticket:void', { ticketId: ack.ticket.id, reason: '打印失败' });
      if (voided !== LOST && !voided.ok && voided.error.code !== 'ILLEGAL_TRANSITION') {
        problems.push(`${id} void refused: ${voided.error.code}`);
      }
    }
  }
}

let clerksStop = false;

async function clerkDay(windowId: string, peer: Peer): Promise<void> {
  const others = windows.filter((w) => w.id !== windowId).map((w) => w.id);
  /** Runs steps in order; false when one was lost or refused, after which the window is put straight. */
  const steps = async (ticketId: string, list: [string, Record<string, unknown>?][]) => {
    for (const [event, extra] of list) {
      const ack = await command<{ ticket: Ticket }>(peer, event, { ticketId, ...extra });
      if (ack === LOST) return false;
      if (!ack.ok) {
        problems.push(`${peer.name} ${event} refused: ${ack.error.code} ${ack.error.message}`);
        return false;
      }
    }
    return true;
  };
  const finish: [string][] = [['ticket:start'], ['ticket:finish']];

  /** After a lost command: settle whatever the snapshot shows at this window. */
  const resync = async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const snapshot = await getJson<QueueSnapshot>('/api/queue');
      const order: TicketStatus[] = ['serving', 'called', 'held'];
      const mine = snapshot.tickets
        .filter((t) => t.windowId === windowId && order.includes(t.status))
        .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
      let settled = true;
      for (const t of mine) {
        const todo: [string][] =
          t.status === 'serving'
            ? [['ticket:finish']]
            : t.status === 'called'
              ? finish
              : [['ticket:resume'], ...finish];
        if (!(await steps(t.id, todo))) settled = false;
      }
      if (settled) return;
    }
    problems.push(`${peer.name} could not settle its window`);
  };

  while (!clerksStop) {
    const call = await command<{ ticket: Ticket }>(peer, 'window:callNext', {});
    if (call === LOST) {
      await resync();
      continue;
    }
    if (!call.ok) {
      if (call.error.code === 'QUEUE_EMPTY') await sleep(5);
      else await resync();
      continue;
    }
    const ticketId = call.ticket.id;
    const r = rng();
    let plan: [string, Record<string, unknown>?][];
    if (r < 0.06) {
      // The citizen turns up late and is put back in line, once.
      const late = rng() < 0.5 && call.ticket.requeueCount < DAY_HALL.rules.maxRequeues;
      plan = late ? [['ticket:noShow'], ['ticket:requeue']] : [['ticket:noShow']];
    } else if (r < 0.11) plan = [['ticket:recall'], ...finish];
    else if (r < 0.15) plan = [['ticket:transfer', { toCategoryId: pick(categoryIds) }]];
    else if (r < 0.18) plan = [['ticket:transfer', { toWindowId: pick(others) }]];
    else if (r < 0.22) plan = [['ticket:hold'], ['ticket:resume'], ...finish];
    else plan = finish;
    if (!(await steps(ticketId, plan))) await resync();
  }
}

// ---- the checks ----

type StoredEvent = { seq: number; name: LoggedEvent['name']; payload: string };

/**
 * "Never called to two windows", precisely: a ticket's `ticket:called` either is a recall
 * (recall > 0) while it stands called at that very window, or finds it waiting (never called,
 * transferred or re-queued since its last call) or held at that very window (resume). And at
 * no point are two tickets called or being served at one window.
 */
function checkCalls(events: readonly LoggedEvent[]): { called: Set<string>; kinds: Set<string> } {
  const at = new Map<string, Pick<Ticket, 'status' | 'windowId' | 'transferCount'>>();
  /** The ticket each window has called or is serving. */
  const busy = new Map<string, string>();
  const kinds = new Set<string>();
  const called = new Set<string>();
  const occupy = (seq: number, id: string, ticket: Pick<Ticket, 'status' | 'windowId'>) => {
    const before = at.get(id);
    if (before?.windowId && busy.get(before.windowId) === id) busy.delete(before.windowId);
    if ((ticket.status === 'called' || ticket.status === 'serving') && ticket.windowId) {
      const other = busy.get(ticket.windowId);
      assert.ok(!other, `seq ${seq}: ${ticket.windowId} has two tickets at once (${other}, ${id})`);
      busy.set(ticket.windowId, id);
    }
  };
  for (const event of events) {
    if (event.name === 'ticket:called') {
      const { ticket, window, recall, seq } = event.payload;
      const before = at.get(ticket.id);
      const where = `seq ${seq}: ${ticket.number} called to ${window.id}`;
      assert.ok(before, `${where} before it was issued`);
      if (recall > 0) {
        const still = before.status === 'called' && before.windowId === window.id;
        assert.ok(still, `${where} as a recall, but it was ${before.status} at ${before.windowId}`);
        kinds.add('recall');
      } else {
        const resumed = before.status === 'held' && before.windowId === window.id;
        assert.ok(
          before.status === 'waiting' || resumed,
          `${where}, but it was ${before.status} at ${before.windowId}`,
        );
        if (resumed) kinds.add('resume');
        called.add(ticket.id);
      }
      assert.equal(ticket.windowId, window.id, where);
      occupy(seq, ticket.id, ticket);
      at.set(ticket.id, ticket);
    } else if (event.name === 'ticket:changed') {
      const { ticket, seq } = event.payload;
      const before = at.get(ticket.id);
      if (before && ticket.transferCount > before.transferCount) {
        kinds.add(ticket.targetWindowId ? 'transfer to a window' : 'transfer to a queue');
      }
      if (before?.status === 'noShow' && ticket.status === 'waiting') kinds.add('requeue');
      kinds.add(ticket.status);
      occupy(seq, ticket.id, ticket);
      at.set(ticket.id, ticket);
    }
  }
  return { called, kinds };
}

test('a hall day with dropped clients and two SIGKILLs: nothing acknowledged is lost, doubled or diverged', async (t) => {
  const outputs: string[] = [];
  let running = await startHallProcess(hall.dbPath);
  server = running;
  hallUrl = running.url;

  const displays = ['display-1', 'display-2', 'display-3'].map(display);
  const evaluators = windows.map((w) => watcher(`evaluator-${w.id}`, { token: hall.token(`evaluator-${w.id}`) }, w.id));
  const kiosks = [1, 2, 3, 4].map((n) => watcher(`kiosk-${n}`, { token: hall.token(`kiosk-${n}`) }));
  const clerks = await Promise.all(
    windows.map(async (w, i) => {
      const staffNo = `D00${i + 1}`;
      const res = await fetch(`${hallUrl}/api/clerk/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffNo, password: clerkPassword(staffNo), windowId: w.id }),
      });
      const body = (await res.json()) as { ok: boolean; session: string };
      assert.ok(body.ok, `login ${staffNo}`);
      return { windowId: w.id, peer: watcher(`clerk ${staffNo}`, { session: body.session }) };
    }),
  );
  everyone.push(...displays.map((d) => d.peer), ...evaluators, ...kiosks, ...clerks.map((c) => c.peer));
  await Promise.all(everyone.map((p) => p.ready()));

  let chaosStop = false;
  const chaos = (async () => {
    while (!chaosStop) {
      await sleep(10 + rng() * 60);
      if (rng() < 0.1) {
        // A display asks for what it missed while connected: all of it must match what it already has.
        const d = pick(displays);
        const ack = await command<Exclude<SyncAck, { ok: false }>>(d.peer, 'hall:sync', {
          lastSeq: Math.max(0, (d.view?.seq ?? 0) - 5),
        });
        if (ack !== LOST && ack.ok && ack.mode === 'events') for (const e of ack.events) saw(e);
      } else pick(everyone).drop();
    }
  })();

  const killer = (async () => {
    for (const threshold of KILL_AFTER) {
      while (issued.size < threshold) await sleep(5);
      hallUrl = '';
      await running.kill();
      outputs.push(running.output());
      running = await startHallProcess(hall.dbPath);
      server = running;
      hallUrl = running.url;
    }
  })();

  const clerkDays = clerks.map((c) => clerkDay(c.windowId, c.peer));
  await Promise.all([...kiosks.map((k) => kioskDay(k.name, k)), killer]);
  // No more tickets: the clerks serve everyone still in the hall, then the doors close.
  const inHall: TicketStatus[] = ['waiting', 'called', 'serving', 'held'];
  for (let i = 0; ; i++) {
    const { tickets } = await getJson<QueueSnapshot>('/api/queue');
    const left = tickets.filter((ticket) => inHall.includes(ticket.status)).length;
    if (left === 0) break;
    assert.ok(i < 600, `${left} citizens never served`);
    await sleep(100);
  }
  clerksStop = true;
  chaosStop = true;
  await Promise.all([...clerkDays, chaos]);
  await Promise.all(displays.map((d) => d.peer.ready()));

  // Every display converges to the server's snapshot.
  const health = await getJson<HealthResponse>('/api/health');
  for (let i = 0; i < 500 && !displays.every((d) => d.view?.seq === health.seq); i++) await sleep(20);
  const snapshot = await getJson<QueueSnapshot>('/api/queue');
  assert.equal(snapshot.seq, health.seq, 'the hall was quiet');
  for (const d of displays) {
    assert.ok(d.view, `${d.peer.name} has a view`);
    assert.deepEqual(d.view.canonical(), canonical(snapshot), `${d.peer.name} diverged from the server`);
  }

  for (const p of everyone) p.close();
  assert.equal(await running.stop(), 0);
  outputs.push(running.output());

  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problems during the day`);
  assert.equal(issued.size, TICKETS);
  assert.ok(reconnects > 100, `only ${reconnects} reconnects`);
  for (const out of outputs) assert.doesNotMatch(out, /Error|\n\s+at |failed/, 'the server reported an error');

  const db = new Database(hall.dbPath, { readonly: true });
  const rows = db
    .prepare('SELECT id, business_day, number, status, terminal_id, idempotency_key FROM tickets')
    .all() as {
    id: string;
    business_day: string;
    number: string;
    status: TicketStatus;
    terminal_id: string;
    idempotency_key: string;
  }[];
  const stored = db.prepare('SELECT seq, name, payload FROM events ORDER BY seq').all() as StoredEvent[];
  db.close();

  // Every acknowledged ticket is stored, under its number; nothing else was stored.
  const byKey = new Map(rows.map((r) => [`${r.terminal_id}/${r.idempotency_key}`, r]));
  for (const [key, ticket] of issued) {
    const row = byKey.get(key);
    assert.ok(row, `acknowledged ticket ${ticket.number} (${key}) lost`);
    assert.deepEqual([row.id, row.number], [ticket.id, ticket.number], key);
  }
  assert.equal(rows.length, issued.size, 'tickets stored that no kiosk was given');

  // Numbers: per day and prefix exactly 001..n, so none repeated or skipped across the kills.
  const numbers = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.business_day} ${r.number[0]}`;
    numbers.set(key, [...(numbers.get(key) ?? []), Number(r.number.slice(1))]);
  }
  for (const [key, list] of numbers) {
    list.sort((a, b) => a - b);
    assert.deepEqual(
      list,
      Array.from({ length: list.length }, (_, i) => i + 1),
      `numbers of ${key}`,
    );
  }

  // The log has no holes, and every event a client saw is the stored one.
  assert.deepEqual(
    stored.map((e) => e.seq),
    Array.from({ length: stored.length }, (_, i) => i + 1),
  );
  const events = stored.map((e) => ({ name: e.name, payload: JSON.parse(e.payload) }) as LoggedEvent);
  for (const [seq, json] of seen)
    assert.equal(json, publicJson(events[seq - 1] as LoggedEvent), `client saw seq ${seq} differently`);
  assert.ok(seen.size > stored.length * 0.9, 'clients saw most of the day');

  const { called, kinds } = checkCalls(events);
  for (const r of rows) {
    assert.ok(['done', 'noShow', 'voided'].includes(r.status), `${r.number} ends the day ${r.status}`);
    assert.equal(called.has(r.id), r.status !== 'voided', `${r.number} (${r.status}) called or not`);
  }
  t.diagnostic(`${rows.length} tickets, ${stored.length} events, ${reconnects} reconnects, seed ${SEED}`);
  const expected = [
    'recall',
    'resume',
    'held',
    'noShow',
    'requeue',
    'voided',
    'transfer to a window',
    'transfer to a queue',
  ];
  for (const kind of expected) {
    assert.ok(kinds.has(kind), `the day had no ${kind}`);
  }
});
