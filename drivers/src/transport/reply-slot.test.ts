import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReplySlot } from './reply-slot';
import { DeviceError } from './transport';

const timeout = () => new DeviceError('timeout', 'no reply');

test('a reply resolves the waiter once; later replies find nobody waiting', async () => {
  const slot = new ReplySlot<number>();
  assert.equal(slot.resolve(1), false);
  const reply = slot.wait(1000, timeout);
  assert.equal(slot.isWaiting, true);
  assert.equal(slot.resolve(7), true);
  assert.equal(slot.resolve(8), false);
  assert.equal(await reply, 7);
  assert.equal(slot.isWaiting, false);
});

test('the deadline rejects with the link’s error and clears its timer', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const before = timers();
  const slot = new ReplySlot<number>();
  const started = Date.now();
  await assert.rejects(slot.wait(20, timeout), (e: unknown) => e instanceof DeviceError && e.kind === 'timeout');
  assert.ok(Date.now() - started >= 15);
  assert.equal(slot.isWaiting, false);
  const reply = slot.wait(1000, timeout);
  assert.equal(slot.reject(new DeviceError('closed', 'link closed')), true);
  await assert.rejects(reply, (e: unknown) => e instanceof DeviceError && e.kind === 'closed');
  assert.equal(timers(), before, 'a settled wait leaves no timer');
});

test('a second wait while one is pending is a typed error, the first still waits', async () => {
  const slot = new ReplySlot<number>();
  const first = slot.wait(1000, timeout);
  await assert.rejects(slot.wait(1000, timeout), (e: unknown) => e instanceof DeviceError && e.kind === 'io');
  slot.resolve(3);
  assert.equal(await first, 3);
});

test('a deadline passing before anyone awaits the reply is no unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const slot = new ReplySlot<number>();
    const reply = slot.wait(5, timeout);
    // The link is still writing its request when the deadline passes.
    await new Promise((resolve) => setTimeout(resolve, 30));
    await assert.rejects(reply, (e: unknown) => e instanceof DeviceError && e.kind === 'timeout');
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
