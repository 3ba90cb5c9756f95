import { isEligible, type PriorityClass, type QueueRules } from '@yimen/protocol';

/**
 * Which waiting ticket a window calls next. Pure: the server, the tests and the queue
 * simulator in bench/ all call this very function.
 *
 * Each candidate gets a virtual arrival time:
 *   rankAt − head start of its priority class + handicap when its category is not the window's first.
 * The smallest is called; equal ones go first come, first served. Head starts and handicaps
 * are bounded, so a waiting ticket can only be overtaken by tickets issued less than
 * (largest head start + largest handicap) after it: nothing starves (ageing). On top, after
 * `maxConsecutivePriority` priority calls in a row in a category, an ordinary ticket of that
 * category that has waited past the threshold is called before the next priority one.
 * Tickets transferred to this very window come first.
 */

export interface DispatchTicket {
  readonly id: string;
  readonly categoryId: string;
  readonly priority: PriorityClass;
  readonly rankAt: number;
  readonly issuedAt: number;
  readonly targetWindowId: string | null;
}

export interface DispatchWindow {
  readonly id: string;
  /** Most preferred first. */
  readonly categoryIds: readonly string[];
}

/** Consecutive priority calls per category since its last ordinary call. */
export type Streaks = Readonly<Record<string, number>>;

export interface DispatchInput<T extends DispatchTicket> {
  readonly window: DispatchWindow;
  readonly waiting: Iterable<T>;
  readonly rules: QueueRules;
  readonly now: number;
  readonly streaks: Streaks;
}

export interface DispatchResult<T> {
  readonly ticket: T;
  readonly streaks: Record<string, number>;
}

const MINUTE = 60_000;

export { isEligible };

/** The ticket's virtual arrival time within its own category (no window handicap). */
export function categoryKey(ticket: DispatchTicket, rules: QueueRules): number {
  return ticket.rankAt - (rules.boostMinutes[ticket.priority] ?? 0) * MINUTE;
}

function windowKey(ticket: DispatchTicket, window: DispatchWindow, rules: QueueRules): number {
  if (ticket.targetWindowId === window.id) return Number.NEGATIVE_INFINITY;
  const home = window.categoryIds[0] === ticket.categoryId;
  return categoryKey(ticket, rules) + (home ? 0 : rules.preferencePenaltyMinutes * MINUTE);
}

/** Total order: key, then first come first served, then id for determinism. */
export function before(aKey: number, a: DispatchTicket, bKey: number, b: DispatchTicket): boolean {
  if (aKey !== bKey) return aKey < bKey;
  if (a.rankAt !== b.rankAt) return a.rankAt < b.rankAt;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt;
  return a.id < b.id;
}

export function pickNext<T extends DispatchTicket>(input: DispatchInput<T>): DispatchResult<T> | null {
  const { window, rules, now, streaks } = input;
  let best: T | null = null;
  let bestKey = 0;
  // Best ordinary ticket per category that has waited past the interleave threshold.
  const overdueOrdinary = new Map<string, { ticket: T; key: number }>();
  const threshold = rules.interleave.ordinaryWaitThresholdMin * MINUTE;

  for (const ticket of input.waiting) {
    if (!isEligible(ticket, window)) continue;
    const key = windowKey(ticket, window, rules);
    if (best === null || before(key, ticket, bestKey, best)) {
      best = ticket;
      bestKey = key;
    }
    if (ticket.priority === 'ordinary' && ticket.targetWindowId === null && now - ticket.rankAt >= threshold) {
      const current = overdueOrdinary.get(ticket.categoryId);
      if (!current || before(key, ticket, current.key, current.ticket)) {
        overdueOrdinary.set(ticket.categoryId, { ticket, key });
      }
    }
  }
  if (best === null) return null;

  let chosen: T = best;
  const isTargeted = best.targetWindowId === window.id;
  if (!isTargeted && best.priority !== 'ordinary') {
    const streak = streaks[best.categoryId] ?? 0;
    const ordinary = overdueOrdinary.get(best.categoryId);
    if (streak >= rules.interleave.maxConsecutivePriority && ordinary) chosen = ordinary.ticket;
  }

  const next: Record<string, number> = { ...streaks };
  if (chosen.targetWindowId !== window.id) {
    next[chosen.categoryId] = chosen.priority === 'ordinary' ? 0 : (streaks[chosen.categoryId] ?? 0) + 1;
  }
  return { ticket: chosen, streaks: next };
}
