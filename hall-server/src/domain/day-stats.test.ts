import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arrivalsPerMin,
  EMPTY_DAY_STATS,
  leaveRatePerMin,
  noShowGraceMin,
  noShowShare,
  observeArrival,
  observeNoShow,
  observeService,
  observeWaitEnd,
  serviceMin,
  windowPace,
} from './day-stats';

const MIN = 60_000;
const T = 1_000_000_000_000;
const close = (a: number, b: number, tolerance: number) => assert.ok(Math.abs(a - b) <= tolerance, `${a} vs ${b}`);

test('with nothing learnt, the configured minutes, an average window and the model defaults', () => {
  assert.equal(serviceMin(EMPTY_DAY_STATS, 'A', 6), 6);
  assert.equal(windowPace(EMPTY_DAY_STATS, 'w1'), 1);
  assert.equal(noShowShare(EMPTY_DAY_STATS), 0.05);
  assert.equal(noShowGraceMin(EMPTY_DAY_STATS), 1);
  assert.equal(leaveRatePerMin(EMPTY_DAY_STATS, 0), 0);
  assert.equal(arrivalsPerMin(EMPTY_DAY_STATS, 'A', 'elderly', T), 0);
});

test('served citizens move the mean from the configured figure, weighted by how many', () => {
  let stats = EMPTY_DAY_STATS;
  for (let i = 0; i < 5; i++)
    stats = observeService(stats, { categoryId: 'A', windowId: 'w1', minutes: 12, priorMin: 6 });
  // Five observations weigh as much as the configured figure: halfway, 9 minutes.
  assert.equal(serviceMin(stats, 'A', 6), 9);
  // Each was judged against the mean then (6, 7, 7.71 …): w1 is slower than the queue's mean.
  assert.ok(windowPace(stats, 'w1') > 1);
  assert.equal(windowPace(stats, 'w2'), 1);
  assert.equal(stats.calls.served, 5);
});

test('no-shows: their share among calls and the minutes a window waits for them', () => {
  let stats = EMPTY_DAY_STATS;
  for (let i = 0; i < 20; i++)
    stats = observeService(stats, { categoryId: 'A', windowId: 'w1', minutes: 5, priorMin: 5 });
  for (let i = 0; i < 5; i++) stats = observeNoShow(stats, 3);
  stats = observeNoShow(stats, null);
  // (20 · 0.05 + 6) / (20 + 26) = 7 / 46.
  close(noShowShare(stats), 7 / 46, 1e-12);
  // (2 · 1 + 5 · 3) / (2 + 5): the untimed one counts in the share only.
  close(noShowGraceMin(stats), 17 / 7, 1e-12);
});

test('those who leave, per minute waited, counting the minutes of those still waiting', () => {
  let stats = observeWaitEnd(EMPTY_DAY_STATS, 30, false);
  stats = observeWaitEnd(stats, 10, true);
  assert.equal(leaveRatePerMin(stats, 0), 1 / 40);
  assert.equal(leaveRatePerMin(stats, 60), 1 / 100);
});

test('arrival rates: a steady stream reads as its rate; a burst at opening does not read as a flood', () => {
  let steady = EMPTY_DAY_STATS;
  for (let m = 0; m < 180; m++)
    steady = observeArrival(steady, { categoryId: 'A', priority: 'elderly', at: T + m * MIN });
  close(arrivalsPerMin(steady, 'A', 'elderly', T + 180 * MIN), 1, 0.02);
  assert.equal(arrivalsPerMin(steady, 'A', 'ordinary', T + 180 * MIN), 0);
  // An hour later with nobody coming, the rate has decayed by e^−2.
  close(arrivalsPerMin(steady, 'A', 'elderly', T + 240 * MIN), Math.exp(-2), 0.01);

  let burst = EMPTY_DAY_STATS;
  for (let i = 0; i < 30; i++)
    burst = observeArrival(burst, { categoryId: 'A', priority: 'elderly', at: T + i * 6000 });
  // 30 in three minutes: read as at most 30 over a time constant's worth of the day (0.632 × 30 min).
  close(arrivalsPerMin(burst, 'A', 'elderly', T + 3 * MIN), 30 / (30 * (1 - Math.exp(-1))), 0.1);
});
