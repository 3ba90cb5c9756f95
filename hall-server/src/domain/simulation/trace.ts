import type { PriorityClass } from '@yimen/protocol';
import { exponential, lognormal, type Rng } from './rng';
import { crowdShare, halfHourSlots, minutesOf, type Scenario } from './scenario';

/** One citizen of the simulated day, all drawn in advance so every policy sees the same day. */
export interface Arrival {
  readonly id: string;
  /** Minutes since midnight. */
  readonly at: number;
  readonly categoryId: string;
  readonly priority: PriorityClass;
  readonly serviceMin: number;
  /** Gives up when not called by then (minutes after arrival); Infinity never. */
  readonly patienceMin: number;
  readonly noShow: boolean;
}

function drawPriority(rng: Rng, shares: Scenario['shares']): PriorityClass {
  let u = rng.next();
  for (const cls of ['appointment', 'elderly', 'disabled', 'military'] as const) {
    if (u < shares[cls]) return cls;
    u -= shares[cls];
  }
  return 'ordinary';
}

/**
 * A day's arrivals: Poisson within each half hour at the scenario's rate, and the crowd at
 * the door at opening (when the scenario has one) within its first minutes, sorted by time.
 */
export function generateTrace(scenario: Scenario, rng: Rng, day = 0): Arrival[] {
  const slots = halfHourSlots(scenario);
  const arrivals: Arrival[] = [];
  let n = 0;
  const poisson = (categoryId: string, start: number, minutes: number, expected: number) => {
    const category = scenario.categories.find((c) => c.id === categoryId) as Scenario['categories'][number];
    const rate = expected / minutes;
    if (rate <= 0) return;
    for (let t = start + exponential(rng, 1 / rate); t < start + minutes; t += exponential(rng, 1 / rate)) {
      const s = category.service;
      arrivals.push({
        id: `d${day}-${String(++n).padStart(6, '0')}`,
        at: t,
        categoryId,
        priority: drawPriority(rng, scenario.shares),
        serviceMin: s.dist === 'exponential' ? exponential(rng, s.meanMin) : lognormal(rng, s.meanMin, s.cv),
        patienceMin: scenario.patience ? exponential(rng, scenario.patience.meanMin) : Number.POSITIVE_INFINITY,
        noShow: rng.next() < scenario.shares.noShow,
      });
    }
  };
  for (const category of scenario.categories) {
    slots.forEach((start, i) => {
      poisson(category.id, start, 30, category.arrivalsPerHalfHour[i] ?? 0);
    });
  }
  const crowd = scenario.openingCrowd;
  if (crowd) {
    const opening = minutesOf(scenario.sessions[0]?.start ?? '00:00');
    for (const category of scenario.categories) {
      poisson(category.id, opening, crowd.withinMin, crowdShare(scenario, category.id));
    }
  }
  return arrivals.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
