import {
  type EnrolFingerEvent,
  type FingerprintIdentifyOutcome,
  type IdentifyFingerEvent,
  type PunchAck,
  type TemplatesEvent,
  type TerminalBridge,
  zhCN,
} from '@yimen/protocol';
import type { HallConnection } from '@yimen/shell/browser/hall-connection';

export type DeskNotice =
  /** A finger identified: a punch, or the sign-in a console asked for. */
  | { readonly kind: 'punched'; readonly name: string; readonly at: number; readonly signedIn: boolean }
  | { readonly kind: 'unknown' }
  /** A console at this window asks its clerk to sign in by finger: the code it shows too. */
  | { readonly kind: 'signIn'; readonly code: string }
  | { readonly kind: 'enrolling'; readonly clerkName: string; readonly step: 'press' | 'lift' | 'pressAgain' }
  | { readonly kind: 'done' };

export interface DeskDeps {
  readonly request: HallConnection['request'];
  readonly bridge: Pick<TerminalBridge, 'fingerprint' | 'on'>;
  /** What to tell the people at the window: a punch, an enrolment step. */
  readonly notify: (notice: DeskNotice) => void;
}

/** How long one wait for a punch lasts before the next begins. */
const PUNCH_WAIT_MS = 10_000;
/** After a failure (module absent, hall away) the desk tries again after this long. */
const RETRY_MS = 3000;
/** After a finger was read, the next wait starts this much later: one press is one punch, not one per scan. */
const AFTER_PRESS_MS = 2000;

/**
 * The window's fingerprint module, shared by the hall's jobs and the clerks' punches: the
 * hall's library is loaded into it (whole on connect, then each change), an enrolment or a
 * sign-in the hall asks for runs at once, and between them the module waits for a finger
 * to punch. One job at a time: the module has one pair of feature buffers.
 */
export class FingerprintDesk {
  private queue: Promise<void> = Promise.resolve();
  private jobs = 0;
  private punching = false;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** Sign-in requests queued behind another job, and the one the module is scanning for. */
  private readonly signInsQueued = new Set<string>();
  private readonly signInsDropped = new Set<string>();
  private scanningFor: string | null = null;
  /** A job or a punch has just read a finger. */
  private fingerRead = false;

  constructor(private readonly deps: DeskDeps) {}

  /** The hall is (back) online: load its whole library, then wait for punches. */
  loadLibrary(): void {
    this.job(async () => {
      const ack = await this.deps.request('fingerprint:library', {});
      if (!ack.ok) return this.later(() => this.loadLibrary());
      const { fingerprint } = this.deps.bridge;
      const cleared = await fingerprint.clear();
      if (!cleared.ok) {
        // A pad without a module has nothing to load; one that is away gets it when back.
        if (cleared.error.code !== 'notConfigured') this.later(() => this.loadLibrary());
        return;
      }
      for (const entry of ack.templates) await fingerprint.writeTemplate(entry);
    });
  }

  templates(change: TemplatesEvent): void {
    this.job(async () => {
      for (const pageId of change.removed) await this.deps.bridge.fingerprint.delete({ pageId });
      for (const entry of change.put) await this.deps.bridge.fingerprint.writeTemplate(entry);
    });
  }

  enrol(job: EnrolFingerEvent): void {
    this.job(async () => {
      const { bridge } = this.deps;
      const { fingerprint } = bridge;
      // Called on the bridge: its `on` is a method of the client, not a free function.
      const off = bridge.on('fingerprint', (e) => {
        if (e.type === 'step') this.deps.notify({ kind: 'enrolling', clerkName: job.clerkName, step: e.step });
      });
      try {
        const reply = await fingerprint.enroll({ pageId: job.pageId, timeoutMs: 15_000 });
        const outcome = reply.ok ? reply.result : { kind: 'cancelled' as const, step: 'press' as const };
        if (outcome.kind !== 'enrolled') {
          await this.deps.request('fingerprint:enrolled', { jobId: job.jobId, outcome });
          return;
        }
        const read = await fingerprint.readTemplate({ pageId: job.pageId });
        await this.deps.request('fingerprint:enrolled', {
          jobId: job.jobId,
          outcome,
          ...(read.ok ? { template: read.result.template } : {}),
        });
      } finally {
        off();
        this.fingerRead = true;
        this.deps.notify({ kind: 'done' });
      }
    });
  }

  /**
   * A sign-in a console at this window asked for: the prompt (with the console's code) shows
   * while the module scans, then the answer goes to the hall with the request's id. A module
   * that cannot scan says why, so the console is not left guessing.
   */
  identify(job: IdentifyFingerEvent): void {
    const { requestId } = job;
    this.signInsQueued.add(requestId);
    this.job(async () => {
      this.signInsQueued.delete(requestId);
      if (this.signInsDropped.delete(requestId)) return;
      this.scanningFor = requestId;
      this.deps.notify({ kind: 'signIn', code: job.code });
      let greeted = false;
      try {
        const reply = await this.deps.bridge.fingerprint.identify({ timeoutMs: job.timeoutMs });
        if (!reply.ok) {
          const E = zhCN.evaluator;
          const deviceError = reply.error.code === 'notConfigured' ? E.deviceMissing : E.deviceDown;
          await this.deps.request('fingerprint:identified', { requestId, outcome: { kind: 'cancelled' }, deviceError });
          return;
        }
        const outcome = reply.result;
        greeted = this.report(await this.deps.request('fingerprint:identified', { requestId, outcome }), outcome);
      } finally {
        this.scanningFor = null;
        this.fingerRead = true;
        if (!greeted) this.deps.notify({ kind: 'done' });
      }
    });
  }

  /** The console gave the sign-in up (or it lapsed): stop scanning for it, or skip it when its turn comes. */
  cancelSignIn(requestId: string): void {
    if (this.scanningFor === requestId) void this.deps.bridge.fingerprint.cancel();
    else if (this.signInsQueued.has(requestId)) this.signInsDropped.add(requestId);
  }

  dispose(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    void this.deps.bridge.fingerprint.cancel();
  }

  /** Queues a job; a punch wait in progress is cancelled so the job can have the module. */
  private job(run: () => Promise<void>): void {
    this.jobs++;
    if (this.punching) void this.deps.bridge.fingerprint.cancel();
    this.queue = this.queue
      .then(run)
      .catch((error: unknown) => console.error(`[fingerprint] ${String(error)}`))
      .finally(() => {
        this.jobs--;
        if (this.jobs === 0) this.punchLoop();
      });
  }

  /** Waits for punches until a job comes or the module fails (then tries again later). */
  private punchLoop(): void {
    if (this.stopped || this.punching || this.jobs > 0) return;
    this.punching = true;
    void (async () => {
      while (!this.stopped && this.jobs === 0) {
        // A finger just read (a punch, an enrolment, a sign-in) may still be on the sensor: not a new punch.
        if (this.fingerRead) {
          this.fingerRead = false;
          await new Promise((resolve) => setTimeout(resolve, AFTER_PRESS_MS));
          continue;
        }
        const reply = await this.deps.bridge.fingerprint.identify({ timeoutMs: PUNCH_WAIT_MS });
        if (!reply.ok) {
          if (reply.error.code !== 'notConfigured') this.later(() => this.punchLoop());
          break;
        }
        const outcome = reply.result;
        if (outcome.kind === 'match' || outcome.kind === 'noMatch') {
          this.fingerRead = true;
          this.report(await this.deps.request('fingerprint:identified', { outcome }), outcome);
        }
      }
      this.punching = false;
    })();
  }

  /** Greets the finger the hall identified (or says it is unknown); false when there was nothing to say. */
  private report(ack: ({ ok: true } & PunchAck) | { ok: false }, outcome: FingerprintIdentifyOutcome): boolean {
    if (ack.ok) this.deps.notify({ kind: 'punched', name: ack.clerk.name, at: ack.at, signedIn: ack.signedIn });
    else if (outcome.kind === 'match' || outcome.kind === 'noMatch') this.deps.notify({ kind: 'unknown' });
    else return false;
    return true;
  }

  private later(run: () => void): void {
    if (this.stopped) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(run, RETRY_MS);
  }
}
