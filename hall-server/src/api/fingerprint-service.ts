import { randomInt, randomUUID } from 'node:crypto';
import {
  type Ack,
  type Clerk,
  type EnrolFingerEvent,
  type ErrorBody,
  type FingerprintEnrolledReport,
  type FingerprintIdentifiedReport,
  type FingerprintIdentifyOutcome,
  type FingerprintLoginStarted,
  type IdentifyCancelledEvent,
  type IdentifyFingerEvent,
  type PunchAck,
  type TemplateEntry,
  type TemplatesEvent,
  type WindowView,
  zhCN,
} from '@yimen/protocol';
import * as domain from '../domain';
import { AttendanceRepo } from '../store/attendance-repo';
import { AuthRepo } from '../store/auth-repo';
import type { Db } from '../store/db';
import { FieldCipher } from './field-crypto';
import type { HallService } from './hall-service';

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/** What seals the templates at rest (AES-256-GCM under a key derived from the hall's). */
export const templateCipher = (idKey: Buffer): FieldCipher => new FieldCipher(idKey, 'fingerprint-template');

/** Pages every module offers at least (an AS608 holds 300; an R307 1000). */
export const LIBRARY_PAGES = 300;
/** An enrolment is two presses of up to 15 s each, with the clerk walking to the window first. */
const ENROL_WAIT_MS = 90_000;
/** The module waits this long for the finger; the sign-in request lives a little longer for the answer. */
const IDENTIFY_FINGER_MS = 15_000;
const SIGN_IN_MS = IDENTIFY_FINGER_MS + 5_000;
/** An answered sign-in waits this long for its console to collect it. */
const COLLECT_MS = 30_000;

/** How the hall reaches the window terminals: set by the socket layer. */
export interface TerminalChannel {
  /** To the connections of one terminal; false when it has none. */
  send(terminalId: string, event: 'fingerprint:enrol', payload: EnrolFingerEvent): Promise<boolean>;
  send(terminalId: string, event: 'fingerprint:identify', payload: IdentifyFingerEvent): Promise<boolean>;
  send(terminalId: string, event: 'fingerprint:identifyCancelled', payload: IdentifyCancelledEvent): Promise<boolean>;
  /** To every window terminal: what their modules must hold. */
  broadcastTemplates(payload: TemplatesEvent): void;
}

interface PendingEnrolment {
  terminalId: string;
  clerkId: string;
  finger: number;
  pageId: number;
  done(r: Ack<{ pageId: number }>): void;
}

type SignInReply = Ack<{ session: string; clerk: Clerk; window: WindowView }>;

/**
 * A console's request to sign in at a window by fingerprint. Its id is the nonce only that
 * console holds; the pad's answer settles it, and the console collects the session once.
 */
interface SignInRequest {
  readonly terminalId: string;
  readonly windowId: string;
  /** Settled by the pad's answer, a cancel or the deadline; null until then. */
  answer: SignInReply | null;
  readonly answered: Promise<SignInReply>;
  settle(reply: SignInReply): void;
  readonly timer: ReturnType<typeof setTimeout>;
}

const F = zhCN.clerkConsole.fingerprint;

function outcomeFailure(outcome: { kind: string; reason?: string }): { ok: false; error: ErrorBody } {
  const why: Record<string, string> = {
    noMatch: F.noMatch,
    timeout: F.timeout,
    cancelled: F.cancelled,
    mismatch: '两次按压的不是同一手指，请重新录入',
  };
  return failure('FINGERPRINT_FAILED', outcome.reason ?? why[outcome.kind] ?? zhCN.errorMessage.FINGERPRINT_FAILED);
}

/**
 * Fingerprints of the clerks: enrolment on any window's module (the admin asks, the window's
 * terminal runs the two presses and uploads the template), templates kept sealed and loaded
 * into every module so a clerk can punch at any window, removal when a clerk leaves; punches
 * and sign-in at a window by fingerprint, each a punch on record. Templates never leave the
 * hall: only window terminals on its LAN receive them.
 */
export class FingerprintService {
  private readonly repo: AttendanceRepo;
  private readonly auth: AuthRepo;
  private readonly templates: FieldCipher;
  private readonly enrolments = new Map<string, PendingEnrolment>();
  private readonly signIns = new Map<string, SignInRequest>();
  private channel: TerminalChannel | null = null;

  constructor(
    private readonly db: Db,
    private readonly hall: HallService,
    idKey: Buffer,
  ) {
    this.repo = new AttendanceRepo(db);
    this.auth = new AuthRepo(db);
    this.templates = templateCipher(idKey);
  }

  attach(channel: TerminalChannel): void {
    this.channel = channel;
  }

  /** Every template, opened, for a module loading its library. */
  library(): TemplateEntry[] {
    return this.repo.templates().map((t) => ({ pageId: t.pageId, template: this.templates.open(t.templateSealed) }));
  }

  /** Which clerks have fingers enrolled, and which (no template data). */
  enrolled(): { clerkId: string; finger: number; pageId: number; enrolledAt: number }[] {
    return this.repo
      .templates()
      .map(({ clerkId, finger, pageId, enrolledAt }) => ({ clerkId, finger, pageId, enrolledAt }));
  }

  /** Asks the window terminal to enrol a clerk's finger; resolves when it reports (or gives up). */
  async enrol(clerkId: string, finger: number, terminalId: string): Promise<Ack<{ pageId: number }>> {
    const clerk = this.hall.clerk(clerkId);
    if (!clerk) return failure('NOT_FOUND', '没有这位工作人员');
    const terminal = this.auth.terminalById(terminalId);
    if (terminal?.role !== 'evaluator') return failure('NOT_FOUND', '没有这个窗口终端');
    const pageId = this.repo.pagesOf(clerkId, finger)[0] ?? this.repo.freePage(LIBRARY_PAGES);
    if (pageId === null || pageId === undefined) return failure('CONFLICT', '指纹库已满');
    const jobId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(failure('TERMINAL_OFFLINE')), ENROL_WAIT_MS);
      timer.unref();
      const done = (result: Ack<{ pageId: number }>) => {
        clearTimeout(timer);
        this.enrolments.delete(jobId);
        resolve(result);
      };
      this.enrolments.set(jobId, { terminalId, clerkId, finger, pageId, done });
      this.sendTo(terminalId, 'fingerprint:enrol', { jobId, pageId, clerkName: clerk.name }).then((sent) => {
        if (!sent) done(failure('TERMINAL_OFFLINE'));
      });
    });
  }

  /** The window terminal's report of an enrolment it was asked for. */
  reportEnrolment(terminalId: string, report: FingerprintEnrolledReport): Ack {
    const job = this.enrolments.get(report.jobId);
    if (!job || job.terminalId !== terminalId) return failure('NOT_FOUND', '没有这项录入任务');
    this.enrolments.delete(report.jobId);
    const { outcome } = report;
    if (outcome.kind !== 'enrolled' || outcome.pageId !== job.pageId || !report.template) {
      const result = outcome.kind === 'enrolled' ? failure('BAD_REQUEST', '指纹模板缺失') : outcomeFailure(outcome);
      job.done(result);
      return { ok: true };
    }
    const previous = this.repo.pagesOf(job.clerkId, job.finger).filter((p) => p !== job.pageId);
    try {
      this.db.transaction(() =>
        this.repo.putTemplate({
          pageId: job.pageId,
          clerkId: job.clerkId,
          finger: job.finger,
          templateSealed: this.templates.seal(report.template as string),
          enrolledAt: this.hall.clock(),
          terminalId,
        }),
      )();
    } catch (error) {
      console.error(`[fingerprint] ${error instanceof Error ? error.message : String(error)}`);
      job.done(failure('STORAGE'));
      return failure('STORAGE');
    }
    this.channel?.broadcastTemplates({ put: [{ pageId: job.pageId, template: report.template }], removed: previous });
    job.done({ ok: true, pageId: job.pageId });
    return { ok: true };
  }

  /** A clerk who leaves: their templates go from the hall and from every module. */
  remove(clerkId: string): Ack<{ removed: number[] }> {
    const pages = this.repo.pagesOf(clerkId);
    this.db.transaction(() => this.repo.removeTemplates(clerkId))();
    if (pages.length > 0) this.channel?.broadcastTemplates({ put: [], removed: pages });
    return { ok: true, removed: pages };
  }

  /**
   * A console asks to sign its clerk in at a window by fingerprint: the window's terminal is
   * told to scan (showing the code), and the console gets the request's id, which only it
   * holds, to collect the answer with. One request per window at a time.
   */
  async startSignIn(windowId: string): Promise<Ack<Omit<FingerprintLoginStarted, 'ok'>>> {
    const terminal = this.auth.terminals().find((t) => t.role === 'evaluator' && t.windowId === windowId);
    if (!terminal) return failure('NOT_FOUND', F.noTerminal);
    if ([...this.signIns.values()].some((r) => r.windowId === windowId && r.answer === null)) {
      return failure('CONFLICT', F.busy);
    }
    const requestId = randomUUID();
    const code = String(randomInt(0, 10_000)).padStart(4, '0');
    let settle: (reply: SignInReply) => void = () => {};
    const answered = new Promise<SignInReply>((resolve) => {
      settle = resolve;
    });
    const request: SignInRequest = {
      terminalId: terminal.id,
      windowId,
      answer: null,
      answered,
      settle: (reply) => {
        if (request.answer) return;
        request.answer = reply;
        settle(reply);
        // Answered: kept a while for its console to collect, then forgotten.
        clearTimeout(request.timer);
        setTimeout(() => this.forget(requestId, request), COLLECT_MS).unref();
      },
      timer: setTimeout(() => this.lapse(requestId, outcomeFailure({ kind: 'timeout' })), SIGN_IN_MS),
    };
    request.timer.unref();
    this.signIns.set(requestId, request);
    const sent = await this.sendTo(terminal.id, 'fingerprint:identify', {
      requestId,
      timeoutMs: IDENTIFY_FINGER_MS,
      code,
    });
    if (!sent) {
      clearTimeout(request.timer);
      this.signIns.delete(requestId);
      return failure('TERMINAL_OFFLINE', F.noPad);
    }
    return { ok: true, requestId, code, expiresInMs: SIGN_IN_MS };
  }

  /** The console collects its request's answer (waiting for it): the session, once, or why not. */
  async awaitSignIn(requestId: string): Promise<SignInReply> {
    const request = this.signIns.get(requestId);
    if (!request) return failure('NOT_FOUND', F.lapsed);
    const reply = await request.answered;
    if (this.signIns.get(requestId) !== request) return failure('NOT_FOUND', F.lapsed);
    this.forget(requestId, request);
    return reply;
  }

  /** The console gives up its request: the pad stops scanning for it. */
  cancelSignIn(requestId: string): Ack {
    if (!this.signIns.has(requestId)) return failure('NOT_FOUND', F.lapsed);
    this.lapse(requestId, failure('FINGERPRINT_FAILED', F.cancelled));
    return { ok: true };
  }

  /**
   * A finger identified on a window's module: the answer to a sign-in request (the session
   * goes only to the console holding that request), or else a plain punch, which never signs
   * anyone in.
   */
  identified(
    terminal: { readonly id: string; readonly windowId: string | null },
    report: FingerprintIdentifiedReport,
  ): Ack<PunchAck> {
    const request = report.requestId ? this.signIns.get(report.requestId) : undefined;
    if (report.requestId && (!request || request.terminalId !== terminal.id || request.answer)) {
      return failure('NOT_FOUND', F.lapsed);
    }
    if (request && report.deviceError) {
      const refused = failure('FINGERPRINT_FAILED', F.unavailable(report.deviceError));
      request.settle(refused);
      return refused;
    }
    const clerkId = this.clerkOf(report.outcome);
    if (!clerkId) {
      const refused =
        report.outcome.kind === 'match' ? failure('FINGERPRINT_FAILED', F.unknown) : outcomeFailure(report.outcome);
      request?.settle(refused);
      return refused;
    }
    const clerk = this.hall.clerk(clerkId) as Clerk;
    const at = this.hall.clock();
    const { timeZone, attendance } = this.hall.config.rules;
    const day = domain.attendanceDayOf(at, timeZone, attendance.dayStartsAt);
    const punch = (kind: 'punch' | 'signIn') => () =>
      this.repo.addPunch({
        id: randomUUID(),
        clerkId,
        terminalId: terminal.id,
        windowId: terminal.windowId,
        at,
        kind,
        day,
      });
    if (request) {
      const result = this.hall.openSession(clerkId, request.windowId, punch('signIn'));
      request.settle(result);
      return result.ok ? { ok: true, clerk: { id: clerk.id, name: clerk.name }, at, signedIn: true } : result;
    }
    // One press, one punch: a finger still on the sensor, or pressed again at once, is not another.
    const last = this.repo.lastPunchAt(clerkId, terminal.id, day);
    if (domain.isRepeatPunch(last, at)) {
      return { ok: true, clerk: { id: clerk.id, name: clerk.name }, at: last as number, signedIn: false };
    }
    try {
      this.db.transaction(punch('punch'))();
    } catch (error) {
      console.error(`[fingerprint] ${error instanceof Error ? error.message : String(error)}`);
      return failure('STORAGE');
    }
    return { ok: true, clerk: { id: clerk.id, name: clerk.name }, at, signedIn: false };
  }

  private clerkOf(outcome: FingerprintIdentifyOutcome): string | null {
    if (outcome.kind !== 'match') return null;
    const clerkId = this.repo.clerkOfPage(outcome.pageId);
    return clerkId && this.hall.clerk(clerkId) ? clerkId : null;
  }

  /** Ends a request before the pad answered it (cancelled, or out of time): its pad stops scanning for it. */
  private lapse(requestId: string, reply: SignInReply): void {
    const request = this.signIns.get(requestId);
    if (!request || request.answer) return;
    request.settle(reply);
    void this.sendTo(request.terminalId, 'fingerprint:identifyCancelled', { requestId });
  }

  private forget(requestId: string, request: SignInRequest): void {
    clearTimeout(request.timer);
    if (this.signIns.get(requestId) === request) this.signIns.delete(requestId);
  }

  private sendTo<E extends 'fingerprint:enrol' | 'fingerprint:identify' | 'fingerprint:identifyCancelled'>(
    terminalId: string,
    event: E,
    payload: E extends 'fingerprint:enrol'
      ? EnrolFingerEvent
      : E extends 'fingerprint:identify'
        ? IdentifyFingerEvent
        : IdentifyCancelledEvent,
  ): Promise<boolean> {
    const channel = this.channel;
    if (!channel) return Promise.resolve(false);
    return (channel.send as (id: string, e: string, p: unknown) => Promise<boolean>)(terminalId, event, payload).catch(
      () => false,
    );
  }
}
