import { erlangCMeanWaitMin } from './erlang-c';
import { expectedArrivals, halfHourSlots, meanHoldMin, type Scenario } from './scenario';
import type { DayResult, Outcome } from './simulate';

export interface PolicyFigures {
  meanWaitMin: number;
  p50WaitMin: number;
  p95WaitMin: number;
  maxWaitMin: number;
  /** Of all arrivals: left before being called. */
  abandonRate: number;
  /** Of all arrivals: called and did not come. */
  noShowRate: number;
  /** Busy (serving or waiting out a no-show) minutes over open minutes, all windows. */
  utilisation: number;
  served: number;
  p95ByCategory: Record<string, number>;
  p95ByPriority: Record<string, number>;
  /** Mean and p95 wait of the citizens arriving in each half hour of the sessions. */
  meanWaitBySlot: number[];
  p95WaitBySlot: number[];
  /** Each simulated day's mean and p95 wait, for the day-to-day spread. */
  dailyMeanWaitMin: number[];
  dailyP95WaitMin: number[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Rounded to a thousandth (of a minute: 0.06 s), for printing and JSON. */
export const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

const sortedWaits = (outcomes: readonly Outcome[]) =>
  outcomes.flatMap((o) => (o.kind === 'served' ? [o.waitMin] : [])).sort((a, b) => a - b);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function p95By(outcomes: readonly Outcome[], key: (o: Outcome) => string): Record<string, number> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    if (o.kind !== 'served') continue;
    const k = key(o);
    const group = groups.get(k);
    if (group) group.push(o);
    else groups.set(k, [o]);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, round(percentile(sortedWaits(g), 95))]),
  );
}

/**
 * Figures of one policy over the simulated days. Waits count the citizens who were called
 * and came; no-shows and those who left are rates over all arrivals.
 */
export function summarise(scenario: Pick<Scenario, 'sessions'>, days: readonly DayResult[]): PolicyFigures {
  const outcomes = days.flatMap((d) => d.outcomes);
  const waits = sortedWaits(outcomes);
  const slots = halfHourSlots(scenario);
  const slotOf = (at: number) =>
    Math.max(
      0,
      slots.findLastIndex((s) => s <= at),
    );
  const bySlot = slots.map((): Outcome[] => []);
  for (const o of outcomes) bySlot[slotOf(o.arrival.at)]?.push(o);
  const rate = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length / Math.max(1, outcomes.length);
  return {
    meanWaitMin: round(mean(waits)),
    p50WaitMin: round(percentile(waits, 50)),
    p95WaitMin: round(percentile(waits, 95)),
    maxWaitMin: round(waits.at(-1) ?? 0),
    abandonRate: round(rate('abandoned')),
    noShowRate: round(rate('noShow')),
    utilisation: round(mean(days.map((d) => d.utilisation))),
    served: waits.length,
    p95ByCategory: p95By(outcomes, (o) => o.arrival.categoryId),
    p95ByPriority: p95By(outcomes, (o) => o.arrival.priority),
    meanWaitBySlot: bySlot.map((g) => round(mean(sortedWaits(g)))),
    p95WaitBySlot: bySlot.map((g) => round(percentile(sortedWaits(g), 95))),
    dailyMeanWaitMin: days.map((d) => round(mean(sortedWaits(d.outcomes)))),
    dailyP95WaitMin: days.map((d) => round(percentile(sortedWaits(d.outcomes), 95))),
  };
}

export interface PooledBound {
  meanWaitMin: number;
  /** Erlang-C mean wait in each half hour; Infinity where the load reaches the windows. */
  bySlot: number[];
  /** Offered load ÷ windows in each half hour: 1 or more, the windows cannot keep up. */
  occupancyBySlot: number[];
  /** Offered load ÷ windows in the busiest half hour. */
  peakOccupancy: number;
}

/**
 * The lower bound: the fully pooled hall (every window serves everything) as an M/M/c queue,
 * each half hour on its own (stationary approximation), averaged over arrivals. A window is
 * held for the service time, or for the grace time by a no-show.
 */
export function pooledErlangC(
  scenario: Pick<Scenario, 'sessions' | 'categories' | 'openingCrowd' | 'shares' | 'noShowGraceMin'>,
  windows: number,
): PooledBound {
  const slots = halfHourSlots(scenario);
  const arrivals = scenario.categories.map((c) => expectedArrivals(scenario, c));
  const bySlot = slots.map((_, i) => {
    let lambda = 0;
    let work = 0;
    for (const [k, c] of scenario.categories.entries()) {
      const perMin = (arrivals[k]?.[i] ?? 0) / 30;
      lambda += perMin;
      work += perMin * meanHoldMin(scenario, c.service.meanMin);
    }
    return { lambda, work, wait: lambda > 0 ? erlangCMeanWaitMin(lambda, work / lambda, windows) : 0 };
  });
  const total = bySlot.reduce((sum, s) => sum + s.lambda, 0);
  return {
    meanWaitMin: round(bySlot.reduce((sum, s) => sum + s.lambda * s.wait, 0) / total),
    bySlot: bySlot.map((s) => round(s.wait)),
    occupancyBySlot: bySlot.map((s) => round(s.work / windows)),
    peakOccupancy: round(Math.max(...bySlot.map((s) => s.work)) / windows),
  };
}

/**
 * Mean of the day-by-day differences a − b (the same days, so paired) and the half width of
 * its 95 % confidence interval (Student t). Tells a real difference from day-to-day noise.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): { mean: number; halfWidth95: number } {
  const d = a.map((x, i) => x - (b[i] as number));
  const m = mean(d);
  if (d.length < 2) return { mean: round(m), halfWidth95: Number.POSITIVE_INFINITY };
  const variance = d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1);
  return { mean: round(m), halfWidth95: round(tQuantile975(d.length - 1) * Math.sqrt(variance / d.length)) };
}

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (table to 30, then the normal's 1.96 blended). */
export function tQuantile975(df: number): number {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
    2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df <= table.length) return table[Math.max(1, df) - 1] as number;
  return 1.96 + 2.4 / df;
}
