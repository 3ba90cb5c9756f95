import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrderedIds } from './ticket-ids';

test('ids sort in the order they were made, also within one millisecond', () => {
  let t = 1_795_000_000_000;
  const next = timeOrderedIds(() => t);
  const ids = [next(), next(), next()];
  t += 1;
  ids.push(next(), next());
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => /^[0-9a-f]{24}$/.test(id)));
});
