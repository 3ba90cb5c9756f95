import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reopening } from './time-format';

const TZ = 'Asia/Shanghai';
/** Friday 4 December 2026, 18:00 in Shanghai. */
const NOW = Date.UTC(2026, 11, 4, 10, 0);
const at = (day: number, hh: number, mm: number) => Date.UTC(2026, 11, day, hh - 8, mm);

test('a reopening reads as a person says it: today’s time, 明天, or the date with its weekday', () => {
  assert.equal(reopening(at(4, 20, 30), NOW, TZ), '20:30');
  assert.equal(reopening(at(5, 8, 30), NOW, TZ), '明天 08:30');
  assert.equal(reopening(at(7, 8, 30), NOW, TZ), '12月7日（周一）08:30', 'not 12/7, which reads as July 12 to some');
});
