import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryPair } from '../transport/memory';
import { delay, isDeviceError, until, waitForStatus } from '../transport/test-support';
import { LedCodecError } from './codec';
import { SerialLedBar } from './led-bar';
import { LedBarSimulator } from './simulator';

function setup(options: { simulatorAddress?: number; heartbeatMs?: number; ackTimeoutMs?: number } = {}) {
  const { host, device } = createMemoryPair();
  const simulator = new LedBarSimulator(device, options.simulatorAddress ?? 1);
  const bar = new SerialLedBar({
    createTransport: () => host,
    address: 1,
    ackTimeoutMs: options.ackTimeoutMs ?? 100,
    heartbeatMs: options.heartbeatMs ?? 60_000,
    backoffMs: { min: 20, max: 40 },
  });
  return { host, device, simulator, bar };
}

test('the bar shows text, tickets, pauses, idle and brightness the host sends', async () => {
  const { simulator, bar } = setup();
  await simulator.open();
  try {
    await waitForStatus(bar, 'ready');
    await bar.showText('欢迎光临', { scroll: true });
    assert.deepEqual(simulator.view, { mode: 'text', text: '欢迎光临', scroll: true, brightness: 8 });
    await bar.showTicket('A012', 3);
    assert.equal(simulator.view.text, '请A012号到3号窗口');
    await bar.paused('午休');
    assert.deepEqual(simulator.view, { mode: 'paused', text: '暂停服务：午休', scroll: false, brightness: 8 });
    await bar.setBrightness(15);
    await bar.idle();
    assert.deepEqual(simulator.view, { mode: 'idle', text: '', scroll: false, brightness: 15 });
    assert.deepEqual(
      simulator.commands.map((c) => c.type),
      ['ping', 'text', 'ticket', 'paused', 'brightness', 'idle'],
    );
  } finally {
    await bar.stop();
  }
});

test('an invalid brightness is a typed error and the link stays ready', async () => {
  const { simulator, bar } = setup();
  await simulator.open();
  try {
    await waitForStatus(bar, 'ready');
    await assert.rejects(bar.setBrightness(16), LedCodecError);
    assert.equal(bar.status.state, 'ready');
    await bar.showText('仍可显示');
    assert.equal(simulator.view.text, '仍可显示');
  } finally {
    await bar.stop();
  }
});

test('a bar that never answers is absent, and commands to it fail with DeviceError', async () => {
  const { simulator, bar } = setup({ simulatorAddress: 2 });
  await simulator.open();
  try {
    const reason = () => (bar.status.state === 'absent' ? (bar.status.reason ?? '') : '');
    await until('absent for want of an ACK', () => /no ACK/.test(reason()));
    await assert.rejects(bar.showText('x'), isDeviceError('absent'));
  } finally {
    await bar.stop();
  }
});

test('the heartbeat notices a bar that went away; back again, it shows the last content', async () => {
  const { simulator, bar, device } = setup({ heartbeatMs: 30 });
  await simulator.open();
  try {
    await waitForStatus(bar, 'ready');
    await bar.setBrightness(4);
    await bar.showTicket('B007', '12');
    await simulator.close();
    await waitForStatus(bar, 'absent');
    // A power-cycled bar: blank, default brightness.
    const fresh = new LedBarSimulator(device);
    await fresh.open();
    await waitForStatus(bar, 'ready');
    assert.deepEqual(fresh.view, { mode: 'ticket', text: '请B007号到12号窗口', scroll: false, brightness: 4 });
  } finally {
    await bar.stop();
  }
});

test('line noise before an ACK does not confuse the host', async () => {
  const { simulator, bar, device } = setup();
  await simulator.open();
  try {
    await waitForStatus(bar, 'ready');
    await device.write(Buffer.from([0x55, 0x00, 0x02, 0x99]));
    await bar.showText('噪声之后');
    assert.equal(simulator.view.text, '噪声之后');
    assert.equal(bar.status.state, 'ready');
  } finally {
    await bar.stop();
  }
});

test('a frame waiting for its ACK when the link drops fails at once and does not cost the next link', async () => {
  const ackTimeoutMs = 300;
  const { host, simulator, bar } = setup({ ackTimeoutMs });
  await simulator.open();
  try {
    await waitForStatus(bar, 'ready');
    // The bar goes quiet, then the adapter is pulled while a frame waits for its ACK.
    await simulator.close();
    const started = Date.now();
    const waiting = bar.showText('无人应答');
    await delay(20);
    host.unplug();
    await assert.rejects(waiting, isDeviceError('closed'));
    assert.ok(Date.now() - started < ackTimeoutMs, 'failed when the link dropped, not at the ACK deadline');
    await simulator.open();
    host.replug();
    await waitForStatus(bar, 'ready');
    // Past the old frame's deadline the new link is still up.
    await delay(ackTimeoutMs);
    assert.equal(bar.status.state, 'ready');
    await bar.showText('恢复');
    assert.equal(simulator.view.text, '恢复');
  } finally {
    await bar.stop();
  }
});
