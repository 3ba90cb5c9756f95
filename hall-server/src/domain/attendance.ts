import type { AttendanceRules, DailyAttendance, LeaveKind, Season } from '@yimen/protocol';
import { addDays, isWorkingDay, type WorkingCalendar } from './calendar';
import { clockMinutes, localTime, zonedInstant } from './hours';

const MINUTE = 60_000;

/**
 * The attendance day a punch belongs to: its local date, or the day before when it falls
 * before `dayStartsAt` (a duty that ends after midnight is punched out on the next date).
 */
export function attendanceDayOf(at: number, timeZone: string, dayStartsAt: string): string {
  const { day, minutes } = localTime(at, timeZone);
  return minutes < clockMinutes(dayStartsAt) ? addDays(day, -1) : day;
}

/** A finger held on the sensor, or pressed again at once, within this long of the last punch is that punch again. */
export const REPEAT_PUNCH_MS = MINUTE;

/** Whether a punch at `at` repeats the clerk's last punch on the same module (at `last`), rather than being a new one. */
export function isRepeatPunch(last: number | null, at: number): boolean {
  return last !== null && at - last >= 0 && at - last < REPEAT_PUNCH_MS;
}

/** The season in force on a day: the one with the latest start on or before it, wrapping round the year. */
export function seasonOn(rules: AttendanceRules, day: string): Season {
  const monthDay = day.slice(5);
  const sorted = [...rules.seasons].sort((a, b) => a.from.localeCompare(b.from));
  const started = sorted.filter((s) => s.from <= monthDay);
  return (started.at(-1) ?? sorted.at(-1)) as Season;
}

export interface AttendanceInput {
  readonly clerkId: string;
  readonly day: string;
  /** Every punch of the clerk on that attendance day (epoch ms), in any order. */
  readonly punches: readonly number[];
  readonly leave: LeaveKind | null;
}

/**
 * One clerk's day under the rules: first in, last out, late and early-leave minutes past the
 * grace, absent on a working day with no punch, on leave, or a rest day (weekends and public
 * holidays, while a make-up working day 调休 is a working day). A single punch is both the
 * first and the last: a clerk who never punched out left early.
 */
export function dailyAttendance(
  input: AttendanceInput,
  rules: AttendanceRules,
  calendar: WorkingCalendar,
  timeZone: string,
): DailyAttendance {
  const punches = [...input.punches].sort((a, b) => a - b);
  const firstIn = punches[0] ?? null;
  const lastOut = punches.at(-1) ?? null;
  const workingDay = isWorkingDay(calendar, input.day);
  const base = {
    clerkId: input.clerkId,
    day: input.day,
    workingDay,
    firstIn,
    lastOut,
    lateMinutes: 0,
    earlyLeaveMinutes: 0,
    punches: punches.length,
    leave: input.leave,
  };
  if (input.leave) return { ...base, status: 'onLeave' };
  if (!workingDay) return { ...base, status: 'restDay' };
  if (firstIn === null || lastOut === null) return { ...base, status: 'absent' };
  const { periods } = seasonOn(rules, input.day);
  const start = zonedInstant(input.day, clockMinutes((periods[0] as Season['periods'][number]).from), timeZone);
  const end = zonedInstant(input.day, clockMinutes((periods.at(-1) as Season['periods'][number]).to), timeZone);
  const grace = rules.graceMinutes * MINUTE;
  const lateMinutes = firstIn > start + grace ? Math.floor((firstIn - start) / MINUTE) : 0;
  const earlyLeaveMinutes = lastOut < end - grace ? Math.ceil((end - lastOut) / MINUTE) : 0;
  const status =
    lateMinutes > 0 && earlyLeaveMinutes > 0
      ? 'lateAndEarly'
      : lateMinutes > 0
        ? 'late'
        : earlyLeaveMinutes > 0
          ? 'earlyLeave'
          : 'normal';
  return { ...base, lateMinutes, earlyLeaveMinutes, status };
}

/** Monday of the week a day is in (China's weeks start on Monday). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** A department leader's week in the hall (领导坐班): days with a punch against the days required. */
export function leaderWeek(records: readonly DailyAttendance[], required: number) {
  const present = records.filter((r) => r.punches > 0).map((r) => r.day);
  return { daysPresent: present.length, days: present, required, met: present.length >= required };
}
