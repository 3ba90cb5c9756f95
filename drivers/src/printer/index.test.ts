import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as escpos from './index';
import { SAMPLE_TICKET } from './samples';

test('escpos.renderTicket and escpos.decode round-trip through the public entry point', () => {
  const result = escpos.decode(escpos.renderTicket(SAMPLE_TICKET, { width: 58 }));
  assert.ok(result.lines.some((l) => l.text === SAMPLE_TICKET.number));
  assert.deepEqual(
    result.qr.map((q) => q.payload),
    [SAMPLE_TICKET.statusUrl],
  );
  assert.equal(result.cuts, 1);
  for (const name of ['EscPosPrinter', 'PrinterSimulator', 'startTcpPrinterSimulator', 'renderPng', 'PrinterError']) {
    assert.equal(typeof (escpos as Record<string, unknown>)[name], 'function', name);
  }
});
