import { performance } from 'node:perf_hooks';
import { type DayStats, EMPTY_DAY_STATS, observeArrival } from '@yimen/hall-server/domain/day-stats';
import type { DispatchTicket } from '@yimen/hall-server/domain/dispatch';
import { round } from '@yimen/hall-server/domain/simulation/figures';
import { rulesOf } from '@yimen/hall-server/domain/simulation/hall-days';
import { expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import { seeded } from '@yimen/hall-server/domain/simulation/rng';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import { forecastQueue } from '@yimen/hall-server/domain/wait-forecast';
import type { PriorityClass } from '@yimen/protocol';

/**
 * What one wait forecast of the whole queue costs (the server runs one per command): the
 * scenario's windows all busy, `waiting` tickets spread over its queues as its arrivals
 * are, of its priority classes in its shares, and an hour of arrivals at its peak pace
 * behind them (the priority ones the forecast plays in). CPU time of one
 * forecast, averaged over repeats of at least 300 ms.
 */
export interface ForecastCost {
  waiting: number;
  windows: number;
  msPerForecast: number;
}

const MINUTE = 60_000;

export function forecastCost(scenario: Scenario, sizes: readonly number[]): ForecastCost[] {
  const rng = seeded(scenario.seed);
  const rules = rulesOf(scenario);
  const now = 10 * 60 * MINUTE;
  const weights = scenario.categories.map((c) => c.arrivalsPerHalfHour.reduce((a, b) => a + b, 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let u = rng.next() * total;
    for (const [i, w] of weights.entries()) {
      u -= w;
      if (u < 0) return scenario.categories[i]?.id as string;
    }
    return scenario.categories[0]?.id as string;
  };
  const priority = (): PriorityClass => {
    let u = rng.next();
    for (const k of ['appointment', 'elderly', 'disabled', 'military'] as const) {
      if (u < scenario.shares[k]) return k;
      u -= scenario.shares[k];
    }
    return 'ordinary';
  };
  let stats: DayStats = EMPTY_DAY_STATS;
  // An hour of arrivals at the peak half hour's pace.
  const peak = Math.max(
    ...scenario.categories.map((_, i) => scenario.categories.reduce((s, c) => s + (c.arrivalsPerHalfHour[i] ?? 0), 0)),
  );
  for (let t = now - 60 * MINUTE; t < now; t += (30 * MINUTE) / peak) {
    stats = observeArrival(stats, {
      categoryId: pick(),
      priority: priority(),
      at: t,
    });
  }
  const windows = expandWindows(scenario).map((w) => ({
    id: w.id,
    categoryIds: w.categoryIds,
    busy: { categoryId: w.categoryIds[0] as string, since: now - rng.next() * 5 * MINUTE },
  }));
  return sizes.map((n) => {
    const waiting: DispatchTicket[] = Array.from({ length: n }, (_, i) => {
      const at = now - (n - i) * 3000;
      return {
        id: `t${String(i).padStart(6, '0')}`,
        categoryId: pick(),
        priority: priority(),
        rankAt: at,
        issuedAt: at,
        targetWindowId: null,
      };
    });
    const input = {
      rules,
      priorServiceMin: Object.fromEntries(scenario.categories.map((c) => [c.id, c.service.meanMin])),
      windows,
      waiting,
      streaks: {},
    };
    for (let i = 0; i < 20; i++) forecastQueue(input, stats, now);
    let runs = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < 300) {
      forecastQueue(input, stats, now);
      runs++;
    }
    const used = process.cpuUsage(cpu);
    return { waiting: n, windows: windows.length, msPerForecast: round((used.user + used.system) / 1000 / runs) };
  });
}
