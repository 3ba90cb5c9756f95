import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planStaffing, type RosterOutcome, searchStaffing, serversFor } from './staffing';

test('Erlang-C staffing: the fewest servers with P(wait > t) ≤ 5 %', () => {
  // λ = 1/min, 1 min service: 1 server is overloaded; 2 give C = 1/3, P(W > 2) = e^−2/3 = 0.045.
  assert.equal(serversFor([1], 1, 2), 2);
  assert.equal(serversFor([1], 1, 1), 3); // e^−1/3 = 0.12 with 2
  assert.equal(serversFor([0, 0], 1, 1), 1);
});

test('analytic plan: pooling needs no more windows than dedicating', () => {
  const plan = planStaffing(
    {
      name: 'x',
      seed: 1,
      days: 1,
      sessions: [{ start: '09:00', end: '10:00' }],
      departments: [],
      categories: ['A', 'B'].map((id) => ({
        id,
        name: id,
        service: { dist: 'exponential', meanMin: 5, cv: 1 },
        arrivalsPerHalfHour: [20, 10],
      })),
      windows: [{ id: 'w', kind: 'comprehensive', categoryIds: ['A', 'B'], count: 1 }],
      shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0 },
      patience: null,
      noShowGraceMin: 1,
      dedicatedLayout: 'balanced',
      rules: {},
    },
    5,
  );
  assert.ok(plan.pooled <= plan.dedicatedTotal);
});

test('the search adds where it helps, then trims the least busy while the target holds', () => {
  const groups = [
    { id: 'dedA', count: 1, categoryIds: ['A'] },
    { id: 'comp', count: 1, categoryIds: ['A', 'B'] },
  ];
  // A toy hall: the wait falls with the windows; B needs a comprehensive window.
  const simulate = (c: Record<string, number>): RosterOutcome => {
    const n = (c.dedA ?? 0) + 2 * (c.comp ?? 0);
    return {
      p95WaitMin: 40 / n,
      worstCategoryP95Min: (c.comp ?? 0) > 0 ? 60 / n : 1000,
      utilisationByGroup: { dedA: 0.5, comp: 0.9 },
    };
  };
  const plan = searchStaffing(groups, ['A', 'B'], 10, simulate, 3);
  // 60/n ≤ 10 wants n ≥ 6: the cheapest way is comprehensive windows, 3 of them, no dedicated one.
  assert.deepEqual(plan.fewest.counts, { dedA: 0, comp: 3 });
  assert.equal(plan.current.feasible, false);
  assert.equal(plan.fewest.feasible, true);
});
