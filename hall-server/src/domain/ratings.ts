import {
  BAD_LEVELS,
  type BadRatingReason,
  type ErrorBody,
  RATING_SCALES,
  type RatingChannel,
  type RatingLevel,
  type RatingRules,
  type TicketStatus,
} from '@yimen/protocol';
import { fail } from './outcome';

/** What the shell knows of a ticket and its service when a rating arrives. */
export interface RatingFacts {
  readonly ticket: {
    readonly status: TicketStatus;
    readonly windowId: string | null;
    readonly finishedAt: number | null;
  };
  /** The rating already given for the ticket, on any channel: one per ticket (一事一评). */
  readonly alreadyRated: boolean;
  readonly rules: RatingRules;
}

export interface RatingInput {
  readonly level: RatingLevel;
  readonly channel: RatingChannel;
  readonly reason?: BadRatingReason | undefined;
  readonly phone?: string | undefined;
  /** The window of the pad that sends it; absent for the phone page. */
  readonly padWindowId?: string | undefined;
}

export type RatingDecision =
  | { readonly ok: true; readonly bad: boolean; readonly reason: BadRatingReason | null; readonly phone: string | null }
  | { readonly ok: false; readonly error: ErrorBody };

export const isBadLevel = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

/**
 * Whether a rating may be recorded: a finished ticket, rated once across pad and phone, on
 * the hall's scale, within the rating period, by the pad of the window that served it. A bad
 * rating must say why; a good one keeps no reason and no phone number (nothing to call back).
 */
export function decideRating(facts: RatingFacts, input: RatingInput, now: number): RatingDecision {
  const { ticket, rules } = facts;
  if (!RATING_SCALES[rules.scale].includes(input.level)) return fail('BAD_REQUEST', '本大厅不使用该评价等级');
  if (input.padWindowId !== undefined && ticket.windowId !== input.padWindowId) {
    return fail('FORBIDDEN', '该号不是在本窗口办理的');
  }
  if (ticket.status !== 'done' || ticket.finishedAt === null) return fail('RATING_CLOSED', '办结后才能评价');
  if (now - ticket.finishedAt > rules.phoneRatingHours * 3600_000) return fail('RATING_CLOSED', '已超过评价期限');
  if (facts.alreadyRated) return fail('ALREADY_RATED');
  const bad = isBadLevel(input.level);
  if (bad && !input.reason) return fail('BAD_REQUEST', '请选择不满意的原因');
  return { ok: true, bad, reason: bad ? (input.reason ?? null) : null, phone: bad ? (input.phone ?? null) : null };
}

/**
 * The service items a rating is of: those of the cases opened from the ticket (each once, in
 * the order opened), else the queue's item when it has exactly one; none when that is unknown
 * (a queue of several items and no case).
 */
export function ratedItems(caseItemIds: readonly (readonly string[])[], queueItemIds: readonly string[]): string[] {
  const fromCases = [...new Set(caseItemIds.flat())];
  if (fromCases.length > 0) return fromCases;
  return queueItemIds.length === 1 ? [...queueItemIds] : [];
}

export interface RatingCount {
  readonly level: RatingLevel;
  /** Left out of the rates: an appeal against it was upheld (申诉成立). */
  readonly annulled: boolean;
}

/** Satisfaction over some ratings: 满意率 = the top three levels over all counted ratings. */
export function satisfaction(ratings: readonly RatingCount[]) {
  const counts: Record<RatingLevel, number> = {
    verySatisfied: 0,
    satisfied: 0,
    basic: 0,
    dissatisfied: 0,
    veryDissatisfied: 0,
  };
  for (const r of ratings) if (!r.annulled) counts[r.level]++;
  const rated = Object.values(counts).reduce((a, b) => a + b, 0);
  const bad = counts.dissatisfied + counts.veryDissatisfied;
  const satisfied = rated - bad;
  return { rated, satisfied, bad, rate: rated === 0 ? null : satisfied / rated, counts };
}
