import { erlangCMeanWaitMin } from './erlang-c';
import { halfHourSlots, type Scenario } from './scenario';
import type { Outcome } from './simulate';

export interface PolicyFigures {
  meanWaitMin: number;
  p50WaitMin: number;
  p95WaitMin: number;
  maxWaitMin: number;
  abandonRate: number;
  noShowRate: number;
  utilisation: number;
  served: number;
  p95ByCategory: Record<string, number>;
  p95ByPriority: Record<string, number>;
  /** Mean wait of the citizens arriving in each half hour of the sessions. */
  meanWaitBySlot: number[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round = (x: number) => Math.round(x * 100) / 100;

function p95Of(waits: number[]): number {
  return round(
    percentile(
      [...waits].sort((a, b) => a - b),
      95,
    ),
  );
}

function groupBy<K extends string>(items: readonly { key: K; wait: number }[]): Record<K, number[]> {
  const groups = {} as Record<K, number[]>;
  for (const { key, wait } of items) {
    groups[key] ??= [];
    groups[key].push(wait);
  }
  return groups;
}

/** Waits count the citizens who were called and came; no-shows and those who left are rates. */
export function summarise(scenario: Scenario, outcomes: readonly Outcome[], utilisation: number): PolicyFigures {
  const served = outcomes.filter((o) => o.kind === 'served');
  const waits = served.map((o) => o.waitMin).sort((a, b) => a - b);
  const slots = halfHourSlots(scenario);
  const slotOf = (at: number) =>
    Math.max(
      0,
      slots.findLastIndex((s) => s <= at),
    );
  const bySlot = slots.map(() => ({ sum: 0, n: 0 }));
  for (const o of served) {
    const s = bySlot[slotOf(o.arrival.at)] as { sum: number; n: number };
    s.sum += o.waitMin;
    s.n++;
  }
  const mapValues = (g: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(g).map(([k, v]) => [k, p95Of(v)]));
  return {
    meanWaitMin: round(waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length)),
    p50WaitMin: round(percentile(waits, 50)),
    p95WaitMin: round(percentile(waits, 95)),
    maxWaitMin: round(waits.at(-1) ?? 0),
    abandonRate:
      round((outcomes.filter((o) => o.kind === 'abandoned').length / Math.max(1, outcomes.length)) * 1000) / 1000,
    noShowRate:
      round((outcomes.filter((o) => o.kind === 'noShow').length / Math.max(1, outcomes.length)) * 1000) / 1000,
    utilisation: round(utilisation * 1000) / 1000,
    served: served.length,
    p95ByCategory: mapValues(groupBy(served.map((o) => ({ key: o.arrival.categoryId, wait: o.waitMin })))),
    p95ByPriority: mapValues(groupBy(served.map((o) => ({ key: o.arrival.priority, wait: o.waitMin })))),
    meanWaitBySlot: bySlot.map((s) => round(s.n ? s.sum / s.n : 0)),
  };
}

/**
 * The lower bound: the fully pooled hall (every window serves everything) as an M/M/c queue,
 * each half hour on its own (stationary approximation), averaged over arrivals.
 */
export function pooledErlangC(scenario: Scenario, windows: number): { meanWaitMin: number; bySlot: number[] } {
  const slots = halfHourSlots(scenario);
  const bySlot = slots.map((_, i) => {
    const lambda = scenario.categories.reduce((sum, c) => sum + (c.arrivalsPerHalfHour[i] ?? 0), 0) / 30;
    const work = scenario.categories.reduce(
      (sum, c) => sum + ((c.arrivalsPerHalfHour[i] ?? 0) / 30) * c.service.meanMin,
      0,
    );
    return { lambda, wait: lambda > 0 ? erlangCMeanWaitMin(lambda, work / lambda, windows) : 0 };
  });
  const total = bySlot.reduce((sum, s) => sum + s.lambda, 0);
  const mean = bySlot.reduce((sum, s) => sum + s.lambda * s.wait, 0) / total;
  return { meanWaitMin: round(mean), bySlot: bySlot.map((s) => round(s.wait)) };
}
