import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MINUTE, makeState, NINE_AM } from '../testing/small-hall';
import type { Actor } from './actor';
import { NATIONAL_CALENDAR } from './calendar';
import { callNext } from './calling';
import { type DayStats, EMPTY_DAY_STATS, noShowGraceMin, serviceMin } from './day-stats';
import { forecastAfter, forecastInputOf, observeChanges, statsFromDay } from './hall-forecast';
import { applyChanges, type HallState, NO_CHANGES, type TicketRecord } from './hall-state';
import { issueTicket } from './issue';
import type { Outcome } from './outcome';
import { cancel, finish, noShow, start } from './serving';
import { pauseWindow } from './windows';

const clerk = (n: number): Actor => ({ role: 'clerk', clerkId: `clerk-${n}`, windowId: `win-${n}` });
let n = 0;

/** Runs a command as the hall service does: learn from its changes, then apply them. */
function step<R>(hall: { state: HallState; stats: DayStats }, outcome: Outcome<R>, now: number): R {
  if (!outcome.ok) assert.fail(outcome.error.code);
  hall.stats = observeChanges(hall.stats, hall.state, outcome.changes, now);
  hall.state = applyChanges(hall.state, outcome.changes);
  return outcome.reply;
}

const issue = (hall: { state: HallState; stats: DayStats }, categoryId: string, at: number): TicketRecord =>
  step(
    hall,
    issueTicket(
      hall.state,
      {
        categoryId,
        priority: 'ordinary',
        holder: null,
        issuedTodayForId: 0,
        terminalId: 'kiosk-1',
        idempotencyKey: `k-${++n}`,
        selfService: null,
      },
      { now: at, ticketId: `t-${n}`, statusToken: `s-${n}` },
    ),
    at,
  );

test('the hall service learns from its commands: arrivals, waits, minutes served, no-shows, those who leave', () => {
  const hall = { state: makeState(), stats: EMPTY_DAY_STATS };
  const a1 = issue(hall, 'cat-a', NINE_AM);
  const a2 = issue(hall, 'cat-a', NINE_AM + MINUTE);
  const a3 = issue(hall, 'cat-a', NINE_AM + 2 * MINUTE);
  assert.ok(hall.stats.arrivals['cat-a|ordinary']);
  step(hall, callNext(hall.state, 'win-1', NINE_AM + 4 * MINUTE), NINE_AM + 4 * MINUTE);
  assert.deepEqual(hall.stats.waits, { called: 1, left: 0, sumMin: 4 });
  step(hall, start(hall.state, a1.id, clerk(1), NINE_AM + 5 * MINUTE), NINE_AM + 5 * MINUTE);
  step(hall, finish(hall.state, a1.id, clerk(1), NINE_AM + 16 * MINUTE), NINE_AM + 16 * MINUTE);
  // 12 minutes from call to finish against 6 configured: (5·6 + 12) / 6.
  assert.equal(serviceMin(hall.stats, 'cat-a', 6), 7);
  step(hall, callNext(hall.state, 'win-1', NINE_AM + 16 * MINUTE), NINE_AM + 16 * MINUTE);
  step(hall, noShow(hall.state, a2.id, clerk(1)), NINE_AM + 19 * MINUTE);
  assert.equal(hall.stats.calls.noShows, 1);
  assert.equal(noShowGraceMin(hall.stats), (2 * 1 + 3) / 3);
  step(
    hall,
    cancel(hall.state, a3.id, { role: 'admin', terminalId: 'admin-1' }, NINE_AM + 20 * MINUTE),
    NINE_AM + 20 * MINUTE,
  );
  assert.deepEqual(hall.stats.waits, { called: 2, left: 1, sumMin: 4 + 15 + 18 });

  // A restart learns the same from the stored tickets, except a no-show's minutes.
  const stored: TicketRecord[] = [
    { ...a1, status: 'done', windowId: 'win-1', calledAt: NINE_AM + 4 * MINUTE, finishedAt: NINE_AM + 16 * MINUTE },
    { ...a2, status: 'noShow', windowId: 'win-1', calledAt: NINE_AM + 16 * MINUTE },
    { ...a3, status: 'cancelled', finishedAt: NINE_AM + 20 * MINUTE },
  ];
  const again = statsFromDay(EMPTY_DAY_STATS, hall.state, stored);
  assert.equal(serviceMin(again, 'cat-a', 6), 7);
  assert.deepEqual(again.waits, hall.stats.waits);
  assert.equal(again.calls.noShows, 1);
  assert.equal(again.calls.timedNoShows, 0);
});

test('the forecast sees the hall after the command: open windows only, whom each is busy with', () => {
  const hall = { state: makeState(), stats: EMPTY_DAY_STATS };
  issue(hall, 'cat-b', NINE_AM);
  issue(hall, 'cat-b', NINE_AM);
  step(hall, callNext(hall.state, 'win-2', NINE_AM + MINUTE), NINE_AM + MINUTE);
  const paused = pauseWindow(hall.state, 'win-9', '午休');
  assert.ok(paused.ok);
  const input = forecastInputOf(hall.state, paused.changes, NATIONAL_CALENDAR, NINE_AM + 2 * MINUTE);
  assert.deepEqual(
    input.windows.map((w) => [w.id, w.busy?.categoryId ?? null]),
    [
      ['win-1', null],
      ['win-2', 'cat-b'],
      ['win-3', null],
    ],
  );
  assert.equal([...input.waiting].length, 1);
  // The second B ticket waits for win-2 (18 configured minutes, one in): 0.95·18 + 0.05 − 1.
  const forecast = forecastAfter(hall.state, paused.changes, hall.stats, NATIONAL_CALENDAR, NINE_AM + 2 * MINUTE);
  const [waiting] = [...input.waiting];
  assert.ok(waiting);
  assert.ok(Math.abs((forecast.waitMin.get(waiting.id) ?? 0) - (0.95 * 18 + 0.05 - 1)) < 1e-9);
  // Without the pause, win-9 (B first) calls it at once.
  assert.equal(
    forecastAfter(hall.state, NO_CHANGES, hall.stats, NATIONAL_CALENDAR, NINE_AM + 2 * MINUTE).waitMin.get(waiting.id),
    0,
  );
});
