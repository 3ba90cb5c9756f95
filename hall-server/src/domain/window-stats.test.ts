import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MINUTE, NINE_AM } from '../testing/small-hall';
import { servingStats } from './window-stats';

test('served count and mean handling time from start to finish, in whole seconds', () => {
  assert.deepEqual(servingStats([]), { served: 0, avgHandlingSec: null });
  const stats = servingStats([
    { startedAt: NINE_AM, finishedAt: NINE_AM + 4 * MINUTE },
    { startedAt: NINE_AM + 10 * MINUTE, finishedAt: NINE_AM + 16 * MINUTE + 1_400 },
  ]);
  assert.deepEqual(stats, { served: 2, avgHandlingSec: 301 });
});

test('a finished ticket without usable times counts as served but not in the mean', () => {
  const stats = servingStats([
    { startedAt: null, finishedAt: NINE_AM },
    { startedAt: NINE_AM, finishedAt: NINE_AM - MINUTE },
    { startedAt: NINE_AM, finishedAt: NINE_AM + 2 * MINUTE },
  ]);
  assert.deepEqual(stats, { served: 3, avgHandlingSec: 120 });
  assert.deepEqual(servingStats([{ startedAt: null, finishedAt: null }]), { served: 1, avgHandlingSec: null });
});
