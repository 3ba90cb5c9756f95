import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario, type ScenarioInput } from './scenario';

const good: ScenarioInput = {
  name: 't',
  seed: 1,
  days: 1,
  sessions: [
    { start: '09:00', end: '10:00' },
    { start: '14:00', end: '14:30' },
  ],
  categories: [{ id: 'A', name: 'A', service: { dist: 'exponential', meanMin: 5 }, arrivalsPerHalfHour: [1, 2, 3] }],
  windows: [{ id: 'w', kind: 'dedicated', categoryIds: ['A'] }],
  shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0 },
  patience: null,
};
const edit = (patch: Partial<ScenarioInput>) => () => parseScenario({ ...good, ...patch });

test('defaults: grace 1 minute, lognormal cv 0.8, balanced traditional hall, no rule overrides', () => {
  const s = parseScenario({
    ...good,
    categories: [{ id: 'A', name: 'A', service: { dist: 'lognormal', meanMin: 5 }, arrivalsPerHalfHour: [1, 2, 3] }],
  });
  assert.equal(s.noShowGraceMin, 1);
  assert.equal(s.categories[0]?.service.cv, 0.8);
  assert.equal(s.dedicatedLayout, 'balanced');
  assert.deepEqual(s.rules, {});
});

test('what the schema alone cannot say is refused', () => {
  assert.throws(edit({ sessions: [{ start: '09:00', end: '10:00' }] }), /3 half-hour figures for 2/);
  assert.throws(edit({ sessions: [{ start: '09:15', end: '10:00' }] }), /half-hour clock/);
  assert.throws(
    edit({
      sessions: [
        { start: '14:00', end: '14:30' },
        { start: '09:00', end: '10:00' },
      ],
    }),
    /in order/,
  );
  assert.throws(edit({ windows: [{ id: 'w', kind: 'dedicated', categoryIds: ['B'] }] }), /unknown category B/);
  assert.throws(
    edit({ windows: [{ id: 'w', kind: 'dedicated', categoryIds: ['A'], count: 0 }] }),
    /no window serves category A/,
  );
  assert.throws(
    edit({ shares: { elderly: 0.5, disabled: 0, military: 0, appointment: 0.6, noShow: 0 } }),
    /more than 1/,
  );
  assert.throws(edit({ rules: { preferencePenaltyMinutes: -1 } }));
  assert.throws(
    edit({
      departments: [{ id: 'd1', name: '人社局' }],
      categories: [
        {
          id: 'A',
          name: 'A',
          departmentId: 'd2',
          service: { dist: 'exponential', meanMin: 5 },
          arrivalsPerHalfHour: [1, 2, 3],
        },
      ],
    }),
    /unknown department d2/,
  );
});
