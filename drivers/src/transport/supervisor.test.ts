import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { createMemoryPair } from './memory';
import { DeviceSupervisor } from './supervisor';
import { DeviceError, type Transport } from './transport';

function waitForStatus(supervisor: DeviceSupervisor, state: DeviceStatus['state'], ms = 2000): Promise<DeviceStatus> {
  if (supervisor.status.state === state) return Promise.resolve(supervisor.status);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status stayed ${JSON.stringify(supervisor.status)}, wanted ${state}`));
    }, ms);
    const off = supervisor.onStatus((status) => {
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(status);
    });
  });
}

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
  const started = Date.now();
  while (!/no answer within 20 ms/.test(JSON.stringify(supervisor.status)) && Date.now() - started < 1000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
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
  while (attempts.length < 8) await new Promise((resolve) => setTimeout(resolve, 5));
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
  await new Promise((resolve) => setTimeout(resolve, 80));
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
