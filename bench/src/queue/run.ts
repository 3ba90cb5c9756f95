import { DEFAULT_RULES, type QueueRules } from '@yimen/protocol';
import { type PolicyFigures, pooledErlangC, summarise } from './figures';
import { dedicatedFifo, type Policy, strictPriority, yimen } from './policies';
import { seeded } from './rng';
import type { Scenario } from './scenario';
import { expandWindows, type Outcome, simulateDay } from './simulate';
import { generateTrace } from './trace';

export const POLICY_NAMES = ['dedicatedFifo', 'strictPriority', 'yimen'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export function makePolicy(name: PolicyName, rules: QueueRules): Policy {
  if (name === 'dedicatedFifo') return dedicatedFifo();
  if (name === 'strictPriority') return strictPriority();
  return yimen(rules);
}

export interface ScenarioResult {
  scenario: string;
  days: number;
  windows: number;
  arrivalsPerDay: number;
  erlangC: { meanWaitMin: number; bySlot: number[] };
  policies: Record<PolicyName, PolicyFigures>;
}

/** Every policy on the very same arrival traces, one per simulated day. */
export function runScenario(scenario: Scenario, policies: readonly PolicyName[] = POLICY_NAMES): ScenarioResult {
  const rules: QueueRules = { ...DEFAULT_RULES, ...scenario.rules };
  const windows = expandWindows(scenario);
  const traces = Array.from({ length: scenario.days }, (_, d) => generateTrace(scenario, seeded(scenario.seed + d), d));
  const result = {} as Record<PolicyName, PolicyFigures>;
  for (const name of policies) {
    const outcomes: Outcome[] = [];
    let utilisation = 0;
    for (const trace of traces) {
      const day = simulateDay(scenario, windows, trace, makePolicy(name, rules));
      outcomes.push(...day.outcomes);
      utilisation += day.utilisation / traces.length;
    }
    result[name] = summarise(scenario, outcomes, utilisation);
  }
  return {
    scenario: scenario.name,
    days: scenario.days,
    windows: windows.length,
    arrivalsPerDay: Math.round(traces.reduce((sum, t) => sum + t.length, 0) / traces.length),
    erlangC: pooledErlangC(scenario, windows.length),
    policies: result,
  };
}
