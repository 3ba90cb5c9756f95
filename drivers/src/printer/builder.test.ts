import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EscPosBuilder, statusRequest } from './builder';
import { PrinterError } from './errors';

/** `1D 28 6B` → Buffer; byte sequences below are copied from the hardware reference, section 3.1. */
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const build = (fn: (b: EscPosBuilder) => EscPosBuilder) => fn(new EscPosBuilder()).build();

test('init, Chinese mode and alignment bytes', () => {
  assert.deepEqual(
    build((b) => b.init()),
    hex('1B 40'),
  );
  assert.deepEqual(
    build((b) => b.chineseMode()),
    hex('1C 26'),
  );
  assert.deepEqual(
    build((b) => b.chineseMode(false)),
    hex('1C 2E'),
  );
  assert.deepEqual(
    build((b) => b.align('left')),
    hex('1B 61 00'),
  );
  assert.deepEqual(
    build((b) => b.align('center')),
    hex('1B 61 01'),
  );
  assert.deepEqual(
    build((b) => b.align('right')),
    hex('1B 61 02'),
  );
});

test('GS ! n packs width and height as ((w-1)<<4)|(h-1)', () => {
  assert.deepEqual(
    build((b) => b.size(1, 1)),
    hex('1D 21 00'),
  );
  assert.deepEqual(
    build((b) => b.size(2, 2)),
    hex('1D 21 11'),
  );
  assert.deepEqual(
    build((b) => b.size(1, 2)),
    hex('1D 21 01'),
  );
  assert.deepEqual(
    build((b) => b.size(4, 3)),
    hex('1D 21 32'),
  );
  assert.deepEqual(
    build((b) => b.size(8, 8)),
    hex('1D 21 77'),
  );
  for (const [w, h] of [
    [0, 1],
    [9, 1],
    [1, 1.5],
  ] as const) {
    assert.throws(
      () => new EscPosBuilder().size(w, h),
      (e: unknown) => e instanceof PrinterError && e.code === 'invalidInput',
    );
  }
});

test('bold, feed and the four cut forms', () => {
  assert.deepEqual(
    build((b) => b.bold(true).bold(false)),
    hex('1B 45 01 1B 45 00'),
  );
  assert.deepEqual(
    build((b) => b.feed(3)),
    hex('1B 64 03'),
  );
  assert.deepEqual(
    build((b) => b.cut()),
    hex('1D 56 00'),
  );
  assert.deepEqual(
    build((b) => b.cut({ partial: true })),
    hex('1D 56 01'),
  );
  assert.deepEqual(
    build((b) => b.cut({ feed: 5 })),
    hex('1D 56 41 05'),
  );
  assert.deepEqual(
    build((b) => b.cut({ partial: true, feed: 0 })),
    hex('1D 56 42 00'),
  );
});

test('text is GB18030 with the full-width yuan sign', () => {
  assert.deepEqual(
    build((b) => b.text('测试')),
    hex('B2 E2 CA D4'),
  );
  assert.deepEqual(
    build((b) => b.text('￥')),
    hex('A3 A4'),
  );
  // U+00A5 would be 81 30 84 36, which 2-byte printers print as "0 6".
  assert.deepEqual(
    build((b) => b.text('\u00a512')),
    hex('A3 A4 31 32'),
  );
  assert.deepEqual(
    build((b) => b.text('𬌗')),
    hex('99 31 D2 39'),
  );
  assert.deepEqual(
    build((b) => b.line('A')),
    hex('41 0A'),
  );
});

test('control characters in text cannot inject commands', () => {
  assert.deepEqual(
    build((b) => b.text('A\x1dV\x00B')),
    hex('41 20 56 20 42'),
  );
});

test('QR code: functions 165, 167, 169, 180, 181 in the Epson GS ( k form', () => {
  const bytes = build((b) => b.qr('A012', { moduleSize: 6, ec: 'M' }));
  const expected = Buffer.concat([
    hex('1D 28 6B 04 00 31 41 32 00'),
    hex('1D 28 6B 03 00 31 43 06'),
    hex('1D 28 6B 03 00 31 45 31'),
    hex('1D 28 6B 07 00 31 50 30'),
    Buffer.from('A012', 'ascii'),
    hex('1D 28 6B 03 00 31 51 30'),
  ]);
  assert.deepEqual(bytes, expected);
});

test('QR store length counts bytes of UTF-8 data, not characters', () => {
  // "例" is E4 BE 8B in UTF-8: 2 characters, 4 bytes, so pL = 4 + 3 = 7.
  const bytes = build((b) => b.qr('A例', { ec: 'L' }));
  const store = hex('1D 28 6B 07 00 31 50 30 41 E4 BE 8B');
  assert.ok(bytes.includes(store), bytes.toString('hex'));
  assert.ok(bytes.includes(hex('1D 28 6B 03 00 31 45 30')));

  // 300 ASCII bytes + 10 × 3 bytes of 测 + 3 = 333 = 0x014D, so pL = 4D, pH = 01.
  const stored = build((b) => b.qr('x'.repeat(300) + '测'.repeat(10)));
  assert.ok(stored.includes(hex('1D 28 6B 4D 01 31 50 30')));
});

test('QR payloads that no QR symbol can hold are refused', () => {
  const isInvalid = (e: unknown) => e instanceof PrinterError && e.code === 'invalidInput';
  assert.throws(() => new EscPosBuilder().qr(''), isInvalid);
  assert.throws(() => new EscPosBuilder().qr('x'.repeat(1274), { ec: 'H' }), isInvalid);
  assert.throws(() => new EscPosBuilder().qr('x', { moduleSize: 17 }), isInvalid);
});

test('DLE EOT status requests', () => {
  assert.deepEqual(statusRequest(1), hex('10 04 01'));
  assert.deepEqual(statusRequest(2), hex('10 04 02'));
  assert.deepEqual(statusRequest(4), hex('10 04 04'));
});
