import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { CallerBus, type CallerKeyEvent, type CallerRatingEvent } from './caller-bus';
import { CallerBusSimulator } from './simulator';

async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('caller bus over a real pty pair at 9600 8N1: keys, ratings and acks; adapter gone → absent', async () => {
  const pair = await createPtyPair();
  const simulator = new CallerBusSimulator(new SerialTransport({ path: pair.devicePath, baudRate: 9600 }), {
    ackTimeoutMs: 1000,
  });
  await simulator.open();
  const bus = new CallerBus({
    createTransport: () => new SerialTransport({ path: pair.hostPath, baudRate: 9600 }),
    backoffMs: { min: 50, max: 200 },
  });
  const keys: CallerKeyEvent[] = [];
  const ratings: CallerRatingEvent[] = [];
  bus.onKey((e) => keys.push(e));
  bus.onRating((e) => ratings.push(e));
  let closed = false;
  try {
    await until(() => bus.status.state === 'ready', 'ready');
    // Each press resolves only when the host's ack (echo, or FUNC 01 for a rating) arrives.
    await simulator.press(1, 'call');
    await simulator.press(1, 'recall');
    await simulator.press(2, 'requestRating');
    await simulator.rate(0x21, 'verySatisfied');
    await simulator.press(2, 'hold');
    assert.deepEqual(
      keys.map((k) => [k.address, k.action]),
      [
        [1, 'call'],
        [1, 'recall'],
        [2, 'requestRating'],
        [2, 'hold'],
      ],
    );
    assert.deepEqual(
      ratings.map((r) => [r.address, r.level]),
      [[0x21, 'verySatisfied']],
    );
    assert.deepEqual(
      simulator.received.map((f) => f.func),
      [0x01, 0x01, 0x01, 0x01, 0x01],
    );

    await bus.showTicket(1, 'A105');
    await until(() => simulator.display(1)?.ticket === '105', 'ticket on keypad 1');

    // The USB-RS485 adapter disappears: the pty pair goes away under the host.
    await simulator.close();
    await pair.close();
    closed = true;
    await until(() => bus.status.state === 'absent', 'absent');
  } finally {
    await bus.stop();
    if (!closed) {
      await simulator.close();
      await pair.close();
    }
  }
});
