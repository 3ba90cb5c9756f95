import { DEFAULT_RULES, QueueRules } from '@yimen/protocol';
import { round, summarise } from './figures';
import { rosterWindows } from './layout';
import { type Policy, type SimWindow, yimen } from './policy';
import { seeded } from './rng';
import { openMinutes, type Scenario } from './scenario';
import { type DayResult, simulateDay } from './simulate';
import type { RosterOutcome } from './staffing';
import { type Arrival, generateTrace } from './trace';

/** The hall-server's default rules with the scenario's overrides, checked by the protocol's schema. */
export function rulesOf(scenario: Pick<Scenario, 'rules'>): QueueRules {
  return QueueRules.parse({ ...DEFAULT_RULES, ...scenario.rules });
}

/** Day d's arrivals: seeded with `seed + d`, whatever else runs. */
export function traces(scenario: Scenario): Arrival[][] {
  return Array.from({ length: scenario.days }, (_, d) => generateTrace(scenario, seeded(scenario.seed + d), d));
}

/** One policy over the given days, a fresh policy (and its streaks) each morning. */
export function runDays(
  scenario: Scenario,
  days: readonly Arrival[][],
  windows: readonly SimWindow[],
  policy: () => Policy = () => yimen(rulesOf(scenario)),
): DayResult[] {
  return days.map((trace) => simulateDay(scenario, windows, trace, policy()));
}

/** One roster simulated over the given days with the Yimen dispatcher: what the staffing and reform searches weigh. */
export function simulateRoster(
  scenario: Scenario,
  counts: Readonly<Record<string, number>>,
  days: readonly Arrival[][],
  policy?: () => Policy,
): RosterOutcome {
  const windows = rosterWindows(scenario, counts);
  const groupOf = new Map<string, string>();
  for (const w of scenario.windows) {
    const n = counts[w.id] ?? w.count;
    for (let k = 1; k <= n; k++) groupOf.set(n > 1 ? `${w.id}-${k}` : w.id, w.id);
  }
  const results = runDays(scenario, days, windows, policy);
  const figures = summarise(scenario, results);
  const busy: Record<string, number> = {};
  for (const day of results) {
    for (const o of day.outcomes) {
      if (o.kind === 'abandoned') continue;
      const group = groupOf.get(o.windowId) as string;
      busy[group] = (busy[group] ?? 0) + (o.kind === 'served' ? o.arrival.serviceMin : scenario.noShowGraceMin);
    }
  }
  const utilisationByGroup: Record<string, number> = {};
  for (const w of scenario.windows) {
    const n = counts[w.id] ?? w.count;
    utilisationByGroup[w.id] = n > 0 ? round((busy[w.id] ?? 0) / (n * days.length * openMinutes(scenario))) : 0;
  }
  return {
    p95WaitMin: figures.p95WaitMin,
    worstCategoryP95Min: Math.max(0, ...Object.values(figures.p95ByCategory)),
    utilisationByGroup,
  };
}
