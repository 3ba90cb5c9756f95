import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Ticket, WindowView } from '@yimen/protocol';
import { ledFor } from './led';

const window: WindowView = {
  id: 'win-3',
  number: 3,
  name: '3号窗口 社保',
  status: 'open',
  pauseReason: null,
  clerkId: 'clerk-1',
  currentTicketId: null,
};
const ticket = (status: Ticket['status']): Ticket => ({
  id: 't1',
  number: 'A012',
  businessDay: '2026-12-03',
  categoryId: 'cat-a',
  priority: 'ordinary',
  status,
  issuedAt: 0,
  rankAt: 0,
  windowId: 'win-3',
  targetWindowId: null,
  calledAt: 1,
  startedAt: null,
  finishedAt: null,
  recallCount: 0,
  requeueCount: 0,
  transferCount: 0,
  reprintCount: 0,
  holder: null,
  transferNote: null,
  transferFromWindowId: null,
});

test('the bar shows the ticket called or served, 暂停服务 when paused, the window name otherwise', () => {
  assert.deepEqual(ledFor(window, ticket('called')), { type: 'ticket', ticket: 'A012', window: '3' });
  assert.deepEqual(ledFor(window, ticket('serving')), { type: 'ticket', ticket: 'A012', window: '3' });
  assert.deepEqual(ledFor(window, ticket('done')), { type: 'text', text: '3号窗口 社保' });
  assert.deepEqual(ledFor(window, undefined), { type: 'text', text: '3号窗口 社保' });
  assert.deepEqual(ledFor({ ...window, status: 'closed', clerkId: null }, undefined), {
    type: 'text',
    text: '3号窗口 社保',
  });
  assert.deepEqual(ledFor({ ...window, status: 'paused', pauseReason: '暂停服务' }, ticket('called')), {
    type: 'paused',
  });
  assert.deepEqual(ledFor({ ...window, status: 'paused', pauseReason: '午间休息' }, undefined), {
    type: 'paused',
    reason: '午间休息',
  });
  assert.deepEqual(ledFor(undefined, undefined), { type: 'idle' });
});
