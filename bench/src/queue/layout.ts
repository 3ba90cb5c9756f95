import { erlangCMeanWaitMin } from '@yimen/hall-server/domain/simulation/erlang-c';
import { expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import type { SimWindow } from '@yimen/hall-server/domain/simulation/policy';
import { expectedArrivals, meanHoldMin, type Scenario } from '@yimen/hall-server/domain/simulation/scenario';

type LoadScenario = Pick<Scenario, 'categories' | 'openingCrowd' | 'shares' | 'noShowGraceMin'>;

/** Arrival-weighted total of Erlang-C mean waits of one category on `servers` dedicated windows, over the day. */
function dedicatedWaitSum(arrivals: readonly number[], hold: number, servers: number): number {
  let sum = 0;
  for (const perHalfHour of arrivals) {
    if (perHalfHour <= 0) continue;
    sum += perHalfHour * erlangCMeanWaitMin(perHalfHour / 30, hold, servers);
  }
  return sum;
}

/**
 * The traditional hall at its best: `total` windows, each dedicated to one category, given
 * out one by one where the Erlang-C waits (each half hour on its own, weighted by arrivals)
 * drop most. Every category gets at least one. Overloaded categories (a half hour at or
 * over capacity) are served first, the most overloaded first.
 */
export function balancedDedicatedCounts(scenario: LoadScenario, total: number): Record<string, number> {
  const counts: Record<string, number> = {};
  const holds: Record<string, number> = {};
  const arrivals = new Map(scenario.categories.map((c) => [c.id, expectedArrivals(scenario, c)]));
  const arrivalsOf = (id: string) => arrivals.get(id) ?? [];
  for (const c of scenario.categories) {
    counts[c.id] = 1;
    holds[c.id] = meanHoldMin(scenario, c.service.meanMin);
  }
  let left = total - scenario.categories.length;
  if (left < 0) throw new Error(`${total} windows cannot each serve one of ${scenario.categories.length} categories`);
  for (; left > 0; left--) {
    let best: string | null = null;
    let bestOverload = 0;
    for (const c of scenario.categories) {
      const peak = Math.max(...arrivalsOf(c.id).map((a) => (a / 30) * (holds[c.id] as number)));
      const overload = peak - (counts[c.id] as number);
      if (overload >= 0 && overload + 1 > bestOverload) {
        best = c.id;
        bestOverload = overload + 1;
      }
    }
    if (best === null) {
      let bestGain = -1;
      for (const c of scenario.categories) {
        const n = counts[c.id] as number;
        const hold = holds[c.id] as number;
        const gain = dedicatedWaitSum(arrivalsOf(c.id), hold, n) - dedicatedWaitSum(arrivalsOf(c.id), hold, n + 1);
        if (gain > bestGain) {
          best = c.id;
          bestGain = gain;
        }
      }
    }
    counts[best as string] = (counts[best as string] as number) + 1;
  }
  return counts;
}

/** The windows the `dedicatedFifo` policy runs on: the same number, one category each. */
export function dedicatedWindows(scenario: Scenario): SimWindow[] {
  const declared = expandWindows(scenario);
  if (scenario.dedicatedLayout === 'declared') {
    return declared.map((w) => ({ id: w.id, kind: 'dedicated', categoryIds: w.categoryIds.slice(0, 1) }));
  }
  const counts = balancedDedicatedCounts(scenario, declared.length);
  return scenario.categories.flatMap((c) =>
    Array.from({ length: counts[c.id] ?? 0 }, (_, k) => ({
      id: `ded-${c.id}-${k + 1}`,
      kind: 'dedicated' as const,
      categoryIds: [c.id],
    })),
  );
}
