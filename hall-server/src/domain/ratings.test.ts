import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RATING_RULES } from '@yimen/protocol';
import { decideRating, type RatingFacts, ratedItems, satisfaction } from './ratings';

const NOW = Date.UTC(2026, 11, 3, 2, 0);
const facts = (over: Partial<RatingFacts> = {}): RatingFacts => ({
  ticket: { status: 'done', windowId: 'win-1', finishedAt: NOW - 60_000 },
  alreadyRated: false,
  rules: DEFAULT_RATING_RULES,
  ...over,
});

test('a finished ticket is rated once, on any channel (一事一评)', () => {
  const first = decideRating(facts(), { level: 'satisfied', channel: 'touch', padWindowId: 'win-1' }, NOW);
  assert.equal(first.ok, true);
  for (const channel of ['touch', 'phone'] as const) {
    const again = decideRating(facts({ alreadyRated: true }), { level: 'verySatisfied', channel }, NOW);
    assert.equal(again.ok ? 'ok' : again.error.code, 'ALREADY_RATED');
  }
});

test('only finished tickets, at the window that served them, within the rating period', () => {
  const serving = facts({ ticket: { status: 'serving', windowId: 'win-1', finishedAt: null } });
  const r1 = decideRating(serving, { level: 'satisfied', channel: 'touch', padWindowId: 'win-1' }, NOW);
  assert.equal(r1.ok ? 'ok' : r1.error.code, 'RATING_CLOSED');
  const r2 = decideRating(facts(), { level: 'satisfied', channel: 'touch', padWindowId: 'win-2' }, NOW);
  assert.equal(r2.ok ? 'ok' : r2.error.code, 'FORBIDDEN');
  const late = NOW + DEFAULT_RATING_RULES.phoneRatingHours * 3600_000;
  const r3 = decideRating(facts(), { level: 'satisfied', channel: 'phone' }, late);
  assert.equal(r3.ok ? 'ok' : r3.error.code, 'RATING_CLOSED');
});

test('a bad rating needs a reason and keeps the phone; a good one keeps neither', () => {
  const noReason = decideRating(facts(), { level: 'dissatisfied', channel: 'touch' }, NOW);
  assert.equal(noReason.ok ? 'ok' : noReason.error.code, 'BAD_REQUEST');
  const bad = decideRating(
    facts(),
    { level: 'veryDissatisfied', channel: 'touch', reason: 'slow', phone: '13812345678' },
    NOW,
  );
  assert.deepEqual(bad, { ok: true, bad: true, reason: 'slow', phone: '13812345678' });
  const good = decideRating(facts(), { level: 'basic', channel: 'touch', reason: 'slow', phone: '13812345678' }, NOW);
  assert.deepEqual(good, { ok: true, bad: false, reason: null, phone: null });
});

test('the four-level scale has no 非常不满意', () => {
  const four = { ...DEFAULT_RATING_RULES, scale: 'four' as const };
  const r = decideRating(facts({ rules: four }), { level: 'veryDissatisfied', channel: 'touch', reason: 'slow' }, NOW);
  assert.equal(r.ok ? 'ok' : r.error.code, 'BAD_REQUEST');
  assert.equal(
    decideRating(facts({ rules: four }), { level: 'dissatisfied', channel: 'touch', reason: 'slow' }, NOW).ok,
    true,
  );
});

test('satisfaction counts the top three levels and leaves out annulled ratings', () => {
  const s = satisfaction([
    { level: 'verySatisfied', annulled: false },
    { level: 'basic', annulled: false },
    { level: 'dissatisfied', annulled: false },
    { level: 'veryDissatisfied', annulled: true },
  ]);
  assert.equal(s.rated, 3);
  assert.equal(s.bad, 1);
  assert.equal(s.rate, 2 / 3);
  assert.equal(satisfaction([]).rate, null);
});

test('a rating is of the items of the ticket’s cases, else of its queue’s only item, else of none', () => {
  assert.deepEqual(ratedItems([['item-2'], ['item-3', 'item-2']], ['item-1', 'item-2']), ['item-2', 'item-3']);
  assert.deepEqual(ratedItems([['item-2']], ['item-1']), ['item-2'], 'the case, not the queue');
  assert.deepEqual(ratedItems([], ['item-1']), ['item-1']);
  assert.deepEqual(ratedItems([], ['item-1', 'item-2']), [], 'a queue of several items says nothing');
  assert.deepEqual(ratedItems([], []), []);
});
