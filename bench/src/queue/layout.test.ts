import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allComprehensive, expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import { HallScenario } from '@yimen/protocol';
import { balancedDedicatedCounts, dedicatedWindows } from './layout';

const hall = HallScenario.parse({
  name: 'two queues',
  seed: 1,
  days: 1,
  sessions: [{ start: '09:00', end: '10:00' }],
  categories: [
    // 3 Erlangs of work in each half hour: needs at least 4 windows of its own.
    { id: 'busy', name: 'busy', service: { dist: 'exponential', meanMin: 9 }, arrivalsPerHalfHour: [10, 10] },
    { id: 'quiet', name: 'quiet', service: { dist: 'exponential', meanMin: 3 }, arrivalsPerHalfHour: [3, 3] },
  ],
  windows: [
    { id: 'q', kind: 'dedicated', categoryIds: ['quiet'], count: 4 },
    { id: 'c', kind: 'comprehensive', categoryIds: ['quiet', 'busy'], count: 2 },
  ],
  shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0 },
  patience: null,
});

test('expandWindows gives one entry per physical window', () => {
  assert.deepEqual(
    expandWindows(hall).map((w) => w.id),
    ['q-1', 'q-2', 'q-3', 'q-4', 'c-1', 'c-2'],
  );
});

test('the balanced traditional hall: every queue stable first, then where waits drop most', () => {
  const counts = balancedDedicatedCounts(hall, 6);
  assert.deepEqual(counts, { busy: 5, quiet: 1 });
  assert.throws(() => balancedDedicatedCounts(hall, 1), /cannot each serve/);
});

test('the declared traditional hall keeps each window on its first category', () => {
  const homes = dedicatedWindows({ ...hall, dedicatedLayout: 'declared' }).map((w) => w.categoryIds.join());
  assert.deepEqual(homes, ['quiet', 'quiet', 'quiet', 'quiet', 'quiet', 'quiet']);
  assert.equal(dedicatedWindows(hall).length, 6);
});

test('all comprehensive: same windows and homes, every category', () => {
  const pooled = allComprehensive(hall);
  assert.deepEqual(
    pooled.windows.map((w) => w.categoryIds),
    [
      ['quiet', 'busy'],
      ['quiet', 'busy'],
    ],
  );
});
