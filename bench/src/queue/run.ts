import {
  type PolicyFigures,
  type PooledBound,
  pooledErlangC,
  summarise,
} from '@yimen/hall-server/domain/simulation/figures';
import { rulesOf, runDays, traces } from '@yimen/hall-server/domain/simulation/hall-days';
import { expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import { type Policy, type SimWindow, yimen } from '@yimen/hall-server/domain/simulation/policy';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import type { DayResult } from '@yimen/hall-server/domain/simulation/simulate';
import type { Arrival } from '@yimen/hall-server/domain/simulation/trace';
import { dedicatedWindows } from './layout';
import { dedicatedFifo, strictPriority } from './policies';

export const POLICY_NAMES = ['dedicatedFifo', 'strictPriority', 'yimen'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export function makePolicy(name: PolicyName, scenario: Pick<Scenario, 'rules'>): Policy {
  if (name === 'dedicatedFifo') return dedicatedFifo();
  if (name === 'strictPriority') return strictPriority();
  return yimen(rulesOf(scenario));
}

/** The windows a policy runs on: the traditional hall has its own layout (`dedicatedLayout`). */
export function windowsFor(name: PolicyName, scenario: Scenario): SimWindow[] {
  return name === 'dedicatedFifo' ? dedicatedWindows(scenario) : expandWindows(scenario);
}

/** One policy over the given days, a fresh policy (and streaks) each morning. */
export function runPolicy(
  scenario: Scenario,
  name: PolicyName,
  days: readonly Arrival[][],
  windows: readonly SimWindow[] = windowsFor(name, scenario),
): DayResult[] {
  return runDays(scenario, days, windows, () => makePolicy(name, scenario));
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
