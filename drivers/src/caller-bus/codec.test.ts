import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  CallerBusError,
  type ChecksumRange,
  checksum,
  DEVICE_FRAME_LIMITS,
  decodeFrame,
  encodeFrame,
  HOST_FRAME_LIMITS,
} from './codec';

// Byte examples: the host frames QueueSystem (CallSystem/frmMain.cs) builds for a keypad, whose
// CS it computes as (address + FUNC + data bytes) % 256, and the device frames its reader accepts.

test('keypad display frame for ticket ...012 at address 5 matches QueueSystem SendTicket', () => {
  const cs = (0x05 + 0x02 + 0x0a + 0x0a + 0x0a + 0x00 + 0x01 + 0x02) % 256;
  assert.equal(cs, 0x28);
  const expected = Buffer.from([
    0xff,
    0x68,
    0x08,
    0x08,
    0x68,
    0x05,
    0x02,
    0x0a,
    0x0a,
    0x0a,
    0x00,
    0x01,
    0x02,
    cs,
    0x16,
  ]);
  const bytes = encodeFrame({ address: 5, func: 0x02, data: Uint8Array.of(0x0a, 0x0a, 0x0a, 0, 1, 2) });
  assert.deepEqual(bytes, expected);
  assert.deepEqual(decodeFrame(expected, { limits: HOST_FRAME_LIMITS }), {
    address: 5,
    func: 2,
    data: Uint8Array.of(0x0a, 0x0a, 0x0a, 0, 1, 2),
  });
});

test('beep frame (LEN 2, no data) matches QueueSystem SendBeep', () => {
  const address = 0x03;
  const expected = Buffer.from([0xff, 0x68, 0x02, 0x02, 0x68, address, 0x03, (address + 3) % 256, 0x16]);
  assert.deepEqual(encodeFrame({ address, func: 0x03, data: new Uint8Array(0) }), expected);
});

test('an evaluator frame decodes, and its checksum sums ADDR, FUNC and DATA by default', () => {
  const cs = (0x20 + 0x11 + 0x02) & 0xff;
  const frame = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x20, 0x11, 0x02, cs, 0x16]);
  assert.deepEqual(decodeFrame(frame), { address: 0x20, func: 0x11, data: Uint8Array.of(2) });
});

test('checksum ranges sum the bytes they name', () => {
  const frame = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x01, 0x01, 0x0c, 0x00, 0x16]);
  const expected: Record<ChecksumRange, number> = {
    'addr-data': (0x01 + 0x01 + 0x0c) & 0xff,
    'func-data': (0x01 + 0x0c) & 0xff,
    'len-data': (0x03 + 0x03 + 0x68 + 0x01 + 0x01 + 0x0c) & 0xff,
    'head-data': (0x68 + 0x03 + 0x03 + 0x68 + 0x01 + 0x01 + 0x0c) & 0xff,
    all: (0xff + 0x68 + 0x03 + 0x03 + 0x68 + 0x01 + 0x01 + 0x0c) & 0xff,
  };
  assert.deepEqual(expected, { 'addr-data': 0x0e, 'func-data': 0x0d, 'len-data': 0x7c, 'head-data': 0xe4, all: 0xe3 });
  for (const [range, value] of Object.entries(expected)) {
    assert.equal(checksum(frame, range as ChecksumRange), value, range);
    const encoded = encodeFrame(
      { address: 1, func: 1, data: Uint8Array.of(0x0c) },
      { checksum: { range: range as ChecksumRange, verify: true } },
    );
    assert.equal(encoded[8], value, range);
  }
});

function rejects(bytes: number[], code: string, options?: Parameters<typeof decodeFrame>[1]): void {
  assert.throws(
    () => decodeFrame(Buffer.from(bytes), options),
    (error: unknown) => error instanceof CallerBusError && error.code === code,
  );
}

test('malformed frames are typed errors', () => {
  const good = [0xff, 0x68, 0x03, 0x03, 0x68, 0x01, 0x01, 0x0c, 0x0e, 0x16];
  rejects([0xff, 0x68, 0x03, 0x04, 0x68, 0x01, 0x01, 0x0c, 0x0e, 0x16], 'length'); // LEN not repeated
  rejects([0xff, 0x68, 0x06, 0x06, 0x68, 1, 1, 1, 2, 3, 4, 0x0c, 0x16], 'length'); // LEN 6 > 5 from a device
  rejects([0xff, 0x68, 0x02, 0x02, 0x68, 0x01, 0x01, 0x02, 0x16], 'length'); // no data from a device
  rejects(good.slice(0, 9), 'length'); // truncated
  rejects([...good.slice(0, 9), 0x17], 'framing'); // wrong end byte
  rejects([0xff, 0x69, ...good.slice(2)], 'framing');
  rejects([...good.slice(0, 8), 0x0f, 0x16], 'checksum');
  assert.deepEqual(
    decodeFrame(Buffer.from([...good.slice(0, 8), 0x0f, 0x16]), { checksum: { range: 'addr-data', verify: false } })
      .data,
    Uint8Array.of(0x0c),
  );
  assert.equal(DEVICE_FRAME_LIMITS.max, 5);
});

test('encoding rejects values that are not bytes and data that does not fit LEN', () => {
  assert.throws(() => encodeFrame({ address: 256, func: 1, data: Uint8Array.of(1) }), CallerBusError);
  assert.throws(() => encodeFrame({ address: 1, func: -1, data: Uint8Array.of(1) }), CallerBusError);
  assert.throws(
    () => encodeFrame({ address: 1, func: 1, data: new Uint8Array(4) }, { limits: DEVICE_FRAME_LIMITS }),
    (error: unknown) => error instanceof CallerBusError && error.code === 'length',
  );
});

test('fuzz: encode then decode is the identity for every range', () => {
  const ranges: ChecksumRange[] = ['addr-data', 'func-data', 'len-data', 'head-data', 'all'];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.uint8Array({ minLength: 1, maxLength: 3 }),
      fc.constantFrom(...ranges),
      (address, func, data, range) => {
        const rule = { range, verify: true };
        const bytes = encodeFrame({ address, func, data }, { checksum: rule, limits: DEVICE_FRAME_LIMITS });
        assert.deepEqual(decodeFrame(bytes, { checksum: rule }), { address, func, data });
      },
    ),
  );
});

test('fuzz: random bytes decode or fail with CallerBusError only', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
      try {
        decodeFrame(bytes);
      } catch (error) {
        assert.ok(error instanceof CallerBusError, String(error));
      }
    }),
  );
});
