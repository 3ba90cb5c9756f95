/**
 * Realtime and durability bench: a real hall-server process on a temporary database, 600
 * socket.io clients in this process on 127.0.0.1.
 *
 *   npm run bench:realtime [-- --json] [-- --cpu-prof DIR]
 *
 * Measures call → display latency (bench-side clocks: the clerk's send to each display's
 * receipt of `ticket:called`), acknowledged `ticket:issue` per second from several kiosks
 * with synchronous=FULL, the raw better-sqlite3 single-row insert rate on the same disk, and
 * the server's RSS and CPU. Stops by itself; removes its directory and its child process.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket, Ticket, TicketCalledEvent } from '@yimen/protocol';
import { type HallProcess, startHallProcess } from '../../../tests/support/hall-process';
import { BENCH_HALL, BENCH_TERMINALS, CLERK_AT, CLIENT_COUNT, MIX } from './bench-hall';
import { rawInsertsPerSec } from './raw-insert';
import { type Summary, summarise } from './stats';

const WARMUP_CALLS = 30;
const CALLS = 600;
/** Tickets waiting before the calls start: a busy morning's queue, a few dozen per category. */
const PREFILL_PER_CATEGORY = 40;
const ISSUING_KIOSKS = 8;
const ISSUE_WARMUP_MS = 500;
const ISSUE_MS = 5000;
/** Raw inserts run just before and just after the issue phases; the ratio uses their mean. */
const RAW_MS = 2000;
/** The whole run must end well within two minutes, whatever happens. */
const DEADLINE_MS = 110_000;
const TARGET_P99_MS = 10;
const TARGET_RATIO = 0.4;
/** Linux reports process CPU time in clock ticks of 10 ms. */
const CLOCK_TICK_MS = 10;

const json = process.argv.includes('--json');
/** `--cpu-prof DIR`: the server writes a V8 CPU profile there when it stops, to see where its time goes. */
const profileDir = (() => {
  const i = process.argv.indexOf('--cpu-prof');
  return i === -1 ? null : (process.argv[i + 1] ?? null);
})();
const progress = (message: string) => process.stderr.write(`[bench:realtime] ${message}\n`);

/** A connected client and the highest event seq it has seen. */
interface Peer {
  readonly socket: HallClient;
  lastSeq: number;
}
interface Clerk extends Peer {
  readonly windowId: string;
}

/** The call being measured: when it was sent and how long each display took to hear it. */
interface PendingCall {
  readonly windowId: string;
  readonly sentAt: number;
  readonly heard: number[];
}
let pending: PendingCall | null = null;

/** One condition at a time is awaited; every incoming event re-checks it. */
let waiter: { check: () => boolean; done: () => void } | null = null;
function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiter = null;
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    waiter = {
      check,
      done: () => {
        clearTimeout(timer);
        waiter = null;
        resolve();
      },
    };
  });
}

function tracker(peer: { lastSeq: number }, isDisplay: boolean) {
  return (event: string, payload: unknown) => {
    const seq = (payload as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number' && seq > peer.lastSeq) peer.lastSeq = seq;
    if (isDisplay && event === 'ticket:called' && pending) {
      const called = payload as TicketCalledEvent;
      if (called.window.id === pending.windowId) pending.heard.push(performance.now() - pending.sentAt);
    }
    if (waiter?.check()) waiter.done();
  };
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!kb) throw new Error('no VmRSS');
  return Number(kb[1]) / 1024;
}

/** User + system CPU time of a process, all threads, in ms. */
function cpuMs(pid: number): number {
  // Fields after the command name, which may itself contain spaces: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** Connects in batches: 600 handshakes at once would measure the accept queue, not the hall. */
async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

type IssueAck = { ticket: IssuedTicket };
let keyCounter = 0;
const categoryIds = BENCH_HALL.categories.map((c) => c.id);
function issue(kiosk: HallClient) {
  const n = keyCounter++;
  return send<IssueAck>(kiosk, 'ticket:issue', {
    categoryId: categoryIds[n % categoryIds.length],
    idempotencyKey: `bench-${process.pid}-${n}`,
  });
}

interface IssueRun {
  perSec: number;
  perSecond: number[];
  serverCpuMsPerIssue: number;
}

/** Closed loop: each kiosk sends its next issue when the last one is acknowledged. */
async function measureIssues(kiosks: readonly HallClient[], pid: number): Promise<IssueRun> {
  const from = performance.now() + ISSUE_WARMUP_MS;
  const to = from + ISSUE_MS;
  let cpuFrom = 0;
  const warm = setTimeout(() => {
    cpuFrom = cpuMs(pid);
  }, ISSUE_WARMUP_MS);
  const ackedAt: number[] = [];
  await Promise.all(
    kiosks.map(async (kiosk) => {
      while (performance.now() < to) {
        const ack = await issue(kiosk);
        if (!ack.ok) throw new Error(`issue failed: ${ack.error.code}`);
        ackedAt.push(performance.now());
      }
    }),
  );
  clearTimeout(warm);
  const inWindow = ackedAt.filter((t) => t >= from && t < to);
  return {
    perSec: inWindow.length / (ISSUE_MS / 1000),
    perSecond: Array.from({ length: ISSUE_MS / 1000 }, (_, i) => {
      const lo = from + i * 1000;
      return inWindow.filter((t) => t >= lo && t < lo + 1000).length;
    }),
    serverCpuMsPerIssue: (cpuMs(pid) - cpuFrom) / ackedAt.filter((t) => t >= from).length,
  };
}

interface Result {
  clients: { total: number; displays: number; clerks: number; evaluators: number; kiosks: number };
  callLatencyMs: Summary;
  callAckMs: Summary;
  calls: number;
  serverCpuMsPerCall: number;
  issuePerSec: number;
  issuePerSecByInterval: number[];
  issuingKiosks: number;
  serverCpuMsPerIssue: number;
  issuePerSecKiosksOnly: number;
  serverCpuMsPerIssueKiosksOnly: number;
  rawSqliteInsertPerSec: number;
  rawSqliteInsertPerSecRuns: number[];
  issueToRawRatio: number;
  rssMb: number;
  rssIdleMb: number;
  targets: { callP99Ms: number; callP99Met: boolean; issueToRawRatio: number; issueToRawMet: boolean };
  machine: { nproc: number; cpu: string; memGb: number; node: string };
}

async function run(hall: TestHall, server: HallProcess): Promise<Result> {
  const pid = server.child.pid as number;
  let rssPeak = 0;
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, rssMb(pid));
    } catch {
      // The server is gone; the run fails on its next command.
    }
  }, 100);
  const sockets: HallClient[] = [];
  const track = (socket: HallClient) => {
    sockets.push(socket);
    return socket;
  };
  try {
    progress(`connecting ${CLIENT_COUNT} clients`);
    const byRole = (role: string) => BENCH_TERMINALS.filter((t) => t.role === role);
    const displays = await inBatches(byRole('display'), 50, async (t) => {
      const peer = { lastSeq: 0 } as { lastSeq: number; socket: HallClient };
      peer.socket = track(await connectClient(server.url, { token: hall.token(t.id) }, tracker(peer, true)));
      return peer as Peer;
    });
    const evaluators = await inBatches(byRole('evaluator'), 50, async (t) =>
      track(await connectClient(server.url, { token: hall.token(t.id) })),
    );
    const kiosks = await inBatches(byRole('kiosk'), 50, async (t) =>
      track(await connectClient(server.url, { token: hall.token(t.id) })),
    );
    // Each login runs scrypt on the server: a handful at a time.
    const clerks = await inBatches([...CLERK_AT], 8, async ([windowId, staffNo]) => {
      const { socket } = await clerkClient(server.url, staffNo, windowId);
      const clerk: Clerk = { socket: track(socket), windowId, lastSeq: 0 };
      socket.onAny(tracker(clerk, false));
      return clerk;
    });
    const connected = displays.length + evaluators.length + kiosks.length + clerks.length;
    if (connected !== CLIENT_COUNT) throw new Error(`connected ${connected} of ${CLIENT_COUNT}`);
    await new Promise((r) => setTimeout(r, 500));
    const rssIdle = rssMb(pid);

    progress(`issuing ${PREFILL_PER_CATEGORY * categoryIds.length} tickets for the calls to take`);
    const prefill = Array.from({ length: PREFILL_PER_CATEGORY * categoryIds.length }, (_, i) => i);
    await inBatches(prefill, kiosks.length, async (i) => {
      const ack = await issue(kiosks[i % kiosks.length] as HallClient);
      if (!ack.ok) throw new Error(`prefill issue failed: ${ack.error.code}`);
    });

    progress(`${CALLS} calls, one at a time, each heard by ${displays.length} displays`);
    const heard: number[] = [];
    const acks: number[] = [];
    const everyoneCaughtUp = (seq: number) => () =>
      displays.every((d) => d.lastSeq >= seq) && clerks.every((c) => c.lastSeq >= seq);
    let measured = 0;
    let cpuAtFirstMeasured = 0;
    for (let k = 0; measured < CALLS; k++) {
      if (k > (WARMUP_CALLS + CALLS) * 2) throw new Error('the queue ran dry before the calls were done');
      if (k === WARMUP_CALLS) cpuAtFirstMeasured = cpuMs(pid);
      const clerk = clerks[k % clerks.length] as Clerk;
      const call: PendingCall = { windowId: clerk.windowId, sentAt: performance.now(), heard: [] };
      pending = call;
      const ack = await send<{ ticket: Ticket }>(clerk.socket, 'window:callNext', {});
      const ackMs = performance.now() - call.sentAt;
      if (!ack.ok) {
        pending = null;
        if (ack.error.code === 'QUEUE_EMPTY') continue;
        throw new Error(`callNext failed: ${ack.error.code}`);
      }
      await until(() => call.heard.length >= displays.length, 5000, 'every display to hear the call');
      pending = null;
      if (k >= WARMUP_CALLS) {
        heard.push(...call.heard);
        acks.push(ackMs);
        measured++;
      }
      const noShow = await send(clerk.socket, 'ticket:noShow', { ticketId: ack.ticket.id });
      if (!noShow.ok) throw new Error(`noShow failed: ${noShow.error.code}`);
      // The clerk saw its own events before the ack; let every listener drain them, so that
      // each call is measured from a quiet hall.
      await until(everyoneCaughtUp(clerk.lastSeq), 5000, 'the hall to settle');
    }
    const serverCpuMsPerCall = (cpuMs(pid) - cpuAtFirstMeasured) / measured;

    progress(`raw better-sqlite3 inserts for ${RAW_MS / 1000} s in ${hall.dir}`);
    const rawBefore = rawInsertsPerSec(hall.dir, RAW_MS);

    const issuing = kiosks.slice(0, ISSUING_KIOSKS);
    progress(`ticket:issue from ${ISSUING_KIOSKS} kiosks, all ${connected} clients listening`);
    const full = await measureIssues(issuing, pid);

    // The same kiosks with no one else connected: what the server does without the fan-out.
    for (const s of sockets) if (!issuing.includes(s)) s.close();
    await new Promise((r) => setTimeout(r, 500));
    progress(`ticket:issue from ${ISSUING_KIOSKS} kiosks, no other client connected`);
    const alone = await measureIssues(issuing, pid);

    progress(`raw better-sqlite3 inserts for ${RAW_MS / 1000} s again`);
    const rawAfter = rawInsertsPerSec(hall.dir, RAW_MS);
    const raw = (rawBefore + rawAfter) / 2;

    const callLatencyMs = summarise(heard);
    const ratio = full.perSec / raw;
    return {
      clients: {
        total: connected,
        displays: displays.length,
        clerks: clerks.length,
        evaluators: evaluators.length,
        kiosks: kiosks.length,
      },
      callLatencyMs,
      callAckMs: summarise(acks),
      calls: measured,
      serverCpuMsPerCall: round(serverCpuMsPerCall, 2),
      issuePerSec: Math.round(full.perSec),
      issuePerSecByInterval: full.perSecond,
      issuingKiosks: ISSUING_KIOSKS,
      serverCpuMsPerIssue: round(full.serverCpuMsPerIssue, 2),
      issuePerSecKiosksOnly: Math.round(alone.perSec),
      serverCpuMsPerIssueKiosksOnly: round(alone.serverCpuMsPerIssue, 3),
      rawSqliteInsertPerSec: Math.round(raw),
      rawSqliteInsertPerSecRuns: [Math.round(rawBefore), Math.round(rawAfter)],
      issueToRawRatio: round(ratio, 3),
      rssMb: Math.round(Math.max(rssPeak, rssMb(pid))),
      rssIdleMb: Math.round(rssIdle),
      targets: {
        callP99Ms: TARGET_P99_MS,
        callP99Met: callLatencyMs.p99 <= TARGET_P99_MS,
        issueToRawRatio: TARGET_RATIO,
        issueToRawMet: ratio >= TARGET_RATIO,
      },
      machine: {
        nproc: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        memGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
    };
  } finally {
    clearInterval(sampler);
    for (const s of sockets) s.close();
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function report(r: Result): string {
  const ms = (s: Summary) => `p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms   max ${s.max.toFixed(2)} ms`;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const c = r.clients;
  return [
    `Yimen realtime bench: ${c.total} socket.io clients on 127.0.0.1 (${c.displays} displays, ${c.clerks} clerks, ${c.evaluators} evaluators, ${c.kiosks} kiosks)`,
    `machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memGb} GB, node ${r.machine.node}`,
    '',
    `call → display ticket:called   ${ms(r.callLatencyMs)}   (${r.calls} calls × ${c.displays} displays)`,
    `  target p99 ≤ ${r.targets.callP99Ms} ms: ${met(r.targets.callP99Met)}`,
    `callNext ack at the clerk      ${ms(r.callAckMs)}`,
    `server CPU per call            ${r.serverCpuMsPerCall} ms (callNext + noShow and their broadcasts)`,
    `ticket:issue acknowledged      ${r.issuePerSec} /s   (${r.issuingKiosks} kiosks, synchronous=FULL, all clients listening; per second: ${r.issuePerSecByInterval.join(', ')})`,
    `  server CPU per issue         ${r.serverCpuMsPerIssue} ms`,
    `  with no other client         ${r.issuePerSecKiosksOnly} /s, server CPU per issue ${r.serverCpuMsPerIssueKiosksOnly} ms`,
    `raw better-sqlite3 insert      ${r.rawSqliteInsertPerSec} /s   (one row per transaction, WAL, synchronous=FULL, same directory; runs ${r.rawSqliteInsertPerSecRuns.join(' and ')})`,
    `issue / raw                    ${(r.issueToRawRatio * 100).toFixed(1)} %   target ≥ ${r.targets.issueToRawRatio * 100} %: ${met(r.targets.issueToRawMet)}`,
    `server RSS                     ${r.rssMb} MB peak, ${r.rssIdleMb} MB idle with every client connected`,
  ].join('\n');
}

async function main(): Promise<void> {
  progress(`provisioning a hall of ${MIX.windows} windows into a temporary database`);
  const hall = createTestHall(BENCH_HALL, BENCH_TERMINALS);
  let server: HallProcess | null = null;
  const cleanUp = () => {
    server?.child.kill('SIGKILL');
    removeTestHall(hall);
  };
  const abort = (why: string) => {
    progress(why);
    cleanUp();
    process.exit(1);
  };
  const deadline = setTimeout(() => abort(`still running after ${DEADLINE_MS / 1000} s; stopped`), DEADLINE_MS);
  process.once('SIGINT', () => abort('interrupted'));
  try {
    server = await startHallProcess(
      hall.dbPath,
      {},
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [],
    );
    const result = await run(hall, server);
    const code = await Promise.race([server.stop(), new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
    if (code !== 0) throw new Error(`hall-server did not exit cleanly on SIGTERM (${code})`);
    const errors = server.output().match(/^.*(Error| {4}at ).*$/gm);
    if (errors) throw new Error(`hall-server printed errors:\n${errors.slice(0, 10).join('\n')}`);
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${report(result)}\n`);
  } finally {
    clearTimeout(deadline);
    cleanUp();
  }
}

main().catch((error) => {
  progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
