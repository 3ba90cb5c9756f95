import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPtyPair } from '../transport/test-support';
import { PrinterError } from './errors';
import { EscPosPrinter, type PrinterState } from './printer';
import { SAMPLE_TICKET } from './samples';
import { PrinterSimulator } from './simulator';
import { untilPrinter } from './test-support';

const E2E_TIMEOUT_MS = 5000;
const ready = (s: PrinterState) => s.device.state === 'ready';

test('serial printer over a socat pty pair with the real serialport package', () =>
  withPtyPair(9600, async (pty) => {
    const simulator = new PrinterSimulator();
    await simulator.serve(pty.deviceSide());
    const printer = new EscPosPrinter({
      createTransport: pty.hostSide,
      paperWidth: 58,
      statusTimeoutMs: 300,
      pollIntervalMs: 50,
      maxMissedPolls: 1,
      backoffMs: { min: 20, max: 200 },
    });
    try {
      await untilPrinter(printer, ready, E2E_TIMEOUT_MS);

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
      await untilPrinter(printer, ready, E2E_TIMEOUT_MS);

      // Unplugged: the printer end of the line goes quiet.
      await simulator.disconnect();
      await untilPrinter(printer, (s) => s.device.state === 'absent', E2E_TIMEOUT_MS);
      await assert.rejects(
        printer.printTicket(SAMPLE_TICKET),
        (e: unknown) => e instanceof PrinterError && (e.code === 'absent' || e.code === 'timeout'),
      );

      await simulator.serve(pty.deviceSide());
      await untilPrinter(printer, ready, E2E_TIMEOUT_MS);
      await printer.printTicket(SAMPLE_TICKET);
      assert.equal(simulator.documents.length, 2);
      assert.deepEqual(simulator.issues, []);
    } finally {
      await printer.stop();
      await simulator.disconnect();
    }
  }));
