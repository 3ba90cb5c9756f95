import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { createPtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { SerialLedBar } from './led-bar';
import { LedBarSimulator } from './simulator';

async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('LED bar over a real pty pair: text, ticket, brightness; bar gone → absent, back → ready', async () => {
  const pair = await createPtyPair();
  const simulator = new LedBarSimulator(new SerialTransport({ path: pair.devicePath, baudRate: 9600 }), 1);
  await simulator.open();
  const bar = new SerialLedBar({
    createTransport: () => new SerialTransport({ path: pair.hostPath, baudRate: 9600 }),
    address: 1,
    ackTimeoutMs: 300,
    heartbeatMs: 100,
    backoffMs: { min: 50, max: 200 },
  });
  const statuses: DeviceStatus['state'][] = [];
  bar.onStatus((s) => statuses.push(s.state));
  try {
    await until(() => bar.status.state === 'ready', 'ready');
    await bar.showText('请保持安静', { scroll: true });
    assert.deepEqual(simulator.view, { mode: 'text', text: '请保持安静', scroll: true, brightness: 8 });
    await bar.showTicket('A012', 3);
    await bar.setBrightness(12);
    assert.deepEqual(simulator.view, { mode: 'ticket', text: '请A012号到3号窗口', scroll: false, brightness: 12 });

    await simulator.close();
    await until(() => bar.status.state === 'absent', 'absent after the bar closed');
    await simulator.open();
    await until(() => bar.status.state === 'ready', 'ready after the bar reopened');
    // The host replays what the bar should show.
    assert.equal(simulator.view.text, '请A012号到3号窗口');
    await bar.paused();
    assert.equal(simulator.view.text, '暂停服务');
    assert.deepEqual(statuses.slice(0, 2), ['ready', 'absent']);
    assert.equal(statuses.at(-1), 'ready');
  } finally {
    await bar.stop();
    await simulator.close();
    await pair.close();
  }
});
