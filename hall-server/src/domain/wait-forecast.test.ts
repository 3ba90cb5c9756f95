import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RULES, type PriorityClass, type QueueRules } from '@yimen/protocol';
import { type DayStats, EMPTY_DAY_STATS, expectedHoldMin } from './day-stats';
import type { DispatchTicket } from './dispatch';
import { type ForecastInput, type ForecastWindow, forecastQueue, RESIDUAL_FLOOR } from './wait-forecast';

const MIN = 60_000;
const T = 1_000_000_000_000;

function ticket(
  id: string,
  categoryId: string,
  issuedMin: number,
  priority: PriorityClass = 'ordinary',
): DispatchTicket {
  return { id, categoryId, priority, rankAt: T + issuedMin * MIN, issuedAt: T + issuedMin * MIN, targetWindowId: null };
}

function input(windows: ForecastWindow[], waiting: DispatchTicket[], rules: QueueRules = DEFAULT_RULES): ForecastInput {
  return { rules, priorServiceMin: { A: 10, B: 4 }, windows, waiting, streaks: {} };
}

const free = (id: string, ...categoryIds: string[]): ForecastWindow => ({ id, categoryIds, busy: null });
/** Minutes a window is held per citizen before the day has taught anything: 95 % served, 5 % no-shows of 1 minute. */
const holdA = expectedHoldMin(EMPTY_DAY_STATS, 'A', 'w1', 10);
const near = (actual: number | undefined, expected: number) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('before the day has taught anything, a window is held 0.95 × the configured minutes + 0.05 × 1', () => {
  near(holdA, 0.95 * 10 + 0.05);
});

test('one free window: each ticket waits for those ahead; a new ticket for all of them', () => {
  const f = forecastQueue(
    input([free('w1', 'A')], [ticket('a1', 'A', -3), ticket('a2', 'A', -2), ticket('a3', 'A', -1)]),
    EMPTY_DAY_STATS,
    T,
  );
  near(f.waitMin.get('a1'), 0);
  near(f.waitMin.get('a2'), holdA);
  near(f.waitMin.get('a3'), 2 * holdA);
  near(f.newTicketWaitMin.A, 3 * holdA);
});

test('a busy window frees when its citizen is likely done, never sooner than a share of the expected minutes', () => {
  const since = (min: number): ForecastWindow => ({
    id: 'w1',
    categoryIds: ['A'],
    busy: { categoryId: 'A', since: T - min * MIN },
  });
  near(forecastQueue(input([since(2)], [ticket('a1', 'A', -1)]), EMPTY_DAY_STATS, T).waitMin.get('a1'), holdA - 2);
  near(
    forecastQueue(input([since(30)], [ticket('a1', 'A', -1)]), EMPTY_DAY_STATS, T).waitMin.get('a1'),
    RESIDUAL_FLOOR * holdA,
  );
});

test('the dispatcher decides the order: a head start passes, a window serves its queues, a transfer waits for its window', () => {
  const windows = [free('w1', 'A'), { id: 'w2', categoryIds: ['B'], busy: { categoryId: 'B', since: T } }];
  const waiting = [
    ticket('o', 'A', -5),
    ticket('e', 'A', 0, 'elderly'), // key T − 15 min: before o (T − 5 min)
    { ...ticket('x', 'A', -60), targetWindowId: 'w2' }, // sent to w2, which serves only B otherwise
    ticket('b', 'B', -1),
  ];
  const f = forecastQueue(input(windows, waiting), EMPTY_DAY_STATS, T);
  const holdB = expectedHoldMin(EMPTY_DAY_STATS, 'B', 'w2', 4);
  near(f.waitMin.get('e'), 0);
  near(f.waitMin.get('o'), holdA);
  // w2 is busy with a B citizen who just came: free after holdB, then the transfer (an A
  // case, holdA minutes) first, then b.
  near(f.waitMin.get('x'), holdB);
  near(f.waitMin.get('b'), holdB + holdA);
});

test('a ticket no open window can call gets no forecast', () => {
  const f = forecastQueue(input([free('w1', 'A')], [ticket('b', 'B', 0)]), EMPTY_DAY_STATS, T);
  assert.equal(f.waitMin.has('b'), false);
  assert.equal(f.newTicketWaitMin.B, undefined);
});

test('learnt minutes and window pace replace the configured ones', () => {
  // Window w1 took 20 minutes for each of 45 A citizens: A's mean moves to (5·10 + 45·20) / 50 = 19 minutes.
  let stats: DayStats = EMPTY_DAY_STATS;
  stats = {
    ...stats,
    service: { A: { n: 45, sumMin: 45 * 20 } },
    calls: { served: 1000, noShows: 0, timedNoShows: 0, noShowMin: 0 },
  };
  const hold = expectedHoldMin(stats, 'A', 'w1', 10);
  // No-shows: (20 · 0.05 + 0) / 1020; pace 1 (nothing learnt of w1).
  const p = 1 / 1020;
  near(hold, (1 - p) * 19 + p * 1);
  const f = forecastQueue(input([free('w1', 'A')], [ticket('a1', 'A', -2), ticket('a2', 'A', -1)]), stats, T);
  near(f.waitMin.get('a2'), hold);
  // A window that took twice the mean for 30 citizens: pace (10 + 30·2) / 40 = 1.75.
  const slow = { ...stats, pace: { w1: { n: 30, sumRatio: 60 } } };
  near(expectedHoldMin(slow, 'A', 'w1', 10), (1 - p) * 19 * 1.75 + p);
});

test('priority citizens still to come pass those waiting, within the dispatcher’s interleaving', () => {
  // One elderly A citizen a minute for the last hours: 30 in the decayed count, a day long under way.
  const stats: DayStats = {
    ...EMPTY_DAY_STATS,
    arrivals: { 'A|elderly': { at: T, count: 30 } },
    firstArrivalAt: T - 600 * MIN,
  };
  const waiting = [ticket('o1', 'A', -20), ticket('o2', 'A', -10)];
  const f = forecastQueue(input([free('w1', 'A')], waiting), stats, T);
  near(f.waitMin.get('o1'), 0);
  // At holdA (9.55 min) elderly citizens came at 0.5, 1.5 … 9.5 min, keys 15 min earlier.
  // Those before o2's key (−10 min) came before minute 5: five of them. The dispatcher calls
  // two in a row, then o2, which has waited past the 10-minute threshold.
  near(f.waitMin.get('o2'), 3 * holdA);
  near(forecastQueue(input([free('w1', 'A')], waiting), EMPTY_DAY_STATS, T).waitMin.get('o2'), holdA);
});

test('citizens who leave shorten the wait of those behind them', () => {
  // Half of those waiting leave per 10 minutes waited: 0.0693 a minute.
  const rate = Math.LN2 / 10;
  const stats: DayStats = { ...EMPTY_DAY_STATS, waits: { called: 0, left: rate * 1000, sumMin: 1000 } };
  const waiting = [ticket('a1', 'A', 0), ticket('a2', 'A', 0), ticket('a3', 'A', 0)].map((t, i) => ({
    ...t,
    id: `a${i + 1}`,
  }));
  const f = forecastQueue(input([free('w1', 'A')], waiting), stats, T);
  near(f.waitMin.get('a2'), holdA);
  // a2 is reached after holdA minutes, still there with probability e^(−rate·holdA).
  near(f.waitMin.get('a3'), holdA + holdA * Math.exp(-rate * holdA));
});

test('no arrivals are expected once issuing has closed', () => {
  const stats: DayStats = {
    ...EMPTY_DAY_STATS,
    arrivals: { 'A|elderly': { at: T, count: 30 } },
    firstArrivalAt: T - 600 * MIN,
  };
  const closed = {
    ...input([free('w1', 'A')], [ticket('o1', 'A', -20), ticket('o2', 'A', -10)]),
    arrivalsEndAt: { A: T },
  };
  near(forecastQueue(closed, stats, T).waitMin.get('o2'), holdA);
});
