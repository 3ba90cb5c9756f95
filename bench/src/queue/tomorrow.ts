import { NATIONAL_CALENDAR } from '@yimen/hall-server/domain/calendar';
import {
  fitArrivalModel,
  forecastArrivals,
  nextWorkingDays,
} from '@yimen/hall-server/domain/planning/arrival-forecast';
import { type RecommendedRoster, recommendRoster } from '@yimen/hall-server/domain/planning/roster';
import { seeded } from '@yimen/hall-server/domain/simulation/rng';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import { type Backtest, backtestForecast } from './forecast-backtest';
import { generateHistory } from './history';

/**
 * Tomorrow's hall, on a made-up history of the scenario's hall (history.ts): two years of
 * working days up to the last one before the 2026 Spring Festival; the forecast back-tested
 * over its last year, then fitted to all of it and turned into rosters for the next working
 * days, the first of which is the first day after the holiday.
 */
export const HISTORY = { from: '2024-01-02', to: '2026-02-14', backtestFrom: '2025-01-02' } as const;

export interface TomorrowReport {
  history: { from: string; to: string; workingDays: number };
  backtest: Backtest;
  next: RecommendedRoster[];
}

export function tomorrow(scenario: Scenario, options: { targetP95Min: number; days: number }): TomorrowReport {
  const calendar = NATIONAL_CALENDAR;
  const history = generateHistory(scenario, calendar, HISTORY.from, HISTORY.to, seeded(scenario.seed));
  const backtest = backtestForecast(history, calendar, scenario, {
    from: HISTORY.backtestFrom,
    horizonDays: 5,
    step: 5,
    targetP95Min: options.targetP95Min,
  });
  const model = fitArrivalModel(history, calendar);
  const dates = nextWorkingDays(calendar, HISTORY.to, options.days);
  const next = forecastArrivals(model, calendar, dates).map((f) => recommendRoster(f, scenario, options.targetP95Min));
  return { history: { from: HISTORY.from, to: HISTORY.to, workingDays: history.length }, backtest, next };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatTomorrow(r: TomorrowReport, scenario: Scenario): string {
  const b = r.backtest;
  const short = (id: string) => id.replace(/^cat-/, '');
  const row = (name: string, e: Backtest['model']) =>
    `  ${name.padEnd(10)}${pct(e.dailyWape).padStart(9)}${pct(e.halfHourWape).padStart(11)}${pct(e.afterBreakDailyWape).padStart(13)}${pct(e.monthStartDailyWape).padStart(13)}${e.peakWindowsMae.toFixed(2).padStart(12)}${pct(e.understaffedHalfHourShare).padStart(14)}`;
  const lines = [
    `tomorrow's hall: arrivals forecast from ${r.history.workingDays} working days of made-up history (${r.history.from} – ${r.history.to}), back-tested from ${r.backtest.origins} origins over ${b.days} days, ${b.horizonDays} working days ahead each`,
    `  ${'WAPE'.padEnd(10)}${'daily'.padStart(9)}${'half-hour'.padStart(11)}${'after break'.padStart(13)}${'month 1-5'.padStart(13)}${'peak win±'.padStart(12)}${'understaffed'.padStart(14)}`,
    row('model', b.model),
    row('naive', b.naive),
    '',
    `  recommended rosters (Erlang C per half hour, comprehensive windows, p95 target as --staffing):`,
  ];
  const kind = (k: RecommendedRoster['kind']) =>
    `${k.weekday === 'makeup' ? '调休上班' : `周${'一二三四五'[Number(k.weekday) - 1]}`}${k.afterBreak ? `, ${k.afterBreak} after a break` : ''}`;
  for (const d of r.next) {
    const top = Object.entries(d.byCategory)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([c, n]) => `${short(c)} ${Math.round(n)}`)
      .join(', ');
    lines.push(
      `  ${d.date} (${kind(d.kind)}): ${Math.round(d.arrivals)} arrivals (${top}, …); ${d.regular} windows all day${
        d.temporary.length > 0
          ? ` + ${d.temporary.map((t) => `${t.windows} temporary ${t.from}–${t.to}`).join(', ')}`
          : ''
      }; all dedicated: ${d.dedicatedTotal}`,
    );
  }
  lines.push(`  (the hall has ${scenario.windows.reduce((n, w) => n + w.count, 0)} windows)`);
  return lines.join('\n');
}
