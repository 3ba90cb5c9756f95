import { readFileSync } from 'node:fs';
import { QueueRules } from '@yimen/protocol';
import { z } from 'zod';

/** A hall day to simulate, as a JSON file. bench/README.md documents every field. */

const Clock = z.string().regex(/^\d{2}:\d{2}$/);

export const ServiceTime = z.object({
  dist: z.enum(['lognormal', 'exponential']),
  meanMin: z.number().positive(),
  /** Coefficient of variation, for lognormal. */
  cv: z.number().positive().default(0.8),
});
export type ServiceTime = z.infer<typeof ServiceTime>;

export const Scenario = z.object({
  name: z.string(),
  seed: z.number().int(),
  /** Days simulated, each on its own seed; figures are over all of them. */
  days: z.number().int().min(1),
  /** Sessions of the day; windows serve out the queue at the end of each. */
  sessions: z.array(z.object({ start: Clock, end: Clock })).min(1),
  categories: z
    .array(
      z.object({
        id: z.string(),
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
        id: z.string(),
        kind: z.enum(['dedicated', 'comprehensive']),
        /** Most preferred first. */
        categoryIds: z.array(z.string()).min(1),
        /** Identical windows described once. */
        count: z.number().int().min(1).default(1),
      }),
    )
    .min(1),
  /** Shares of all arrivals. */
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
  /** Overrides of the hall-server's queue rules, for the Yimen policy. */
  rules: QueueRules.partial().default({}),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export function loadScenario(path: string): Scenario {
  const scenario = Scenario.parse(JSON.parse(readFileSync(path, 'utf8')));
  const slots = halfHourSlots(scenario).length;
  for (const c of scenario.categories) {
    if (c.arrivalsPerHalfHour.length !== slots) {
      throw new Error(`${c.id}: ${c.arrivalsPerHalfHour.length} half-hour figures for ${slots} half hours of sessions`);
    }
  }
  const ids = new Set(scenario.categories.map((c) => c.id));
  for (const w of scenario.windows) {
    for (const id of w.categoryIds) if (!ids.has(id)) throw new Error(`window ${w.id} serves unknown category ${id}`);
  }
  return scenario;
}

export const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Start minute of every half hour of the sessions. */
export function halfHourSlots(scenario: Pick<Scenario, 'sessions'>): number[] {
  return scenario.sessions.flatMap((s) => {
    const slots: number[] = [];
    for (let t = minutesOf(s.start); t < minutesOf(s.end); t += 30) slots.push(t);
    return slots;
  });
}
