import { erlangCWaitExceeds } from './erlang-c';
import { halfHourSlots, type Scenario } from './scenario';

export interface StaffingPlan {
  targetP95Min: number;
  /** Dedicated windows per category: each queue on its own. */
  dedicated: Record<string, number>;
  dedicatedTotal: number;
  /** Comprehensive windows for the fully pooled hall. */
  pooled: number;
}

/** Fewest servers such that P(wait > target) ≤ 5% in every half hour (Erlang C, stationary per half hour). */
export function serversFor(arrivalsPerMinBySlot: readonly number[], meanServiceMin: number, targetMin: number): number {
  let servers = 1;
  for (const lambda of arrivalsPerMinBySlot) {
    if (lambda <= 0) continue;
    while (erlangCWaitExceeds(lambda, meanServiceMin, servers, targetMin) > 0.05) servers++;
  }
  return servers;
}

/**
 * For a forecast of arrivals, the windows a roster needs to keep the p95 wait under a
 * target: per queue if every window is dedicated, and in all if every window is comprehensive.
 * Real halls sit between the two; the gap is what comprehensive windows save.
 */
export function planStaffing(scenario: Scenario, targetP95Min: number): StaffingPlan {
  const slots = halfHourSlots(scenario);
  const dedicated: Record<string, number> = {};
  for (const c of scenario.categories) {
    dedicated[c.id] = serversFor(
      c.arrivalsPerHalfHour.map((a) => a / 30),
      c.service.meanMin,
      targetP95Min,
    );
  }
  let pooled = 1;
  slots.forEach((_, i) => {
    const lambda = scenario.categories.reduce((s, c) => s + (c.arrivalsPerHalfHour[i] ?? 0), 0) / 30;
    const work = scenario.categories.reduce(
      (s, c) => s + ((c.arrivalsPerHalfHour[i] ?? 0) / 30) * c.service.meanMin,
      0,
    );
    if (lambda > 0) pooled = Math.max(pooled, serversFor([lambda], work / lambda, targetP95Min));
  });
  return {
    targetP95Min,
    dedicated,
    dedicatedTotal: Object.values(dedicated).reduce((a, b) => a + b, 0),
    pooled,
  };
}
