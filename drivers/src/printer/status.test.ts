import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrinterError } from './errors';
import {
  decodeErrorCause,
  decodeOfflineCause,
  decodePaperSensor,
  decodePrinterStatus,
  encodeStatusByte,
  printBlocker,
  toPrinterStatus,
} from './status';

// Reply bytes from the hardware reference, section 3.1 (python-escpos RT_MASK_ONLINE=18,
// OFFLINE=26, LOWPAPER=30, NOPAPER=114).

test('DLE EOT 1: 0x12 online, 0x1A offline (b3)', () => {
  assert.equal(decodePrinterStatus(0x12).offline, false);
  assert.equal(decodePrinterStatus(0x1a).offline, true);
  assert.equal(decodePrinterStatus(0x16).drawerPin3, true);
  assert.equal(decodePrinterStatus(0x52).feedButtonPressed, true);
});

test('DLE EOT 2: cover open b2, paper-end stop b5, error b6', () => {
  assert.deepEqual(decodeOfflineCause(0x12), {
    coverOpen: false,
    feedingByButton: false,
    paperEndStop: false,
    error: false,
  });
  assert.equal(decodeOfflineCause(0x16).coverOpen, true);
  assert.equal(decodeOfflineCause(0x32).paperEndStop, true);
  assert.equal(decodeOfflineCause(0x52).error, true);
});

test('DLE EOT 3: error causes', () => {
  assert.deepEqual(decodeErrorCause(0x12), {
    recoverable: false,
    cutter: false,
    unrecoverable: false,
    autoRecoverable: false,
  });
  assert.equal(decodeErrorCause(0x1a).cutter, true);
  assert.equal(decodeErrorCause(0x32).unrecoverable, true);
});

test('DLE EOT 4: 0x12 ok, 0x1E near end, 0x72 out, 0x7E both', () => {
  assert.deepEqual(decodePaperSensor(0x12), { nearEnd: false, paperOut: false });
  assert.deepEqual(decodePaperSensor(0x1e), { nearEnd: true, paperOut: false });
  assert.deepEqual(decodePaperSensor(0x72), { nearEnd: false, paperOut: true });
  assert.deepEqual(decodePaperSensor(0x7e), { nearEnd: true, paperOut: true });
});

test('bytes without the fixed bits (b1, b4 set; b0, b7 clear) are not status replies', () => {
  for (const byte of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92, 256, -1]) {
    assert.throws(
      () => decodePaperSensor(byte),
      (e: unknown) => e instanceof PrinterError && e.code === 'badStatus',
      `byte ${byte}`,
    );
  }
});

test('the three replies combine into the protocol PrinterStatus', () => {
  assert.deepEqual(toPrinterStatus({ 1: 0x12, 2: 0x12, 4: 0x12 }), {
    online: true,
    coverOpen: false,
    paperNearEnd: false,
    paperOut: false,
  });
  assert.deepEqual(toPrinterStatus({ 1: 0x1a, 2: 0x32, 4: 0x72 }), {
    online: false,
    coverOpen: false,
    paperNearEnd: false,
    paperOut: true,
  });
  assert.deepEqual(toPrinterStatus({ 1: 0x1a, 2: 0x16, 4: 0x1e }), {
    online: false,
    coverOpen: true,
    paperNearEnd: true,
    paperOut: false,
  });
});

test('the simulator answers with the reference bytes', () => {
  const ok = { paper: 'ok', coverOpen: false, offline: false } as const;
  assert.equal(encodeStatusByte(1, ok), 0x12);
  assert.equal(encodeStatusByte(1, { ...ok, offline: true }), 0x1a);
  assert.equal(encodeStatusByte(4, ok), 0x12);
  assert.equal(encodeStatusByte(4, { ...ok, paper: 'nearEnd' }), 0x1e);
  assert.equal(encodeStatusByte(4, { ...ok, paper: 'out' }), 0x72);
  assert.equal(encodeStatusByte(2, { ...ok, coverOpen: true }), 0x16);
  assert.equal(encodeStatusByte(3, ok), 0x12);
  // No paper and an open cover also take the printer offline, as on Epson printers.
  assert.equal(encodeStatusByte(1, { ...ok, paper: 'out' }), 0x1a);
  assert.equal(encodeStatusByte(1, { ...ok, coverOpen: true }), 0x1a);
});

test('the most specific reason a printer cannot print', () => {
  const base = { online: true, coverOpen: false, paperNearEnd: true, paperOut: false };
  assert.equal(printBlocker(base), null);
  assert.equal(printBlocker({ ...base, online: false }), 'offline');
  assert.equal(printBlocker({ ...base, online: false, coverOpen: true }), 'coverOpen');
  assert.equal(printBlocker({ ...base, online: false, coverOpen: true, paperOut: true }), 'paperOut');
});
