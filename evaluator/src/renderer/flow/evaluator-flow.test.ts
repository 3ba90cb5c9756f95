import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RATING_RULES, type RatingRules } from '@yimen/protocol';
import { type EvaluatorEvent, type EvaluatorState, INITIAL, levelsOf, secondsLeft, transition } from './evaluator-flow';

const rules: RatingRules = { ...DEFAULT_RATING_RULES, promptSeconds: 30 };
const asked = { ticketId: 't1', number: 'A001' };

function run(events: EvaluatorEvent[], from: EvaluatorState = INITIAL, r: RatingRules = rules) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const step = transition(state, event, r);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

test('a finished ticket asks for a rating; a good one goes straight to the hall; thanks, then idle', () => {
  const { state, effects } = run([
    { type: 'ask', asked, now: 0 },
    { type: 'choose', level: 'satisfied', channel: 'touch', now: 1000 },
  ]);
  assert.equal(state.screen.name, 'sending');
  assert.deepEqual(effects, [{ type: 'submit', ticketId: 't1', level: 'satisfied', channel: 'touch' }]);
  const done = run(
    [
      { type: 'submitted', bad: false, now: 2000 },
      { type: 'tick', now: 6000 },
    ],
    state,
  );
  assert.equal(done.state.screen.name, 'thanks');
  assert.equal(run([{ type: 'tick', now: 7001 }], done.state).state.screen.name, 'idle');
});

test('the prompt runs out: 未评价 is recorded, never a default level', () => {
  const asking = run([{ type: 'ask', asked, now: 0 }]).state;
  assert.equal(secondsLeft(asking.screen, 12_300), 18);
  const { state, effects } = run(
    [
      { type: 'tick', now: 29_999 },
      { type: 'tick', now: 30_000 },
    ],
    asking,
  );
  assert.equal(state.screen.name, 'idle');
  assert.deepEqual(effects, [{ type: 'expire', ticketId: 't1' }]);
});

test('one prompt per ticket: the same finish again (a replay, a second key) does not ask twice', () => {
  const first = run([
    { type: 'ask', asked, now: 0 },
    { type: 'tick', now: 31_000 },
  ]).state;
  assert.equal(run([{ type: 'ask', asked, now: 40_000 }], first).state.screen.name, 'idle');
  // A newer ticket while one is open: the open one ends unrated.
  const next = run([
    { type: 'ask', asked, now: 0 },
    { type: 'ask', asked: { ticketId: 't2', number: 'A002' }, now: 5 },
  ]);
  assert.deepEqual(next.effects, [{ type: 'expire', ticketId: 't1' }]);
  assert.equal(next.state.screen.name === 'rating' && next.state.screen.asked.ticketId, 't2');
});

test('a bad rating needs a reason from the list; the phone is optional but must be a number', () => {
  const reason = run([
    { type: 'ask', asked, now: 0 },
    { type: 'choose', level: 'dissatisfied', channel: 'ratingPad', now: 1000 },
    { type: 'submitReason' },
  ]);
  assert.equal(reason.state.screen.name === 'reason' && reason.state.screen.error, '请选择不满意的原因');
  assert.deepEqual(reason.effects, []);
  const badPhone = run(
    [
      { type: 'pickReason', reason: 'slow' },
      ...[...'1391'].map((key) => ({ type: 'phoneKey', key }) as const),
      { type: 'submitReason' },
    ],
    reason.state,
  );
  assert.equal(badPhone.state.screen.name === 'reason' && badPhone.state.screen.error, '请输入正确的手机或固话号码');
  const sent = run(
    [...[...'2345678'].map((key) => ({ type: 'phoneKey', key }) as const), { type: 'submitReason' }],
    badPhone.state,
  );
  assert.deepEqual(sent.effects, [
    {
      type: 'submit',
      ticketId: 't1',
      level: 'dissatisfied',
      channel: 'ratingPad',
      reason: 'slow',
      phone: '13912345678',
    },
  ]);
  const noPhone = run([{ type: 'phoneClear' }, { type: 'submitReason' }], { ...badPhone.state });
  assert.equal(noPhone.state.screen.name, 'reason', '139 is not a number yet');
  // Back to the levels, and the reason screen keeps its deadline.
  assert.equal(run([{ type: 'back' }], reason.state).state.screen.name, 'rating');
});

test('the four-level scale offers no 非常不满意 and ignores it from a pad', () => {
  const four = { ...rules, scale: 'four' as const };
  assert.deepEqual(levelsOf(four), ['verySatisfied', 'satisfied', 'basic', 'dissatisfied']);
  const { state, effects } = run(
    [
      { type: 'ask', asked, now: 0 },
      { type: 'choose', level: 'veryDissatisfied', channel: 'ratingPad', now: 1 },
    ],
    INITIAL,
    four,
  );
  assert.equal(state.screen.name, 'rating');
  assert.deepEqual(effects, []);
});

test('already rated (by phone meanwhile) thanks the citizen; an unreachable hall lets them try again', () => {
  const sending = run([
    { type: 'ask', asked, now: 0 },
    { type: 'choose', level: 'basic', channel: 'touch', now: 1 },
  ]).state;
  const rated = run([{ type: 'failed', error: { code: 'ALREADY_RATED', message: '' }, now: 2 }], sending).state;
  assert.equal(rated.screen.name === 'thanks' && rated.screen.message, '该号已评价，谢谢！');
  const retry = run([{ type: 'failed', error: { code: 'UNREACHABLE', message: '' }, now: 2 }], sending).state;
  assert.equal(retry.screen.name, 'rating');
});
