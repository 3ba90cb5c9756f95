import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { BridgeEventName, BridgeEvents, BridgeReply } from '@yimen/protocol';
import { sampleCards } from '../idcard/samples';
import { SAMPLE_TICKET } from '../printer/samples';
import { defaultSimulateConfig, parseConfig } from './config';
import { DeviceHost } from './device-host';
import { hostDevicesFromConfig } from './links';
import { CLERK_PAGE_ID, ControlError, Simulation } from './simulate';

async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function result<T>(reply: BridgeReply<T>): T {
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return (reply as Extract<BridgeReply<T>, { ok: true }>).result;
}

function socatChildren(): string[] {
  const found = spawnSync('pgrep', ['-P', String(process.pid), 'socat'], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean);
}

test('simulate mode: every device over real ptys, TCP and injected HID, driven by the control actions', async () => {
  const config = defaultSimulateConfig('t'.repeat(32));
  const simulation = await Simulation.start(config.devices, { fingerHoldMs: 400 });
  assert.equal(socatChildren().length, 4, 'one socat per serial device: idcard, fingerprint, caller bus, LED');
  const host = new DeviceHost(hostDevicesFromConfig(config.devices, simulation.link));
  const events: { [E in BridgeEventName]?: BridgeEvents[E][] } = {
    card: [],
    cardRemoved: [],
    rating: [],
    callerKey: [],
  };
  for (const name of ['card', 'cardRemoved', 'rating', 'callerKey'] as const) {
    host.on(name, (payload) => (events[name] as unknown[]).push(payload));
  }
  try {
    await until(
      () => Object.values(host.currentStatus().devices).every((s) => s.state === 'ready'),
      'every device ready',
    );
    result(await host.idcard.start());
    await simulation.act({ action: 'card.place', sample: 'resident' });
    await until(() => events.card?.length === 1, 'card over the pty');
    assert.equal(events.card?.[0]?.card.idNumber, sampleCards.resident.idNumber);
    assert.deepEqual(simulation.state().card, {
      sample: 'resident',
      name: '王*试',
      idNumber: `1101**********${sampleCards.resident.idNumber.slice(-4)}`,
    });
    await simulation.act({ action: 'card.remove' });
    await until(() => events.cardRemoved?.length === 1, 'card removed');

    const identify = host.fingerprint.identify({ timeoutMs: 3000 });
    await simulation.act({ action: 'finger.press', finger: 'clerk' });
    assert.deepEqual(result(await identify), { kind: 'match', pageId: CLERK_PAGE_ID, score: 150 });
    await until(() => simulation.state().finger === null, 'finger lifted by itself');

    await simulation.act({ action: 'rating.press', level: 'basic' });
    await simulation.act({ action: 'caller.press', key: 'call' });
    await simulation.act({ action: 'caller.rate', level: 'satisfied' });
    await until(() => events.rating?.length === 2 && events.callerKey?.length === 1, 'ratings and key');
    assert.deepEqual(
      events.rating?.map((r) => [r.source, r.level]),
      [
        ['ratingPad', 'basic'],
        ['callerBus', 'satisfied'],
      ],
    );

    result(await host.led({ type: 'ticket', ticket: 'B007', window: '5' }));
    assert.equal(simulation.state().led?.text, '请B007号到5号窗口');

    result(await host.print({ template: 'ticket', ticket: SAMPLE_TICKET }));
    await until(() => simulation.state().printouts[0]?.hasPng === true, 'printout drawn', 8000);
    const [printout] = simulation.state().printouts;
    assert.equal(printout?.n, 1);
    assert.ok(printout?.preview.some((line) => line.includes(SAMPLE_TICKET.hallName)));
    const png = await readFile(simulation.printoutPng(1) ?? '');
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    await simulation.act({ action: 'printer.paper', paper: 'out' });
    const refused = await host.print({ template: 'ticket', ticket: SAMPLE_TICKET });
    assert.equal(refused.ok ? 'printed' : refused.error.code, 'paperOut');
    assert.equal(simulation.state().printouts.length, 1);
  } finally {
    await host.close();
    await simulation.close();
  }
  assert.deepEqual(socatChildren(), [], 'close kills every socat');
});

test('control actions on a device the terminal does not have are refused', async () => {
  const config = parseConfig({
    terminal: { id: 'w', role: 'evaluator' },
    agent: { token: 't'.repeat(16) },
    devices: { ratingPad: { transport: { type: 'hid', vendorId: 0x1209, productId: 1 } } },
  });
  const simulation = await Simulation.start(config.devices);
  try {
    assert.deepEqual(simulation.kinds, ['ratingPad']);
    await assert.rejects(
      simulation.act({ action: 'card.place', sample: 'resident' }),
      (error: unknown) => error instanceof ControlError && error.code === 'notConfigured',
    );
    assert.throws(() => simulation.link('printer'), /not simulated/);
    assert.equal(simulation.state().printer, null);
  } finally {
    await simulation.close();
  }
});
