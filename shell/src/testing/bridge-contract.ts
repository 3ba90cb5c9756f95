import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ControlAction, ControlState } from '@yimen/drivers/agent/simulate';
import { SAMPLE_TICKET } from '@yimen/drivers/printer/samples';
import type { BridgeEventName, BridgeEvents, TerminalBridge } from '@yimen/protocol';

/** A bridge under test, wired to a device layer whose devices are simulators. */
export interface BridgeUnderTest {
  readonly bridge: TerminalBridge;
  act(action: ControlAction): Promise<void>;
  state(): ControlState;
  close(): Promise<void>;
}

function nextEvent<E extends BridgeEventName>(
  bridge: TerminalBridge,
  event: E,
  match: (payload: BridgeEvents[E]) => boolean = () => true,
  ms = 5000,
): Promise<BridgeEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const off = bridge.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The one contract every TerminalBridge meets, whichever way it reaches the devices: a kiosk
 * with a simulated ID card reader and ticket printer. Run once per implementation.
 */
export function bridgeContract(name: string, open: () => Promise<BridgeUnderTest>): void {
  let subject: BridgeUnderTest;

  before(async () => {
    subject = await open();
    await eventually(async () => {
      const status = await subject.bridge.status();
      return (
        status.ok && status.result.devices.idcard?.state === 'ready' && status.result.devices.printer?.state === 'ready'
      );
    }, 15_000);
  });

  after(async () => {
    await subject.close();
  });

  test(`${name}: status names the configured devices, and only those`, async () => {
    const status = await subject.bridge.status();
    assert.ok(status.ok);
    assert.deepEqual(Object.keys(status.result.devices).sort(), ['idcard', 'printer']);
  });

  test(`${name}: a card on the reader arrives whole for the hall, masked for the screen`, async () => {
    assert.ok((await subject.bridge.idcard.start()).ok);
    const card = nextEvent(subject.bridge, 'card');
    await subject.act({ action: 'card.place', sample: 'elderly' });
    const event = await card;
    assert.equal(event.card.birthDate, '1948-05-12');
    assert.match(event.card.idNumber, /^\d{17}[\dX]$/);
    assert.equal(event.masked.name, '赵*试');
    assert.match(event.masked.idNumber, /^3204\*{10}\d{3}[\dX]$/);
    const removed = nextEvent(subject.bridge, 'cardRemoved');
    await subject.act({ action: 'card.remove' });
    await removed;
  });

  test(`${name}: a ticket prints, and the printer has it`, async () => {
    const before = subject.state().printouts.length;
    const result = await subject.bridge.print({ template: 'ticket', ticket: SAMPLE_TICKET });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.result.template, 'ticket');
    await eventually(async () => subject.state().printouts.length === before + 1);
  });

  test(`${name}: out of paper, printing fails with the reason, and the status says so`, async () => {
    const fault = nextEvent(subject.bridge, 'status', (s) => s.printer?.paperOut === true);
    await subject.act({ action: 'printer.paper', paper: 'out' });
    const result = await subject.bridge.print({ template: 'ticket', ticket: SAMPLE_TICKET });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'paperOut');
    assert.match(result.error.message, /纸/);
    await fault;
    await subject.act({ action: 'printer.paper', paper: 'ok' });
    await eventually(async () => {
      const status = await subject.bridge.status();
      return status.ok && status.result.printer?.paperOut === false;
    });
  });

  test(`${name}: bad params and devices the terminal lacks are refused as values, not thrown`, async () => {
    const bad = await subject.bridge.print({ template: 'nope' } as never);
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'badRequest');
    const missing = await subject.bridge.fingerprint.identify({ timeoutMs: 1000 });
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'notConfigured');
  });

  test(`${name}: a listener removed hears nothing more`, async () => {
    let heard = 0;
    const off = subject.bridge.on('card', () => heard++);
    off();
    const card = nextEvent(subject.bridge, 'card');
    await subject.act({ action: 'card.place', sample: 'resident' });
    await card;
    await subject.act({ action: 'card.remove' });
    assert.equal(heard, 0);
  });
}
