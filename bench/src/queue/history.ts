import { addDays, isWorkingDay, type WorkingCalendar } from '@yimen/hall-server/domain/calendar';
import { type DayArrivals, dayKind } from '@yimen/hall-server/domain/planning/arrival-forecast';
import { poisson, type Rng, standardNormal } from '@yimen/hall-server/domain/simulation/rng';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';

/**
 * A made-up history of a hall for back-testing the arrival forecast: every working day of
 * the calendar between two dates, each queue's arrivals per half hour drawn (Poisson)
 * around the scenario's day times these effects, which the forecast does not know.
 */
export const HISTORY_TRUTH = {
  weekday: { '1': 1.12, '2': 1.04, '3': 1, '4': 0.97, '5': 0.9, makeup: 0.85 } as Record<string, number>,
  /** Social security and medical insurance early in the month, taxes in the filing period. */
  monthPart: {
    'cat-sb': { '1-5': 1.4 },
    'cat-yb': { '1-5': 1.25 },
    'cat-sw': { '1-5': 1.3, '6-10': 1.3, '11-15': 1.3 },
  } as Record<string, Record<string, number>>,
  afterBreak: { 'long-1': 1.6, 'long-2': 1.3, 'long-3': 1.15, 'short-1': 1.25, 'short-2': 1.1 } as Record<
    string,
    number
  >,
  /** On the first day after a break the first hour is busier still: the crowd at the door. */
  firstHourAfterBreak: 1.5,
  /** Growth a year. */
  trend: 0.04,
  /** Day-to-day spread (sd of the log) of the whole hall and of each queue on top. */
  hallNoise: 0.06,
  queueNoise: 0.05,
};

export function generateHistory(
  scenario: Pick<Scenario, 'categories'>,
  calendar: WorkingCalendar,
  from: string,
  to: string,
  rng: Rng,
): DayArrivals[] {
  const t = HISTORY_TRUTH;
  const days: DayArrivals[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!isWorkingDay(calendar, date)) continue;
    const kind = dayKind(calendar, date);
    const years = (Date.parse(`${date}T00:00:00Z`) - start) / (365 * 86_400_000);
    const hall = Math.exp(t.hallNoise * standardNormal(rng)) * (1 + t.trend) ** years * (t.weekday[kind.weekday] ?? 1);
    const arrivals: Record<string, number[]> = {};
    for (const c of scenario.categories) {
      const day =
        hall *
        Math.exp(t.queueNoise * standardNormal(rng)) *
        (t.monthPart[c.id]?.[kind.monthPart] ?? 1) *
        (kind.afterBreak === null ? 1 : (t.afterBreak[kind.afterBreak] ?? 1));
      const shape = c.arrivalsPerHalfHour.map((a, i) =>
        kind.afterBreak?.endsWith('-1') && i < 2 ? a * t.firstHourAfterBreak : a,
      );
      // The day's factor says how many come; the crowd only moves more of them into the first hour.
      const norm = c.arrivalsPerHalfHour.reduce((x, y) => x + y, 0) / shape.reduce((x, y) => x + y, 0);
      arrivals[c.id] = shape.map((a) => poisson(rng, a * norm * day));
    }
    days.push({ date, arrivals });
  }
  return days;
}
