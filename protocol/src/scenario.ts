import { z } from 'zod';
import { QueueRules } from './rules';

/**
 * A hall day to simulate, as JSON: opening hours, each queue's arrivals per half hour and
 * service time, the windows, the shares of priority classes. The forecast a planner works
 * on (staffing, the one-window reform); bench/README.md documents every field.
 */

const Clock = z.string().regex(/^([01]\d|2[0-4]):(00|30)$/, 'a half-hour clock time, "08:30"');

export const ScenarioServiceTime = z.object({
  dist: z.enum(['lognormal', 'exponential']),
  meanMin: z.number().positive(),
  /** Coefficient of variation (sd ÷ mean), for lognormal. */
  cv: z.number().positive().default(0.8),
});
export type ScenarioServiceTime = z.infer<typeof ScenarioServiceTime>;

export const HallScenario = z.object({
  name: z.string().min(1),
  seed: z.number().int(),
  /** Days simulated, each on its own seed; figures are over all of them. */
  days: z.number().int().min(1),
  /** Opening hours; windows serve out the queue at the end of each. Half-hour aligned, in order. */
  sessions: z.array(z.object({ start: Clock, end: Clock })).min(1),
  /** The hall's departments, for naming what a clerk must learn (the reform planner). */
  departments: z.array(z.object({ id: z.string().min(1), name: z.string() })).default([]),
  categories: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        /** The department whose items the queue serves: what a clerk opening a window to it must learn. */
        departmentId: z.string().min(1).optional(),
        service: ScenarioServiceTime,
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
  /** Citizens already at the door when the hall opens, shared among the queues like the first half hour's arrivals. */
  openingCrowd: z
    .object({
      /** Expected size of the crowd. */
      size: z.number().min(0),
      /** They take their tickets within this many minutes of opening. */
      withinMin: z.number().positive().max(30),
    })
    .optional(),
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
   * The windows of the traditional hall (the bench's `dedicatedFifo`): `balanced` re-homes
   * the same number of windows, one category each, where they cut the waits most (Erlang C);
   * `declared` keeps each window's first category.
   */
  dedicatedLayout: z.enum(['balanced', 'declared']).default('balanced'),
  /** Overrides of the hall-server's queue rules, for the Yimen dispatcher. */
  rules: QueueRules.partial().default({}),
});
export type HallScenario = z.infer<typeof HallScenario>;
export type HallScenarioInput = z.input<typeof HallScenario>;
