import type { WorkingCalendar } from '@yimen/hall-server/domain/calendar';
import {
  type DayArrivals,
  dayKind,
  fitArrivalModel,
  forecastArrivals,
} from '@yimen/hall-server/domain/planning/arrival-forecast';
import { windowsNeeded } from '@yimen/hall-server/domain/planning/roster';
import { round } from '@yimen/hall-server/domain/simulation/figures';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';

/**
 * Back-test of the arrival forecast on a history: from origins every `step` working days
 * on, the model is fitted to the days before and forecasts the next `horizon` working days,
 * which are then compared with what came. Against it, the naive forecast halls use by eye:
 * the same weekday a week before (a made-up weekend working day: the last such day).
 */

export interface ForecastErrors {
  /** Σ|forecast − actual| ÷ Σ actual of each queue's daily arrivals. */
  dailyWape: number;
  /** The same per queue and half hour. */
  halfHourWape: number;
  /** Daily WAPE on the first three working days after a break of three days or more. */
  afterBreakDailyWape: number;
  /** Daily WAPE on days 1–5 of the month. */
  monthStartDailyWape: number;
  /** Mean absolute error of the comprehensive windows needed at the day's busiest half hour. */
  peakWindowsMae: number;
  /** Share of half hours whose windows, staffed to the forecast, are fewer than the arrivals needed. */
  understaffedHalfHourShare: number;
}

export interface Backtest {
  origins: number;
  days: number;
  horizonDays: number;
  model: ForecastErrors;
  naive: ForecastErrors;
}

type Hall = Pick<Scenario, 'sessions' | 'categories' | 'shares' | 'noShowGraceMin'>;

class Errors {
  private readonly sums = { daily: [0, 0], halfHour: [0, 0], afterBreak: [0, 0], monthStart: [0, 0] };
  private peak = 0;
  private days = 0;
  private short = 0;
  private halfHours = 0;

  add(
    hall: Hall,
    calendar: WorkingCalendar,
    date: string,
    forecast: Readonly<Record<string, readonly number[]>>,
    actual: Readonly<Record<string, readonly number[]>>,
    targetP95Min: number,
  ): void {
    const kind = dayKind(calendar, date);
    const acc = (key: keyof typeof this.sums, f: number, a: number) => {
      const s = this.sums[key];
      s[0] = (s[0] as number) + Math.abs(f - a);
      s[1] = (s[1] as number) + a;
    };
    for (const [c, xs] of Object.entries(actual)) {
      const fs = forecast[c] ?? [];
      const a = xs.reduce((x, y) => x + y, 0);
      const f = fs.reduce((x, y) => x + y, 0);
      acc('daily', f, a);
      if (kind.afterBreak !== null) acc('afterBreak', f, a);
      if (kind.monthPart === '1-5') acc('monthStart', f, a);
      xs.forEach((n, i) => {
        acc('halfHour', fs[i] ?? 0, n);
      });
    }
    const needF = windowsNeeded(hall, forecast, targetP95Min).pooled;
    const needA = windowsNeeded(hall, actual, targetP95Min).pooled;
    this.peak += Math.abs(Math.max(...needF) - Math.max(...needA));
    this.days++;
    needA.forEach((n, i) => {
      this.halfHours++;
      if ((needF[i] ?? 0) < n) this.short++;
    });
  }

  figures(): ForecastErrors {
    const wape = ([e, a]: number[]) => round((e as number) / Math.max(1, a as number));
    return {
      dailyWape: wape(this.sums.daily),
      halfHourWape: wape(this.sums.halfHour),
      afterBreakDailyWape: wape(this.sums.afterBreak),
      monthStartDailyWape: wape(this.sums.monthStart),
      peakWindowsMae: round(this.peak / Math.max(1, this.days)),
      understaffedHalfHourShare: round(this.short / Math.max(1, this.halfHours)),
    };
  }
}

export function backtestForecast(
  history: readonly DayArrivals[],
  calendar: WorkingCalendar,
  hall: Hall,
  options: { from: string; horizonDays: number; step: number; targetP95Min: number },
): Backtest {
  const model = new Errors();
  const naive = new Errors();
  let origins = 0;
  let days = 0;
  const first = history.findIndex((d) => d.date >= options.from);
  for (let o = first; o >= 0 && o < history.length; o += options.step) {
    origins++;
    const past = history.slice(0, o);
    const ahead = history.slice(o, o + options.horizonDays);
    const fitted = fitArrivalModel(past, calendar);
    const forecasts = forecastArrivals(
      fitted,
      calendar,
      ahead.map((d) => d.date),
    );
    ahead.forEach((day, h) => {
      days++;
      model.add(hall, calendar, day.date, forecasts[h]?.arrivals ?? {}, day.arrivals, options.targetP95Min);
      const weekday = dayKind(calendar, day.date).weekday;
      const last = past.findLast((d) => dayKind(calendar, d.date).weekday === weekday);
      naive.add(hall, calendar, day.date, last?.arrivals ?? {}, day.arrivals, options.targetP95Min);
    });
  }
  return { origins, days, horizonDays: options.horizonDays, model: model.figures(), naive: naive.figures() };
}
