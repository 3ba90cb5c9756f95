import { erlangCWaitExceeds } from './erlang-c';
import { expectedArrivals, halfHourSlots, meanHoldMin, type Scenario } from './scenario';

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
 * The quick, analytic answer: the windows that keep P(wait > target) ≤ 5 % in every half hour
 * on its own (Erlang C, stationary), per queue if every window is dedicated, and in all if
 * every window is comprehensive. Conservative: it staffs each half hour for its own peak,
 * where a real hall carries a short peak over as queue. `searchStaffing` simulates instead.
 */
export function planStaffing(scenario: Scenario, targetP95Min: number): StaffingPlan {
  const slots = halfHourSlots(scenario);
  const arrivals = new Map(scenario.categories.map((c) => [c.id, expectedArrivals(scenario, c)]));
  const dedicated: Record<string, number> = {};
  for (const c of scenario.categories) {
    dedicated[c.id] = serversFor(
      (arrivals.get(c.id) ?? []).map((a) => a / 30),
      meanHoldMin(scenario, c.service.meanMin),
      targetP95Min,
    );
  }
  let pooled = 1;
  slots.forEach((_, i) => {
    const perMin = (c: Scenario['categories'][number]) => (arrivals.get(c.id)?.[i] ?? 0) / 30;
    const lambda = scenario.categories.reduce((s, c) => s + perMin(c), 0);
    const work = scenario.categories.reduce((s, c) => s + perMin(c) * meanHoldMin(scenario, c.service.meanMin), 0);
    if (lambda > 0) pooled = Math.max(pooled, serversFor([lambda], work / lambda, targetP95Min));
  });
  return {
    targetP95Min,
    dedicated,
    dedicatedTotal: Object.values(dedicated).reduce((a, b) => a + b, 0),
    pooled,
  };
}

export interface GroupStaffing {
  /** The scenario's window groups (`windows[].id`) and how many of each. */
  counts: Record<string, number>;
  total: number;
  p95WaitMin: number;
  worstCategoryP95Min: number;
  feasible: boolean;
}

export interface StaffingSearch {
  targetP95Min: number;
  days: number;
  current: GroupStaffing;
  fewest: GroupStaffing;
  /** Simulated hall days the search ran. */
  evaluations: number;
}

/** What the search needs from a simulation of one roster: the hall's figures and busy minutes per group. */
export interface RosterOutcome {
  p95WaitMin: number;
  worstCategoryP95Min: number;
  /** Busy minutes ÷ open minutes of each group's windows; 0 for a group without windows. */
  utilisationByGroup: Record<string, number>;
}

/**
 * The fewest windows of each group (the scenario's `windows[]` entries: dedicated ones per
 * queue, comprehensive ones by home queue) that keep the hall's p95 wait, and every
 * category's, at or under the target, by simulation with the given dispatcher. Starts from
 * the scenario's roster; while the target is missed, adds the window that helps most; then
 * removes windows, least busy group first, while the target holds. Greedy: a good roster,
 * not a proven optimum.
 */
export function searchStaffing(
  groups: readonly { id: string; count: number; categoryIds: readonly string[] }[],
  categoryIds: readonly string[],
  targetP95Min: number,
  simulate: (counts: Record<string, number>) => RosterOutcome,
  days: number,
  maxWindows = 500,
): StaffingSearch {
  let evaluations = 0;
  const cache = new Map<string, RosterOutcome>();
  const evaluate = (counts: Record<string, number>) => {
    const key = groups.map((g) => counts[g.id]).join(',');
    let outcome = cache.get(key);
    if (!outcome) {
      outcome = simulate(counts);
      evaluations += days;
      cache.set(key, outcome);
    }
    return outcome;
  };
  const ok = (o: RosterOutcome) => o.p95WaitMin <= targetP95Min && o.worstCategoryP95Min <= targetP95Min;
  const score = (o: RosterOutcome) => Math.max(o.p95WaitMin, o.worstCategoryP95Min);
  const total = (counts: Record<string, number>) => groups.reduce((s, g) => s + (counts[g.id] ?? 0), 0);
  const servesAll = (counts: Record<string, number>) =>
    categoryIds.every((c) => groups.some((g) => (counts[g.id] ?? 0) > 0 && g.categoryIds.includes(c)));
  const summary = (counts: Record<string, number>): GroupStaffing => {
    const o = evaluate(counts);
    return {
      counts: { ...counts },
      total: total(counts),
      p95WaitMin: o.p95WaitMin,
      worstCategoryP95Min: o.worstCategoryP95Min,
      feasible: ok(o),
    };
  };

  const start: Record<string, number> = Object.fromEntries(groups.map((g) => [g.id, g.count]));
  let counts = { ...start };
  while (!ok(evaluate(counts)) && total(counts) < maxWindows) {
    let best: Record<string, number> | null = null;
    for (const g of groups) {
      const next = { ...counts, [g.id]: (counts[g.id] ?? 0) + 1 };
      if (!best || score(evaluate(next)) < score(evaluate(best))) best = next;
    }
    counts = best as Record<string, number>;
  }
  for (let removed = true; removed && ok(evaluate(counts)); ) {
    removed = false;
    const busy = evaluate(counts).utilisationByGroup;
    const order = groups
      .filter((g) => (counts[g.id] ?? 0) > 0)
      .sort((a, b) => (busy[a.id] ?? 0) - (busy[b.id] ?? 0) || a.id.localeCompare(b.id));
    for (const g of order) {
      const next = { ...counts, [g.id]: (counts[g.id] ?? 0) - 1 };
      if (servesAll(next) && ok(evaluate(next))) {
        counts = next;
        removed = true;
        break;
      }
    }
  }
  return { targetP95Min, days, current: summary(start), fewest: summary(counts), evaluations };
}
