import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erlangCMeanWaitMin } from './erlang-c';
import { pairedDifference, percentile, pooledErlangC, summarise } from './figures';
import type { DayResult } from './simulate';
import type { Arrival } from './trace';

test('percentiles are nearest-rank', () => {
  assert.equal(percentile([1, 2, 3, 4], 50), 2);
  assert.equal(percentile([1, 2, 3, 4], 95), 4);
  assert.equal(percentile([], 95), 0);
});

test('paired difference: mean of day-by-day gaps and a t interval', () => {
  // Gaps 1, 2, 3: mean 2, sd 1, t(2) = 4.303, half width 4.303 / √3 = 2.484.
  const d = pairedDifference([2, 4, 6], [1, 2, 3]);
  assert.equal(d.mean, 2);
  assert.equal(d.halfWidth95, 2.484);
});

test('the pooled bound: a no-show holds a window for the grace time only', () => {
  const scenario = {
    sessions: [{ start: '09:00', end: '09:30' }],
    categories: [
      { id: 'A', name: 'A', service: { dist: 'exponential' as const, meanMin: 4, cv: 1 }, arrivalsPerHalfHour: [30] },
    ],
    shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0.25 },
    noShowGraceMin: 1,
  };
  // λ = 1/min, hold = 0.75·4 + 0.25·1 = 3.25 min, 4 windows.
  const bound = pooledErlangC(scenario, 4);
  assert.equal(bound.meanWaitMin, Math.round(erlangCMeanWaitMin(1, 3.25, 4) * 1000) / 1000);
  assert.equal(bound.peakOccupancy, Math.round((3.25 / 4) * 1000) / 1000);
});

test('summarise: waits of those who came; rates over all arrivals; by half hour', () => {
  const a = (id: string, at: number, priority: Arrival['priority'] = 'ordinary'): Arrival => ({
    id,
    at,
    categoryId: 'A',
    priority,
    serviceMin: 1,
    patienceMin: 60,
    noShow: false,
  });
  const day: DayResult = {
    utilisation: 0.5,
    outcomes: [
      { kind: 'served', arrival: a('1', 540), waitMin: 2, windowId: 'w' },
      { kind: 'served', arrival: a('2', 575, 'elderly'), waitMin: 4, windowId: 'w' },
      { kind: 'noShow', arrival: a('3', 541), waitMin: 9, windowId: 'w' },
      { kind: 'abandoned', arrival: a('4', 542) },
    ],
  };
  const f = summarise({ sessions: [{ start: '09:00', end: '10:00' }] }, [day]);
  assert.equal(f.meanWaitMin, 3);
  assert.equal(f.maxWaitMin, 4);
  assert.equal(f.abandonRate, 0.25);
  assert.equal(f.noShowRate, 0.25);
  assert.deepEqual(f.meanWaitBySlot, [2, 4]);
  assert.deepEqual(f.p95ByPriority, { elderly: 4, ordinary: 2 });
});
