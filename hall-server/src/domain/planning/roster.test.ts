import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serversFor } from '../simulation/staffing';
import { recommendRoster } from './roster';

const hall = {
  sessions: [{ start: '09:00', end: '11:30' }],
  categories: [
    { id: 'A', name: 'A', service: { dist: 'exponential' as const, meanMin: 6, cv: 1 }, arrivalsPerHalfHour: [] },
  ],
  shares: { elderly: 0, disabled: 0, military: 0, appointment: 0, noShow: 0 },
  noShowGraceMin: 1,
};

test('regular windows for the middle of the day, temporary ones for the peak', () => {
  const quiet = serversFor([5 / 30], 6, 15);
  const busy = serversFor([30 / 30], 6, 15);
  assert.ok(busy > quiet);
  const roster = recommendRoster(
    {
      date: '2026-03-09',
      kind: { weekday: '1', monthPart: '6-10', afterBreak: null },
      arrivals: { A: [5, 30, 30, 5, 5] },
    },
    hall,
    15,
  );
  assert.equal(roster.arrivals, 75);
  assert.deepEqual(
    roster.halfHours.map((h) => h.windows),
    [quiet, busy, busy, quiet, quiet],
  );
  assert.equal(roster.regular, quiet);
  assert.deepEqual(roster.temporary, [{ from: '09:30', to: '10:30', windows: busy - quiet }]);
  assert.deepEqual(roster.dedicated, { A: busy });
});
