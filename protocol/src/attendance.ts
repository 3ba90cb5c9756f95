import { z } from 'zod';
import { IsoDate } from './calendar';
import { Id } from './hall';
import { ClockTime } from './hours';

/** `HH:MM`, hours may pass 24 for a shift that ends after midnight (e.g. 25:30 = 01:30 the next day). */
export const ShiftTime = z.string().regex(/^(?:[0-3]\d):[0-5]\d$/);

/** One stretch of duty; the gap between two is the lunch break. */
export const DutyPeriod = z
  .object({ from: ShiftTime, to: ShiftTime })
  .refine((p) => p.from < p.to, { message: '开始时间须早于结束时间' });
export type DutyPeriod = z.infer<typeof DutyPeriod>;

/** `MM-DD`: the first day of a season. */
export const MonthDay = z.string().regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/);

/** Working hours from a date on; halls keep summer (夏令) and winter (冬令) hours. */
export const Season = z.object({
  name: z.string().min(1).max(20),
  from: MonthDay,
  periods: z.array(DutyPeriod).min(1).max(4),
});
export type Season = z.infer<typeof Season>;

export const AttendanceRules = z.object({
  /** At least one; each runs from its `from` to the next one's (wrapping round the year). */
  seasons: z.array(Season).min(1).max(6),
  /** Minutes after the start (before the end) that still count as on time. */
  graceMinutes: z.number().int().min(0).max(120),
  /** Punches before this time belong to the day before (a late duty punching out after midnight). */
  dayStartsAt: ClockTime,
  /** Clerks who are department leaders (部门负责人) and the days a week they must be in the hall. */
  leaderClerkIds: z.array(Id),
  leaderDaysPerWeek: z.number().int().min(0).max(7),
});
export type AttendanceRules = z.infer<typeof AttendanceRules>;

export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = {
  seasons: [
    {
      name: '夏令时间',
      from: '05-01',
      periods: [
        { from: '08:30', to: '12:00' },
        { from: '14:30', to: '17:30' },
      ],
    },
    {
      name: '冬令时间',
      from: '10-01',
      periods: [
        { from: '08:30', to: '12:00' },
        { from: '14:00', to: '17:00' },
      ],
    },
  ],
  graceMinutes: 5,
  dayStartsAt: '04:00',
  leaderClerkIds: [],
  leaderDaysPerWeek: 3,
};

export const LeaveKind = z.enum(['annual', 'sick', 'personal', 'business', 'other']);
export type LeaveKind = z.infer<typeof LeaveKind>;

export const LeaveRequest = z
  .object({ clerkId: Id, day: IsoDate, kind: LeaveKind, note: z.string().max(200).optional() })
  .strict();
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const AttendanceStatus = z.enum([
  'normal',
  'late',
  'earlyLeave',
  'lateAndEarly',
  'absent',
  'onLeave',
  'restDay',
]);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** One clerk's day as the attendance rules read it. Times are epoch ms. */
export const DailyAttendance = z.object({
  clerkId: Id,
  day: IsoDate,
  workingDay: z.boolean(),
  status: AttendanceStatus,
  firstIn: z.number().nullable(),
  lastOut: z.number().nullable(),
  lateMinutes: z.number().int().min(0),
  earlyLeaveMinutes: z.number().int().min(0),
  punches: z.number().int().min(0),
  leave: LeaveKind.nullable(),
});
export type DailyAttendance = z.infer<typeof DailyAttendance>;

/** A punch as stored: who, at which module (terminal and window), when, and whether it signed in. */
export const Punch = z.object({
  id: Id,
  clerkId: Id,
  terminalId: Id,
  windowId: Id.nullable(),
  at: z.number(),
  kind: z.enum(['punch', 'signIn']),
});
export type Punch = z.infer<typeof Punch>;
