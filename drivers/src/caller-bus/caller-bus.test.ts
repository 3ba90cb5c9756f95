import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { createMemoryPair } from '../transport/memory';
import { delay, isDeviceError, until, waitForStatus } from '../transport/test-support';
import type { DeviceError } from '../transport/transport';
import { CallerBus, type CallerKeyEvent, type CallerRatingEvent } from './caller-bus';
import { CallerBusError } from './codec';
import { CallerBusSimulator } from './simulator';

async function setup(ackTimeoutMs = 500) {
  const { host, device } = createMemoryPair();
  const simulator = new CallerBusSimulator(device, { ackTimeoutMs });
  await simulator.open();
  const bus = new CallerBus({
    createTransport: () => host,
    backoffMs: { min: 10, max: 20 },
    now: () => 1_700_000_000_000,
  });
  const keys: CallerKeyEvent[] = [];
  const ratings: CallerRatingEvent[] = [];
  const problems: (CallerBusError | DeviceError)[] = [];
  bus.onKey((e) => keys.push(e));
  bus.onRating((e) => ratings.push(e));
  bus.onProblem((e) => problems.push(e));
  await waitForStatus(bus, 'ready');
  return { host, device, simulator, bus, keys, ratings, problems };
}

test('key presses become key events and are acked by echo', async () => {
  const { simulator, bus, keys, device, host } = await setup();
  try {
    await simulator.press(1, 'call');
    await simulator.press(1, 'recall');
    await simulator.press(2, 'giveUp');
    await simulator.press(2, 'pause');
    assert.deepEqual(
      keys.map(({ address, action, digit }) => ({ address, action, digit })),
      [
        { address: 1, action: 'call', digit: undefined },
        { address: 1, action: 'recall', digit: undefined },
        { address: 2, action: 'giveUp', digit: 6 },
        { address: 2, action: 'pause', digit: undefined },
      ],
    );
    assert.deepEqual(keys[0]?.at, new Date(1_700_000_000_000));
    // Each device frame came back verbatim.
    assert.deepEqual(host.written.slice(0, 4), device.written.slice(0, 4));
  } finally {
    await bus.stop();
  }
});

test('an evaluator press becomes a rating event, acked with FUNC 01', async () => {
  const { simulator, bus, ratings, host } = await setup();
  try {
    await simulator.rate(0x21, 'dissatisfied');
    assert.deepEqual(
      ratings.map(({ address, level, value }) => ({ address, level, value })),
      [{ address: 0x21, level: 'dissatisfied', value: 3 }],
    );
    const cs = (0x21 + 0x01 + 0x03) & 0xff;
    assert.deepEqual(host.written.at(-1), Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x21, 0x01, 0x03, cs, 0x16]));
  } finally {
    await bus.stop();
  }
});

test('garbage and unknown keys are reported as problems; a throwing listener breaks nothing', async () => {
  const { simulator, bus, keys, device, problems } = await setup();
  try {
    await device.write(Buffer.from([0x00, 0x13, 0xff, 0x68, 0x09]));
    // Unknown key 0E is still acked (the keypad would resend otherwise) but is no event.
    await device.write(Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x01, 0x01, 0x0e, 0x10, 0x16]));
    bus.onKey(() => {
      throw new Error('listener bug');
    });
    await simulator.press(4, 'transfer');
    await simulator.press(4, 'callBack');
    assert.deepEqual(
      keys.map((k) => k.action),
      ['transfer', 'callBack'],
    );
    const codes = problems.map((p) => (p instanceof CallerBusError ? p.code : p.kind));
    assert.ok(codes.includes('noise'), codes.join());
    assert.ok(codes.includes('unknown-key'), codes.join());
  } finally {
    await bus.stop();
  }
});

test('the host shows tickets and waiting counts on keypads, and beeps them', async () => {
  const { simulator, bus } = await setup();
  try {
    await bus.showTicket(3, 'A012');
    await bus.showWaiting(4, 27);
    await bus.beep(3);
    await until('beep', () => simulator.beeps(3) === 1);
    assert.deepEqual(simulator.display(3), { waiting: '   ', ticket: '012' });
    assert.deepEqual(simulator.display(4), { waiting: '027', ticket: '   ' });
  } finally {
    await bus.stop();
  }
});

test('a press the host never acks times out in the simulator; an unplugged adapter is absent, then ready', async () => {
  const { simulator, bus, host } = await setup(100);
  const statuses: DeviceStatus[] = [];
  bus.onStatus((s) => statuses.push(s));
  try {
    host.unplug();
    await waitForStatus(bus, 'absent');
    await assert.rejects(simulator.press(1, 'call'), isDeviceError('timeout'));
    await assert.rejects(bus.beep(1), isDeviceError('absent'));
    host.replug();
    await waitForStatus(bus, 'ready');
    await simulator.press(1, 'call');
    assert.equal(statuses[0]?.state, 'absent', JSON.stringify(statuses));
    assert.equal(statuses.at(-1)?.state, 'ready', JSON.stringify(statuses));
  } finally {
    await bus.stop();
  }
});

test('a host that does not verify checksums acks ratings in the range the evaluator uses', async () => {
  const { host, device } = createMemoryPair();
  const simulator = new CallerBusSimulator(device, { ackTimeoutMs: 300, checksum: { range: 'all', verify: true } });
  await simulator.open();
  const bus = new CallerBus({ createTransport: () => host, checksum: { range: 'addr-data', verify: false } });
  const ratings: CallerRatingEvent[] = [];
  bus.onRating((e) => ratings.push(e));
  try {
    await waitForStatus(bus, 'ready');
    await simulator.rate(0x21, 'satisfied');
    await simulator.press(0x21, 'call');
    assert.deepEqual(
      ratings.map((r) => r.level),
      ['satisfied'],
    );
  } finally {
    await bus.stop();
  }
});

test('a press into a closed line fails at once and leaves no rejection behind', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const { device } = createMemoryPair();
    const simulator = new CallerBusSimulator(device, { ackTimeoutMs: 20 });
    await assert.rejects(simulator.press(1, 'call'), isDeviceError('closed'));
    await delay(40);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
