import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryPair } from './memory';
import { DeviceSupervisor } from './supervisor';
import { delay, until, waitForStatus } from './test-support';
import { DeviceError, type Transport } from './transport';

function timerCount(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

test('unplug makes the device absent and replug makes it ready again', async () => {
  const { host } = createMemoryPair();
  let handshakes = 0;
  const seen: string[] = [];
  const supervisor = new DeviceSupervisor({
    name: 'test',
    createTransport: () => host,
    onOpen: async () => {
      handshakes++;
    },
    backoffMs: { min: 5, max: 20 },
  });
  supervisor.onStatus((status) => seen.push(status.state));
  await waitForStatus(supervisor, 'ready');
  assert.equal(supervisor.current(), host);
  host.unplug();
  const absent = await waitForStatus(supervisor, 'absent');
  assert.match(absent.state === 'absent' ? (absent.reason ?? '') : '', /unplugged/);
  assert.equal(supervisor.current(), null);
  host.replug();
  await waitForStatus(supervisor, 'ready');
  assert.equal(supervisor.current(), host);
  assert.equal(handshakes, 2);
  assert.deepEqual(seen, ['ready', 'absent', 'ready']);
  await supervisor.stop();
});

test('a handshake that answers wrongly gives fault with the reason', async () => {
  const { host } = createMemoryPair();
  const supervisor = new DeviceSupervisor({
    name: 'idcard',
    createTransport: () => host,
    onOpen: async () => {
      throw new DeviceError('protocol', 'idcard: SAM status answered 60');
    },
    backoffMs: { min: 5, max: 20 },
  });
  const status = await waitForStatus(supervisor, 'fault');
  assert.deepEqual(status, { state: 'fault', reason: 'idcard: SAM status answered 60' });
  assert.equal(supervisor.current(), null);
  assert.equal(host.isOpen, false, 'a failed handshake closes the link');
  await supervisor.stop();
});

test('a handshake that never answers counts as absent after the open timeout', async () => {
  const { host } = createMemoryPair();
  const supervisor = new DeviceSupervisor({
    name: 'slow',
    createTransport: () => host,
    onOpen: () => new Promise(() => {}),
    openTimeoutMs: 20,
    backoffMs: { min: 1000, max: 1000 },
  });
  await until('the open timeout', () => /no answer within 20 ms/.test(JSON.stringify(supervisor.status)), 1000);
  assert.deepEqual(supervisor.status, { state: 'absent', reason: 'slow: no answer within 20 ms' });
  await supervisor.stop();
});

test('reopen back-off doubles and stays bounded by max', async () => {
  const attempts: number[] = [];
  const supervisor = new DeviceSupervisor({
    name: 'gone',
    createTransport: () => {
      attempts.push(performance.now());
      const { host } = createMemoryPair();
      host.unplug();
      return host;
    },
    onOpen: async () => {},
    backoffMs: { min: 10, max: 40 },
  });
  await until('8 attempts', () => attempts.length >= 8);
  await supervisor.stop();
  const gaps = attempts.slice(1, 8).map((t, i) => t - (attempts[i] ?? 0));
  // Delays 10, 20, 40, then capped at 40; uncapped they would go on 80, 160, 320, 640.
  const expected = [10, 20, 40, 40, 40, 40, 40];
  gaps.forEach((gap, i) => {
    assert.ok(gap >= (expected[i] ?? 0) - 2, `gap ${i} was ${gap} ms, shorter than the back-off`);
  });
  for (const gap of gaps.slice(4)) assert.ok(gap < 150, `gap ${gap} ms: back-off not bounded by max`);
  assert.equal(supervisor.status.state, 'absent');
});

test('stop() closes the link and leaves no timers behind', async () => {
  const before = timerCount();
  const { host } = createMemoryPair();
  const supervisor = new DeviceSupervisor({
    name: 'x',
    createTransport: () => host,
    onOpen: async () => {},
    backoffMs: { min: 50, max: 50 },
  });
  await waitForStatus(supervisor, 'ready');
  host.unplug();
  await waitForStatus(supervisor, 'absent');
  assert.ok(timerCount() > before, 'a reopen is scheduled while absent');
  await supervisor.stop();
  assert.equal(timerCount(), before);
  assert.deepEqual(supervisor.status, { state: 'absent', reason: 'x: stopped' });
  host.replug();
  await delay(80);
  assert.equal(host.isOpen, false, 'no reopen after stop');
});

test('fail() from the device class drops the link and reopens it; scope clean-ups run', async () => {
  const { host } = createMemoryPair();
  let disposed = 0;
  let opened: Transport | null = null;
  const supervisor = new DeviceSupervisor({
    name: 'y',
    createTransport: () => host,
    onOpen: async (transport, scope) => {
      opened = transport;
      scope.defer(() => disposed++);
    },
    backoffMs: { min: 5, max: 5 },
  });
  await waitForStatus(supervisor, 'ready');
  assert.equal(opened, host);
  supervisor.fail(new DeviceError('timeout', 'y: no reply within 100 ms'));
  assert.deepEqual(supervisor.status, { state: 'absent', reason: 'y: no reply within 100 ms' });
  assert.equal(disposed, 1);
  await waitForStatus(supervisor, 'ready');
  await supervisor.stop();
  assert.equal(disposed, 2);
});

test('a status listener that throws does not break the supervisor', async () => {
  const { host } = createMemoryPair();
  const supervisor = new DeviceSupervisor({
    name: 'z',
    createTransport: () => host,
    onOpen: async () => {},
    backoffMs: { min: 5, max: 5 },
  });
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  supervisor.onStatus(() => {
    throw new Error('bad listener');
  });
  await waitForStatus(supervisor, 'ready');
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  assert.ok(warnings.some((w) => /bad listener/.test(w)));
  await supervisor.stop();
});

test('a handshake that finishes after the open timeout cleans up at once and leaves no link open', async () => {
  const { host } = createMemoryPair();
  let finishHandshake!: () => void;
  let subscribed = 0;
  let unsubscribed = 0;
  const supervisor = new DeviceSupervisor({
    name: 'late',
    createTransport: () => host,
    onOpen: async (_transport, scope) => {
      await new Promise<void>((resolve) => {
        finishHandshake = resolve;
      });
      subscribed++;
      scope.defer(() => unsubscribed++);
    },
    openTimeoutMs: 20,
    backoffMs: { min: 10_000, max: 10_000 },
  });
  try {
    await until('the open timeout', () => /no answer/.test(JSON.stringify(supervisor.status)));
    finishHandshake();
    await delay(5);
    assert.equal(subscribed, 1);
    assert.equal(unsubscribed, 1, 'a clean-up deferred after the attempt ended runs at once');
    assert.equal(host.isOpen, false, 'the late link is closed');
    assert.equal(supervisor.current(), null);
  } finally {
    await supervisor.stop();
  }
});

test('an open that completes after the open timeout is closed, not leaked', async () => {
  let finishOpen!: () => void;
  const opened: Transport[] = [];
  const closed: Transport[] = [];
  const supervisor = new DeviceSupervisor({
    name: 'slow-open',
    createTransport: () => {
      const { host } = createMemoryPair();
      const open = host.open.bind(host);
      const close = host.close.bind(host);
      host.open = async () => {
        await new Promise<void>((resolve) => {
          finishOpen = resolve;
        });
        await open();
        opened.push(host);
      };
      host.close = async () => {
        closed.push(host);
        await close();
      };
      return host;
    },
    onOpen: async () => {},
    openTimeoutMs: 20,
    backoffMs: { min: 10_000, max: 10_000 },
  });
  try {
    await until('the open timeout', () => /no answer/.test(JSON.stringify(supervisor.status)));
    const closesBefore = closed.length;
    finishOpen();
    await until('the late link closed', () => closed.length > closesBefore, 500);
    assert.equal(opened.length, 1);
    assert.equal(opened[0]?.isOpen, false);
  } finally {
    await supervisor.stop();
  }
});
