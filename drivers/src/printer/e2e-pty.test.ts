import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { PrinterError } from './errors';
import { EscPosPrinter, type PrinterState } from './printer';
import { SAMPLE_TICKET } from './samples';
import { PrinterSimulator } from './simulator';

function until(printer: EscPosPrinter, ok: (s: PrinterState) => boolean, timeoutMs = 5000): Promise<PrinterState> {
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

test('serial printer over a socat pty pair with the real serialport package', async () => {
  const pair = await createPtyPair();
  const simulator = new PrinterSimulator();
  const deviceSide = () => new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
  await simulator.serve(deviceSide());
  const printer = new EscPosPrinter({
    createTransport: () => new SerialTransport({ path: pair.hostPath, baudRate: 9600 }),
    paperWidth: 58,
    statusTimeoutMs: 300,
    pollIntervalMs: 50,
    maxMissedPolls: 1,
    backoffMs: { min: 20, max: 200 },
  });
  try {
    await until(printer, (s) => s.device.state === 'ready');

    const next = simulator.nextDocument();
    await printer.printTicket(SAMPLE_TICKET);
    const ticket = await next;
    assert.ok(ticket.lines.some((l) => l.text === 'A012' && l.width === 4));
    assert.ok(ticket.lines.some((l) => l.text === '前面等候：12 人'));
    assert.deepEqual(
      ticket.qr.map((q) => q.payload),
      [SAMPLE_TICKET.statusUrl],
    );

    simulator.setPaper('out');
    await assert.rejects(
      printer.printTicket(SAMPLE_TICKET),
      (e: unknown) => e instanceof PrinterError && e.code === 'paperOut',
    );
    assert.equal(printer.printerStatus?.paperOut, true);
    simulator.setPaper('ok');
    await until(printer, (s) => s.device.state === 'ready');

    // Unplugged: the printer end of the line goes quiet.
    await simulator.disconnect();
    await until(printer, (s) => s.device.state === 'absent');
    await assert.rejects(
      printer.printTicket(SAMPLE_TICKET),
      (e: unknown) => e instanceof PrinterError && (e.code === 'absent' || e.code === 'timeout'),
    );

    await simulator.serve(deviceSide());
    await until(printer, (s) => s.device.state === 'ready');
    await printer.printTicket(SAMPLE_TICKET);
    assert.equal(simulator.documents.length, 2);
    assert.deepEqual(simulator.issues, []);
  } finally {
    await printer.stop();
    await simulator.disconnect();
    await pair.close();
  }
});
