import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RectificationAction } from '@yimen/protocol';
import { NATIONAL_CALENDAR } from './calendar';
import {
  actOnRectification,
  isRectificationOverdue,
  openRectification,
  type RectificationActor,
  type RectificationRecord,
} from './rectification';

const admin: RectificationActor = { role: 'admin', name: '王主任' };
const clerk: RectificationActor = { role: 'clerk', name: '李四' };
const system: RectificationActor = { role: 'system', name: '系统' };

function run(c: RectificationRecord, steps: [RectificationAction, RectificationActor][]): RectificationRecord {
  let current = c;
  for (const [action, actor] of steps) {
    const step = actOnRectification(current, action, actor, 1000);
    assert.ok(step.ok, `${action} by ${actor.role} from ${current.status}: ${step.ok ? '' : step.error.message}`);
    current = step.next;
  }
  return current;
}

test('the deadline is 15 working days by default, counted in the calendar (National Day skipped)', () => {
  // Opened on Wednesday 30 September 2026: 1-7 October are holidays, Saturday 10 October works.
  const c = openRectification('c1', 'r1', 0, '2026-09-30', NATIONAL_CALENDAR, 15);
  assert.equal(c.dueDay, '2026-10-27');
  assert.equal(openRectification('c2', 'r2', 0, '2026-12-03', NATIONAL_CALENDAR, 5).dueDay, '2026-12-10');
});

test('verify → rectify → call back → close, in that order only, by the hall manager', () => {
  const c = openRectification('c1', 'r1', 0, '2026-12-03', NATIONAL_CALENDAR, 15);
  const skip = actOnRectification(c, 'close', admin, 1);
  assert.equal(skip.ok ? 'ok' : skip.error.code, 'ILLEGAL_TRANSITION');
  const byClerk = actOnRectification(c, 'verify', clerk, 1);
  assert.equal(byClerk.ok ? 'ok' : byClerk.error.code, 'FORBIDDEN');
  const done = run(c, [
    ['verify', admin],
    ['rectify', admin],
    ['callBack', admin],
    ['close', admin],
  ]);
  assert.equal(done.status, 'closed');
  assert.equal(done.outcome, 'rectified');
  assert.equal(done.closedAt, 1000);
});

test('an appeal, once, while verifying or rectifying; upheld closes the case, rejected sends it back', () => {
  const c = openRectification('c1', 'r1', 0, '2026-12-03', NATIONAL_CALENDAR, 15);
  const upheld = run(c, [
    ['appeal', clerk],
    ['upholdAppeal', admin],
  ]);
  assert.deepEqual([upheld.status, upheld.outcome], ['closed', 'appealUpheld']);
  const rejected = run(c, [
    ['verify', admin],
    ['appeal', clerk],
    ['rejectAppeal', admin],
  ]);
  assert.equal(rejected.status, 'rectifying');
  const twice = actOnRectification(rejected, 'appeal', clerk, 1);
  assert.equal(twice.ok ? 'ok' : twice.error.code, 'ILLEGAL_TRANSITION');
  const tooLate = actOnRectification(
    run(c, [
      ['verify', admin],
      ['rectify', admin],
    ]),
    'appeal',
    clerk,
    1,
  );
  assert.equal(tooLate.ok ? 'ok' : tooLate.error.code, 'ILLEGAL_TRANSITION');
  const byAdmin = actOnRectification(c, 'appeal', admin, 1);
  assert.equal(byAdmin.ok ? 'ok' : byAdmin.error.code, 'FORBIDDEN');
});

test('a case open past its last working day is escalated once', () => {
  const c = openRectification('c1', 'r1', 0, '2026-12-03', NATIONAL_CALENDAR, 15);
  assert.equal(isRectificationOverdue(c, c.dueDay), false);
  assert.equal(isRectificationOverdue(c, '2026-12-25'), true);
  const escalated = run(c, [['escalate', system]]);
  assert.equal(escalated.escalatedAt, 1000);
  assert.equal(isRectificationOverdue(escalated, '2026-12-25'), false);
  assert.equal(actOnRectification(escalated, 'escalate', system, 2).ok, false);
  const closed = run(c, [
    ['verify', admin],
    ['rectify', admin],
    ['callBack', admin],
    ['close', admin],
  ]);
  assert.equal(isRectificationOverdue(closed, '2027-01-30'), false);
});
