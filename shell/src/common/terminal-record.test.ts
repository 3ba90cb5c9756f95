import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IDLE_SETTING, stepIdleSeconds } from './terminal-record';

test('the idle time moves in steps of ten seconds and stays within 30 to 300', () => {
  assert.equal(stepIdleSeconds(60, 1), 70);
  assert.equal(stepIdleSeconds(60, -1), 50);
  assert.equal(stepIdleSeconds(30, -1), IDLE_SETTING.min);
  assert.equal(stepIdleSeconds(300, 1), IDLE_SETTING.max);
  assert.equal(stepIdleSeconds(10, 0), 30, 'a value set outside the bounds comes back inside');
  assert.equal(stepIdleSeconds(600, 0), 300);
  assert.equal(stepIdleSeconds(65, 1), 80, 'back onto the ten-second grid');
});
