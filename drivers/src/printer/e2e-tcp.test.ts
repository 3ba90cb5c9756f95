import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TcpTransport } from '../transport/tcp';
import { PrinterError } from './errors';
import { EscPosPrinter } from './printer';
import { SAMPLE_MATERIALS_LIST, SAMPLE_TICKET } from './samples';
import { startTcpPrinterSimulator } from './simulator';
import { untilPrinter } from './test-support';

const E2E_TIMEOUT_MS = 5000;

test('network printer on 127.0.0.1: print, paper out, unplug and replug', async () => {
  let server = await startTcpPrinterSimulator({ port: 0 });
  const { simulator, port } = server;
  const printer = new EscPosPrinter({
    createTransport: () => new TcpTransport({ host: '127.0.0.1', port }),
    paperWidth: 80,
    statusTimeoutMs: 300,
    pollIntervalMs: 50,
    backoffMs: { min: 20, max: 200 },
  });
  try {
    await untilPrinter(printer, (s) => s.device.state === 'ready', E2E_TIMEOUT_MS);

    const next = simulator.nextDocument();
    await printer.printTicket(SAMPLE_TICKET);
    const ticket = await next;
    const texts = ticket.lines.map((l) => l.text);
    assert.ok(texts.includes('A012'));
    assert.ok(texts.includes('取号时间：2025-03-05 09:07'));
    assert.deepEqual(
      ticket.qr.map((q) => q.payload),
      [SAMPLE_TICKET.statusUrl],
    );

    await printer.printMaterialsList(SAMPLE_MATERIALS_LIST);
    assert.ok(simulator.documents[1]?.lines.some((l) => l.text === '收费金额：￥80.00'));

    simulator.setPaper('out');
    await assert.rejects(
      printer.printTicket(SAMPLE_TICKET),
      (e: unknown) => e instanceof PrinterError && e.code === 'paperOut',
    );
    assert.equal(printer.printerStatus?.paperOut, true);
    assert.deepEqual(printer.status, { state: 'fault', reason: 'paperOut' });
    simulator.setPaper('ok');

    await server.close();
    await untilPrinter(printer, (s) => s.device.state === 'absent', E2E_TIMEOUT_MS);
    await assert.rejects(
      printer.printTicket(SAMPLE_TICKET),
      (e: unknown) => e instanceof PrinterError && e.code === 'absent',
    );

    server = await startTcpPrinterSimulator({ port, simulator });
    await untilPrinter(printer, (s) => s.device.state === 'ready', E2E_TIMEOUT_MS);
    await printer.printTicket(SAMPLE_TICKET);
    assert.equal(simulator.documents.length, 3);
    assert.deepEqual(simulator.issues, []);
  } finally {
    await printer.stop();
    await server.close();
  }
});

test('the simulator listens on 127.0.0.1 only', async () => {
  const server = await startTcpPrinterSimulator();
  try {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const transport = new TcpTransport({ host: external.address, port: server.port, connectTimeoutMs: 500 });
      await assert.rejects(transport.open());
    }
    // Listening on "::" (every interface) would accept this.
    await assert.rejects(new TcpTransport({ host: '::1', port: server.port, connectTimeoutMs: 500 }).open());
    const local = new TcpTransport({ host: '127.0.0.1', port: server.port });
    await local.open();
    await local.close();
  } finally {
    await server.close();
  }
});
