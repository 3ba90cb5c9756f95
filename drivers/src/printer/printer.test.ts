import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryPair, type MemoryTransport } from '../transport/memory';
import { PrinterError, type PrinterErrorCode } from './errors';
import { EscPosPrinter, type PrinterState } from './printer';
import { SAMPLE_TICKET } from './samples';
import { PrinterSimulator } from './simulator';
import { untilPrinter } from './test-support';

const FAST = { statusTimeoutMs: 100, pollIntervalMs: 30, backoffMs: { min: 20, max: 100 } };

interface Rig {
  host: MemoryTransport;
  device: MemoryTransport;
  simulator: PrinterSimulator;
  printer: EscPosPrinter;
}

/** A 58 mm printer on a memory link to a simulator, stopped after `body`. */
async function withPrinter(body: (rig: Rig) => Promise<void>): Promise<void> {
  const { host, device } = createMemoryPair();
  const simulator = new PrinterSimulator();
  await simulator.serve(device);
  const printer = new EscPosPrinter({ createTransport: () => host, paperWidth: 58, ...FAST });
  try {
    await body({ host, device, simulator, printer });
  } finally {
    await printer.stop();
  }
}

const ready = (s: PrinterState) => s.device.state === 'ready';
const isCode = (code: PrinterErrorCode) => (e: unknown) => e instanceof PrinterError && e.code === code;

test('a ready printer prints a ticket the simulator decodes', () =>
  withPrinter(async ({ simulator, printer }) => {
    const state = await untilPrinter(printer, ready);
    assert.deepEqual(state.printer, { online: true, coverOpen: false, paperNearEnd: false, paperOut: false });
    const next = simulator.nextDocument();
    await printer.printTicket(SAMPLE_TICKET);
    const document = await next;
    assert.ok(document.lines.some((l) => l.text === 'A012' && l.width === 4));
    assert.deepEqual(
      document.qr.map((q) => q.payload),
      [SAMPLE_TICKET.statusUrl],
    );
    assert.deepEqual(simulator.issues, []);
  }));

test('out of paper: print rejects with paperOut, nothing is sent, status shows it', () =>
  withPrinter(async ({ simulator, printer }) => {
    await untilPrinter(printer, ready);
    simulator.setPaper('out');
    await assert.rejects(printer.printTicket(SAMPLE_TICKET), isCode('paperOut'));
    assert.deepEqual(printer.status, { state: 'fault', reason: 'paperOut' });
    assert.equal(printer.printerStatus?.paperOut, true);
    assert.equal(simulator.documents.length, 0);
    assert.equal(simulator.dropped, 0);
    simulator.setPaper('ok');
    await untilPrinter(printer, ready);
    await printer.printTicket(SAMPLE_TICKET);
    assert.equal(simulator.documents.length, 1);
  }));

test('cover open and offline are typed too; near end still prints', () =>
  withPrinter(async ({ simulator, printer }) => {
    await untilPrinter(printer, ready);
    simulator.setCoverOpen(true);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('coverOpen'));
    assert.deepEqual(printer.status, { state: 'fault', reason: 'coverOpen' });
    simulator.setCoverOpen(false);
    simulator.setOffline(true);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('offline'));
    simulator.setOffline(false);
    simulator.setPaper('nearEnd');
    const state = await untilPrinter(printer, (s) => s.printer?.paperNearEnd === true);
    assert.equal(state.device.state, 'ready');
    await printer.print(Buffer.from('ok\n'));
  }));

test('paper running out during a job rejects the print instead of reporting success', () =>
  withPrinter(async ({ simulator, printer }) => {
    await untilPrinter(printer, ready);
    simulator.onDocument(() => simulator.setPaper('out'));
    await assert.rejects(printer.printTicket(SAMPLE_TICKET), isCode('paperOut'));
  }));

test('polling notices a change without any print', () =>
  withPrinter(async ({ simulator, printer }) => {
    await untilPrinter(printer, ready);
    simulator.setCoverOpen(true);
    const state = await untilPrinter(printer, (s) => s.device.state === 'fault');
    assert.deepEqual(state.device, { state: 'fault', reason: 'coverOpen' });
    assert.equal(state.printer?.coverOpen, true);
  }));

test('a device that never answers status is absent, and print says so', async () => {
  const { host, device } = createMemoryPair();
  await device.open();
  const printer = new EscPosPrinter({ createTransport: () => host, ...FAST });
  try {
    const state = await untilPrinter(
      printer,
      (s) => s.device.state === 'absent' && /status/.test(s.device.reason ?? ''),
    );
    assert.equal(state.printer, null);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('absent'));
    await assert.rejects(printer.queryStatus(), isCode('absent'));
  } finally {
    await printer.stop();
  }
});

test('a printer that stops answering times out, goes absent, and comes back', () =>
  withPrinter(async ({ device, simulator, printer }) => {
    await untilPrinter(printer, ready);
    await simulator.disconnect();
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('timeout'));
    await untilPrinter(printer, (s) => s.device.state === 'absent');
    await simulator.serve(device);
    await untilPrinter(printer, ready);
    await printer.print(Buffer.from('back\n'));
  }));

test('unplugged: absent; replugged: ready', () =>
  withPrinter(async ({ host, printer }) => {
    await untilPrinter(printer, ready);
    host.unplug();
    await untilPrinter(printer, (s) => s.device.state === 'absent');
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('absent'));
    host.replug();
    await untilPrinter(printer, ready);
  }));

test('garbage instead of status replies is a fault, never a crash', async () => {
  const { host, device } = createMemoryPair();
  await device.open();
  device.onData(() => void device.write(Uint8Array.of(0xff)).catch(() => {}));
  const printer = new EscPosPrinter({ createTransport: () => host, ...FAST });
  try {
    const state = await untilPrinter(printer, (s) => s.device.state === 'fault');
    assert.match((state.device as { reason: string }).reason, /status byte/);
  } finally {
    await printer.stop();
  }
});
