import { erlangCMeanWaitMin } from '@yimen/hall-server/domain/simulation/erlang-c';
import { round } from '@yimen/hall-server/domain/simulation/figures';
import { expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import { runScenario } from './run';

export interface MmcCheck {
  arrivalsPerHour: number;
  meanServiceMin: number;
  windows: number;
  days: number;
  simMeanWaitMin: number;
  erlangCMeanWaitMin: number;
  relativeError: number;
  pass: boolean;
}

/**
 * Validates the simulator: one queue, Poisson arrivals, exponential service, c windows, a
 * constant rate all day long. The simulated mean wait must be within 5% of Erlang C.
 */
export function mmcCheck(scenario: Scenario): MmcCheck {
  const [category] = scenario.categories;
  if (!category || scenario.categories.length !== 1 || category.service.dist !== 'exponential') {
    throw new Error('the M/M/c check needs one category with exponential service');
  }
  if (new Set(category.arrivalsPerHalfHour).size !== 1)
    throw new Error('the M/M/c check needs a constant arrival rate');
  const { noShow, elderly, disabled, military, appointment } = scenario.shares;
  if (noShow + elderly + disabled + military + appointment > 0 || scenario.patience !== null) {
    throw new Error('the M/M/c check needs no priority classes, no no-shows and no patience limit');
  }
  const perHalfHour = category.arrivalsPerHalfHour[0] as number;
  const windows = expandWindows(scenario).length;
  const sim = runScenario(scenario, ['yimen']).policies.yimen;
  // Unrounded Erlang C: the check compares two figures, not two printed ones.
  const exact = erlangCMeanWaitMin(perHalfHour / 30, category.service.meanMin, windows);
  const relativeError = Math.abs(sim.meanWaitMin - exact) / exact;
  return {
    arrivalsPerHour: perHalfHour * 2,
    meanServiceMin: category.service.meanMin,
    windows,
    days: scenario.days,
    simMeanWaitMin: sim.meanWaitMin,
    erlangCMeanWaitMin: round(exact),
    relativeError: round(relativeError * 10) / 10,
    pass: relativeError <= 0.05,
  };
}
