import type { PriorityClass } from '@yimen/protocol';

/**
 * What the day has taught about the hall, for wait estimates: how long each queue's citizens
 * hold a window, how fast each window is against that, how many called citizens do not
 * come and how long a window waits for them, how many leave before their call, and how
 * fast each queue's priority classes arrive. Immutable: each observation returns new stats.
 * The hall-server feeds it from its commits, the queue simulator from its events, so both
 * estimate with the same knowledge.
 */
export interface DayStats {
  /** Per category: holds of served citizens (call to finish) and their minutes. */
  readonly service: Readonly<Record<string, { readonly n: number; readonly sumMin: number }>>;
  /** Per window: holds and the sum of each one's minutes over its queue's expected minutes then. */
  readonly pace: Readonly<Record<string, { readonly n: number; readonly sumRatio: number }>>;
  /** Called citizens who came, who did not, and the minutes windows waited for those who did not (when known). */
  readonly calls: {
    readonly served: number;
    readonly noShows: number;
    readonly timedNoShows: number;
    readonly noShowMin: number;
  };
  /** Waits ended: by a call or by leaving (cancelled while waiting), and their minutes. */
  readonly waits: { readonly called: number; readonly left: number; readonly sumMin: number };
  /** Arrivals per `category|class`: a count decayed with time constant ARRIVAL_TAU_MIN, as of `at`. */
  readonly arrivals: Readonly<Record<string, { readonly at: number; readonly count: number }>>;
  /** The day's first arrival (ms), for the decayed counts' warm-up. */
  readonly firstArrivalAt: number | null;
}

export const EMPTY_DAY_STATS: DayStats = {
  service: {},
  pace: {},
  calls: { served: 0, noShows: 0, timedNoShows: 0, noShowMin: 0 },
  waits: { called: 0, left: 0, sumMin: 0 },
  arrivals: {},
  firstArrivalAt: null,
};

const MINUTE = 60_000;
/** Arrival rates look back about half an hour. */
export const ARRIVAL_TAU_MIN = 30;
/** Weights of the priors, in observations: the configured minutes per case, an average window pace, … */
const PRIOR_SERVICE_WEIGHT = 5;
const PRIOR_PACE_WEIGHT = 10;
/** … a share of no-shows and their grace minutes, from the queue model's defaults. */
const PRIOR_CALLS = 20;
const PRIOR_NO_SHOW_SHARE = 0.05;
const PRIOR_GRACE_MIN = 1;
const PRIOR_GRACE_WEIGHT = 2;

/** Mean minutes a served citizen of the category holds a window: the configured figure until the day says better. */
export function serviceMin(stats: DayStats, categoryId: string, priorMin: number): number {
  const s = stats.service[categoryId];
  return (PRIOR_SERVICE_WEIGHT * priorMin + (s?.sumMin ?? 0)) / (PRIOR_SERVICE_WEIGHT + (s?.n ?? 0));
}

/** The window's speed against its queues' means: 1 average, 1.2 a fifth slower. */
export function windowPace(stats: DayStats, windowId: string): number {
  const p = stats.pace[windowId];
  return (PRIOR_PACE_WEIGHT + (p?.sumRatio ?? 0)) / (PRIOR_PACE_WEIGHT + (p?.n ?? 0));
}

export function noShowShare(stats: DayStats): number {
  const { served, noShows } = stats.calls;
  return (PRIOR_CALLS * PRIOR_NO_SHOW_SHARE + noShows) / (PRIOR_CALLS + served + noShows);
}

export function noShowGraceMin(stats: DayStats): number {
  const { timedNoShows, noShowMin } = stats.calls;
  return (PRIOR_GRACE_WEIGHT * PRIOR_GRACE_MIN + noShowMin) / (PRIOR_GRACE_WEIGHT + timedNoShows);
}

/** Expected minutes a window is held by the next citizen of a queue it calls: served, or waited for in vain. */
export function expectedHoldMin(stats: DayStats, categoryId: string, windowId: string, priorMin: number): number {
  const p = noShowShare(stats);
  return (1 - p) * serviceMin(stats, categoryId, priorMin) * windowPace(stats, windowId) + p * noShowGraceMin(stats);
}

/**
 * Share of waiting citizens who leave per minute of waiting. `waitingMin`: the minutes the
 * tickets still waiting have waited so far, which belong in the exposure too.
 */
export function leaveRatePerMin(stats: DayStats, waitingMin: number): number {
  const exposure = stats.waits.sumMin + waitingMin;
  return exposure > 0 ? stats.waits.left / exposure : 0;
}

const arrivalKey = (categoryId: string, priority: PriorityClass) => `${categoryId}|${priority}`;

/**
 * Arrivals per minute of the category's class around `now`: the decayed count over its time
 * constant, corrected for a day that began less than that ago (at most as if a time constant
 * had passed, so the first minutes' bursts do not read as a flood).
 */
export function arrivalsPerMin(stats: DayStats, categoryId: string, priority: PriorityClass, now: number): number {
  const a = stats.arrivals[arrivalKey(categoryId, priority)];
  if (!a || stats.firstArrivalAt === null) return 0;
  const count = a.count * Math.exp(-Math.max(0, now - a.at) / (ARRIVAL_TAU_MIN * MINUTE));
  const elapsed = Math.max(0, now - stats.firstArrivalAt) / (ARRIVAL_TAU_MIN * MINUTE);
  return count / (ARRIVAL_TAU_MIN * Math.max(1 - Math.exp(-elapsed), 1 - Math.exp(-1)));
}

export function observeArrival(
  stats: DayStats,
  arrival: { readonly categoryId: string; readonly priority: PriorityClass; readonly at: number },
): DayStats {
  const key = arrivalKey(arrival.categoryId, arrival.priority);
  const old = stats.arrivals[key];
  const decayed = old ? old.count * Math.exp(-Math.max(0, arrival.at - old.at) / (ARRIVAL_TAU_MIN * MINUTE)) : 0;
  return {
    ...stats,
    arrivals: { ...stats.arrivals, [key]: { at: Math.max(arrival.at, old?.at ?? arrival.at), count: decayed + 1 } },
    firstArrivalAt: stats.firstArrivalAt ?? arrival.at,
  };
}

/** A served citizen held the window this long (call to finish). */
export function observeService(
  stats: DayStats,
  hold: { readonly categoryId: string; readonly windowId: string; readonly minutes: number; readonly priorMin: number },
): DayStats {
  const expected = serviceMin(stats, hold.categoryId, hold.priorMin);
  const s = stats.service[hold.categoryId];
  const p = stats.pace[hold.windowId];
  return {
    ...stats,
    service: { ...stats.service, [hold.categoryId]: { n: (s?.n ?? 0) + 1, sumMin: (s?.sumMin ?? 0) + hold.minutes } },
    pace: {
      ...stats.pace,
      [hold.windowId]: { n: (p?.n ?? 0) + 1, sumRatio: (p?.sumRatio ?? 0) + hold.minutes / expected },
    },
    calls: { ...stats.calls, served: stats.calls.served + 1 },
  };
}

/** A called citizen did not come; `minutes` the window waited for them, null when not known. */
export function observeNoShow(stats: DayStats, minutes: number | null): DayStats {
  const c = stats.calls;
  return {
    ...stats,
    calls:
      minutes === null
        ? { ...c, noShows: c.noShows + 1 }
        : { ...c, noShows: c.noShows + 1, timedNoShows: c.timedNoShows + 1, noShowMin: c.noShowMin + minutes },
  };
}

/** A wait ended after `minutes`: by a call, or by leaving the queue. */
export function observeWaitEnd(stats: DayStats, minutes: number, left: boolean): DayStats {
  const w = stats.waits;
  return {
    ...stats,
    waits: {
      called: w.called + (left ? 0 : 1),
      left: w.left + (left ? 1 : 0),
      sumMin: w.sumMin + Math.max(0, minutes),
    },
  };
}
