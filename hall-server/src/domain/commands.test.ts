// biome-ignore-all lint/style/useConst: tests thread one state through `[state, ticket] = ...` assignments, which needs `let` for both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINAL_STATUSES, type PriorityClass } from '@yimen/protocol';
import { MINUTE, makeState, NINE_AM } from '../testing/small-hall';
import type { Actor } from './actor';
import { NATIONAL_CALENDAR } from './calendar';
import { callNext, callSpecific, recall, resume } from './calling';
import { applyChanges, type HallState, NO_CHANGES, type TicketRecord, waitingCounts } from './hall-state';
import { type HolderFacts, issueTicket, requeueTicket, voidTicket } from './issue';
import type { Outcome } from './outcome';
import { rollover } from './rollover';
import { cancel, finish, hold, noShow, start, transfer } from './serving';
import { queueSummary, summaryEvent } from './summary';
import { TRANSITIONS } from './ticket-machine';
import { pauseWindow, resumeWindow, signIn } from './windows';

let counter = 0;
const kiosk: Actor = { role: 'kiosk', terminalId: 'kiosk-1' };
const clerkAt = (n: number): Actor => ({ role: 'clerk', clerkId: `clerk-${n}`, windowId: `win-${n}` });

/** Applies a successful outcome, failing the test otherwise. */
function ok<R>(state: HallState, outcome: Outcome<R>): [HallState, R] {
  if (!outcome.ok) assert.fail(`expected success, got ${outcome.error.code}`);
  return [applyChanges(state, outcome.changes), outcome.reply];
}

function code<R>(outcome: Outcome<R>): string {
  assert.equal(outcome.ok, false);
  return outcome.ok ? '' : outcome.error.code;
}

function issue(
  state: HallState,
  categoryId: string,
  at = NINE_AM,
  priority: PriorityClass = 'ordinary',
  holder: HolderFacts | null = null,
  issuedTodayForId = 0,
): [HallState, TicketRecord] {
  counter++;
  return ok(
    state,
    issueTicket(
      state,
      {
        categoryId,
        priority,
        holder,
        issuedTodayForId,
        terminalId: 'kiosk-1',
        idempotencyKey: `key-${counter}`,
        selfService: null,
      },
      { now: at, ticketId: `t-${counter}`, statusToken: `token-${counter}` },
    ),
  );
}

test('numbers are the prefix and three digits, counted per category', () => {
  let s = makeState();
  let a1: TicketRecord;
  let a2: TicketRecord;
  let b1: TicketRecord;
  [s, a1] = issue(s, 'cat-a');
  [s, a2] = issue(s, 'cat-a');
  [s, b1] = issue(s, 'cat-b');
  assert.deepEqual([a1.number, a2.number, b1.number], ['A001', 'A002', 'B001']);
  assert.equal(a1.status, 'waiting');
  assert.equal(a1.businessDay, '2026-11-21');
});

test('issue emits the ticket and the new waiting counts', () => {
  const s = makeState();
  const out = issueTicket(
    s,
    {
      categoryId: 'cat-a',
      priority: 'ordinary',
      holder: null,
      issuedTodayForId: 0,
      terminalId: 'k',
      idempotencyKey: 'kkkkkkkk',
      selfService: null,
    },
    { now: NINE_AM, ticketId: 'x', statusToken: 'y' },
  );
  assert.ok(out.ok);
  assert.deepEqual(
    out.events.map((e) => e.name),
    ['ticket:changed'],
  );
  // No forecast for the queue (as when no open window serves it): the configured estimate.
  const none = { newTicketWaitMin: {} };
  const before = {
    businessDay: s.businessDay,
    summary: queueSummary(s, waitingCounts(s), none, NATIONAL_CALENDAR, NINE_AM),
  };
  const due = summaryEvent(s, out.changes, before, none, NATIONAL_CALENDAR, NINE_AM);
  assert.ok(due?.event.name === 'queue:changed');
  assert.equal(due.event.payload.waiting['cat-a'], 1);
  assert.equal(
    due.summary.estimatedWaitMin['cat-a'],
    5,
    'one ahead × 6 min over 1⅓ windows (one is shared three ways)',
  );
  assert.equal(
    summaryEvent(s, NO_CHANGES, before, none, NATIONAL_CALENDAR, NINE_AM),
    null,
    'nothing moved, nothing sent',
  );
  const forecast = { newTicketWaitMin: { 'cat-a': 2.4 } };
  assert.equal(
    summaryEvent(s, out.changes, before, forecast, NATIONAL_CALENDAR, NINE_AM)?.summary.estimatedWaitMin['cat-a'],
    2,
    'the forecast, in whole minutes',
  );
});

test('a category stops at its daily cap', () => {
  let s = makeState();
  for (let i = 0; i < 3; i++) [s] = issue(s, 'cat-c');
  const out = issueTicket(
    s,
    {
      categoryId: 'cat-c',
      priority: 'ordinary',
      holder: null,
      issuedTodayForId: 0,
      terminalId: 'k',
      idempotencyKey: 'k-cap',
      selfService: null,
    },
    { now: NINE_AM, ticketId: 'x', statusToken: 'y' },
  );
  assert.equal(code(out), 'CATEGORY_FULL');
});

test('unknown category is rejected', () => {
  const s = makeState();
  const out = issueTicket(
    s,
    {
      categoryId: 'nope',
      priority: 'ordinary',
      holder: null,
      issuedTodayForId: 0,
      terminalId: 'k',
      idempotencyKey: 'k-x',
      selfService: null,
    },
    { now: NINE_AM, ticketId: 'x', statusToken: 'y' },
  );
  assert.equal(code(out), 'NOT_FOUND');
});

const holder = (birthDate: string): HolderFacts => ({
  idHash: 'h',
  idMasked: '3201********1234',
  nameMasked: '张*三',
  birthDate,
});

test('per-ID daily limit per category, higher for agents', () => {
  const s = makeState({ perIdDailyLimit: 2, agentDailyLimit: 5 });
  const attempt = (priority: PriorityClass, already: number) =>
    issueTicket(
      s,
      {
        categoryId: 'cat-a',
        priority,
        holder: holder('1990-01-01'),
        issuedTodayForId: already,
        terminalId: 'k',
        idempotencyKey: `k${already}`,
        selfService: null,
      },
      { now: NINE_AM, ticketId: `x${already}`, statusToken: 'y' },
    );
  assert.ok(attempt('ordinary', 1).ok);
  assert.equal(code(attempt('ordinary', 2)), 'ID_LIMIT');
  assert.ok(attempt('agent', 4).ok);
  assert.equal(code(attempt('agent', 5)), 'ID_LIMIT');
});

test('elderly priority comes from the card birth date and the configured age', () => {
  const s = makeState({ elderlyAge: 70 });
  let t: TicketRecord;
  [, t] = issue(s, 'cat-a', NINE_AM, 'ordinary', holder('1956-11-21'));
  assert.equal(t.priority, 'elderly');
  [, t] = issue(s, 'cat-a', NINE_AM, 'ordinary', holder('1956-11-22'));
  assert.equal(t.priority, 'ordinary');
  [, t] = issue(makeState({ elderlyAge: 60 }), 'cat-a', NINE_AM, 'ordinary', holder('1966-01-01'));
  assert.equal(t.priority, 'elderly');
  [, t] = issue(s, 'cat-a', NINE_AM, 'disabled', holder('1950-01-01'));
  assert.equal(t.priority, 'disabled');
  assert.deepEqual(t.holder, { nameMasked: '张*三', idMasked: '3201********1234' });
});

test('the whole loop: call, recall up to the limit, start, finish', () => {
  let s = makeState({ maxRecalls: 2 });
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  const call = callNext(s, 'win-1', NINE_AM + MINUTE);
  assert.ok(call.ok);
  const calledEvent = call.events[0];
  assert.ok(calledEvent?.name === 'ticket:called');
  assert.equal(calledEvent.payload.voiceText, '请A001号到1号窗口办理');
  assert.equal(calledEvent.payload.outOfOrder, false);
  [s] = ok(s, call);
  assert.equal(s.tickets.get(t.id)?.status, 'called');
  assert.equal(s.windows.get('win-1')?.currentTicketId, t.id);

  [s] = ok(s, recall(s, 'win-1', t.id));
  const second = recall(s, 'win-1', t.id);
  assert.ok(second.ok && second.events[0]?.name === 'ticket:called' && second.events[0].payload.recall === 2);
  [s] = ok(s, second);
  assert.equal(code(recall(s, 'win-1', t.id)), 'RECALL_LIMIT');

  [s] = ok(s, start(s, t.id, clerkAt(1), NINE_AM + 2 * MINUTE));
  assert.equal(s.tickets.get(t.id)?.status, 'serving');
  let done: TicketRecord;
  [s, done] = ok(s, finish(s, t.id, clerkAt(1), NINE_AM + 9 * MINUTE));
  assert.equal(done.status, 'done');
  assert.equal(done.finishedAt, NINE_AM + 9 * MINUTE);
  assert.equal(s.tickets.has(t.id), false, 'final tickets leave the open state');
  assert.equal(s.windows.get('win-1')?.currentTicketId, null);
});

test('a window serves one ticket at a time', () => {
  let s = makeState();
  [s] = issue(s, 'cat-a');
  [s] = issue(s, 'cat-a');
  [s] = ok(s, callNext(s, 'win-1', NINE_AM));
  assert.equal(code(callNext(s, 'win-1', NINE_AM)), 'WINDOW_BUSY');
});

test('an empty queue, a paused or closed window cannot call', () => {
  let s = makeState();
  assert.equal(code(callNext(s, 'win-1', NINE_AM)), 'QUEUE_EMPTY');
  [s] = issue(s, 'cat-a');
  [s] = ok(s, pauseWindow(s, 'win-1', '会议'));
  assert.equal(s.windows.get('win-1')?.pauseReason, '会议');
  assert.equal(code(callNext(s, 'win-1', NINE_AM)), 'WINDOW_NOT_OPEN');
  assert.equal(code(pauseWindow(s, 'win-1', '会议')), 'ILLEGAL_TRANSITION');
  [s] = ok(s, resumeWindow(s, 'win-1'));
  assert.equal(code(resumeWindow(s, 'win-1')), 'ILLEGAL_TRANSITION');
  assert.ok(callNext(s, 'win-1', NINE_AM).ok);
});

test('illegal transitions are rejected for every action from every other status', () => {
  let s = makeState();
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  // waiting: cannot start, finish, recall, no-show, hold, resume, requeue
  assert.equal(code(start(s, t.id, { role: 'admin', terminalId: 'a' }, NINE_AM)), 'ILLEGAL_TRANSITION');
  assert.equal(code(finish(s, t.id, { role: 'admin', terminalId: 'a' }, NINE_AM)), 'ILLEGAL_TRANSITION');
  assert.equal(code(noShow(s, t.id, { role: 'admin', terminalId: 'a' })), 'ILLEGAL_TRANSITION');
  assert.equal(code(hold(s, t.id, { role: 'admin', terminalId: 'a' })), 'ILLEGAL_TRANSITION');
  assert.equal(code(requeueTicket(s, t.id, NINE_AM)), 'ILLEGAL_TRANSITION');
  [s] = ok(s, callNext(s, 'win-1', NINE_AM));
  // called: cannot finish without start, cannot be voided, cannot be requeued or resumed
  assert.equal(code(finish(s, t.id, clerkAt(1), NINE_AM)), 'ILLEGAL_TRANSITION');
  assert.equal(code(voidTicket(s, t.id, kiosk, NINE_AM)), 'ILLEGAL_TRANSITION');
  assert.equal(code(resume(s, 'win-1', t.id, NINE_AM)), 'ILLEGAL_TRANSITION');
  [s] = ok(s, start(s, t.id, clerkAt(1), NINE_AM));
  // serving: no recall, no no-show, no second start
  assert.equal(code(recall(s, 'win-1', t.id)), 'ILLEGAL_TRANSITION');
  assert.equal(code(noShow(s, t.id, clerkAt(1))), 'ILLEGAL_TRANSITION');
  assert.equal(code(start(s, t.id, clerkAt(1), NINE_AM)), 'ILLEGAL_TRANSITION');
  [s] = ok(s, finish(s, t.id, clerkAt(1), NINE_AM));
  // done: gone from the open state
  assert.equal(code(cancel(s, t.id, { role: 'admin', terminalId: 'a' }, NINE_AM)), 'NOT_FOUND');
});

test('the transition table has no action leading out of a final status', () => {
  for (const [action, rule] of Object.entries(TRANSITIONS)) {
    for (const from of rule.from) assert.ok(!FINAL_STATUSES.includes(from), action);
  }
});

test('a clerk acts only on tickets at their own window', () => {
  let s = makeState();
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  [s] = ok(s, callNext(s, 'win-1', NINE_AM));
  assert.equal(code(start(s, t.id, clerkAt(2), NINE_AM)), 'FORBIDDEN');
  assert.equal(code(noShow(s, t.id, clerkAt(9))), 'FORBIDDEN');
  assert.equal(code(recall(s, 'win-2', t.id)), 'FORBIDDEN');
  assert.equal(code(start(s, t.id, kiosk, NINE_AM)), 'FORBIDDEN');
});

test('no-show frees the window; a late-comer is re-queued behind N waiting tickets, once', () => {
  let s = makeState({ noShowRequeueBehind: 2, maxRequeues: 1 });
  let late: TicketRecord;
  [s, late] = issue(s, 'cat-a', NINE_AM);
  const others: TicketRecord[] = [];
  for (let i = 1; i <= 4; i++) {
    let o: TicketRecord;
    [s, o] = issue(s, 'cat-a', NINE_AM + i * MINUTE);
    others.push(o);
  }
  [s] = ok(s, callNext(s, 'win-1', NINE_AM + 10 * MINUTE));
  [s] = ok(s, noShow(s, late.id, clerkAt(1)));
  assert.equal(s.windows.get('win-1')?.currentTicketId, null);
  assert.equal(s.tickets.get(late.id)?.status, 'noShow');
  [s] = ok(s, requeueTicket(s, late.id, NINE_AM + 12 * MINUTE));

  const order: string[] = [];
  for (;;) {
    const call = callNext(s, 'win-1', NINE_AM + 20 * MINUTE);
    if (!call.ok) break;
    [s] = ok(s, call);
    order.push(call.reply.ticket.id);
    [s] = ok(s, noShow(s, call.reply.ticket.id, clerkAt(1)));
  }
  assert.deepEqual(order, [others[0]?.id, others[1]?.id, late.id, others[2]?.id, others[3]?.id]);
  assert.equal(code(requeueTicket(s, late.id, NINE_AM + 30 * MINUTE)), 'REQUEUE_LIMIT');
});

test('hold sets a ticket aside, the window serves others, resume calls it back there', () => {
  let s = makeState();
  let a: TicketRecord;
  let b: TicketRecord;
  [s, a] = issue(s, 'cat-a', NINE_AM);
  [s, b] = issue(s, 'cat-a', NINE_AM + MINUTE);
  [s] = ok(s, callNext(s, 'win-1', NINE_AM + 2 * MINUTE));
  [s] = ok(s, start(s, a.id, clerkAt(1), NINE_AM + 2 * MINUTE));
  [s] = ok(s, hold(s, a.id, clerkAt(1)));
  assert.equal(s.tickets.get(a.id)?.status, 'held');
  const next = callNext(s, 'win-1', NINE_AM + 3 * MINUTE);
  assert.ok(next.ok && next.reply.ticket.id === b.id);
  [s] = ok(s, next);
  assert.equal(code(resume(s, 'win-1', a.id, NINE_AM)), 'WINDOW_BUSY');
  [s] = ok(s, start(s, b.id, clerkAt(1), NINE_AM + 3 * MINUTE));
  [s] = ok(s, finish(s, b.id, clerkAt(1), NINE_AM + 8 * MINUTE));
  assert.equal(code(resume(s, 'win-2', a.id, NINE_AM)), 'FORBIDDEN');
  const back = resume(s, 'win-1', a.id, NINE_AM + 9 * MINUTE);
  assert.ok(back.ok);
  assert.equal(back.reply.voiceText, '请A001号到1号窗口办理');
  [s] = ok(s, back);
  assert.equal(s.tickets.get(a.id)?.status, 'called');
});

test('transfer to another queue keeps the number and the original issue time', () => {
  let s = makeState();
  let a: TicketRecord;
  let b: TicketRecord;
  [s, b] = issue(s, 'cat-b', NINE_AM + 5 * MINUTE);
  [s, a] = issue(s, 'cat-a', NINE_AM);
  [s] = ok(s, callNext(s, 'win-1', NINE_AM + 6 * MINUTE));
  let moved: TicketRecord;
  [s, moved] = ok(s, transfer(s, a.id, { toCategoryId: 'cat-b' }, clerkAt(1)));
  assert.equal(moved.number, 'A001');
  assert.equal(moved.categoryId, 'cat-b');
  assert.equal(moved.rankAt, NINE_AM);
  assert.equal(moved.transferCount, 1);
  assert.equal(s.windows.get('win-1')?.currentTicketId, null);
  const call = callNext(s, 'win-2', NINE_AM + 7 * MINUTE);
  assert.ok(call.ok);
  assert.equal(call.reply.ticket.id, a.id, 'issued before B001, so called first');
  assert.notEqual(call.reply.ticket.id, b.id);
});

test('transfer to a window: only that window calls it, and it goes first there', () => {
  let s = makeState();
  let a: TicketRecord;
  [s, a] = issue(s, 'cat-a', NINE_AM);
  [s] = issue(s, 'cat-b', NINE_AM - 30 * MINUTE);
  [s] = ok(s, callNext(s, 'win-1', NINE_AM + MINUTE));
  [s] = ok(s, transfer(s, a.id, { toWindowId: 'win-2' }, clerkAt(1)));
  assert.equal(code(callNext(s, 'win-1', NINE_AM + 2 * MINUTE)), 'QUEUE_EMPTY');
  const call = callNext(s, 'win-2', NINE_AM + 2 * MINUTE);
  assert.ok(call.ok && call.reply.ticket.id === a.id);
  assert.equal(code(transfer(s, a.id, { toWindowId: 'win-404' }, { role: 'admin', terminalId: 'a' })), 'NOT_FOUND');
});

test('a transfer carries the clerk’s note and the window it came from, until the next transfer', () => {
  let s = makeState();
  let a: TicketRecord;
  [s, a] = issue(s, 'cat-a', NINE_AM);
  assert.deepEqual([a.transferNote, a.transferFromWindowId], [null, null]);
  [s] = ok(s, callNext(s, 'win-1', NINE_AM + MINUTE));
  let moved: TicketRecord;
  [s, moved] = ok(s, transfer(s, a.id, { toWindowId: 'win-9' }, clerkAt(1), '缺户口本复印件，已告知'));
  assert.deepEqual([moved.transferNote, moved.transferFromWindowId], ['缺户口本复印件，已告知', 'win-1']);
  let called: { ticket: TicketRecord };
  [s, called] = ok(s, callNext(s, 'win-9', NINE_AM + 2 * MINUTE));
  assert.equal(called.ticket.transferNote, '缺户口本复印件，已告知', 'the receiving window sees it while serving');
  [s, moved] = ok(s, transfer(s, a.id, { toCategoryId: 'cat-b' }, clerkAt(9)));
  assert.deepEqual(
    [moved.transferNote, moved.transferFromWindowId],
    [null, 'win-9'],
    'a transfer without a note clears it',
  );
  [s, moved] = ok(s, transfer(s, a.id, { toCategoryId: 'cat-a' }, { role: 'admin', terminalId: 'admin-1' }, ''));
  assert.deepEqual(
    [moved.transferNote, moved.transferFromWindowId],
    [null, null],
    'moved while waiting: from no window',
  );
});

test('特呼: a clerk calls a specific waiting ticket of their queues, marked out of order', () => {
  let s = makeState();
  let b: TicketRecord;
  [s] = issue(s, 'cat-a', NINE_AM);
  [s, b] = issue(s, 'cat-a', NINE_AM + MINUTE);
  let c: TicketRecord;
  [s, c] = issue(s, 'cat-c', NINE_AM);
  assert.equal(code(callSpecific(s, 'win-1', c.id, NINE_AM)), 'FORBIDDEN');
  const out = callSpecific(s, 'win-1', b.id, NINE_AM + 2 * MINUTE);
  assert.ok(out.ok);
  const event = out.events[0];
  assert.ok(event?.name === 'ticket:called' && event.payload.outOfOrder === true);
});

test('a kiosk voids only its own uncalled ticket; voided tickets leave the queue', () => {
  let s = makeState();
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  assert.equal(code(voidTicket(s, t.id, { role: 'kiosk', terminalId: 'kiosk-2' }, NINE_AM)), 'FORBIDDEN');
  [s] = ok(s, voidTicket(s, t.id, kiosk, NINE_AM));
  assert.equal(s.tickets.size, 0);
  let next: TicketRecord;
  [s, next] = issue(s, 'cat-a');
  assert.equal(next.number, 'A002', 'a voided number is never reused');
});

test('cancel closes an open ticket and frees its window', () => {
  let s = makeState();
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  [s] = ok(s, callNext(s, 'win-1', NINE_AM));
  let c: TicketRecord;
  [s, c] = ok(s, cancel(s, t.id, clerkAt(1), NINE_AM));
  assert.equal(c.status, 'cancelled');
  assert.equal(s.windows.get('win-1')?.currentTicketId, null);
});

/** No forecast: the configured estimate stands in, as where no open window serves a queue. */
const NO_FORECAST = { newTicketWaitMin: {} };

test('the summary says which queues no open window serves; pausing the last one sends that', () => {
  let s = makeState();
  const summary = () => queueSummary(s, waitingCounts(s), NO_FORECAST, NATIONAL_CALENDAR, NINE_AM);
  assert.deepEqual(summary().windowsOpen, { 'cat-a': true, 'cat-b': true, 'cat-c': true });
  const before = { businessDay: s.businessDay, summary: summary() };
  const pausedC = pauseWindow(s, 'win-3', '午休');
  [s] = ok(s, pausedC);
  assert.equal(summary().windowsOpen['cat-c'], true, 'the comprehensive window still serves it');
  const pausedAll = pauseWindow(s, 'win-9', '午休');
  const due = summaryEvent(
    s,
    pausedAll.ok ? pausedAll.changes : NO_CHANGES,
    before,
    NO_FORECAST,
    NATIONAL_CALENDAR,
    NINE_AM,
  );
  assert.deepEqual(due?.event.payload.windowsOpen, { 'cat-a': true, 'cat-b': true, 'cat-c': false });
});

test('signing in to a second window closes the first', () => {
  let s = makeState();
  [s] = ok(s, signIn(s, 'win-2', 'clerk-1'));
  assert.equal(s.windows.get('win-2')?.clerkId, 'clerk-1');
  assert.equal(s.windows.get('win-1')?.status, 'closed');
  assert.equal(s.windows.get('win-1')?.clerkId, null);
});

test('the business day rolls over at local midnight, not UTC midnight', () => {
  let s = makeState();
  let t: TicketRecord;
  [s, t] = issue(s, 'cat-a');
  [s] = ok(s, callNext(s, 'win-1', NINE_AM));
  // 23:59 Shanghai on the 21st is 15:59 UTC: same day.
  assert.equal(rollover(s, Date.UTC(2026, 10, 21, 15, 59)), null);
  // 00:00 Shanghai on the 22nd is 16:00 UTC on the 21st: a new day.
  const out = rollover(s, Date.UTC(2026, 10, 21, 16, 0));
  assert.ok(out?.ok);
  [s] = ok(s, out);
  assert.equal(s.businessDay, '2026-11-22');
  assert.equal(s.tickets.size, 0);
  assert.equal(s.windows.get('win-1')?.currentTicketId, null);
  assert.ok(out.changes.tickets.every((x) => x.status === 'cancelled' && x.id === t.id));
  const none = { newTicketWaitMin: {} };
  const before = {
    businessDay: '2026-11-21',
    summary: queueSummary(s, waitingCounts(s), none, NATIONAL_CALENDAR, NINE_AM),
  };
  assert.equal(
    summaryEvent(s, out.changes, before, none, NATIONAL_CALENDAR, Date.UTC(2026, 10, 21, 16, 0))?.event.payload
      .businessDay,
    '2026-11-22',
  );
  let first: TicketRecord;
  [s, first] = issue(s, 'cat-a', Date.UTC(2026, 10, 22, 1, 0));
  assert.equal(first.number, 'A001');
  assert.equal(first.businessDay, '2026-11-22');
});

test('the business day follows a configured time zone', () => {
  const s = makeState({ timeZone: 'Asia/Urumqi' });
  // 17:30 UTC on the 21st is 23:30 in Urumqi (UTC+6): still the 21st there.
  assert.equal(rollover(s, Date.UTC(2026, 10, 21, 17, 30)), null);
  assert.ok(rollover(s, Date.UTC(2026, 10, 21, 18, 0))?.ok);
});
