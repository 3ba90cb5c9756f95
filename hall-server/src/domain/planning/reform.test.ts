import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HallScenario } from '@yimen/protocol';
import { planReform } from './reform';

/**
 * A hall where the answer is known: queue B's citizens (2.5 windows' worth of work) share
 * three windows, while queue A's own window, with a citizen an hour, stands idle. Opening
 * that window to B pools all four windows: the hall is then the one the Erlang-C bound
 * assumes. B's own window, opened to A, would win nothing.
 */
const hall = HallScenario.parse({
  name: 'known answer',
  seed: 7,
  days: 30,
  sessions: [{ start: '09:00', end: '12:00' }],
  departments: [
    { id: 'dep-a', name: '甲局' },
    { id: 'dep-b', name: '乙局' },
  ],
  categories: [
    {
      id: 'A',
      name: 'A',
      departmentId: 'dep-a',
      service: { dist: 'exponential', meanMin: 5 },
      arrivalsPerHalfHour: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    },
    {
      id: 'B',
      name: 'B',
      departmentId: 'dep-b',
      service: { dist: 'exponential', meanMin: 10 },
      arrivalsPerHalfHour: [7.5, 7.5, 7.5, 7.5, 7.5, 7.5],
    },
  ],
  windows: [
    { id: 'ded-a', kind: 'dedicated', categoryIds: ['A'] },
    { id: 'ded-b', kind: 'dedicated', categoryIds: ['B'] },
    { id: 'comp', kind: 'comprehensive', categoryIds: ['B', 'A'], count: 2 },
  ],
  shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0 },
  patience: null,
});

test('the planner converts the one window whose pooling is lost, opens it to the queue that lost it', () => {
  const plan = planReform(hall, { targetP95Min: 60 });
  assert.equal(plan.before.meetsTargets, false);
  assert.ok((plan.before.toErlangC ?? 0) > 1.25, `before: ${plan.before.toErlangC}× the bound`);
  assert.deepEqual(
    plan.steps.map((s) => [s.group, s.home, s.opensTo, s.learns]),
    [['ded-a', 'A', ['B'], ['dep-b']]],
  );
  assert.equal(plan.feasible, true);
  const after = plan.steps[0]?.after;
  assert.ok(after && after.toErlangC !== null && after.toErlangC <= 1.25, `after: ${after?.toErlangC}× the bound`);
  assert.ok(after.meanWaitMin < plan.before.meanWaitMin / 2, 'the conversion buys at least half the mean wait');
});

test('a hall that meets the targets converts nothing', () => {
  const pooled = HallScenario.parse({
    ...hall,
    windows: [{ id: 'comp', kind: 'comprehensive', categoryIds: ['B', 'A'], count: 4 }],
  });
  const plan = planReform(pooled, { targetP95Min: 60, days: 10 });
  assert.deepEqual(plan.steps, []);
  assert.equal(plan.feasible, true);
});
