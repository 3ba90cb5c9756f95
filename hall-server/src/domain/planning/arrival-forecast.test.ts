import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isWorkingDay, NATIONAL_CALENDAR } from '../calendar';
import { type DayArrivals, dayKind, fitArrivalModel, forecastArrivals, nextWorkingDays } from './arrival-forecast';

const calendar = NATIONAL_CALENDAR;

test('the kind of a working day: weekday, part of the month, days after a break', () => {
  // 2026: Spring Festival 15–23 February, 14 and 28 February made working days.
  assert.deepEqual(dayKind(calendar, '2026-02-24'), { weekday: '2', monthPart: '16-31', afterBreak: 'long-1' });
  assert.equal(dayKind(calendar, '2026-02-25').afterBreak, 'long-2');
  assert.equal(dayKind(calendar, '2026-02-26').afterBreak, 'long-3');
  assert.equal(dayKind(calendar, '2026-02-27').afterBreak, null);
  assert.deepEqual(dayKind(calendar, '2026-02-28'), { weekday: 'makeup', monthPart: '16-31', afterBreak: null });
  // New Year 1–3 January, 4 January (a Sunday) made a working day: a short break.
  assert.deepEqual(dayKind(calendar, '2026-01-04'), { weekday: 'makeup', monthPart: '1-5', afterBreak: 'short-1' });
  assert.equal(dayKind(calendar, '2026-01-05').afterBreak, 'short-2');
  // An ordinary Monday after a weekend is no break.
  assert.deepEqual(dayKind(calendar, '2026-03-09'), { weekday: '1', monthPart: '6-10', afterBreak: null });
  assert.deepEqual(nextWorkingDays(calendar, '2026-02-14', 5), [
    '2026-02-24',
    '2026-02-25',
    '2026-02-26',
    '2026-02-27',
    '2026-02-28',
  ]);
});

/** Arrivals exactly as a multiplicative hall would have them: no noise, so the model must find the factors. */
function history(from: string, to: string): DayArrivals[] {
  const weekday: Record<string, number> = { '1': 1.2, '2': 1, '3': 1, '4': 1, '5': 0.8, makeup: 0.9 };
  const days: DayArrivals[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!isWorkingDay(calendar, date)) continue;
    const k = dayKind(calendar, date);
    const day = (weekday[k.weekday] ?? 1) * (k.afterBreak === 'long-1' ? 1.5 : 1);
    days.push({
      date,
      arrivals: {
        A: [10, 30, 20].map((n) => n * day * (k.monthPart === '1-5' ? 1.4 : 1)),
        B: [5, 5, 10].map((n) => n * day),
      },
    });
  }
  return days;
}

test('fitted to a hall without noise, the forecast finds weekday, month and shape', () => {
  const model = fitArrivalModel(history('2024-03-01', '2025-12-31'), calendar);
  const [monday, wednesday, friday, monthStart] = forecastArrivals(model, calendar, [
    '2026-03-09',
    '2026-03-11',
    '2026-03-13',
    '2026-03-04',
  ]);
  const close = (actual: number | undefined, expected: number) =>
    assert.ok(actual !== undefined && Math.abs(actual - expected) <= 0.03 * expected, `${actual} vs ${expected}`);
  close(monday?.arrivals.A?.[1], 30 * 1.2);
  close(wednesday?.arrivals.A?.[1], 30);
  close(friday?.arrivals.B?.[2], 10 * 0.8);
  // A Wednesday early in the month: queue A's rush, not B's.
  close(monthStart?.arrivals.A?.[0], 10 * 1.4);
  close(monthStart?.arrivals.B?.[0], 5);
});

test('the first day after a long break is forecast busier, from the few such days seen', () => {
  const model = fitArrivalModel(history('2024-03-01', '2026-02-14'), calendar);
  const [first, later] = forecastArrivals(model, calendar, ['2026-02-24', '2026-03-17']);
  const total = (f: typeof first) =>
    Object.values(f?.arrivals ?? {})
      .flat()
      .reduce((a, b) => a + b, 0);
  // Seen three times (October 2024, February and October 2025) at 1.5: with one day's pull towards 1, (3·1.5 + 1) / 4.
  const ratio = total(first) / total(later);
  assert.ok(Math.abs(ratio - 1.375) < 0.05, `${ratio}`);
  assert.throws(() => fitArrivalModel([], calendar), /no history/);
});
