import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitAt } from '../transport/test-support';
import { type DecodedItem, type DecodeIssue, decode, EscPosDecoder } from './decode';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

test('text lines carry the size, alignment and bold in force when they start', () => {
  const bytes = Buffer.concat([
    hex('1B 40 1C 26'),
    hex('1B 61 01 1D 21 11 1B 45 01'),
    hex('B2 E2 CA D4 0A'), // 测试
    hex('1B 61 02 1D 21 00 1B 45 00'),
    hex('A3 A4 38 30 2E 30 30 0A'), // ￥80.00
  ]);
  const result = decode(bytes);
  assert.deepEqual(result.lines, [
    { text: '测试', align: 'center', width: 2, height: 2, bold: true },
    { text: '￥80.00', align: 'right', width: 1, height: 1, bold: false },
  ]);
  assert.deepEqual(result.errors, []);
});

test('QR functions 165/167/169/180/181 yield the payload with model, size and error correction', () => {
  const payload = Buffer.from('https://例.cn/t?n=A012', 'utf8');
  const store = Buffer.concat([
    hex('1D 28 6B'),
    Buffer.from([(payload.length + 3) & 0xff, 0]),
    hex('31 50 30'),
    payload,
  ]);
  const bytes = Buffer.concat([
    hex('1D 28 6B 04 00 31 41 32 00'),
    hex('1D 28 6B 03 00 31 43 07'),
    hex('1D 28 6B 03 00 31 45 33'),
    store,
    hex('1D 28 6B 03 00 31 51 30'),
  ]);
  const result = decode(bytes);
  assert.deepEqual(result.qr, [{ payload: 'https://例.cn/t?n=A012', model: 2, size: 7, ec: 'H' }]);
  assert.deepEqual(result.errors, []);
});

test('cuts, feeds and status requests', () => {
  const result = decode(hex('41 0A 1B 64 03 10 04 01 10 04 04 1D 56 41 00 42 0A 1D 56 01'));
  assert.equal(result.cuts, 2);
  assert.deepEqual(
    result.items.map((i) => i.kind),
    ['line', 'feed', 'cut', 'line', 'cut'],
  );
  assert.deepEqual(result.items[1], { kind: 'feed', lines: 3, dots: 0 });
  assert.deepEqual(result.items[2], { kind: 'cut', partial: false });
  assert.deepEqual(result.items[4], { kind: 'cut', partial: true });
  assert.deepEqual(result.statusQueries, [
    { n: 1, offset: 5 },
    { n: 4, offset: 8 },
  ]);
});

test('GB18030 4-byte characters decode; broken sequences become U+FFFD and an issue', () => {
  const good = decode(hex('99 31 D2 39 0A')); // 𬌗
  assert.equal(good.lines[0]?.text, '𬌗');
  assert.deepEqual(good.errors, []);
  const bad = decode(hex('41 80 42 B2 0A'));
  assert.equal(bad.lines[0]?.text, 'A\ufffdB\ufffd');
  assert.deepEqual(
    bad.errors.map((e) => [e.code, e.offset]),
    [
      ['badText', 1],
      ['badText', 3],
    ],
  );
});

test('unknown commands are recorded and skipped, printing goes on', () => {
  const result = decode(hex('1B 99 41 0A 1D FE 42 0A 1E 43 0A'));
  assert.deepEqual(
    result.lines.map((l) => l.text),
    ['A', 'B', 'C'],
  );
  assert.deepEqual(
    result.errors.map((e) => [e.code, e.offset]),
    [
      ['unknownCommand', 0],
      ['unknownCommand', 4],
      ['unknownCommand', 8],
    ],
  );
});

test('a stream ending inside a command is reported as truncated', () => {
  const result = decode(hex('41 0A 1D 28 6B 10 00 31 50'));
  assert.deepEqual(
    result.lines.map((l) => l.text),
    ['A'],
  );
  assert.equal(result.errors[0]?.code, 'truncated');
  assert.equal(result.errors[0]?.offset, 2);
});

test('ESC @ discards text that never got its line end', () => {
  const result = decode(hex('41 42 1B 40 43 0A'));
  assert.deepEqual(
    result.lines.map((l) => l.text),
    ['C'],
  );
  assert.equal(result.errors[0]?.code, 'discarded');
});

test('raster images are printed, barcodes skipped whole: neither data is printed as text', () => {
  const raster = Buffer.concat([hex('1D 76 30 00 02 00 02 00'), Buffer.from('ABCD')]);
  const barcode = Buffer.concat([hex('1D 6B 49 04'), Buffer.from('1234')]);
  const result = decode(Buffer.concat([raster, barcode, hex('5A 0A')]));
  assert.deepEqual(
    result.lines.map((l) => l.text),
    ['Z'],
  );
  assert.deepEqual(
    result.errors.map((e) => e.code),
    ['unsupported'],
  );
  const image = result.items[0];
  assert.ok(image?.kind === 'raster');
  assert.deepEqual([image.widthDots, image.height, [...image.data]], [16, 2, [0x41, 0x42, 0x43, 0x44]]);
});

test('a raster image with an impossible mode is reported, not printed', () => {
  const result = decode(Buffer.concat([hex('1D 76 30 09 01 00 01 00'), hex('5A 0A')]));
  assert.equal(result.errors[0]?.code, 'badParameter');
  assert.ok(!result.items.some((i) => i.kind === 'raster'));
});

function collect(chunks: Uint8Array[]): { items: DecodedItem[]; issues: DecodeIssue[]; queries: number[] } {
  const out = { items: [] as DecodedItem[], issues: [] as DecodeIssue[], queries: [] as number[] };
  const decoder = new EscPosDecoder({
    item: (item) => out.items.push(item),
    issue: (issue) => out.issues.push(issue),
    statusQuery: (q) => out.queries.push(q.offset),
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return out;
}

const SAMPLE = Buffer.concat([
  hex('1B 40 1C 26 1B 61 01 1D 21 11 B2 E2 CA D4 0A 99 31 D2 39 0A 10 04 01'),
  hex('1D 28 6B 04 00 31 41 32 00 1D 28 6B 06 00 31 50 30 41 42 43 1D 28 6B 03 00 31 51 30'),
  hex('1B 64 02 1D 56 42 00'),
]);

test('chunked input decodes exactly as the whole buffer does', () => {
  const whole = collect([SAMPLE]);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
      assert.deepEqual(collect(splitAt(SAMPLE, cuts)), whole);
    }),
  );
  // One byte at a time, the way a slow serial line delivers it.
  assert.deepEqual(collect(Array.from(SAMPLE, (b) => Uint8Array.of(b))), whole);
});

const issueCodes = new Set(['unknownCommand', 'badParameter', 'unsupported', 'truncated', 'badText', 'discarded']);

test('fuzz: random bytes never throw and every issue is typed', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const result = decode(bytes);
      for (const issue of result.errors) {
        assert.ok(issueCodes.has(issue.code));
        assert.ok(issue.offset >= 0 && issue.offset <= bytes.length);
      }
    }),
    { numRuns: 2000 },
  );
});

test('fuzz: command-heavy random streams in random chunks never throw or stall', () => {
  const commandByte = fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x28, 0x6b, 0x31, 0x50, 0x51, 0x04, 0x56, 0xff);
  const stream = fc.array(fc.oneof(commandByte, fc.integer({ min: 0, max: 255 })), { maxLength: 300 });
  fc.assert(
    fc.property(stream, fc.array(fc.nat(), { maxLength: 8 }), (values, cuts) => {
      const bytes = Uint8Array.from(values);
      const chunked = collect(splitAt(bytes, cuts));
      assert.deepEqual(chunked, collect([bytes]));
    }),
    { numRuns: 1000 },
  );
});
