import assert from 'node:assert/strict';
import { test } from 'node:test';
import { until, waitForStatus, withPtyPair } from '../transport/test-support';
import { CallerBus, type CallerKeyEvent, type CallerRatingEvent } from './caller-bus';
import { CallerBusSimulator } from './simulator';

test('caller bus over a real pty pair at 9600 8N1: keys, ratings and acks; adapter gone → absent', () =>
  withPtyPair(9600, async (pty) => {
    const simulator = new CallerBusSimulator(pty.deviceSide(), { ackTimeoutMs: 1000 });
    await simulator.open();
    const bus = new CallerBus({ createTransport: pty.hostSide, backoffMs: { min: 50, max: 200 } });
    const keys: CallerKeyEvent[] = [];
    const ratings: CallerRatingEvent[] = [];
    bus.onKey((e) => keys.push(e));
    bus.onRating((e) => ratings.push(e));
    try {
      await waitForStatus(bus, 'ready', 4000);
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
      await until('ticket on keypad 1', () => simulator.display(1)?.ticket === '105', 4000);

      // The USB-RS485 adapter disappears: the pty pair goes away under the host.
      await simulator.close();
      await pty.pair.close();
      await waitForStatus(bus, 'absent', 4000);
    } finally {
      await bus.stop();
      await simulator.close();
    }
  }));
