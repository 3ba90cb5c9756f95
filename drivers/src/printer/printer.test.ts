import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryPair } from '../transport/memory';
import { PrinterError, type PrinterErrorCode } from './errors';
import { EscPosPrinter, type PrinterState } from './printer';
import { SAMPLE_TICKET } from './samples';
import { PrinterSimulator } from './simulator';

const FAST = { statusTimeoutMs: 100, pollIntervalMs: 30, backoffMs: { min: 20, max: 100 } };

async function setup() {
  const { host, device } = createMemoryPair();
  const simulator = new PrinterSimulator();
  await simulator.serve(device);
  const printer = new EscPosPrinter({ createTransport: () => host, paperWidth: 58, ...FAST });
  return { host, device, simulator, printer };
}

function until(printer: EscPosPrinter, ok: (s: PrinterState) => boolean, timeoutMs = 3000): Promise<PrinterState> {
  const now = { device: printer.status, printer: printer.printerStatus };
  if (ok(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`state not reached; last ${JSON.stringify(printer.status)}`));
    }, timeoutMs);
    const off = printer.onStatus((s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

const ready = (s: PrinterState) => s.device.state === 'ready';
const isCode = (code: PrinterErrorCode) => (e: unknown) => e instanceof PrinterError && e.code === code;

test('a ready printer prints a ticket the simulator decodes', async () => {
  const { simulator, printer } = await setup();
  try {
    const state = await until(printer, ready);
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
  } finally {
    await printer.stop();
  }
});

test('out of paper: print rejects with paperOut, nothing is sent, status shows it', async () => {
  const { simulator, printer } = await setup();
  try {
    await until(printer, ready);
    simulator.setPaper('out');
    await assert.rejects(printer.printTicket(SAMPLE_TICKET), isCode('paperOut'));
    assert.deepEqual(printer.status, { state: 'fault', reason: 'paperOut' });
    assert.equal(printer.printerStatus?.paperOut, true);
    assert.equal(simulator.documents.length, 0);
    assert.equal(simulator.dropped, 0);
    simulator.setPaper('ok');
    await until(printer, ready);
    await printer.printTicket(SAMPLE_TICKET);
    assert.equal(simulator.documents.length, 1);
  } finally {
    await printer.stop();
  }
});

test('cover open and offline are typed too; near end still prints', async () => {
  const { simulator, printer } = await setup();
  try {
    await until(printer, ready);
    simulator.setCoverOpen(true);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('coverOpen'));
    assert.deepEqual(printer.status, { state: 'fault', reason: 'coverOpen' });
    simulator.setCoverOpen(false);
    simulator.setOffline(true);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('offline'));
    simulator.setOffline(false);
    simulator.setPaper('nearEnd');
    const state = await until(printer, (s) => s.printer?.paperNearEnd === true);
    assert.equal(state.device.state, 'ready');
    await printer.print(Buffer.from('ok\n'));
  } finally {
    await printer.stop();
  }
});

test('paper running out during a job rejects the print instead of reporting success', async () => {
  const { simulator, printer } = await setup();
  try {
    await until(printer, ready);
    simulator.onDocument(() => simulator.setPaper('out'));
    await assert.rejects(printer.printTicket(SAMPLE_TICKET), isCode('paperOut'));
  } finally {
    await printer.stop();
  }
});

test('polling notices a change without any print', async () => {
  const { simulator, printer } = await setup();
  try {
    await until(printer, ready);
    simulator.setCoverOpen(true);
    const state = await until(printer, (s) => s.device.state === 'fault');
    assert.deepEqual(state.device, { state: 'fault', reason: 'coverOpen' });
    assert.equal(state.printer?.coverOpen, true);
  } finally {
    await printer.stop();
  }
});

test('a device that never answers status is absent, and print says so', async () => {
  const { host, device } = createMemoryPair();
  await device.open();
  const printer = new EscPosPrinter({ createTransport: () => host, ...FAST });
  try {
    const state = await until(printer, (s) => s.device.state === 'absent' && /status/.test(s.device.reason ?? ''));
    assert.equal(state.printer, null);
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('absent'));
    await assert.rejects(printer.queryStatus(), isCode('absent'));
  } finally {
    await printer.stop();
  }
});

test('a printer that stops answering times out, goes absent, and comes back', async () => {
  const { device, simulator, printer } = await setup();
  try {
    await until(printer, ready);
    await simulator.disconnect();
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('timeout'));
    await until(printer, (s) => s.device.state === 'absent');
    await simulator.serve(device);
    await until(printer, ready);
    await printer.print(Buffer.from('back\n'));
  } finally {
    await printer.stop();
  }
});

test('unplugged: absent; replugged: ready', async () => {
  const { host, printer } = await setup();
  try {
    await until(printer, ready);
    host.unplug();
    await until(printer, (s) => s.device.state === 'absent');
    await assert.rejects(printer.print(Buffer.from('x\n')), isCode('absent'));
    host.replug();
    await until(printer, ready);
  } finally {
    await printer.stop();
  }
});

test('garbage instead of status replies is a fault, never a crash', async () => {
  const { host, device } = createMemoryPair();
  await device.open();
  device.onData(() => void device.write(Uint8Array.of(0xff)).catch(() => {}));
  const printer = new EscPosPrinter({ createTransport: () => host, ...FAST });
  try {
    const state = await until(printer, (s) => s.device.state === 'fault');
    assert.match((state.device as { reason: string }).reason, /status byte/);
  } finally {
    await printer.stop();
  }
});
