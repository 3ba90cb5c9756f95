import {
  type Ack,
  type CalendarException,
  type CallRecord,
  type CancelTicketRequest,
  type Clerk,
  type ErrorBody,
  type IssuedTicket,
  KioskPriorityClass,
  type LoggedEvent,
  type PauseRequest,
  type QueueSnapshot,
  type QueueSummary,
  type SpecialIssueRequest,
  type Ticket,
  type TicketStatusView,
  type TransferRequest,
  type WindowStats,
  type WindowView,
  zhCN,
} from '@yimen/protocol';
import type { z } from 'zod';
import type { Actor, HallState, Outcome, TicketRecord, WorkingCalendar } from '../domain';
import * as domain from '../domain';
import { AuthRepo, type TerminalRow } from '../store/auth-repo';
import { ConfigRepo, type HallConfig } from '../store/config-repo';
import type { Db } from '../store/db';
import { EventLog } from '../store/event-log';
import { QueueRepo } from '../store/queue-repo';
import { RatingRepo } from '../store/rating-repo';
import { hashPassword, hashToken, newSecret, verifyPassword } from './credentials';
import { ForecastBudget } from './forecast-budget';
import { holderFacts } from './holder';
import { timeOrderedIds } from './ticket-ids';

export interface HallServiceOptions {
  readonly db: Db;
  /** Key for hashing ID numbers; kept outside the database. */
  readonly idKey: Buffer;
  /** Base of ticket status URLs printed as QR codes, e.g. http://192.168.1.10:8080 */
  readonly publicUrl: string;
  readonly now?: () => number;
}

type Reply<T extends object> = Ack<T>;
type TicketReply = Reply<{ ticket: Ticket }>;
type CallReply = Reply<{ ticket: Ticket; voiceText: string }>;

/** A clerk's session as the socket layer resolves it for each command. */
export interface ClerkActor {
  readonly role: 'clerk';
  readonly clerkId: string;
  readonly windowId: string;
}

/** Calls a terminal's display keeps for "recently called". */
const RECENT_CALLS = 20;
/** A clerk session lasts a working day at most. */
const SESSION_TTL_MS = 14 * 3600_000;
/** Wrong passwords in a row before a staff number is locked for a minute. */
const MAX_LOGIN_FAILURES = 5;
const LOGIN_LOCK_MS = 60_000;
/** Checked when the staff number is unknown, so both cases take the same time. */
const DUMMY_PASSWORD_HASH = hashPassword('unknown staff number');
/** The wait forecast may take this share of the server's time (forecast-budget.ts). */
const FORECAST_SHARE = 0.05;
/** More missed events than this and a reconnecting client gets a snapshot instead. */
export const REPLAY_LIMIT = 2000;

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/**
 * The imperative shell around the pure queue logic: it gathers the facts a command needs,
 * lets the domain decide, commits the changes and their events in one transaction (on disk
 * before the ack), and only then moves the in-memory state and tells listeners.
 */
export class HallService {
  readonly config: HallConfig;
  private state: HallState;
  private readonly configRepo: ConfigRepo;
  private readonly queue: QueueRepo;
  private readonly auth: AuthRepo;
  private readonly log: EventLog;
  private readonly served: RatingRepo;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private readonly recentCalls: CallRecord[] = [];
  private readonly clerks: ReadonlyMap<string, Clerk>;
  private readonly loginFailures = new Map<string, { count: number; lockedUntil: number }>();
  /** Events after this seq belong to the current business day. */
  private dayStartSeq: number;
  /** Working days of the hall: the national calendar with the hall's own entries. */
  private workingDays: WorkingCalendar;
  /** The queue summary terminals were last sent (see domain/summary.ts). */
  private summary: { businessDay: string; summary: QueueSummary };
  /** The displays' notice line (see domain/notice.ts). */
  private notice: string;
  /** What the day has taught about handling times, no-shows and arrivals (domain/day-stats.ts). */
  private stats: domain.DayStats;
  /** The wait forecast as of the last commit or tick (domain/wait-forecast.ts). */
  private forecast: { result: domain.QueueForecast; at: number };
  private readonly forecastBudget = new ForecastBudget(FORECAST_SHARE);
  private readonly forecastListeners = new Set<() => void>();

  constructor(private readonly options: HallServiceOptions) {
    const { db } = options;
    this.now = monotonic(options.now ?? Date.now, lastCommitTime(db));
    this.newId = timeOrderedIds(this.now);
    this.configRepo = new ConfigRepo(db);
    this.queue = new QueueRepo(db);
    this.auth = new AuthRepo(db);
    this.log = new EventLog(db);
    this.served = new RatingRepo(db);
    this.config = this.configRepo.load();
    this.clerks = new Map(this.config.clerks.map((c) => [c.id, c]));
    const businessDay =
      this.configRepo.getMeta('businessDay') ?? domain.businessDayOf(this.now(), this.config.rules.timeZone);
    this.state = {
      businessDay,
      rules: this.config.rules,
      categories: new Map(this.config.categories.map((c) => [c.id, c])),
      windows: new Map(this.queue.windows().map((w) => [w.id, w])),
      tickets: new Map(this.queue.openTickets(businessDay).map((t) => [t.id, t])),
      lastNumber: this.queue.counters(businessDay),
      streaks: JSON.parse(this.configRepo.getMeta('streaks') ?? '{}'),
    };
    this.dayStartSeq = Number(this.configRepo.getMeta('dayStartSeq') ?? 0);
    if (this.configRepo.getMeta('businessDay') === null) this.configRepo.setMeta('businessDay', businessDay);
    this.workingDays = domain.workingCalendar(this.configRepo.calendarEntries());
    this.stats = domain.statsFromDay(domain.EMPTY_DAY_STATS, this.state, this.queue.dayTickets(businessDay));
    const now = this.now();
    this.forecast = {
      result: this.forecastBudget.timed(() =>
        domain.forecastAfter(this.state, domain.NO_CHANGES, this.stats, this.calendar, now),
      ),
      at: now,
    };
    this.summary = {
      businessDay,
      summary: domain.queueSummary(
        this.state,
        domain.waitingCounts(this.state),
        this.forecast.result,
        this.calendar,
        now,
      ),
    };
    this.notice = this.configRepo.getMeta('notice') ?? '';
    this.loadRecentCalls();
    this.tick();
  }

  get lastSeq(): number {
    return this.log.lastSeq;
  }

  get businessDay(): string {
    return this.state.businessDay;
  }

  get calendar(): WorkingCalendar {
    return this.workingDays;
  }

  /** The hall's own calendar entries (closures, extra working days, later years). */
  calendarEntries(): CalendarException[] {
    return this.configRepo.calendarEntries();
  }

  /** Replaces the hall's own calendar entries; deadlines and issuing hours count in the new calendar at once. */
  setCalendarEntries(entries: readonly CalendarException[]): void {
    this.configRepo.saveCalendarEntries(entries);
    this.workingDays = domain.workingCalendar(entries);
    this.tick();
  }

  /** The hall's clock: never earlier than the last commit. */
  clock(): number {
    return this.now();
  }

  /** Ids for a ticket another service of the shell issues through `execute`. */
  newTicketIds(): domain.NewTicketIds {
    return { now: this.now(), ticketId: this.newId(), statusToken: newSecret() };
  }

  /** The queue summary as last sent to terminals. */
  snapshotSummary(): QueueSummary {
    return this.summary.summary;
  }

  /** A ticket of any day, open or not. */
  ticketRecord(ticketId: string): TicketRecord | null {
    return this.state.tickets.get(ticketId) ?? this.queue.byId(ticketId);
  }

  /** Tickets an ID took today, per queue issued for (voided ones left out). */
  issuedTodayFor(idHash: string): Record<string, number> {
    return this.queue.countsForId(this.state.businessDay, idHash);
  }

  /** The live queue state, for reads by the shell's other services; never keep or change it. */
  get queueState(): HallState {
    return this.state;
  }

  onEvent(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The passing of time: closes the business day when the hall's local date has changed, and
   * tells terminals when a category opened or closed for issuing. Safe to call often.
   */
  tick(): void {
    this.rollOverIfDue();
    const now = this.now();
    this.forecast = {
      result: this.forecastBudget.timed(() =>
        domain.forecastAfter(this.state, domain.NO_CHANGES, this.stats, this.calendar, now),
      ),
      at: now,
    };
    const due = domain.summaryEvent(
      this.state,
      domain.NO_CHANGES,
      this.summary,
      this.forecast.result,
      this.calendar,
      now,
    );
    if (due) this.commit({ ok: true, changes: domain.NO_CHANGES, events: [], reply: null });
    for (const listener of this.forecastListeners) listener();
  }

  /** Called when the wait forecast was refreshed without a command (the tick, or once the budget allows). */
  onForecast(listener: () => void): () => void {
    this.forecastListeners.add(listener);
    return () => this.forecastListeners.delete(listener);
  }

  /** Stops the forecast refresh that may be pending. */
  close(): void {
    this.forecastBudget.close();
  }

  private rollOverIfDue(): void {
    const now = this.now();
    const outcome = domain.rollover(this.state, now);
    if (!outcome?.ok) return;
    const dayStartSeq = this.log.lastSeq;
    const result = this.commit(outcome, () => {
      this.auth.revokeAllSessions(now);
      this.configRepo.setMeta('dayStartSeq', String(dayStartSeq));
    });
    if (result.ok) this.dayStartSeq = dayStartSeq;
  }

  // ---- commands ----

  issue(actor: Actor, req: z.infer<typeof SpecialIssueRequest>): Reply<{ ticket: IssuedTicket; replayed: boolean }> {
    if (actor.role === 'clerk') return failure('FORBIDDEN');
    this.rollOverIfDue();
    const priority = req.priority ?? 'ordinary';
    if (actor.role === 'kiosk' && !KioskPriorityClass.safeParse(priority).success) {
      return failure('FORBIDDEN', '自助取号不能选择该优先类别');
    }
    const holder = req.idCard ? holderFacts(req.idCard, this.options.idKey) : null;
    if (req.idCard && !holder) return failure('INVALID_ID_CARD');
    const existing = this.queue.byIdempotencyKey(actor.terminalId, req.idempotencyKey);
    if (existing) {
      // A retry must be the same request on the same day; a reused key is not a licence to another's ticket.
      const same =
        existing.businessDay === this.state.businessDay &&
        existing.issueCategoryId === req.categoryId &&
        existing.idHash === (holder?.idHash ?? null) &&
        existing.status !== 'voided';
      if (!same) return failure('CONFLICT');
      return { ok: true, ticket: this.issuedView(existing), replayed: true };
    }
    if (priority === 'agent' && !(holder && this.auth.isGreenCard(holder.idHash))) {
      return failure('FORBIDDEN', '代办员取号须刷已登记绿卡代办员本人的身份证');
    }
    const issuedTodayForId = holder ? this.queue.countForId(this.state.businessDay, holder.idHash, req.categoryId) : 0;
    const result = this.run((state) =>
      domain.issueTicket(
        state,
        {
          categoryId: req.categoryId,
          priority,
          holder,
          issuedTodayForId,
          terminalId: actor.terminalId,
          idempotencyKey: req.idempotencyKey,
          selfService: actor.role === 'kiosk' ? { calendar: this.calendar } : null,
        },
        this.newTicketIds(),
      ),
    );
    if (!result.ok) return result;
    return { ok: true, ticket: this.issuedView(result.reply), replayed: false };
  }

  voidTicket(actor: Actor, ticketId: string): TicketReply {
    return this.ticketReply(this.run((s) => domain.voidTicket(s, ticketId, actor, this.now())));
  }

  requeue(ticketId: string): TicketReply {
    return this.ticketReply(this.run((s) => domain.requeueTicket(s, ticketId, this.now())));
  }

  callNext(actor: ClerkActor): CallReply {
    return this.callReply(this.run((s) => domain.callNext(s, actor.windowId, this.now())));
  }

  callSpecific(actor: ClerkActor, ticketId: string): CallReply {
    return this.callReply(this.run((s) => domain.callSpecific(s, actor.windowId, ticketId, this.now())));
  }

  recall(actor: ClerkActor, ticketId: string): CallReply {
    return this.callReply(this.run((s) => domain.recall(s, actor.windowId, ticketId)));
  }

  resumeTicket(actor: ClerkActor, ticketId: string): CallReply {
    return this.callReply(this.run((s) => domain.resume(s, actor.windowId, ticketId, this.now())));
  }

  noShow(actor: ClerkActor, ticketId: string): TicketReply {
    return this.ticketReply(this.run((s) => domain.noShow(s, ticketId, actor)));
  }

  start(actor: ClerkActor, ticketId: string): TicketReply {
    return this.ticketReply(this.run((s) => domain.start(s, ticketId, actor, this.now())));
  }

  /** Who served the ticket is kept with it, for the rating that may follow (on the pad or days later by phone). */
  finish(actor: ClerkActor, ticketId: string): TicketReply {
    const now = this.now();
    return this.ticketReply(
      this.run(
        (s) => domain.finish(s, ticketId, actor, now),
        () => this.served.recordServed({ ticketId, clerkId: actor.clerkId, windowId: actor.windowId, finishedAt: now }),
      ),
    );
  }

  hold(actor: ClerkActor, ticketId: string): TicketReply {
    return this.ticketReply(this.run((s) => domain.hold(s, ticketId, actor)));
  }

  transfer(actor: Actor, req: TransferRequest): TicketReply {
    const target = 'toCategoryId' in req ? { toCategoryId: req.toCategoryId } : { toWindowId: req.toWindowId };
    return this.ticketReply(this.run((s) => domain.transfer(s, req.ticketId, target, actor, req.note ?? null)));
  }

  cancel(actor: Actor, req: CancelTicketRequest): TicketReply {
    return this.ticketReply(this.run((s) => domain.cancel(s, req.ticketId, actor, this.now())));
  }

  pause(actor: ClerkActor, req: PauseRequest): Reply<{ window: WindowView }> {
    return this.windowReply(this.run((s) => domain.pauseWindow(s, actor.windowId, req.reason)));
  }

  resumeWindow(actor: ClerkActor): Reply<{ window: WindowView }> {
    return this.windowReply(this.run((s) => domain.resumeWindow(s, actor.windowId)));
  }

  /** Sets the displays' notice line (already checked: NoticeRequest); an empty text clears it. */
  setNotice(text: string): Reply<{ notice: string }> {
    const result = this.run(
      () => domain.changeNotice(text),
      () => this.configRepo.setMeta('notice', text),
    );
    if (!result.ok) return result;
    this.notice = result.reply;
    return { ok: true, notice: result.reply };
  }

  /** What the window of this clerk has done today: tickets finished and their mean handling time. */
  windowStats(actor: ClerkActor): Reply<{ stats: WindowStats }> {
    const businessDay = this.state.businessDay;
    const stats = domain.servingStats(this.queue.finishedAt(businessDay, actor.windowId));
    return { ok: true, stats: { windowId: actor.windowId, businessDay, ...stats } };
  }

  // ---- clerks and terminals ----

  /**
   * Signs a clerk in to a window and returns a new session; earlier sessions of the clerk or
   * window end. Five wrong passwords in a row lock the staff number for a minute.
   */
  async login(
    staffNo: string,
    password: string,
    windowId: string,
  ): Promise<Reply<{ session: string; clerk: Clerk; window: WindowView }>> {
    const lock = this.loginFailures.get(staffNo);
    if (lock && lock.lockedUntil > this.now()) return failure('TOO_MANY_ATTEMPTS');
    const creds = this.auth.clerkCredentials(staffNo);
    const matches = await verifyPassword(password, creds?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!creds || !matches) {
      const count = (lock?.count ?? 0) + 1;
      this.loginFailures.set(staffNo, {
        count: count >= MAX_LOGIN_FAILURES ? 0 : count,
        lockedUntil: count >= MAX_LOGIN_FAILURES ? this.now() + LOGIN_LOCK_MS : 0,
      });
      return failure('UNAUTHORIZED', '工号或密码错误');
    }
    this.loginFailures.delete(staffNo);
    const clerk = this.clerks.get(creds.id);
    if (!clerk) return failure('UNAUTHORIZED', '工号或密码错误');
    return this.openSession(clerk.id, windowId);
  }

  /**
   * Signs in a clerk whose identity another factor proved (a fingerprint on the window's
   * module); `alsoInTransaction` records that proof (the punch) with the session.
   */
  openSession(
    clerkId: string,
    windowId: string,
    alsoInTransaction?: () => void,
  ): Reply<{ session: string; clerk: Clerk; window: WindowView }> {
    const clerk = this.clerks.get(clerkId);
    if (!clerk) return failure('NOT_FOUND', '没有这位工作人员');
    if (!this.state.windows.has(windowId)) return failure('NOT_FOUND', '没有这个窗口');
    const session = newSecret();
    const now = this.now();
    const result = this.run(
      (s) => domain.signIn(s, windowId, clerk.id),
      () => {
        this.auth.revokeSessionsFor(clerk.id, windowId, now);
        this.auth.addSession(hashToken(session), clerk.id, windowId, now);
        alsoInTransaction?.();
      },
    );
    if (!result.ok) return result;
    return { ok: true, session, clerk, window: domain.toWindowView(result.reply) };
  }

  clerk(clerkId: string): Clerk | null {
    return this.clerks.get(clerkId) ?? null;
  }

  logout(session: string): Reply<object> {
    const row = this.auth.sessionByTokenHash(hashToken(session), this.now() - SESSION_TTL_MS);
    if (!row) return failure('UNAUTHORIZED');
    const result = this.run(
      (s) => domain.signOut(s, row.windowId, row.clerkId),
      () => this.auth.revokeSession(hashToken(session), this.now()),
    );
    return result.ok ? { ok: true } : result;
  }

  terminalFor(token: string): TerminalRow | null {
    return this.auth.terminalByTokenHash(hashToken(token));
  }

  sessionFor(session: string): ClerkActor | null {
    const row = this.auth.sessionByTokenHash(hashToken(session), this.now() - SESSION_TTL_MS);
    return row ? { role: 'clerk', clerkId: row.clerkId, windowId: row.windowId } : null;
  }

  // ---- reads ----

  /** The queue as terminals see it; `public` leaves out even the masked holder data, and staff notes. */
  snapshot(view: 'full' | 'public'): QueueSnapshot {
    const state = this.state;
    const tickets = [...state.tickets.values()].sort(
      (a, b) =>
        a.categoryId.localeCompare(b.categoryId) ||
        domain.categoryKey(a, state.rules) - domain.categoryKey(b, state.rules) ||
        a.rankAt - b.rankAt ||
        a.id.localeCompare(b.id),
    );
    return {
      seq: this.log.lastSeq,
      businessDay: state.businessDay,
      generatedAt: this.now(),
      ...this.summary.summary,
      tickets: tickets.map((t) => (view === 'full' ? domain.toTicket(t) : domain.publicTicket(domain.toTicket(t)))),
      windows: [...state.windows.values()].map(domain.toWindowView),
      recentCalls: [...this.recentCalls],
      notice: this.notice,
    };
  }

  /** Missed events after `lastSeq`, or null when a snapshot is due instead (another day, too many, unknown). */
  eventsSince(lastSeq: number): LoggedEvent[] | null {
    if (lastSeq > this.log.lastSeq || lastSeq < this.dayStartSeq) return null;
    return this.log.since(lastSeq, REPLAY_LIMIT);
  }

  /** The public status page's data; null for unknown tokens and tickets of other days. */
  ticketStatus(token: string): TicketStatusView | null {
    const ticket = this.ticketOfStatusToken(token);
    if (!ticket) return null;
    return this.statusView(ticket, ticket.status === 'waiting' ? domain.aheadOf(this.state, ticket) : null);
  }

  /** The ticket a status token belongs to: today's only, as it is now; null for unknown tokens and other days. */
  ticketOfStatusToken(token: string): TicketRecord | null {
    this.rollOverIfDue();
    const stored = this.queue.byStatusToken(token);
    if (!stored || stored.businessDay !== this.state.businessDay) return null;
    return this.state.tickets.get(stored.id) ?? stored;
  }

  /**
   * Status views of many tickets at once, for the live phone pages: one pass over the queue
   * for everyone's place in line. Null for a ticket no longer of today.
   */
  statusViews(ticketIds: Iterable<string>): Map<string, TicketStatusView | null> {
    this.rollOverIfDue();
    const views = new Map<string, TicketStatusView | null>();
    let positions: Map<string, number> | null = null;
    for (const id of ticketIds) {
      const ticket = this.state.tickets.get(id) ?? this.queue.byId(id);
      if (!ticket || ticket.businessDay !== this.state.businessDay) {
        views.set(id, null);
        continue;
      }
      if (ticket.status === 'waiting' && positions === null) {
        positions = domain.queuePositions(
          this.state.rules,
          [...this.state.tickets.values()].filter((t) => t.status === 'waiting'),
        );
      }
      views.set(id, this.statusView(ticket, ticket.status === 'waiting' ? (positions?.get(id) ?? 0) : null));
    }
    return views;
  }

  private statusView(ticket: TicketRecord, ahead: number | null): TicketStatusView {
    const category = this.state.categories.get(ticket.categoryId);
    const window = ticket.windowId ? this.state.windows.get(ticket.windowId) : undefined;
    return {
      number: ticket.number,
      categoryName: category?.name ?? '',
      businessDay: ticket.businessDay,
      status: ticket.status,
      issuedAt: ticket.issuedAt,
      position: ahead === null ? null : ahead + 1,
      aheadCount: ahead,
      estimatedWaitMin: ahead === null ? null : this.waitMin(ticket, ahead),
      windowsOpen: domain.servedNow(this.state, ticket.categoryId),
      windowNumber:
        window && (ticket.status === 'called' || ticket.status === 'serving' || ticket.status === 'held')
          ? window.number
          : null,
    };
  }

  /** A ticket of any day by its status page's token. */
  ticketByStatusToken(token: string): TicketRecord | null {
    const stored = this.queue.byStatusToken(token);
    return stored ? (this.state.tickets.get(stored.id) ?? stored) : null;
  }

  /** Where phones reach the hall: the base of status and guide links. */
  get publicUrl(): string {
    return this.options.publicUrl.replace(/\/$/, '');
  }

  statusUrl(ticket: TicketRecord): string {
    return `${this.publicUrl}/t/${ticket.statusToken}`;
  }

  // ---- internals ----

  issuedView(ticket: TicketRecord): IssuedTicket {
    const live = this.state.tickets.get(ticket.id) ?? ticket;
    const ahead = live.status === 'waiting' ? domain.aheadOf(this.state, live) : 0;
    return {
      ...domain.toTicket(live),
      position: ahead + 1,
      aheadCount: ahead,
      estimatedWaitMin: live.status === 'waiting' ? this.waitMin(live, ahead) : 0,
      windowsOpen: domain.servedNow(this.state, live.categoryId),
      statusUrl: this.statusUrl(live),
    };
  }

  /**
   * Whole minutes until a waiting ticket is likely called: the last forecast less the time
   * since; the configured estimate when no open window can call it.
   */
  private waitMin(ticket: TicketRecord, ahead: number): number {
    let forecast = this.forecast.result.waitMin.get(ticket.id);
    if (forecast === undefined && this.forecast.result.newTicketWaitMin[ticket.categoryId] !== undefined) {
      // Issued since the last forecast: an ordinary ticket waits as the forecast's new one
      // does; another (priority, transferred) is worth a forecast of its own.
      if (ticket.priority === 'ordinary' && ticket.targetWindowId === null && ticket.rankAt >= this.forecast.at) {
        forecast = this.forecast.result.newTicketWaitMin[ticket.categoryId];
      } else {
        const now = this.now();
        this.forecast = {
          result: this.forecastBudget.timed(() =>
            domain.forecastAfter(this.state, domain.NO_CHANGES, this.stats, this.calendar, now),
          ),
          at: now,
        };
        forecast = this.forecast.result.waitMin.get(ticket.id);
      }
    }
    if (forecast === undefined) return domain.configuredWaitMin(this.state, ticket.categoryId, ahead);
    return Math.max(0, Math.round(forecast - (this.now() - this.forecast.at) / 60_000));
  }

  private ticketReply(result: Outcome<TicketRecord>): TicketReply {
    return result.ok ? { ok: true, ticket: domain.toTicket(result.reply) } : result;
  }

  private callReply(result: Outcome<domain.CallReply>): CallReply {
    return result.ok
      ? { ok: true, ticket: domain.toTicket(result.reply.ticket), voiceText: result.reply.voiceText }
      : result;
  }

  private windowReply(result: Outcome<domain.WindowRecord>): Reply<{ window: WindowView }> {
    return result.ok ? { ok: true, window: domain.toWindowView(result.reply) } : result;
  }

  /** Rolls the day over if due, then decides and commits one command. */
  private run<R>(decide: (state: HallState) => Outcome<R>, alsoInTransaction?: () => void): Outcome<R> {
    return this.execute(decide, alsoInTransaction);
  }

  /**
   * Decides and commits one command for the other services of the shell (kiosk lookups and
   * reprints, appointment check-ins): the day rolls over first if due; `alsoInTransaction`
   * writes their own rows in the same transaction as the queue's changes and events.
   */
  execute<R>(decide: (state: HallState) => Outcome<R>, alsoInTransaction?: () => void): Outcome<R> {
    this.rollOverIfDue();
    const outcome = decide(this.state);
    if (!outcome.ok) return outcome;
    return this.commit(outcome, alsoInTransaction);
  }

  private commit<R>(outcome: Outcome<R> & { ok: true }, alsoInTransaction?: () => void): Outcome<R> {
    const seqBefore = this.log.lastSeq;
    const businessDay = this.state.businessDay;
    const now = this.now();
    const stats = outcome.changes.businessDay
      ? domain.EMPTY_DAY_STATS
      : domain.observeChanges(this.stats, this.state, outcome.changes, now);
    // A fresh forecast when the budget allows (always for a new day); else the last one, aged, and a refresh later.
    const fresh = outcome.changes.businessDay !== undefined || this.forecastBudget.wait() === 0;
    const forecast = fresh
      ? this.forecastBudget.timed(() => domain.forecastAfter(this.state, outcome.changes, stats, this.calendar, now))
      : null;
    if (!forecast) this.forecastBudget.later(() => this.tick());
    const summary = domain.summaryEvent(
      this.state,
      outcome.changes,
      this.summary,
      forecast ?? domain.agedForecast(this.forecast.result, this.forecast.at, now),
      this.calendar,
      now,
    );
    const events = summary ? [...outcome.events, summary.event] : outcome.events;
    let logged: LoggedEvent[];
    try {
      logged = this.options.db.transaction(() => {
        this.queue.persist(outcome.changes, businessDay, (k, v) => this.configRepo.setMeta(k, v));
        alsoInTransaction?.();
        return this.log.append(events, now);
      })();
    } catch (error) {
      this.log.rollback(seqBefore);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[hall-service] commit failed: ${message}`);
      return failure('STORAGE');
    }
    this.state = domain.applyChangesInPlace(this.state, outcome.changes);
    this.stats = stats;
    if (forecast) this.forecast = { result: forecast, at: now };
    if (summary) this.summary = { businessDay: this.state.businessDay, summary: summary.summary };
    if (outcome.changes.businessDay) this.recentCalls.length = 0;
    for (const event of logged) {
      if (event.name === 'ticket:called') this.rememberCall(event.payload);
      for (const listener of this.listeners) {
        // The command is committed; a failing listener must not turn its ack into an error.
        try {
          listener(event);
        } catch (error) {
          console.error(
            `[hall-service] event listener failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    return outcome;
  }

  private rememberCall(e: {
    ticket: Ticket;
    window: { id: string; number: number };
    voiceText: string;
    seq: number;
  }): void {
    this.recentCalls.unshift({
      ticketId: e.ticket.id,
      number: e.ticket.number,
      categoryId: e.ticket.categoryId,
      windowId: e.window.id,
      windowNumber: e.window.number,
      at: e.ticket.calledAt ?? this.now(),
      voiceText: e.voiceText,
    });
    this.recentCalls.length = Math.min(this.recentCalls.length, RECENT_CALLS);
  }

  private loadRecentCalls(): void {
    const rows = this.options.db
      .prepare("SELECT payload FROM events WHERE name = 'ticket:called' ORDER BY seq DESC LIMIT ?")
      .all(RECENT_CALLS) as { payload: string }[];
    for (const row of rows.reverse()) {
      const call = JSON.parse(row.payload);
      if (call.ticket.businessDay === this.state.businessDay) this.rememberCall(call);
    }
  }
}

/** Never earlier than the last commit: a clock stepped back must not reorder the queue or reopen a day. */
function monotonic(clock: () => number, floor: number): () => number {
  let last = floor;
  return () => {
    last = Math.max(last, clock());
    return last;
  };
}

function lastCommitTime(db: Db): number {
  const row = db.prepare('SELECT MAX(at) AS at FROM events').get() as { at: number | null };
  return row.at ?? 0;
}
