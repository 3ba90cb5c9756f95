import { HallScenario, type HallScenarioInput } from '@yimen/protocol';

/** A hall day to simulate (the protocol's `HallScenario`): parsing, checks and clock arithmetic. */
export type Scenario = HallScenario;
export type ScenarioInput = HallScenarioInput;

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Validates a scenario (already parsed JSON): the schema, then what a schema cannot say. */
export function parseScenario(json: unknown): Scenario {
  const scenario = HallScenario.parse(json);
  let previousEnd = -1;
  for (const s of scenario.sessions) {
    if (minutesOf(s.start) >= minutesOf(s.end) || minutesOf(s.start) < previousEnd) {
      throw new ScenarioError(`sessions must be in order and not overlap: ${s.start}–${s.end}`);
    }
    previousEnd = minutesOf(s.end);
  }
  const slots = halfHourSlots(scenario).length;
  const ids = new Set<string>();
  for (const c of scenario.categories) {
    if (ids.has(c.id)) throw new ScenarioError(`category ${c.id} appears twice`);
    ids.add(c.id);
    if (c.arrivalsPerHalfHour.length !== slots) {
      throw new ScenarioError(
        `${c.id}: ${c.arrivalsPerHalfHour.length} half-hour figures for ${slots} half hours of sessions`,
      );
    }
  }
  const departments = new Set(scenario.departments.map((d) => d.id));
  for (const c of scenario.categories) {
    if (c.departmentId !== undefined && departments.size > 0 && !departments.has(c.departmentId)) {
      throw new ScenarioError(`${c.id}: unknown department ${c.departmentId}`);
    }
  }
  const served = new Set<string>();
  for (const w of scenario.windows) {
    for (const id of w.categoryIds) {
      if (!ids.has(id)) throw new ScenarioError(`window ${w.id} serves unknown category ${id}`);
      if (w.count > 0) served.add(id);
    }
  }
  for (const id of ids) if (!served.has(id)) throw new ScenarioError(`no window serves category ${id}`);
  const { elderly, disabled, military, appointment } = scenario.shares;
  if (elderly + disabled + military + appointment > 1) {
    throw new ScenarioError('priority and appointment shares add up to more than 1');
  }
  return scenario;
}

export const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;

/** Start minute of every half hour of the sessions. */
export function halfHourSlots(scenario: Pick<Scenario, 'sessions'>): number[] {
  return scenario.sessions.flatMap((s) => {
    const slots: number[] = [];
    for (let t = minutesOf(s.start); t < minutesOf(s.end); t += 30) slots.push(t);
    return slots;
  });
}

/** Minutes the hall is open in a day. */
export function openMinutes(scenario: Pick<Scenario, 'sessions'>): number {
  return scenario.sessions.reduce((sum, s) => sum + minutesOf(s.end) - minutesOf(s.start), 0);
}

/** Mean minutes a window is held per arrival: service, or the grace time for a no-show. */
export function meanHoldMin(scenario: Pick<Scenario, 'shares' | 'noShowGraceMin'>, serviceMeanMin: number): number {
  const p = scenario.shares.noShow;
  return (1 - p) * serviceMeanMin + p * scenario.noShowGraceMin;
}

type Arrivals = Pick<Scenario, 'categories' | 'openingCrowd'>;

/** The expected size of the crowd at the door that joins a queue: split as the first half hour's arrivals are. */
export function crowdShare(scenario: Arrivals, categoryId: string): number {
  const crowd = scenario.openingCrowd;
  if (!crowd) return 0;
  const first = scenario.categories.reduce((sum, c) => sum + (c.arrivalsPerHalfHour[0] ?? 0), 0);
  const mine = scenario.categories.find((c) => c.id === categoryId)?.arrivalsPerHalfHour[0] ?? 0;
  return crowd.size * (first > 0 ? mine / first : 1 / scenario.categories.length);
}

/** A queue's expected arrivals in each half hour, the crowd at the door counted in the first. */
export function expectedArrivals(scenario: Arrivals, category: Scenario['categories'][number]): number[] {
  const crowd = crowdShare(scenario, category.id);
  return category.arrivalsPerHalfHour.map((a, i) => (i === 0 ? a + crowd : a));
}
