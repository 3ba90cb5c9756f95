import type { CalendarException } from '@yimen/protocol';

/**
 * China's public holidays and make-up working days (调休上班) as the State Council's general
 * office publishes them each November for the next year (国办发明电). Weekends not listed
 * as make-up days are rest days; weekdays not listed as holidays are working days.
 * Sources: the notices for 2024 (2023-10-25), 2025 (2024-11-12, after the holiday law's
 * revision added 除夕 and 5月2日) and 2026 (2025-11-04). Later years are added by the
 * hall's admin until the next release of Yimen carries them.
 */
type Span = readonly [name: string, first: string, last: string];

const HOLIDAYS: readonly Span[] = [
  ['元旦', '2024-01-01', '2024-01-01'],
  ['春节', '2024-02-10', '2024-02-17'],
  ['清明节', '2024-04-04', '2024-04-06'],
  ['劳动节', '2024-05-01', '2024-05-05'],
  ['端午节', '2024-06-10', '2024-06-10'],
  ['中秋节', '2024-09-15', '2024-09-17'],
  ['国庆节', '2024-10-01', '2024-10-07'],
  ['元旦', '2025-01-01', '2025-01-01'],
  ['春节', '2025-01-28', '2025-02-04'],
  ['清明节', '2025-04-04', '2025-04-06'],
  ['劳动节', '2025-05-01', '2025-05-05'],
  ['端午节', '2025-05-31', '2025-06-02'],
  ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
  ['元旦', '2026-01-01', '2026-01-03'],
  ['春节', '2026-02-15', '2026-02-23'],
  ['清明节', '2026-04-04', '2026-04-06'],
  ['劳动节', '2026-05-01', '2026-05-05'],
  ['端午节', '2026-06-19', '2026-06-21'],
  ['中秋节', '2026-09-25', '2026-09-27'],
  ['国庆节', '2026-10-01', '2026-10-07'],
];

const MAKE_UP_WORKDAYS: readonly (readonly [name: string, date: string])[] = [
  ['春节', '2024-02-04'],
  ['春节', '2024-02-18'],
  ['清明节', '2024-04-07'],
  ['劳动节', '2024-04-28'],
  ['劳动节', '2024-05-11'],
  ['中秋节', '2024-09-14'],
  ['国庆节', '2024-09-29'],
  ['国庆节', '2024-10-12'],
  ['春节', '2025-01-26'],
  ['春节', '2025-02-08'],
  ['劳动节', '2025-04-27'],
  ['国庆节、中秋节', '2025-09-28'],
  ['国庆节、中秋节', '2025-10-11'],
  ['元旦', '2026-01-04'],
  ['春节', '2026-02-14'],
  ['春节', '2026-02-28'],
  ['劳动节', '2026-05-09'],
  ['国庆节', '2026-09-20'],
  ['国庆节', '2026-10-10'],
];

/** Years whose official arrangement is built in. */
export const PUBLISHED_YEARS: readonly number[] = [2024, 2025, 2026];

function eachDay(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const CHINA_CALENDAR: readonly CalendarException[] = [
  ...HOLIDAYS.flatMap(([name, first, last]) =>
    eachDay(first, last).map((date): CalendarException => ({ date, kind: 'holiday', name })),
  ),
  ...MAKE_UP_WORKDAYS.map(([name, date]): CalendarException => ({ date, kind: 'workday', name: `${name}调休上班` })),
].sort((a, b) => a.date.localeCompare(b.date));
