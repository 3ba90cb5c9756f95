import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays } from '@yimen/hall-server';
import {
  addWorkingDaysIn,
  isWorkingDay,
  NATIONAL_CALENDAR,
  nextWorkingDay,
  workingCalendar,
  workingDaysBetween,
} from './calendar';

test('the start day is not counted; 0 days is the start day', () => {
  assert.equal(addWorkingDays('2026-03-02', 0), '2026-03-02');
  assert.equal(addWorkingDays('2026-03-02', 1), '2026-03-03');
  // Friday + 1 → Monday
  assert.equal(addWorkingDays('2026-03-06', 1), '2026-03-09');
});

test('2025 Spring Festival: the Sunday before is a make-up working day, the holiday week is not', () => {
  assert.equal(addWorkingDays('2025-01-24', 1), '2025-01-26');
  assert.equal(addWorkingDays('2025-01-26', 1), '2025-01-27');
  assert.equal(addWorkingDays('2025-01-26', 2), '2025-02-05');
  // Saturday 8 February works
  assert.equal(addWorkingDays('2025-02-07', 1), '2025-02-08');
});

test('2025 National Day and Mid-Autumn run eight days together, with two make-up days', () => {
  assert.equal(addWorkingDays('2025-09-26', 1), '2025-09-28');
  assert.equal(addWorkingDays('2025-09-30', 1), '2025-10-09');
  assert.equal(addWorkingDays('2025-09-30', 3), '2025-10-11');
  assert.equal(addWorkingDays('2025-09-30', 4), '2025-10-13');
});

test('across the new year into 2026: 1-3 January off, Sunday 4 January works', () => {
  assert.equal(addWorkingDays('2025-12-31', 1), '2026-01-04');
  assert.equal(addWorkingDays('2025-12-31', 2), '2026-01-05');
});

test('2026 Spring Festival: nine days off, Saturdays 14 and 28 February work', () => {
  assert.equal(addWorkingDays('2026-02-13', 1), '2026-02-14');
  assert.equal(addWorkingDays('2026-02-13', 2), '2026-02-24');
  assert.equal(isWorkingDay(NATIONAL_CALENDAR, '2026-02-28'), true);
  assert.equal(isWorkingDay(NATIONAL_CALENDAR, '2026-02-23'), false);
});

test('a 15-working-day limit across 2026 National Day', () => {
  // From Wed 23 Sep: 24, 28, 29, 30 Sep (25-27 Mid-Autumn); 8, 9, 10 (Sat, make-up), 12-16, 19, 20, 21 Oct
  assert.equal(addWorkingDays('2026-09-23', 15), '2026-10-21');
  assert.equal(workingDaysBetween(NATIONAL_CALENDAR, '2026-09-23', '2026-10-21'), 15);
});

test('the hall may add a closure or a working Saturday of its own', () => {
  const hall = workingCalendar([
    { date: '2026-03-04', kind: 'holiday', name: '停电检修' },
    { date: '2026-03-07', kind: 'workday', name: '周六延时服务' },
  ]);
  assert.equal(addWorkingDaysIn(hall, '2026-03-03', 1), '2026-03-05');
  assert.equal(addWorkingDaysIn(hall, '2026-03-06', 1), '2026-03-07');
  assert.equal(nextWorkingDay(hall, '2026-03-04'), '2026-03-05');
});

test('bad input is refused, not guessed', () => {
  assert.throws(() => addWorkingDays('2026-13-01', 1), RangeError);
  assert.throws(() => addWorkingDays('2026-03-02', -1), RangeError);
  assert.throws(() => addWorkingDays('2026-03-02', 1.5), RangeError);
});
