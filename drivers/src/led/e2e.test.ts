import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { waitForStatus, withPtyPair } from '../transport/test-support';
import { SerialLedBar } from './led-bar';
import { LedBarSimulator } from './simulator';

test('LED bar over a real pty pair: text, ticket, brightness; bar gone → absent, back → ready', () =>
  withPtyPair(9600, async (pty) => {
    const simulator = new LedBarSimulator(pty.deviceSide(), 1);
    await simulator.open();
    const bar = new SerialLedBar({
      createTransport: pty.hostSide,
      address: 1,
      ackTimeoutMs: 300,
      heartbeatMs: 100,
      backoffMs: { min: 50, max: 200 },
    });
    const statuses: DeviceStatus['state'][] = [];
    bar.onStatus((s) => statuses.push(s.state));
    try {
      await waitForStatus(bar, 'ready', 4000);
      await bar.showText('请保持安静', { scroll: true });
      assert.deepEqual(simulator.view, { mode: 'text', text: '请保持安静', scroll: true, brightness: 8 });
      await bar.showTicket('A012', 3);
      await bar.setBrightness(12);
      assert.deepEqual(simulator.view, { mode: 'ticket', text: '请A012号到3号窗口', scroll: false, brightness: 12 });

      await simulator.close();
      await waitForStatus(bar, 'absent', 4000);
      await simulator.open();
      await waitForStatus(bar, 'ready', 4000);
      // The host replays what the bar should show.
      assert.equal(simulator.view.text, '请A012号到3号窗口');
      await bar.paused();
      assert.equal(simulator.view.text, '暂停服务');
      assert.deepEqual(statuses.slice(0, 2), ['ready', 'absent']);
      assert.equal(statuses.at(-1), 'ready');
    } finally {
      await bar.stop();
      await simulator.close();
    }
  }));
