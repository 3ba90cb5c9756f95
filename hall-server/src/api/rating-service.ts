import { randomUUID } from 'node:crypto';
import {
  type Ack,
  type BadRatingReason,
  type ErrorBody,
  maskPhone,
  type RatingChannel,
  type RatingLevel,
  type RatingView,
  type RectificationAction,
  type RectificationActRequest,
  type RectificationView,
  type SatisfactionGroup,
  type SatisfactionRow,
  type SubmitRatingRequest,
  type TicketRatingState,
  zhCN,
} from '@yimen/protocol';
import * as domain from '../domain';
import { CaseRepo } from '../store/case-repo';
import type { Db } from '../store/db';
import { RatingRepo, type RatingRow } from '../store/rating-repo';
import { FieldCipher } from './field-crypto';
import type { ClerkActor, HallService } from './hall-service';

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

export interface RatingInput {
  readonly ticketId: string;
  readonly level: RatingLevel;
  readonly channel: RatingChannel;
  readonly reason?: BadRatingReason | undefined;
  readonly phone?: string | undefined;
}

export interface PublicResults {
  readonly from: string;
  readonly to: string;
  readonly departments: SatisfactionRow[];
  readonly windows: SatisfactionRow[];
  readonly cases: {
    day: string;
    departmentId: string | null;
    windowId: string | null;
    level: RatingLevel;
    reason: BadRatingReason | null;
    status: RectificationView['status'];
    outcome: RectificationView['outcome'];
    dueDay: string;
    overdue: boolean;
  }[];
}

type Recorded = Ack<{ rating: RatingView; rectificationId: string | null }>;

/** A finished ticket's rating changed (given, or 未评价): for the clerks of the window that served it. */
export type RatingListener = (windowId: string, state: TicketRatingState) => void;

/**
 * 好差评 in the shell: a rating from the window's pad or the ticket's phone page is checked
 * by the domain and stored with its ticket, clerk, window, category, department and item; a
 * bad one opens its rectification case in the same transaction. Rectification steps, the
 * clerk's appeal and its decision, escalation of late cases, and the satisfaction figures.
 */
export class RatingService {
  private readonly repo: RatingRepo;
  private readonly caseRecords: CaseRepo;
  private readonly phones: FieldCipher;
  private readonly listeners = new Set<RatingListener>();

  constructor(
    private readonly db: Db,
    private readonly hall: HallService,
    idKey: Buffer,
  ) {
    this.repo = new RatingRepo(db);
    this.caseRecords = new CaseRepo(db);
    this.phones = new FieldCipher(idKey, 'rating-phone');
  }

  /** Called after each rating or 未评价 is committed. */
  onChange(listener: RatingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How a ticket finished at the clerk's window was rated so far. */
  status(actor: ClerkActor, ticketId: string): Ack<{ rating: TicketRatingState }> {
    const ticket = this.hall.ticketRecord(ticketId);
    const windowId = this.repo.served(ticketId)?.windowId ?? ticket?.windowId;
    if (!ticket || windowId !== actor.windowId) return failure('NOT_FOUND', '未找到该号');
    if (ticket.status !== 'done') return failure('RATING_CLOSED', '办结后才能评价');
    return { ok: true, rating: this.stateOf(ticketId) };
  }

  private stateOf(ticketId: string): TicketRatingState {
    const rated = this.repo.byTicket(ticketId);
    if (rated) return { ticketId, state: 'rated', level: rated.level };
    return { ticketId, state: this.repo.promptExpired(ticketId) ? 'unrated' : 'awaiting' };
  }

  private changed(windowId: string | null, ticketId: string): void {
    if (!windowId) return;
    const state = this.stateOf(ticketId);
    for (const listener of this.listeners) listener(windowId, state);
  }

  private get rules() {
    return this.hall.config.rules.ratings;
  }

  /** From the window's pad: only for a ticket that window served. */
  fromPad(windowId: string | null, req: SubmitRatingRequest): Recorded {
    if (!windowId) return failure('FORBIDDEN', '本评价器未绑定窗口');
    return this.record({ ...req }, windowId);
  }

  /** From the ticket's phone page, found by its status token. */
  fromPhone(ticketId: string, input: Omit<RatingInput, 'ticketId' | 'channel'>): Recorded {
    return this.record({ ...input, ticketId, channel: 'phone' }, undefined);
  }

  /** The pad's prompt ran out: 未评价, and the phone page stays open for the citizen. */
  expire(windowId: string | null, ticketId: string): Ack {
    const ticket = this.hall.ticketRecord(ticketId);
    if (!windowId || !ticket || ticket.windowId !== windowId) return failure('NOT_FOUND', '未找到该号');
    if (ticket.status !== 'done') return failure('RATING_CLOSED', '办结后才能评价');
    this.repo.recordExpiredPrompt(ticketId, windowId, this.hall.clock());
    this.changed(windowId, ticketId);
    return { ok: true };
  }

  /** The ticket the window finished last today, still unrated: what the keypad's 评价 key asks about. */
  lastUnrated(windowId: string): string | null {
    const since = this.hall.clock() - this.rules.phoneRatingHours * 3600_000;
    return this.repo.lastUnratedAt(windowId, since);
  }

  ratingOf(ticketId: string): RatingView | null {
    const row = this.repo.byTicket(ticketId);
    return row ? this.view(row) : null;
  }

  /** 未评价 recorded for the ticket at the pad (and no rating since). */
  unrated(ticketId: string): boolean {
    return this.repo.promptExpired(ticketId) && !this.repo.byTicket(ticketId);
  }

  private record(input: RatingInput, padWindowId: string | undefined): Recorded {
    const ticket = this.hall.ticketRecord(input.ticketId);
    if (!ticket) return failure('NOT_FOUND', '未找到该号');
    const now = this.hall.clock();
    const decision = domain.decideRating(
      { ticket, alreadyRated: this.repo.byTicket(ticket.id) !== null, rules: this.rules },
      { level: input.level, channel: input.channel, reason: input.reason, phone: input.phone, padWindowId },
      now,
    );
    if (!decision.ok) return decision;
    const served = this.repo.served(ticket.id);
    const category = this.hall.config.categories.find((c) => c.id === ticket.categoryId);
    const window = this.hall.config.windows.find((w) => w.id === (served?.windowId ?? ticket.windowId));
    const itemIds = domain.ratedItems(this.caseRecords.itemsOfTicket(ticket.id), category?.itemIds ?? []);
    const row: RatingRow = {
      id: randomUUID(),
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      businessDay: ticket.businessDay,
      level: input.level,
      reason: decision.reason,
      channel: input.channel,
      clerkId: served?.clerkId ?? null,
      windowId: window?.id ?? null,
      categoryId: ticket.categoryId,
      departmentId: category?.departmentId ?? window?.departmentId ?? null,
      itemId: itemIds.length === 1 ? (itemIds[0] ?? null) : null,
      itemIds,
      at: now,
    };
    const rectification = decision.bad
      ? domain.openRectification(
          randomUUID(),
          row.id,
          now,
          this.hall.businessDay,
          this.hall.calendar,
          this.rules.rectificationWorkingDays,
        )
      : null;
    try {
      this.db.transaction(() => {
        this.repo.insertRating(row);
        if (decision.phone)
          this.repo.insertContact(row.id, this.phones.seal(decision.phone), maskPhone(decision.phone));
        if (rectification) {
          this.repo.insertCase(rectification);
          this.repo.addStep(rectification.id, {
            action: 'verify',
            by: '系统',
            actor: 'system',
            at: now,
            note: `差评自动立案：${zhCN.ratingLevel[row.level]}，${decision.reason ? zhCN.badRatingReason[decision.reason] : ''}`,
          });
        }
      })();
    } catch (error) {
      // Two channels at once: the unique ticket constraint lets one rating through.
      if (String(error).includes('UNIQUE')) return failure('ALREADY_RATED');
      console.error(`[ratings] ${error instanceof Error ? error.message : String(error)}`);
      return failure('STORAGE');
    }
    this.changed(row.windowId, row.ticketId);
    return { ok: true, rating: this.view(row), rectificationId: rectification?.id ?? null };
  }

  private view(row: RatingRow): RatingView {
    return { ...row, itemIds: [...row.itemIds], phoneMasked: this.repo.phoneMasked(row.id) };
  }

  // ---- rectification ----

  caseView(id: string): RectificationView | null {
    const c = this.repo.caseById(id);
    return c ? this.caseToView(c) : null;
  }

  caseOfRating(ratingId: string): RectificationView | null {
    const c = this.repo.caseByRating(ratingId);
    return c ? this.caseToView(c) : null;
  }

  cases(open: boolean | null): (RectificationView & { rating: RatingView })[] {
    return this.repo.cases(open).flatMap((c) => {
      const rating = this.repo.byId(c.ratingId);
      return rating ? [{ ...this.caseToView(c), rating: this.view(rating) }] : [];
    });
  }

  /** A step by the hall manager (admin): who by name, and the admin terminal. */
  act(caseId: string, req: RectificationActRequest, terminalId: string): Ack<{ rectification: RectificationView }> {
    return this.step(caseId, req.action, { role: 'admin', name: req.by }, `admin:${terminalId}`, req.note);
  }

  /** The clerk who was rated appeals (申诉复核); nobody else may appeal their rating. */
  appeal(actor: ClerkActor, caseId: string, note: string): Ack<{ rectification: RectificationView }> {
    const c = this.repo.caseById(caseId);
    const rating = c ? this.repo.byId(c.ratingId) : null;
    if (!c || !rating) return failure('NOT_FOUND', '没有这个整改件');
    if (rating.clerkId !== actor.clerkId) return failure('FORBIDDEN', '只能对本人的评价提出申诉');
    const name = this.hall.clerk(actor.clerkId)?.name ?? actor.clerkId;
    return this.step(caseId, 'appeal', { role: 'clerk', name }, `clerk:${actor.clerkId}`, note);
  }

  /** Escalates every case open past its last working day (督办); called by the server's ticker. */
  escalateOverdue(): number {
    let count = 0;
    for (const c of this.repo.cases(true)) {
      if (!domain.isRectificationOverdue(c, this.hall.businessDay)) continue;
      const result = this.step(
        c.id,
        'escalate',
        { role: 'system', name: '系统' },
        'system',
        `超过整改时限（${c.dueDay}）`,
      );
      if (result.ok) count++;
    }
    return count;
  }

  private step(
    caseId: string,
    action: RectificationAction,
    actor: domain.RectificationActor,
    actorId: string,
    note: string,
  ): Ack<{ rectification: RectificationView }> {
    const c = this.repo.caseById(caseId);
    if (!c) return failure('NOT_FOUND', '没有这个整改件');
    const now = this.hall.clock();
    const step = domain.actOnRectification(c, action, actor, now);
    if (!step.ok) return step;
    try {
      this.db.transaction(() => {
        this.repo.updateCase(step.next);
        this.repo.addStep(caseId, { action, by: actor.name, actor: actorId, at: now, note });
      })();
    } catch (error) {
      console.error(`[ratings] ${error instanceof Error ? error.message : String(error)}`);
      return failure('STORAGE');
    }
    return { ok: true, rectification: this.caseToView(step.next) };
  }

  private caseToView(c: domain.RectificationRecord): RectificationView {
    return {
      id: c.id,
      ratingId: c.ratingId,
      status: c.status,
      outcome: c.outcome,
      openedAt: c.openedAt,
      dueDay: c.dueDay,
      escalatedAt: c.escalatedAt,
      closedAt: c.closedAt,
      steps: this.repo.steps(c.id),
    };
  }

  // ---- figures ----

  list(from: string, to: string): RatingView[] {
    return this.repo.between(from, to).map(({ annulled: _annulled, ...row }) => this.view(row));
  }

  /** What the public results page shows (公示): rates and rectifications, nobody's name, number or phone. */
  publicResults(from: string, to: string): PublicResults {
    const today = this.hall.businessDay;
    const cases = this.repo.cases(null).flatMap((c) => {
      const r = this.repo.byId(c.ratingId);
      if (!r || r.businessDay < from || r.businessDay > to) return [];
      return [
        {
          day: r.businessDay,
          departmentId: r.departmentId,
          windowId: r.windowId,
          level: r.level,
          reason: r.reason,
          status: c.status,
          outcome: c.outcome,
          dueDay: c.dueDay,
          overdue: c.status !== 'closed' && today > c.dueDay,
        },
      ];
    });
    return {
      from,
      to,
      departments: this.satisfaction('department', from, to),
      windows: this.satisfaction('window', from, to),
      cases,
    };
  }

  /** Satisfaction per clerk, window, department or item over business days `from`..`to`. */
  satisfaction(group: SatisfactionGroup, from: string, to: string): SatisfactionRow[] {
    const { config } = this.hall;
    // A service of several items (a 一件事 case) counts for each of them.
    const keysOf: Record<SatisfactionGroup, (r: RatingRow) => readonly (string | null)[]> = {
      clerk: (r) => [r.clerkId],
      window: (r) => [r.windowId],
      department: (r) => [r.departmentId],
      item: (r) => r.itemIds,
    };
    const names: Record<SatisfactionGroup, (key: string) => string> = {
      clerk: (k) => config.clerks.find((c) => c.id === k)?.name ?? k,
      window: (k) => config.windows.find((x) => x.id === k)?.name ?? k,
      department: (k) => config.departments.find((d) => d.id === k)?.name ?? k,
      item: (k) => config.items.find((i) => i.id === k)?.name ?? k,
    };
    const groups = new Map<string, domain.RatingCount[]>();
    for (const r of this.repo.between(from, to)) {
      for (const key of keysOf[group](r)) {
        if (key === null) continue;
        const list = groups.get(key) ?? [];
        list.push({ level: r.level, annulled: r.annulled });
        groups.set(key, list);
      }
    }
    return [...groups.entries()]
      .map(([key, list]) => ({ key, name: names[group](key), ...domain.satisfaction(list) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
}
