import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaskQueue } from './task-queue';

test('tasks run one at a time, in order, and a failure does not stop the next', async () => {
  const queue = new TaskQueue();
  const log: string[] = [];
  let running = 0;
  const task =
    (name: string, fail = false) =>
    async () => {
      running++;
      assert.equal(running, 1, `${name} overlapped another task`);
      log.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
  assert.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ['a', 'b failed', 'c'],
  );
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});
