import { QueueRules } from '@yimen/protocol';
import { z } from 'zod';

/** A hall day to simulate, as JSON. Pure: parsing and checks only; main.ts reads the file. bench/README.md documents every field. */

const Clock = z.string().regex(/^([01]\d|2[0-4]):(00|30)$/, 'a half-hour clock time, "08:30"');

export const ServiceTime = z.object({
  dist: z.enum(['lognormal', 'exponential']),
  meanMin: z.number().positive(),
  /** Coefficient of variation (sd ÷ mean), for lognormal. */
  cv: z.number().positive().default(0.8),
});
export type ServiceTime = z.infer<typeof ServiceTime>;

export const Scenario = z.object({
  name: z.string().min(1),
  seed: z.number().int(),
  /** Days simulated, each on its own seed; figures are over all of them. */
  days: z.number().int().min(1),
  /** Opening hours; windows serve out the queue at the end of each. Half-hour aligned, in order. */
  sessions: z.array(z.object({ start: Clock, end: Clock })).min(1),
  categories: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        service: ServiceTime,
        /** Expected arrivals in each half hour of the sessions, in order (a session of 3.5 h has 7). */
        arrivalsPerHalfHour: z.array(z.number().min(0)),
      }),
    )
    .min(1),
  windows: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.enum(['dedicated', 'comprehensive']),
        /** Categories the window serves, its home (first) category first. */
        categoryIds: z.array(z.string()).min(1),
        /** Identical windows described once. */
        count: z.number().int().min(0).default(1),
      }),
    )
    .min(1),
  /** Shares of all arrivals. The priority classes and appointments exclude each other. */
  shares: z.object({
    elderly: z.number().min(0).max(1),
    disabled: z.number().min(0).max(1),
    military: z.number().min(0).max(1),
    appointment: z.number().min(0).max(1),
    noShow: z.number().min(0).max(1),
  }),
  /** Minutes a citizen waits before giving up; null: nobody gives up. */
  patience: z.object({ dist: z.enum(['exponential']), meanMin: z.number().positive() }).nullable(),
  /** Minutes a window spends on a called citizen who does not come. */
  noShowGraceMin: z.number().min(0).default(1),
  /**
   * The windows of the traditional hall (`dedicatedFifo`): `balanced` re-homes the same number
   * of windows, one category each, where they cut the waits most (Erlang C); `declared` keeps
   * each window's first category.
   */
  dedicatedLayout: z.enum(['balanced', 'declared']).default('balanced'),
  /** Overrides of the hall-server's queue rules, for the Yimen policy. */
  rules: QueueRules.partial().default({}),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Validates a scenario (already parsed JSON): the schema, then what a schema cannot say. */
export function parseScenario(json: unknown): Scenario {
  const scenario = Scenario.parse(json);
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
