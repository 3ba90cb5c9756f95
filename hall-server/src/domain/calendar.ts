import type { CalendarException } from '@yimen/protocol';
import { CHINA_CALENDAR } from './calendar-cn';

/**
 * The working-day calendar: Monday to Friday, minus public holidays, plus make-up working
 * days. Deadlines (承诺件 time limits, 容缺 pledges, rectification of bad ratings), booking
 * horizons and attendance all count in it. Dates are ISO `YYYY-MM-DD` strings in the
 * hall's zone: a calendar date, not an instant.
 */
export interface WorkingCalendar {
  readonly exceptions: ReadonlyMap<string, CalendarException>;
}

/** The built-in national calendar with the hall's own entries on top (theirs win). */
export function workingCalendar(hallEntries: readonly CalendarException[] = []): WorkingCalendar {
  const exceptions = new Map<string, CalendarException>();
  for (const e of CHINA_CALENDAR) exceptions.set(e.date, e);
  for (const e of hallEntries) exceptions.set(e.date, e);
  return { exceptions };
}

export const NATIONAL_CALENDAR: WorkingCalendar = workingCalendar();

const DAY_MS = 86_400_000;

function toEpochDay(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(t)) throw new RangeError(`not an ISO date: ${iso}`);
  return t / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days later (or earlier, for a negative n). */
export function addDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return (toEpochDay(iso) + 4) % 7;
}

export function isWorkingDay(calendar: WorkingCalendar, iso: string): boolean {
  const exception = calendar.exceptions.get(iso);
  if (exception) return exception.kind === 'workday';
  const weekday = weekdayOf(iso);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `days` working days after `start`; the start day itself is not counted, so a
 * case accepted on Friday with a 1-day limit is due the next working Monday. 0 gives the
 * start day back.
 */
export function addWorkingDaysIn(calendar: WorkingCalendar, start: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
  let day = toEpochDay(start);
  for (let left = days; left > 0; ) {
    day++;
    if (isWorkingDay(calendar, fromEpochDay(day))) left--;
  }
  return fromEpochDay(day);
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = toEpochDay(from) + 1, end = toEpochDay(to); day <= end; day++) {
    if (isWorkingDay(calendar, fromEpochDay(day))) count++;
  }
  return count;
}

/** The first working day on or after `iso`. */
export function nextWorkingDay(calendar: WorkingCalendar, iso: string): string {
  let day = toEpochDay(iso);
  while (!isWorkingDay(calendar, fromEpochDay(day))) day++;
  return fromEpochDay(day);
}

/** `addWorkingDaysIn` on the national calendar. */
export function addWorkingDays(startIsoDate: string, days: number): string {
  return addWorkingDaysIn(NATIONAL_CALENDAR, startIsoDate, days);
}
