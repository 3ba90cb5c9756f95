import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_RATING_PAD_PROFILE, RATING_LABELS, type RatingPadProfile } from './profile';
import {
  INITIAL_RATING_PAD_STATE,
  keyForLevel,
  type RatingPadState,
  RatingReportError,
  type RatingReportEvent,
  ratingReport,
  stepRatingReport,
} from './reports';

/** Feeds reports in order and returns the events, as the device class does. */
function run(reports: number[][], profile: RatingPadProfile = DEFAULT_RATING_PAD_PROFILE): RatingReportEvent[] {
  let state: RatingPadState = INITIAL_RATING_PAD_STATE;
  const events: RatingReportEvent[] = [];
  for (const report of reports) {
    const step = stepRatingReport(profile, state, Uint8Array.from(report));
    state = step.state;
    if (step.event) events.push(step.event);
  }
  return events;
}

const summary = (events: RatingReportEvent[]) =>
  events.map((e) => (e.type === 'press' ? e.level : `error:${e.error.code}`));

// Default profile fixtures: report id 01, key code in byte 1, 8-byte reports.
const DOWN_3 = [0x01, 0x03, 0, 0, 0, 0, 0, 0];
const UP = [0x01, 0x00, 0, 0, 0, 0, 0, 0];

test('a key press (down, up) is one rating at the key-down edge', () => {
  assert.deepEqual(run([DOWN_3]), [{ type: 'press', level: 'basic', key: 3 }]);
  assert.deepEqual(summary(run([DOWN_3, UP])), ['basic']);
});

test('reports repeated while a key is held give one press; release and press again gives another', () => {
  assert.deepEqual(summary(run([DOWN_3, DOWN_3, DOWN_3, UP, DOWN_3, UP])), ['basic', 'basic']);
});

test('every key of the default profile maps to its level', () => {
  const events = run([1, 2, 3, 4, 5].flatMap((key) => [[0x01, key, 0, 0, 0, 0, 0, 0], UP]));
  assert.deepEqual(summary(events), ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied']);
  assert.deepEqual(
    summary(events).map((level) => RATING_LABELS[level as keyof typeof RATING_LABELS]),
    ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
  );
});

test('rolling from one key to another without a release counts the new key', () => {
  assert.deepEqual(summary(run([[0x01, 0x01], [0x01, 0x05], UP])), ['verySatisfied', 'veryDissatisfied']);
});

test('a release alone, or zero reports, give nothing', () => {
  assert.deepEqual(run([UP, UP, UP]), []);
});

test('an unknown key code is one typed error while held, not a crash', () => {
  const events = run([[0x01, 0x09], [0x01, 0x09], UP, DOWN_3]);
  assert.deepEqual(summary(events), ['error:unknown-key', 'basic']);
  const first = events[0];
  assert.ok(first?.type === 'error' && first.error instanceof RatingReportError);
  assert.deepEqual([...first.error.report], [0x01, 0x09]);
});

test('a report with another report id is a typed error and does not touch the held key', () => {
  assert.deepEqual(summary(run([DOWN_3, [0x02, 0x04], DOWN_3, UP])), ['basic', 'error:report-id']);
});

test('a report too short to hold the key byte is a typed error', () => {
  assert.deepEqual(summary(run([[0x01], []])), ['error:short', 'error:short']);
});

test('a pad without numbered reports (report id 0) reads its key from any first byte', () => {
  const profile: RatingPadProfile = {
    ...DEFAULT_RATING_PAD_PROFILE,
    reportId: 0,
    keyByteIndex: 2,
    keys: { 30: 'satisfied' },
  };
  assert.deepEqual(
    summary(
      run(
        [
          [0x00, 0x00, 0x1e],
          [0x07, 0x00, 0x1e],
          [0x00, 0x00, 0x00],
        ],
        profile,
      ),
    ),
    ['satisfied'],
  );
  assert.deepEqual([...ratingReport(profile, 0x1e, 4)], [0x00, 0x00, 0x1e, 0x00]);
});

test('ratingReport and keyForLevel build the reports the profile reads', () => {
  assert.deepEqual([...ratingReport(DEFAULT_RATING_PAD_PROFILE, 3)], DOWN_3);
  assert.equal(keyForLevel(DEFAULT_RATING_PAD_PROFILE, 'veryDissatisfied'), 5);
});

test('fuzz: any report sequence gives presses or typed errors, and never two presses without a change', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 30 }), (reports) => {
      let state: RatingPadState = INITIAL_RATING_PAD_STATE;
      for (const report of reports) {
        const before = state.held;
        const step = stepRatingReport(DEFAULT_RATING_PAD_PROFILE, state, report);
        state = step.state;
        if (step.event?.type === 'error') assert.ok(step.event.error instanceof RatingReportError);
        if (step.event?.type === 'press') assert.notEqual(step.event.key, before);
      }
    }),
  );
});
