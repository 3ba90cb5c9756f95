import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RULES, type PriorityClass, type QueueRules } from '@yimen/protocol';
import { type DispatchTicket, type DispatchWindow, pickNext } from './dispatch';

const MIN = 60_000;
const T0 = 1_000_000_000_000;

function t(id: string, categoryId: string, issuedMin: number, priority: PriorityClass = 'ordinary'): DispatchTicket {
  const at = T0 + issuedMin * MIN;
  return { id, categoryId, priority, rankAt: at, issuedAt: at, targetWindowId: null };
}

const dedicatedA: DispatchWindow = { id: 'w1', categoryIds: ['A'] };
const comprehensive: DispatchWindow = { id: 'w9', categoryIds: ['A', 'B'] };

function drain(window: DispatchWindow, tickets: DispatchTicket[], nowMin: number, rules: QueueRules = DEFAULT_RULES) {
  const waiting = [...tickets];
  let streaks = {};
  const order: string[] = [];
  for (;;) {
    const r = pickNext({ window, waiting, rules, now: T0 + nowMin * MIN, streaks });
    if (!r) return order;
    order.push(r.ticket.id);
    streaks = r.streaks;
    waiting.splice(waiting.indexOf(r.ticket), 1);
  }
}

test('equal rank is first come, first served', () => {
  const tickets = [t('a3', 'A', 3), t('a1', 'A', 1), t('a2', 'A', 2)];
  assert.deepEqual(drain(dedicatedA, tickets, 5), ['a1', 'a2', 'a3']);
});

test('same issue instant falls back to a deterministic order', () => {
  const tickets = [t('x2', 'A', 1), t('x1', 'A', 1)];
  assert.deepEqual(drain(dedicatedA, tickets, 5), ['x1', 'x2']);
});

test('a window calls only its own categories', () => {
  const r = pickNext({ window: dedicatedA, waiting: [t('b1', 'B', 0)], rules: DEFAULT_RULES, now: T0, streaks: {} });
  assert.equal(r, null);
});

test('a priority ticket gets its head start, not more', () => {
  const elderlyBoost = DEFAULT_RULES.boostMinutes.elderly;
  // Ordinary issued more than the head start before the elderly ticket still goes first.
  const early = [t('o1', 'A', 0), t('e1', 'A', elderlyBoost + 1, 'elderly')];
  assert.deepEqual(drain(dedicatedA, early, 60), ['o1', 'e1']);
  // Within the head start, the elderly ticket goes first.
  const late = [t('o1', 'A', 0), t('e1', 'A', elderlyBoost - 1, 'elderly')];
  assert.deepEqual(drain(dedicatedA, late, 60), ['e1', 'o1']);
});

test('ageing: a stream of priority tickets cannot starve an ordinary one', () => {
  // One ordinary ticket at minute 0, then a special (60 min head start) ticket every minute.
  const rules: QueueRules = {
    ...DEFAULT_RULES,
    interleave: { maxConsecutivePriority: 1000, ordinaryWaitThresholdMin: 0 },
  };
  const tickets = [t('o', 'A', 0), ...Array.from({ length: 200 }, (_, i) => t(`s${i}`, 'A', i + 1, 'special'))];
  const order = drain(dedicatedA, tickets, 300, rules);
  // Only specials issued less than 60 minutes after the ordinary one may overtake it.
  assert.equal(order.indexOf('o'), 59);
});

test('interleave: at most N priority calls before an ordinary ticket that waited past the threshold', () => {
  const rules: QueueRules = {
    ...DEFAULT_RULES,
    interleave: { maxConsecutivePriority: 2, ordinaryWaitThresholdMin: 10 },
  };
  const tickets = [
    t('o1', 'A', 0),
    t('o2', 'A', 1),
    ...Array.from({ length: 6 }, (_, i) => t(`d${i}`, 'A', 5 + i, 'disabled')),
  ];
  // At minute 20 the ordinary tickets have waited 20 and 19 minutes: past the threshold.
  assert.deepEqual(drain(dedicatedA, tickets, 20, rules), ['d0', 'd1', 'o1', 'd2', 'd3', 'o2', 'd4', 'd5']);
});

test('interleave does not apply while ordinary tickets are below the threshold', () => {
  const rules: QueueRules = {
    ...DEFAULT_RULES,
    interleave: { maxConsecutivePriority: 1, ordinaryWaitThresholdMin: 30 },
  };
  const tickets = [t('o1', 'A', 0), t('d0', 'A', 1, 'disabled'), t('d1', 'A', 2, 'disabled')];
  assert.deepEqual(drain(dedicatedA, tickets, 10, rules), ['d0', 'd1', 'o1']);
});

test('with a handicap, a window prefers its home category, then ages to the other', () => {
  const rules: QueueRules = { ...DEFAULT_RULES, preferencePenaltyMinutes: 10 };
  const near = [t('b1', 'B', 0), t('a1', 'A', 9)];
  assert.equal(pickNext({ window: comprehensive, waiting: near, rules, now: T0, streaks: {} })?.ticket.id, 'a1');
  const far = [t('b1', 'B', 0), t('a1', 'A', 11)];
  assert.equal(pickNext({ window: comprehensive, waiting: far, rules, now: T0, streaks: {} })?.ticket.id, 'b1');
  // The default pools: the longer wait goes first whatever the queue.
  assert.equal(
    pickNext({ window: comprehensive, waiting: near, rules: DEFAULT_RULES, now: T0, streaks: {} })?.ticket.id,
    'b1',
  );
});

test('a ticket transferred to a window is called there first and nowhere else', () => {
  const transferred = { ...t('b9', 'B', 50), targetWindowId: 'w1' };
  const waiting = [t('a1', 'A', 0), transferred];
  assert.equal(pickNext({ window: dedicatedA, waiting, rules: DEFAULT_RULES, now: T0, streaks: {} })?.ticket.id, 'b9');
  assert.equal(
    pickNext({ window: comprehensive, waiting: [transferred], rules: DEFAULT_RULES, now: T0, streaks: {} }),
    null,
  );
});

test('a transferred ticket keeps its place by its original issue time', () => {
  // Moved from B to A: rankAt stays at minute 0, so it goes before A tickets issued later.
  const moved = { ...t('b1', 'A', 0), rankAt: T0, issuedAt: T0 };
  const tickets = [t('a1', 'A', 2), moved, t('a2', 'A', 3)];
  assert.deepEqual(drain(dedicatedA, tickets, 10), ['b1', 'a1', 'a2']);
});

test('streaks count priority calls per category and reset on an ordinary call', () => {
  const r1 = pickNext({
    window: dedicatedA,
    waiting: [t('d', 'A', 0, 'disabled')],
    rules: DEFAULT_RULES,
    now: T0,
    streaks: { B: 4 },
  });
  assert.deepEqual(r1?.streaks, { A: 1, B: 4 });
  const r2 = pickNext({
    window: dedicatedA,
    waiting: [t('o', 'A', 0)],
    rules: DEFAULT_RULES,
    now: T0,
    streaks: { A: 3 },
  });
  assert.deepEqual(r2?.streaks, { A: 0 });
});

test('the handicap is flat: every non-home category of a window ranks alike', () => {
  const rules: QueueRules = { ...DEFAULT_RULES, preferencePenaltyMinutes: 10 };
  const window: DispatchWindow = { id: 'w', categoryIds: ['A', 'B', 'C'] };
  const waiting = [t('c1', 'C', 0), t('b1', 'B', 1)];
  // C is third in preference but its ticket waited longer than B's: it goes first.
  assert.equal(pickNext({ window, waiting, rules, now: T0, streaks: {} })?.ticket.id, 'c1');
});
