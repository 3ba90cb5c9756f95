import type { Category, CategoryAvailability, IssuingHours, QueueRules } from '@yimen/protocol';
import { addDays, isWorkingDay, type WorkingCalendar } from './calendar';

/** Hours that never close: test and bench halls, and a demo that must work at any hour. */
export const ALWAYS_OPEN: IssuingHours = { days: 'everyDay', periods: [{ from: '00:00', to: '24:00' }] };

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(now: number, timeZone: string): { day: string; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Local date and minutes since local midnight of an instant in the hall's zone. */
export const localTime = partsIn;

export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The instant of a local wall-clock time in a zone. The zone's offset is read at a first
 * guess and corrected once, which is exact except inside a DST jump (China has none).
 */
export function zonedInstant(day: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const offsetAt = (t: number) => {
    const p = partsIn(t, timeZone);
    return Date.parse(`${p.day}T00:00:00Z`) + p.minutes * 60_000 - Math.floor(t / 60_000) * 60_000;
  };
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}

export function hoursOf(category: Category, rules: QueueRules): IssuingHours {
  return category.issuingHours ?? rules.issuingHours;
}

function issuingDay(hours: IssuingHours, calendar: WorkingCalendar, day: string): boolean {
  return hours.days === 'everyDay' || isWorkingDay(calendar, day);
}

/** Days looked ahead for the next opening: past the longest holiday (Spring Festival, 9 days) and its weekends. */
const LOOKAHEAD_DAYS = 21;

/** The next instant tickets are issued under these hours, strictly after `now`'s minute; null if none in three weeks. */
export function nextOpening(
  hours: IssuingHours,
  calendar: WorkingCalendar,
  now: number,
  timeZone: string,
): number | null {
  const { day, minutes } = partsIn(now, timeZone);
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = addDays(day, offset);
    if (!issuingDay(hours, calendar, date)) continue;
    for (const period of [...hours.periods].sort((a, b) => a.from.localeCompare(b.from))) {
      const from = clockMinutes(period.from);
      if (offset === 0 && from <= minutes) continue;
      return zonedInstant(date, from, timeZone);
    }
  }
  return null;
}

export function isWithinHours(hours: IssuingHours, calendar: WorkingCalendar, now: number, timeZone: string): boolean {
  const { day, minutes } = partsIn(now, timeZone);
  return periodAt(hours, calendar, day, minutes) !== undefined;
}

/** The issuing period local `minutes` of `day` fall in, if tickets are issued then. */
function periodAt(hours: IssuingHours, calendar: WorkingCalendar, day: string, minutes: number) {
  if (!issuingDay(hours, calendar, day)) return undefined;
  return hours.periods.find((p) => clockMinutes(p.from) <= minutes && minutes < clockMinutes(p.to));
}

/** When the issuing period `now` falls in ends; `now` itself when tickets are not being issued. */
export function issuingEndsAt(hours: IssuingHours, calendar: WorkingCalendar, now: number, timeZone: string): number {
  const { day, minutes } = partsIn(now, timeZone);
  const period = periodAt(hours, calendar, day, minutes);
  return period ? zonedInstant(day, clockMinutes(period.to), timeZone) : now;
}

/**
 * Whether a kiosk may issue for the category now: closed outside its hours (or on a day
 * off), full at its daily cap, else open. Closed and full say when issuing reopens.
 */
export function categoryAvailability(
  category: Category,
  rules: QueueRules,
  calendar: WorkingCalendar,
  lastNumber: number,
  now: number,
): CategoryAvailability {
  const hours = hoursOf(category, rules);
  if (!isWithinHours(hours, calendar, now, rules.timeZone)) {
    return { state: 'closed', reopensAt: nextOpening(hours, calendar, now, rules.timeZone) };
  }
  if (lastNumber >= category.dailyCap) {
    // Numbers start again on the next day: the first opening after today's local midnight.
    const { day } = partsIn(now, rules.timeZone);
    const midnight = zonedInstant(addDays(day, 1), 0, rules.timeZone);
    return { state: 'full', reopensAt: nextOpening(hours, calendar, midnight - 60_000, rules.timeZone) };
  }
  return { state: 'open' };
}
