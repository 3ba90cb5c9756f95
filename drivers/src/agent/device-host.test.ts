import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BridgeEventName, BridgeEvents, BridgeReply, BridgeStatus } from '@yimen/protocol';
import { CallerBusSimulator } from '../caller-bus/simulator';
import { FingerprintSimulator } from '../fingerprint/simulator';
import { invalidResidentCard, sampleCards } from '../idcard/samples';
import { IdCardSimulator } from '../idcard/simulator';
import { LedBarSimulator } from '../led/simulator';
import { SAMPLE_TICKET } from '../printer/samples';
import { PrinterSimulator } from '../printer/simulator';
import { RatingPadSimulator } from '../rating-pad/simulator';
import { createMemoryPair } from '../transport/memory';
import { DeviceHost } from './device-host';

const BACKOFF = { min: 20, max: 50 };

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function failed<T>(reply: BridgeReply<T>) {
  assert.equal(reply.ok, false, JSON.stringify(reply));
  return (reply as Extract<BridgeReply<T>, { ok: false }>).error;
}

function result<T>(reply: BridgeReply<T>): T {
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return (reply as Extract<BridgeReply<T>, { ok: true }>).result;
}

/** Every device on an in-memory link to its simulator. */
async function rig() {
  const links = {
    idcard: createMemoryPair(),
    fingerprint: createMemoryPair(),
    printer: createMemoryPair(),
    callerBus: createMemoryPair(),
    led: createMemoryPair(),
  };
  const sims = {
    idcard: new IdCardSimulator(links.idcard.device),
    fingerprint: new FingerprintSimulator(links.fingerprint.device),
    printer: new PrinterSimulator(),
    ratingPad: new RatingPadSimulator(),
    callerBus: new CallerBusSimulator(links.callerBus.device),
    led: new LedBarSimulator(links.led.device, 1),
  };
  await sims.idcard.open();
  await sims.fingerprint.start();
  await sims.printer.serve(links.printer.device);
  await sims.callerBus.open();
  await sims.led.open();
  const logs: string[] = [];
  const host = new DeviceHost(
    {
      idcard: { createTransport: () => links.idcard.host, pollIntervalMs: 10, backoffMs: BACKOFF },
      fingerprint: {
        createTransport: () => links.fingerprint.host,
        pollIntervalMs: 10,
        probeIntervalMs: 0,
        backoffMs: BACKOFF,
      },
      printer: { createTransport: () => links.printer.host, pollIntervalMs: 30, backoffMs: BACKOFF },
      ratingPad: { createTransport: () => sims.ratingPad.createTransport(), backoffMs: BACKOFF },
      callerBus: { createTransport: () => links.callerBus.host, backoffMs: BACKOFF },
      led: { createTransport: () => links.led.host, heartbeatMs: 1000, backoffMs: BACKOFF },
    },
    { log: (line) => logs.push(line), now: () => 1_700_000_000_000 },
  );
  const events: { [E in BridgeEventName]?: BridgeEvents[E][] } = {};
  for (const name of ['status', 'card', 'cardRemoved', 'cardRejected', 'rating', 'callerKey', 'fingerprint'] as const) {
    const list: unknown[] = [];
    (events as Record<string, unknown[]>)[name] = list;
    host.on(name, (payload) => list.push(payload));
  }
  const allReady = () => Object.values(host.currentStatus().devices).every((s) => s.state === 'ready');
  await until(() => host.kinds.length === 6 && allReady(), 'every device ready');
  return { host, sims, links, logs, events: events as { [E in BridgeEventName]: BridgeEvents[E][] } };
}

type Rig = Awaited<ReturnType<typeof rig>>;

async function withRig(body: (r: Rig) => Promise<void>): Promise<void> {
  const r = await rig();
  try {
    await body(r);
  } finally {
    await r.host.close();
  }
}

test('status aggregates every device and the printer report, and is pushed as it changes', async () => {
  await withRig(async ({ host, events }) => {
    const status = result(await host.status());
    assert.deepEqual(Object.keys(status.devices).sort(), [
      'callerBus',
      'fingerprint',
      'idcard',
      'led',
      'printer',
      'ratingPad',
    ]);
    assert.deepEqual(status.printer, { online: true, coverOpen: false, paperNearEnd: false, paperOut: false });
    const last = events.status.at(-1) as BridgeStatus;
    assert.deepEqual(last, status, 'the last pushed status is the current one');
  });
});

test('one card event per placement, with masked forms; the log never holds the full number or name', async () => {
  await withRig(async ({ host, sims, events, logs }) => {
    const card = sampleCards.resident;
    sims.idcard.placeCard(card);
    await sleep(60);
    assert.equal(events.card.length, 0, 'no card events before the terminal starts the reader');
    result(await host.idcard.start());
    await until(() => events.card.length === 1, 'card event');
    await sleep(100); // many more polls with the card still there
    assert.equal(events.card.length, 1);
    const [event] = events.card;
    assert.equal(event?.card.idNumber, card.idNumber, 'the bridge delivers the full number for hashing');
    assert.deepEqual(event?.masked, {
      name: '王*试',
      idNumber: `${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(-4)}`,
    });

    sims.idcard.removeCard();
    await until(() => events.cardRemoved.length === 1, 'removed');
    sims.idcard.placeCard(sampleCards.residentLongTerm);
    await until(() => events.card.length === 2, 'second placement');
    assert.equal(events.card[1]?.masked.name, '李*例');

    sims.idcard.removeCard();
    await until(() => events.cardRemoved.length === 2, 'removed again');
    sims.idcard.placeCard(invalidResidentCard());
    await until(() => events.cardRejected.length === 1, 'rejected');
    assert.equal(events.cardRejected[0]?.code, 'invalidIdNumber');
    assert.equal(events.card.length, 2, 'an invalid card is never delivered');

    const text = logs.join('\n');
    for (const secret of [
      card.idNumber,
      card.name,
      sampleCards.residentLongTerm.idNumber,
      invalidResidentCard().idNumber,
    ]) {
      assert.ok(!text.includes(secret), `log must not contain ${secret}`);
    }
    assert.match(text, /王\*试 1101\*+/);

    result(await host.idcard.stop());
  });
});

test('print: the simulator decodes the ticket; paper out is a typed error and a fault status', async () => {
  await withRig(async ({ host, sims, events }) => {
    const printed = sims.printer.nextDocument();
    const reply = await host.print({ template: 'ticket', ticket: SAMPLE_TICKET });
    assert.deepEqual(result(reply), { template: 'ticket', printedAt: 1_700_000_000_000 });
    const document = await printed;
    assert.ok(document.lines.some((line) => line.text.includes(SAMPLE_TICKET.number)));
    assert.deepEqual(
      document.qr.map((qr) => qr.payload),
      [SAMPLE_TICKET.statusUrl],
    );

    sims.printer.setPaper('out');
    const error = failed(await host.print({ template: 'ticket', ticket: SAMPLE_TICKET }));
    assert.equal(error.code, 'paperOut');
    assert.equal(error.message, '打印机缺纸，请联系工作人员换纸');
    assert.equal(sims.printer.documents.length, 1, 'nothing printed into an empty printer');
    await until(() => events.status.at(-1)?.printer?.paperOut === true, 'paper out in the pushed status');
    assert.deepEqual(events.status.at(-1)?.devices.printer, { state: 'fault', reason: 'paperOut' });

    sims.printer.setPaper('ok');
    await until(() => events.status.at(-1)?.devices.printer?.state === 'ready', 'ready after new paper');
    assert.equal(
      result(
        await host.print({
          template: 'notice',
          notice: {
            title: '容缺受理通知书',
            paragraphs: ['请于5个工作日内补交材料。'],
            signature: { organization: '测试中心', date: 0, timeZone: 'Asia/Shanghai' },
          },
        }),
      ).template,
      'notice',
    );
  });
});

test('a printer that is gone answers absent', async () => {
  await withRig(async ({ host, links, events }) => {
    links.printer.host.unplug();
    await until(() => events.status.at(-1)?.devices.printer?.state === 'absent', 'printer absent');
    assert.equal(failed(await host.print({ template: 'ticket', ticket: SAMPLE_TICKET })).code, 'absent');
  });
});

test('fingerprint identify finds the clerk, misses a stranger, and cancel ends a wait', async () => {
  await withRig(async ({ host, sims, events }) => {
    sims.fingerprint.storeTemplate(4, 'clerk-chen');
    sims.fingerprint.pressFinger('clerk-chen');
    assert.deepEqual(result(await host.fingerprint.identify({ timeoutMs: 2000 })), {
      kind: 'match',
      pageId: 4,
      score: 150,
    });
    sims.fingerprint.pressFinger('stranger');
    assert.deepEqual(result(await host.fingerprint.identify({ timeoutMs: 2000 })), { kind: 'noMatch' });
    sims.fingerprint.liftFinger();
    const waiting = host.fingerprint.identify({ timeoutMs: 5000 });
    await sleep(50);
    result(await host.fingerprint.cancel());
    assert.deepEqual(result(await waiting), { kind: 'cancelled' });
    assert.deepEqual(
      events.fingerprint.map((e) => (e.type === 'identified' ? e.outcome.kind : e.type)),
      ['match', 'noMatch', 'cancelled'],
    );
  });
});

test('fingerprint enroll reports each step as an event', async () => {
  await withRig(async ({ host, sims, events }) => {
    host.on('fingerprint', (event) => {
      if (event.type !== 'step') return;
      setTimeout(
        () => (event.step === 'lift' ? sims.fingerprint.liftFinger() : sims.fingerprint.pressFinger('new-clerk')),
        20,
      );
    });
    assert.deepEqual(result(await host.fingerprint.enroll({ pageId: 9, timeoutMs: 2000 })), {
      kind: 'enrolled',
      pageId: 9,
    });
    assert.deepEqual(
      events.fingerprint.map((e) => (e.type === 'step' ? e.step : e.type)),
      ['press', 'lift', 'pressAgain', 'enrolled'],
    );
    assert.equal(sims.fingerprint.library().get(9), 'new-clerk');
  });
});

test('ratings from the HID pad and the caller bus, and caller keys, arrive as events', async () => {
  await withRig(async ({ sims, events }) => {
    sims.ratingPad.press('verySatisfied');
    await sims.callerBus.rate(0x21, 'dissatisfied');
    await sims.callerBus.press(1, 'call');
    await until(() => events.rating.length === 2 && events.callerKey.length === 1, 'events');
    assert.deepEqual(events.rating, [
      { level: 'verySatisfied', source: 'ratingPad', at: events.rating[0]?.at },
      { level: 'dissatisfied', source: 'callerBus', address: 0x21, at: events.rating[1]?.at },
    ]);
    assert.equal(typeof events.rating[0]?.at, 'number');
    assert.equal(events.callerKey[0]?.action, 'call');
  });
});

test('led shows what it is told; a value the bar cannot take is invalidInput, not a crash', async () => {
  await withRig(async ({ host, sims }) => {
    result(await host.led({ type: 'ticket', ticket: 'A012', window: '3' }));
    assert.equal(sims.led.view.text, '请A012号到3号窗口');
    result(await host.led({ type: 'brightness', level: 12 }));
    assert.equal(sims.led.view.brightness, 12);
    // Electron main calls the host without the wire's zod check.
    assert.equal(failed(await host.led({ type: 'brightness', level: 99 })).code, 'invalidInput');
    result(await host.led({ type: 'idle' }));
    assert.equal(sims.led.view.mode, 'idle');
  });
});

test('a terminal without devices answers notConfigured and closes cleanly', async () => {
  const host = new DeviceHost({});
  assert.deepEqual(result(await host.status()), { devices: {}, printer: null });
  const error = failed(await host.print({ template: 'ticket', ticket: SAMPLE_TICKET }));
  assert.deepEqual([error.code, error.message], ['notConfigured', '本终端未配置打印机']);
  assert.equal(failed(await host.fingerprint.identify()).code, 'notConfigured');
  assert.equal(failed(await host.fingerprint.cancel()).code, 'notConfigured');
  assert.equal(failed(await host.idcard.start()).code, 'notConfigured');
  assert.equal(failed(await host.led({ type: 'idle' })).code, 'notConfigured');
  await host.close();
});
