import { clockOf, halfHourSlots, meanHoldMin, type Scenario } from '../simulation/scenario';
import { serversFor } from '../simulation/staffing';
import type { ArrivalForecast, DayKind } from './arrival-forecast';

/**
 * A day's forecast turned into windows with the staffing helper (Erlang C, each half hour
 * on its own, P(wait > target) ≤ 5 %): comprehensive windows needed in each half hour; the
 * regular ones, open all day, are the need of the middle half hour of the day (its median),
 * and temporary windows cover each run of half hours that need more; and, for a hall of
 * dedicated windows, each queue's windows at its busiest half hour.
 */
export interface RecommendedRoster {
  readonly date: string;
  readonly kind: DayKind;
  /** Expected arrivals of the day, in all and per queue. */
  readonly arrivals: number;
  readonly byCategory: Record<string, number>;
  readonly halfHours: { readonly start: string; readonly arrivals: number; readonly windows: number }[];
  /** Comprehensive windows open all day. */
  readonly regular: number;
  /** Extra windows from `from` to `to` (clock times). */
  readonly temporary: { readonly from: string; readonly to: string; readonly windows: number }[];
  /** Windows per queue if each had its own, and their sum. */
  readonly dedicated: Record<string, number>;
  readonly dedicatedTotal: number;
}

type Hall = Pick<Scenario, 'sessions' | 'categories' | 'shares' | 'noShowGraceMin'>;

/** Windows needed in each half hour by the pooled hall, and per queue, for these arrivals. */
export function windowsNeeded(hall: Hall, arrivals: Readonly<Record<string, readonly number[]>>, targetP95Min: number) {
  const slots = halfHourSlots(hall);
  const hold = new Map(hall.categories.map((c) => [c.id, meanHoldMin(hall, c.service.meanMin)]));
  const pooled = slots.map((_, i) => {
    let lambda = 0;
    let work = 0;
    for (const c of hall.categories) {
      const perMin = (arrivals[c.id]?.[i] ?? 0) / 30;
      lambda += perMin;
      work += perMin * (hold.get(c.id) ?? 0);
    }
    return lambda > 0 ? serversFor([lambda], work / lambda, targetP95Min) : 0;
  });
  const dedicated: Record<string, number> = {};
  for (const c of hall.categories) {
    dedicated[c.id] = serversFor(
      (arrivals[c.id] ?? []).map((a) => a / 30),
      hold.get(c.id) ?? 0,
      targetP95Min,
    );
  }
  return { slots, pooled, dedicated };
}

export function recommendRoster(forecast: ArrivalForecast, hall: Hall, targetP95Min: number): RecommendedRoster {
  const { slots, pooled, dedicated } = windowsNeeded(hall, forecast.arrivals, targetP95Min);
  const sorted = [...pooled].sort((a, b) => a - b);
  const regular = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const temporary: { from: string; to: string; windows: number }[] = [];
  pooled.forEach((need, i) => {
    if (need <= regular) return;
    const start = slots[i] as number;
    const last = temporary.at(-1);
    // A run goes on while the half hours follow each other without a break between sessions.
    if (last && last.to === clockOf(start)) {
      temporary[temporary.length - 1] = {
        ...last,
        to: clockOf(start + 30),
        windows: Math.max(last.windows, need - regular),
      };
    } else temporary.push({ from: clockOf(start), to: clockOf(start + 30), windows: need - regular });
  });
  const byCategory: Record<string, number> = {};
  for (const [c, xs] of Object.entries(forecast.arrivals)) byCategory[c] = xs.reduce((a, b) => a + b, 0);
  return {
    date: forecast.date,
    kind: forecast.kind,
    arrivals: Object.values(byCategory).reduce((a, b) => a + b, 0),
    byCategory,
    halfHours: slots.map((start, i) => ({
      start: clockOf(start),
      arrivals: hall.categories.reduce((sum, c) => sum + (forecast.arrivals[c.id]?.[i] ?? 0), 0),
      windows: pooled[i] ?? 0,
    })),
    regular,
    temporary,
    dedicated,
    dedicatedTotal: Object.values(dedicated).reduce((a, b) => a + b, 0),
  };
}
