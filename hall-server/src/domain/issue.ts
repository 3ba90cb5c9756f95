import { ageOn, type PriorityClass } from '@yimen/protocol';
import type { Actor } from './actor';
import type { WorkingCalendar } from './calendar';
import { categoryKey } from './dispatch';
import type { HallState, TicketRecord } from './hall-state';
import { categoryAvailability } from './hours';
import { fail, type Outcome, succeed } from './outcome';
import { canTransition } from './ticket-machine';

/** The holder as the shell derived it from the ID card: hashed and masked, never the raw number. */
export interface HolderFacts {
  readonly idHash: string;
  readonly idMasked: string;
  readonly nameMasked: string;
  readonly birthDate: string | null;
}

export interface IssueInput {
  readonly categoryId: string;
  readonly priority: PriorityClass;
  readonly holder: HolderFacts | null;
  /** Tickets this ID already took today in this category (not counting voided ones). */
  readonly issuedTodayForId: number;
  readonly terminalId: string;
  readonly idempotencyKey: string;
  /**
   * What binds a citizen serving themselves at a kiosk: the category's issuing hours (in
   * this calendar) and its ID-card requirement. Null for tickets staff issue and for
   * appointment check-ins, whose booked slot already placed them.
   */
  readonly selfService: { readonly calendar: WorkingCalendar } | null;
}

export interface NewTicketIds {
  readonly now: number;
  readonly ticketId: string;
  readonly statusToken: string;
}

function formatNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** Elderly is derived from the card, not claimed: an ordinary request from a holder past the age becomes elderly. */
function effectivePriority(state: HallState, requested: PriorityClass, holder: HolderFacts | null): PriorityClass {
  if (requested !== 'ordinary' || !holder?.birthDate) return requested;
  return ageOn(holder.birthDate, state.businessDay) >= state.rules.elderlyAge ? 'elderly' : 'ordinary';
}

export function issueTicket(state: HallState, input: IssueInput, ids: NewTicketIds): Outcome<TicketRecord> {
  const category = state.categories.get(input.categoryId);
  if (!category) return fail('NOT_FOUND', '没有这一类业务');
  const lastNumber = state.lastNumber[category.id] ?? 0;
  if (input.selfService) {
    if (category.requiresIdCard && !input.holder) return fail('ID_CARD_REQUIRED');
    const availability = categoryAvailability(category, state.rules, input.selfService.calendar, lastNumber, ids.now);
    if (availability.state === 'closed') return fail('OUTSIDE_HOURS');
  }
  const priority = effectivePriority(state, input.priority, input.holder);
  if (input.holder) {
    const held = priority === 'agent' ? null : openTicketOf(state, input.holder.idHash, category.id);
    if (held) return fail('ALREADY_HOLDING', `您已领取${held.number}号，尚未办理，可重新打印号票`);
    const limit = priority === 'agent' ? state.rules.agentDailyLimit : state.rules.perIdDailyLimit;
    if (input.issuedTodayForId >= limit) return fail('ID_LIMIT');
  }
  const n = lastNumber + 1;
  if (n > category.dailyCap) return fail('CATEGORY_FULL');

  const ticket: TicketRecord = {
    id: ids.ticketId,
    number: formatNumber(category.prefix, n),
    businessDay: state.businessDay,
    categoryId: category.id,
    priority,
    status: 'waiting',
    issuedAt: ids.now,
    rankAt: ids.now,
    windowId: null,
    targetWindowId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recallCount: 0,
    requeueCount: 0,
    transferCount: 0,
    reprintCount: 0,
    holder: input.holder ? { nameMasked: input.holder.nameMasked, idMasked: input.holder.idMasked } : null,
    transferNote: null,
    transferFromWindowId: null,
    idHash: input.holder?.idHash ?? null,
    statusToken: ids.statusToken,
    issueCategoryId: category.id,
    terminalId: input.terminalId,
    idempotencyKey: input.idempotencyKey,
  };
  return succeed({ tickets: [ticket], lastNumber: { ...state.lastNumber, [category.id]: n } }, ticket);
}

/**
 * The holder's ticket of a queue that still waits for them (waiting, called or held): a
 * second number would only leave one of them unanswered. Agents act for many people, so
 * a green card's tickets never block each other.
 */
export function openTicketOf(state: HallState, idHash: string, categoryId: string): TicketRecord | null {
  for (const t of state.tickets.values()) {
    if (t.idHash !== idHash || t.issueCategoryId !== categoryId || t.priority === 'agent') continue;
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'held') return t;
  }
  return null;
}

/** A lost or unreadable slip printed again for the holder who proves it is theirs with the same card. */
export function reprintTicket(state: HallState, ticketId: string, idHash: string): Outcome<TicketRecord> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket || ticket.idHash !== idHash) return fail('NOT_FOUND', '未找到您的号');
  if (ticket.status !== 'waiting' && ticket.status !== 'called' && ticket.status !== 'held') {
    return fail('ILLEGAL_TRANSITION');
  }
  if (ticket.reprintCount >= state.rules.maxReprints) return fail('REPRINT_LIMIT');
  const reprinted: TicketRecord = { ...ticket, reprintCount: ticket.reprintCount + 1 };
  return succeed({ tickets: [reprinted] }, reprinted);
}

/** A ticket whose printing failed is voided by the kiosk that issued it, before anyone calls it. */
export function voidTicket(state: HallState, ticketId: string, actor: Actor, now: number): Outcome<TicketRecord> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return fail('NOT_FOUND', '未找到该号');
  if (actor.role === 'clerk') return fail('FORBIDDEN');
  if (actor.role === 'kiosk' && ticket.terminalId !== actor.terminalId) return fail('FORBIDDEN', '只能作废本机取的号');
  if (!canTransition(ticket.status, 'void') || ticket.calledAt !== null) return fail('ILLEGAL_TRANSITION');
  const voided: TicketRecord = { ...ticket, status: 'voided', finishedAt: now };
  return succeed({ tickets: [voided] }, voided);
}

/**
 * A late-comer after a no-show goes back into its queue behind `noShowRequeueBehind`
 * waiting tickets (or last, when fewer wait), by moving its rank time just behind theirs.
 */
export function requeueTicket(state: HallState, ticketId: string, now: number): Outcome<TicketRecord> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return fail('NOT_FOUND', '未找到该号');
  if (!canTransition(ticket.status, 'requeue')) return fail('ILLEGAL_TRANSITION');
  if (ticket.requeueCount >= state.rules.maxRequeues) return fail('REQUEUE_LIMIT');

  const boostMs = (state.rules.boostMinutes[ticket.priority] ?? 0) * 60_000;
  const queue = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting' && t.categoryId === ticket.categoryId && t.targetWindowId === null)
    .map((t) => categoryKey(t, state.rules))
    .sort((a, b) => a - b);
  const behind = state.rules.noShowRequeueBehind;
  let key: number;
  if (behind === 0) key = (queue[0] ?? now - boostMs) - 1;
  // One millisecond after the N-th ticket in line places this one right behind it.
  else if (queue.length >= behind) key = (queue[behind - 1] as number) + 1;
  else key = Math.max(now - boostMs, (queue.at(-1) ?? Number.NEGATIVE_INFINITY) + 1);
  const rankAt = key + boostMs;

  const requeued: TicketRecord = {
    ...ticket,
    status: 'waiting',
    rankAt,
    windowId: null,
    calledAt: null,
    requeueCount: ticket.requeueCount + 1,
  };
  return succeed({ tickets: [requeued] }, requeued);
}
