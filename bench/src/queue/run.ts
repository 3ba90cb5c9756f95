import { DEFAULT_RULES, QueueRules } from '@yimen/protocol';
import { type PolicyFigures, type PooledBound, pooledErlangC, round, summarise } from './figures';
import { dedicatedWindows, expandWindows } from './layout';
import { dedicatedFifo, type Policy, type SimWindow, strictPriority, yimen } from './policies';
import { seeded } from './rng';
import { openMinutes, type Scenario } from './scenario';
import { type DayResult, simulateDay } from './simulate';
import type { RosterOutcome } from './staffing';
import { type Arrival, generateTrace } from './trace';

export const POLICY_NAMES = ['dedicatedFifo', 'strictPriority', 'yimen'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** The hall-server's default rules with the scenario's overrides, checked by the protocol's schema. */
export function rulesOf(scenario: Pick<Scenario, 'rules'>): QueueRules {
  return QueueRules.parse({ ...DEFAULT_RULES, ...scenario.rules });
}

export function makePolicy(name: PolicyName, rules: QueueRules): Policy {
  if (name === 'dedicatedFifo') return dedicatedFifo();
  if (name === 'strictPriority') return strictPriority();
  return yimen(rules);
}

/** The windows a policy runs on: the traditional hall has its own layout (`dedicatedLayout`). */
export function windowsFor(name: PolicyName, scenario: Scenario): SimWindow[] {
  return name === 'dedicatedFifo' ? dedicatedWindows(scenario) : expandWindows(scenario);
}

/** Day d's arrivals: seeded with `seed + d`, whatever else runs. */
export function traces(scenario: Scenario): Arrival[][] {
  return Array.from({ length: scenario.days }, (_, d) => generateTrace(scenario, seeded(scenario.seed + d), d));
}

/** One policy over the given days, a fresh policy (and streaks) each morning. */
export function runPolicy(
  scenario: Scenario,
  name: PolicyName,
  days: readonly Arrival[][],
  windows: readonly SimWindow[] = windowsFor(name, scenario),
): DayResult[] {
  const rules = rulesOf(scenario);
  return days.map((trace) => simulateDay(scenario, windows, trace, makePolicy(name, rules)));
}

export interface ScenarioResult {
  scenario: string;
  days: number;
  windows: number;
  arrivalsPerDay: number;
  /** Windows per category of the traditional hall the `dedicatedFifo` policy runs. */
  dedicatedLayout: Record<string, number>;
  erlangC: PooledBound;
  policies: Record<PolicyName, PolicyFigures>;
}

/** Every policy on the very same arrival traces, one per simulated day. */
export function runScenario(scenario: Scenario, policies: readonly PolicyName[] = POLICY_NAMES): ScenarioResult {
  const days = traces(scenario);
  const windows = expandWindows(scenario);
  const result = {} as Record<PolicyName, PolicyFigures>;
  for (const name of policies) result[name] = summarise(scenario, runPolicy(scenario, name, days));
  const dedicatedLayout: Record<string, number> = {};
  for (const w of dedicatedWindows(scenario)) {
    const id = w.categoryIds[0] as string;
    dedicatedLayout[id] = (dedicatedLayout[id] ?? 0) + 1;
  }
  return {
    scenario: scenario.name,
    days: scenario.days,
    windows: windows.length,
    arrivalsPerDay: Math.round(days.reduce((sum, t) => sum + t.length, 0) / days.length),
    dedicatedLayout,
    erlangC: pooledErlangC(scenario, windows.length),
    policies: result,
  };
}

/** The scenario's windows with each group's count replaced: the roster the staffing search tries. */
export function rosterWindows(scenario: Scenario, counts: Readonly<Record<string, number>>): SimWindow[] {
  return expandWindows({ windows: scenario.windows.map((w) => ({ ...w, count: counts[w.id] ?? w.count })) });
}

/** One roster simulated over the given days with one policy: what the staffing search weighs. */
export function simulateRoster(
  scenario: Scenario,
  counts: Readonly<Record<string, number>>,
  days: readonly Arrival[][],
  policy: PolicyName = 'yimen',
): RosterOutcome {
  const windows = rosterWindows(scenario, counts);
  const groupOf = new Map<string, string>();
  for (const w of scenario.windows) {
    const n = counts[w.id] ?? w.count;
    for (let k = 1; k <= n; k++) groupOf.set(n > 1 ? `${w.id}-${k}` : w.id, w.id);
  }
  const results = runPolicy(scenario, policy, days, windows);
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
