import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { yimen } from '@yimen/hall-server/domain/simulation/policy';
import { simulateDay } from '@yimen/hall-server/domain/simulation/simulate';
import type { Arrival } from '@yimen/hall-server/domain/simulation/trace';
import { DEFAULT_RULES, HallScenario } from '@yimen/protocol';
import { dedicatedFifo, strictPriority } from './policies';
import { runScenario } from './run';

const arrival = (id: string, at: number, serviceMin: number, extra: Partial<Arrival> = {}): Arrival => ({
  id,
  at,
  categoryId: 'A',
  priority: 'ordinary',
  serviceMin,
  patienceMin: Number.POSITIVE_INFINITY,
  noShow: false,
  ...extra,
});
const day = { sessions: [{ start: '08:00', end: '12:00' }], noShowGraceMin: 1 };
const one = [{ id: 'w1', kind: 'dedicated' as const, categoryIds: ['A'] }];

test('one window, hand-checkable: waits are the queue ahead of each citizen', () => {
  const trace = [arrival('a', 480, 10), arrival('b', 482, 5), arrival('c', 484, 1)];
  const result = simulateDay(day, one, trace, dedicatedFifo());
  const waits = Object.fromEntries(result.outcomes.map((o) => [o.arrival.id, 'waitMin' in o ? o.waitMin : -1]));
  // a starts at 480; b waits until 490 (8 min); c until 495 (11 min).
  assert.deepEqual(waits, { a: 0, b: 8, c: 11 });
  assert.equal(result.utilisation, 16 / 240);
});

test('a no-show holds the window for the grace time only; the impatient leave', () => {
  const trace = [
    arrival('a', 480, 30),
    arrival('b', 481, 10, { noShow: true }),
    arrival('c', 482, 5, { patienceMin: 10 }),
    arrival('d', 483, 5),
  ];
  const result = simulateDay(day, one, trace, dedicatedFifo());
  const kinds = Object.fromEntries(result.outcomes.map((o) => [o.arrival.id, o.kind]));
  assert.deepEqual(kinds, { a: 'served', b: 'noShow', c: 'abandoned', d: 'served' });
  const d = result.outcomes.find((o) => o.arrival.id === 'd');
  assert.ok(d && 'waitMin' in d && d.waitMin === 511 - 483, 'd is called after a (510) and the no-show grace (511)');
});

test('strict priority calls priority citizens first; yimen lets a long wait come first', () => {
  const trace = [arrival('o', 480, 60), arrival('late', 481, 5), arrival('p', 540, 5, { priority: 'elderly' })];
  const served = (policy: ReturnType<typeof strictPriority>) =>
    simulateDay(day, one, trace, policy)
      .outcomes.filter((o) => o.kind === 'served')
      .map((o) => o.arrival.id);
  assert.deepEqual(served(strictPriority()), ['o', 'p', 'late']);
  // 'late' waited 59 minutes; the elderly head start is 15: 'late' goes first under Yimen.
  assert.deepEqual(served(yimen(DEFAULT_RULES)), ['o', 'late', 'p']);
});

const tiny = HallScenario.parse({
  name: 'tiny',
  seed: 42,
  days: 2,
  sessions: [{ start: '09:00', end: '10:00' }],
  categories: [
    { id: 'A', name: 'A', service: { dist: 'lognormal', meanMin: 4 }, arrivalsPerHalfHour: [10, 12] },
    { id: 'B', name: 'B', service: { dist: 'exponential', meanMin: 6 }, arrivalsPerHalfHour: [5, 4] },
  ],
  windows: [
    { id: 'a', kind: 'dedicated', categoryIds: ['A'] },
    { id: 'x', kind: 'comprehensive', categoryIds: ['B', 'A'], count: 2 },
  ],
  shares: { elderly: 0.1, disabled: 0, military: 0, appointment: 0.1, noShow: 0.05 },
  patience: { dist: 'exponential', meanMin: 30 },
});

test('the same seed gives the same figures; another seed does not', () => {
  assert.deepEqual(runScenario(tiny), runScenario(tiny));
  assert.notDeepEqual(runScenario(tiny).policies.yimen, runScenario({ ...tiny, seed: 43 }).policies.yimen);
});

test('--json prints the figures under the documented keys', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      main,
      '--json',
      '--days',
      '2',
      '--no-chart',
      '--eta-days',
      '1',
      '--forecast',
      '--forecast-days',
      '2',
    ],
    { encoding: 'utf8' },
  );
  const json = JSON.parse(out);
  assert.equal(json.scenario, 'county-hall');
  assert.equal(json.days, 2);
  assert.equal(typeof json.erlangC.meanWaitMin, 'number');
  assert.deepEqual(Object.keys(json.policies).sort(), ['dedicatedFifo', 'strictPriority', 'yimen']);
  for (const name of ['yimen', 'dedicatedFifo', 'strictPriority']) {
    for (const key of ['meanWaitMin', 'p50WaitMin', 'p95WaitMin', 'maxWaitMin', 'abandonRate', 'utilisation']) {
      assert.equal(typeof json.policies[name][key], 'number', `${name}.${key}`);
    }
    assert.equal(typeof json.policies[name].p95ByCategory['cat-sb'], 'number');
    assert.equal(typeof json.policies[name].p95ByPriority.ordinary, 'number');
  }
  for (const key of ['arrivalsPerHour', 'meanServiceMin', 'windows', 'simMeanWaitMin', 'erlangCMeanWaitMin']) {
    assert.equal(typeof json.mmcCheck[key], 'number', `mmcCheck.${key}`);
  }
  assert.equal(typeof json.mmcCheck.pass, 'boolean');
  assert.equal(typeof json.yimenToErlangC, 'number');
  assert.equal(typeof json.targets.p95Under15Min, 'boolean');
  for (const estimator of ['forward', 'simple']) {
    for (const key of ['maeMin', 'within5MinShare', 'issueMaeMin', 'issueWithin5MinShare', 'biasMin', 'estimates']) {
      assert.equal(typeof json.eta[estimator][key], 'number', `eta.${estimator}.${key}`);
    }
  }
  for (const baseline of ['dedicatedFifo', 'strictPriority']) {
    assert.equal(typeof json.comparisons[baseline].p95DiffHalfWidth95, 'number');
  }
  assert.equal(typeof json.targets.noStarvation, 'boolean');
  assert.equal(typeof json.starvation.boundMin, 'number');
  for (const forecaster of ['model', 'naive']) {
    for (const key of ['dailyWape', 'halfHourWape', 'afterBreakDailyWape', 'monthStartDailyWape', 'peakWindowsMae']) {
      assert.equal(typeof json.forecast.backtest[forecaster][key], 'number', `forecast.backtest.${forecaster}.${key}`);
    }
  }
  assert.equal(json.forecast.next.length, 2);
  assert.equal(json.forecast.next[0].date, '2026-02-24');
  assert.equal(typeof json.forecast.next[0].regular, 'number');
  assert.equal(json.chart, null);
});

test('a free window whose home queue has the citizen asks first, then the longest idle', () => {
  const windows = [
    { id: 'comp', kind: 'comprehensive' as const, categoryIds: ['B', 'A'] },
    { id: 'homeA', kind: 'dedicated' as const, categoryIds: ['A'] },
  ];
  const trace = [arrival('a', 480, 5), arrival('b', 490, 5, { categoryId: 'B' }), arrival('a2', 491, 5)];
  for (const policy of [strictPriority(), yimen(DEFAULT_RULES)]) {
    const at = Object.fromEntries(
      simulateDay(day, windows, trace, policy).outcomes.map((o) => [o.arrival.id, 'windowId' in o ? o.windowId : '']),
    );
    assert.deepEqual(at, { a: 'homeA', b: 'comp', a2: 'homeA' }, policy.name);
  }
});
