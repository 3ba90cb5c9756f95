import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AttendanceRules, DEFAULT_ATTENDANCE_RULES } from '@yimen/protocol';
import { attendanceDayOf, dailyAttendance, isRepeatPunch, leaderWeek, seasonOn, weekStart } from './attendance';
import { NATIONAL_CALENDAR } from './calendar';
import { zonedInstant } from './hours';

const ZONE = 'Asia/Shanghai';
const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return zonedInstant(day, h * 60 + m, ZONE);
};
const record = (day: string, punches: string[][], rules: AttendanceRules = DEFAULT_ATTENDANCE_RULES) =>
  dailyAttendance(
    { clerkId: 'c1', day, punches: punches.map(([d, t]) => at(d as string, t as string)), leave: null },
    rules,
    NATIONAL_CALENDAR,
    ZONE,
  );

test('on time within the grace; late and early past it', () => {
  // Thursday 3 December 2026: winter hours 08:30-12:00, 14:00-17:00, 5 minutes' grace.
  const d = '2026-12-03';
  const normal = record(d, [
    [d, '08:34'],
    [d, '12:01'],
    [d, '13:58'],
    [d, '16:56'],
  ]);
  assert.deepEqual([normal.status, normal.lateMinutes, normal.earlyLeaveMinutes], ['normal', 0, 0]);
  const late = record(d, [
    [d, '08:41'],
    [d, '17:02'],
  ]);
  assert.deepEqual([late.status, late.lateMinutes], ['late', 11]);
  const early = record(d, [
    [d, '08:20'],
    [d, '16:30'],
  ]);
  assert.deepEqual([early.status, early.earlyLeaveMinutes], ['earlyLeave', 30]);
  const both = record(d, [
    [d, '09:00'],
    [d, '16:00'],
  ]);
  assert.equal(both.status, 'lateAndEarly');
  assert.equal(both.firstIn, at(d, '09:00'));
  assert.equal(both.lastOut, at(d, '16:00'));
  // Only one punch: never punched out.
  assert.equal(record(d, [[d, '08:25']]).status, 'earlyLeave');
});

test('absent on a working day without a punch; leave and rest days are not absences', () => {
  assert.equal(record('2026-12-03', []).status, 'absent');
  const leave = dailyAttendance(
    { clerkId: 'c1', day: '2026-12-03', punches: [], leave: 'sick' },
    DEFAULT_ATTENDANCE_RULES,
    NATIONAL_CALENDAR,
    ZONE,
  );
  assert.equal(leave.status, 'onLeave');
  // National Day holiday (a Thursday) and an ordinary Saturday: rest days.
  assert.equal(record('2026-10-01', []).status, 'restDay');
  assert.equal(record('2026-12-05', []).status, 'restDay');
  // Saturday 10 October 2026 is a make-up working day (调休上班): expected at work.
  const makeUp = record('2026-10-10', []);
  assert.deepEqual([makeUp.workingDay, makeUp.status], [true, 'absent']);
});

test('summer and winter hours: the same 14:20 return is late in winter, early in summer', () => {
  assert.equal(seasonOn(DEFAULT_ATTENDANCE_RULES, '2026-07-01').name, '夏令时间');
  assert.equal(seasonOn(DEFAULT_ATTENDANCE_RULES, '2026-12-03').name, '冬令时间');
  // Before the first season of the year starts, the last one (winter) still runs.
  assert.equal(seasonOn(DEFAULT_ATTENDANCE_RULES, '2026-01-15').name, '冬令时间');
  // Summer ends at 17:30: leaving at 17:00 is early; in winter it is on time.
  const summer = record('2026-07-01', [
    ['2026-07-01', '08:30'],
    ['2026-07-01', '17:00'],
  ]);
  assert.deepEqual([summer.status, summer.earlyLeaveMinutes], ['earlyLeave', 30]);
  assert.equal(
    record('2026-12-03', [
      ['2026-12-03', '08:30'],
      ['2026-12-03', '17:00'],
    ]).status,
    'normal',
  );
});

test('across midnight: a late duty punched out after midnight belongs to the day it started', () => {
  const night: AttendanceRules = {
    ...DEFAULT_ATTENDANCE_RULES,
    seasons: [{ name: '夜间值守', from: '01-01', periods: [{ from: '18:00', to: '26:00' }] }],
  };
  assert.equal(attendanceDayOf(at('2026-12-04', '01:55'), ZONE, night.dayStartsAt), '2026-12-03');
  assert.equal(attendanceDayOf(at('2026-12-04', '04:05'), ZONE, night.dayStartsAt), '2026-12-04');
  const ok = record(
    '2026-12-03',
    [
      ['2026-12-03', '17:58'],
      ['2026-12-04', '02:03'],
    ],
    night,
  );
  assert.equal(ok.status, 'normal');
  const early = record(
    '2026-12-03',
    [
      ['2026-12-03', '17:58'],
      ['2026-12-04', '01:30'],
    ],
    night,
  );
  assert.deepEqual([early.status, early.earlyLeaveMinutes], ['earlyLeave', 30]);
});

test('a leader must be in the hall the required days of the week', () => {
  assert.equal(weekStart('2026-12-03'), '2026-11-30');
  assert.equal(weekStart('2026-11-30'), '2026-11-30');
  assert.equal(weekStart('2026-12-06'), '2026-11-30');
  const days = ['2026-11-30', '2026-12-01', '2026-12-02'].map((d) => record(d, [[d, '09:00']]));
  assert.equal(leaderWeek(days, 3).met, true);
  assert.deepEqual(leaderWeek([...days.slice(0, 2), record('2026-12-02', [])], 3), {
    daysPresent: 2,
    days: ['2026-11-30', '2026-12-01'],
    required: 3,
    met: false,
  });
});

test('a punch within a minute of the last one on the same module is that punch again', () => {
  const at = Date.UTC(2026, 11, 3, 0, 58);
  assert.equal(isRepeatPunch(null, at), false, 'the first of the day');
  assert.equal(isRepeatPunch(at - 1_500, at), true, 'a finger held on the sensor');
  assert.equal(isRepeatPunch(at - 59_999, at), true);
  assert.equal(isRepeatPunch(at - 60_000, at), false, 'a minute on, a new punch');
  assert.equal(isRepeatPunch(at + 1_000, at), false, 'a clock set back is no repeat');
});
