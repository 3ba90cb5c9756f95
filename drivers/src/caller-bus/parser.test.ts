import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CallerBusError, DEVICE_FRAME_LIMITS, encodeFrame } from './codec';
import { FrameParser, type ParsedItem } from './parser';

// Call key from keypad 1: CS = 0x01 + 0x01 + 0x0C.
const CALL = [0xff, 0x68, 0x03, 0x03, 0x68, 0x01, 0x01, 0x0c, 0x0e, 0x16];
// Rating value 0 from evaluator 2: CS = 0x02 + 0x11 + 0x00.
const RATE = [0xff, 0x68, 0x03, 0x03, 0x68, 0x02, 0x11, 0x00, 0x13, 0x16];

const frames = (items: ParsedItem[]) => items.flatMap((i) => (i.kind === 'frame' ? [i] : []));
const errors = (items: ParsedItem[]) => items.flatMap((i) => (i.kind === 'error' ? [i.error.code] : []));

test('frames split across chunks come out whole, with their raw bytes', () => {
  const parser = new FrameParser();
  const items = [...CALL, ...RATE].flatMap((b) => parser.push(Uint8Array.of(b)));
  assert.deepEqual(
    frames(items).map((f) => [f.frame.address, f.frame.func, [...f.frame.data]]),
    [
      [1, 1, [0x0c]],
      [2, 0x11, [0]],
    ],
  );
  assert.deepEqual(frames(items)[0]?.raw, Buffer.from(CALL));
  assert.deepEqual(errors(items), []);
});

test('noise, a cut frame and a bad checksum are reported, and the parser resynchronises', () => {
  const parser = new FrameParser();
  const badChecksum = [...CALL.slice(0, 8), 0x0f, 0x16];
  const items = parser.push(Buffer.from([0x00, 0x55, ...CALL.slice(0, 6), ...badChecksum, 0xff, 0x00, ...RATE]));
  assert.deepEqual(
    frames(items).map((f) => f.frame.address),
    [2],
  );
  assert.ok(errors(items).includes('noise'));
  assert.ok(errors(items).includes('checksum'));
});

test('a false FF 68 header in noise does not swallow the frame after it', () => {
  const parser = new FrameParser();
  const items = parser.push(Buffer.from([0xff, 0x68, 0x05, 0x05, 0x68, ...CALL, ...CALL]));
  assert.equal(frames(items).length, 2);
});

test('fuzz: random chunks of random bytes give only typed errors and never hang', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }), (chunks) => {
      const parser = new FrameParser();
      for (const chunk of chunks) {
        for (const item of parser.push(chunk)) {
          if (item.kind === 'error') assert.ok(item.error instanceof CallerBusError);
        }
      }
    }),
  );
});

test('fuzz: frames between noise without FF are all recovered, however the stream is chunked', () => {
  const noise = fc.uint8Array({ maxLength: 12 }).map((bytes) => bytes.map((b) => (b === 0xff ? 0 : b)));
  const frame = fc
    .record({
      address: fc.integer({ min: 0, max: 255 }),
      func: fc.integer({ min: 0, max: 255 }),
      data: fc.uint8Array({ minLength: 1, maxLength: 3 }),
    })
    .filter((f) => f.address !== 0xff);
  fc.assert(
    fc.property(fc.array(fc.tuple(noise, frame), { maxLength: 8 }), fc.integer({ min: 1, max: 16 }), (parts, step) => {
      const stream = Buffer.concat(
        parts.flatMap(([n, f]) => [Buffer.from(n), encodeFrame(f, { limits: DEVICE_FRAME_LIMITS })]),
      );
      const parser = new FrameParser();
      const got: ParsedItem[] = [];
      for (let i = 0; i < stream.length; i += step) got.push(...parser.push(stream.subarray(i, i + step)));
      assert.deepEqual(
        frames(got).map((f) => f.frame),
        parts.map(([, f]) => ({ address: f.address, func: f.func, data: f.data })),
      );
    }),
  );
});
