import { randomUUID } from 'node:crypto';
import {
  type Ack,
  type Clerk,
  type EnrolFingerEvent,
  type ErrorBody,
  type FingerprintEnrolledReport,
  type FingerprintIdentifiedReport,
  type FingerprintIdentifyOutcome,
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

/** Pages every module offers at least (an AS608 holds 300; an R307 1000). */
export const LIBRARY_PAGES = 300;
/** An enrolment is two presses of up to 15 s each, with the clerk walking to the window first. */
const ENROL_WAIT_MS = 90_000;
/** The module waits this long for the finger; the hall a little longer for the answer. */
const IDENTIFY_FINGER_MS = 15_000;
const IDENTIFY_WAIT_MS = IDENTIFY_FINGER_MS + 5_000;

/** How the hall reaches the window terminals: set by the socket layer. */
export interface TerminalChannel {
  /** To the connections of one terminal; false when it has none. */
  send(terminalId: string, event: 'fingerprint:enrol', payload: EnrolFingerEvent): Promise<boolean>;
  send(terminalId: string, event: 'fingerprint:identify', payload: IdentifyFingerEvent): Promise<boolean>;
  /** To every window terminal: what their modules must hold. */
  broadcastTemplates(payload: TemplatesEvent): void;
}

type Pending =
  | {
      kind: 'enrol';
      terminalId: string;
      clerkId: string;
      finger: number;
      pageId: number;
      done(r: Ack<{ pageId: number }>): void;
    }
  | { kind: 'identify'; terminalId: string; windowId: string; done(r: SignInReply): void };

type SignInReply = Ack<{ session: string; clerk: Clerk; window: WindowView }>;

function outcomeFailure(outcome: { kind: string; reason?: string }): { ok: false; error: ErrorBody } {
  const why: Record<string, string> = {
    noMatch: '未找到匹配的指纹，请重按或改用密码登录',
    timeout: '等待按压指纹超时',
    cancelled: '已取消',
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
  private readonly pending = new Map<string, Pending>();
  private channel: TerminalChannel | null = null;

  constructor(
    private readonly db: Db,
    private readonly hall: HallService,
    idKey: Buffer,
  ) {
    this.repo = new AttendanceRepo(db);
    this.auth = new AuthRepo(db);
    this.templates = new FieldCipher(idKey, 'fingerprint-template');
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
    return this.await<Ack<{ pageId: number }>>(
      jobId,
      (done) => ({ kind: 'enrol', terminalId, clerkId, finger, pageId, done }),
      () => this.channel?.send(terminalId, 'fingerprint:enrol', { jobId, pageId, clerkName: clerk.name }),
      ENROL_WAIT_MS,
    );
  }

  /** The window terminal's report of an enrolment it was asked for. */
  reportEnrolment(terminalId: string, report: FingerprintEnrolledReport): Ack {
    const job = this.pending.get(report.jobId);
    if (job?.kind !== 'enrol' || job.terminalId !== terminalId) return failure('NOT_FOUND', '没有这项录入任务');
    this.pending.delete(report.jobId);
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
   * Sign-in at a window by fingerprint: the window's terminal scans, the hall matches the page
   * to a clerk, records the punch and opens the session in one transaction.
   */
  async signIn(windowId: string): Promise<SignInReply> {
    const terminal = this.auth.terminals().find((t) => t.role === 'evaluator' && t.windowId === windowId);
    if (!terminal) return failure('TERMINAL_OFFLINE', '该窗口没有指纹仪终端');
    const requestId = randomUUID();
    return this.await<SignInReply>(
      requestId,
      (done) => ({ kind: 'identify', terminalId: terminal.id, windowId, done }),
      () => this.channel?.send(terminal.id, 'fingerprint:identify', { requestId, timeoutMs: IDENTIFY_FINGER_MS }),
      IDENTIFY_WAIT_MS,
    );
  }

  /** A finger identified on a window's module: the answer to a sign-in request, or a plain punch. */
  identified(
    terminal: { readonly id: string; readonly windowId: string | null },
    report: FingerprintIdentifiedReport,
  ): Ack<PunchAck> {
    const job = report.requestId ? this.pending.get(report.requestId) : undefined;
    if (report.requestId && (job?.kind !== 'identify' || job.terminalId !== terminal.id)) {
      return failure('NOT_FOUND', '没有这项识别请求');
    }
    if (report.requestId) this.pending.delete(report.requestId);
    const clerkId = this.clerkOf(report.outcome);
    if (!clerkId) {
      const refused =
        report.outcome.kind === 'match'
          ? failure('FINGERPRINT_FAILED', '该指纹未登记')
          : outcomeFailure(report.outcome);
      if (job?.kind === 'identify') job.done(refused);
      return refused;
    }
    const clerk = this.hall.clerk(clerkId) as Clerk;
    const at = this.hall.clock();
    const punch = (kind: 'punch' | 'signIn') => () =>
      this.repo.addPunch({
        id: randomUUID(),
        clerkId,
        terminalId: terminal.id,
        windowId: terminal.windowId,
        at,
        kind,
        day: domain.attendanceDayOf(at, this.hall.config.rules.timeZone, this.hall.config.rules.attendance.dayStartsAt),
      });
    if (job?.kind === 'identify') {
      const result = this.hall.openSession(clerkId, job.windowId, punch('signIn'));
      job.done(result);
      return result.ok ? { ok: true, clerk: { id: clerk.id, name: clerk.name }, at, signedIn: true } : result;
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

  /** Registers a pending request, sends it, and waits for its report or the deadline. */
  private await<R extends Ack>(
    id: string,
    entry: (done: (r: R) => void) => Pending,
    send: () => Promise<boolean> | undefined,
    waitMs: number,
  ): Promise<R> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(failure('TERMINAL_OFFLINE') as R), waitMs);
      timer.unref();
      const finish = (result: R) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(result);
      };
      this.pending.set(id, entry(finish as never));
      Promise.resolve(send())
        .then((sent) => {
          if (!sent) finish(failure('TERMINAL_OFFLINE') as R);
        })
        .catch(() => finish(failure('TERMINAL_OFFLINE') as R));
    });
  }
}
