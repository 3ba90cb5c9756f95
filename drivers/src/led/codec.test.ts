import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeLedFrame, encodeLedFrame, LedCodecError, type LedCommand, MAX_PAYLOAD } from './codec';
import { LedFrameParser } from './parser';

// Frames worked out by hand from the protocol in codec.ts: STX ADDR CMD LEN_H LEN_L PAYLOAD BCC ETX,
// BCC = XOR of ADDR through the last payload byte.

test('brightness 10 for bar 1', () => {
  const bcc = 0x01 ^ 0x20 ^ 0x00 ^ 0x01 ^ 0x0a;
  assert.equal(bcc, 0x2a);
  const bytes = Buffer.from([0x02, 0x01, 0x20, 0x00, 0x01, 0x0a, bcc, 0x03]);
  assert.deepEqual(encodeLedFrame({ address: 1, command: { type: 'brightness', level: 10 } }), bytes);
  assert.deepEqual(decodeLedFrame(bytes), { address: 1, command: { type: 'brightness', level: 10 } });
});

test('ping for bar 3 (its BCC happens to be STX)', () => {
  const bcc = 0x03 ^ 0x01 ^ 0x00 ^ 0x00;
  assert.equal(bcc, 0x02);
  assert.deepEqual(
    encodeLedFrame({ address: 3, command: { type: 'ping' } }),
    Buffer.from([0x02, 0x03, 0x01, 0x00, 0x00, bcc, 0x03]),
  );
});

test('scrolling text 请 in GB18030 (C7 EB)', () => {
  const bcc = 0x01 ^ 0x10 ^ 0x00 ^ 0x03 ^ 0x01 ^ 0xc7 ^ 0xeb;
  const bytes = Buffer.from([0x02, 0x01, 0x10, 0x00, 0x03, 0x01, 0xc7, 0xeb, bcc, 0x03]);
  assert.deepEqual(encodeLedFrame({ address: 1, command: { type: 'text', text: '请', scroll: true } }), bytes);
  assert.deepEqual(decodeLedFrame(bytes).command, { type: 'text', text: '请', scroll: true });
});

test('ticket A012 to window 3 for bar 2', () => {
  const payload = [0x04, 0x41, 0x30, 0x31, 0x32, 0x33];
  const bcc = [0x02, 0x11, 0x00, payload.length, ...payload].reduce((x, b) => x ^ b, 0);
  const bytes = Buffer.from([0x02, 0x02, 0x11, 0x00, payload.length, ...payload, bcc, 0x03]);
  assert.deepEqual(encodeLedFrame({ address: 2, command: { type: 'ticket', ticket: 'A012', window: '3' } }), bytes);
  assert.deepEqual(decodeLedFrame(bytes).command, { type: 'ticket', ticket: 'A012', window: '3' });
});

test('paused with a reason, idle, and four-byte GB18030 characters round-trip', () => {
  const commands: LedCommand[] = [
    { type: 'paused', reason: '午休' },
    { type: 'paused', reason: '' },
    { type: 'idle' },
    { type: 'text', text: '𠀀€ 办事大厅', scroll: false },
  ];
  for (const command of commands) {
    assert.deepEqual(decodeLedFrame(encodeLedFrame({ address: 9, command })).command, command);
  }
  assert.deepEqual(
    [...encodeLedFrame({ address: 1, command: { type: 'idle' } })],
    [0x02, 0x01, 0x13, 0x00, 0x00, 0x01 ^ 0x13, 0x03],
  );
});

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof LedCodecError, String(error));
    return error.code;
  }
  return 'none';
}

test('bad frames and bad values are typed errors', () => {
  const good = [0x02, 0x01, 0x20, 0x00, 0x01, 0x0a, 0x2a, 0x03];
  assert.equal(
    code(() => decodeLedFrame(Buffer.from([...good.slice(0, 6), 0x2b, 0x03]))),
    'checksum',
  );
  assert.equal(
    code(() => decodeLedFrame(Buffer.from([...good.slice(0, 7), 0x04]))),
    'framing',
  );
  assert.equal(
    code(() => decodeLedFrame(Buffer.from(good.slice(0, 7)))),
    'length',
  );
  const unknown = [0x01, 0x7f, 0x00, 0x00];
  assert.equal(
    code(() => decodeLedFrame(Buffer.from([0x02, ...unknown, 0x01 ^ 0x7f, 0x03]))),
    'command',
  );
  const tooBright = [0x01, 0x20, 0x00, 0x01, 0x10];
  assert.equal(
    code(() => decodeLedFrame(Buffer.from([0x02, ...tooBright, tooBright.reduce((x, b) => x ^ b), 0x03]))),
    'payload',
  );
  assert.equal(
    code(() => encodeLedFrame({ address: 1, command: { type: 'brightness', level: 16 } })),
    'range',
  );
  assert.equal(
    code(() => encodeLedFrame({ address: 0, command: { type: 'idle' } })),
    'range',
  );
  assert.equal(
    code(() =>
      encodeLedFrame({ address: 1, command: { type: 'text', text: '长'.repeat(MAX_PAYLOAD), scroll: false } }),
    ),
    'length',
  );
});

const command: fc.Arbitrary<LedCommand> = fc.oneof(
  fc.constant<LedCommand>({ type: 'ping' }),
  fc.constant<LedCommand>({ type: 'idle' }),
  fc.record({
    type: fc.constant('text' as const),
    text: fc.string({ unit: 'grapheme', maxLength: 30 }),
    scroll: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('ticket' as const),
    ticket: fc.string({ unit: 'grapheme', maxLength: 8 }),
    window: fc.string({ unit: 'grapheme', maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('paused' as const), reason: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
  fc.record({ type: fc.constant('brightness' as const), level: fc.integer({ min: 0, max: 15 }) }),
);

test('fuzz: any command round-trips through encode and decode', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 255 }), command, (address, cmd) => {
      assert.deepEqual(decodeLedFrame(encodeLedFrame({ address, command: cmd })), { address, command: { ...cmd } });
    }),
  );
});

test('fuzz: random bytes decode or fail with LedCodecError; the parser never hangs', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 }), (chunks) => {
      const parser = new LedFrameParser();
      for (const chunk of chunks) {
        code(() => decodeLedFrame(chunk)); // asserts any error is a LedCodecError
        for (const item of parser.push(chunk, 0)) {
          if (item.kind === 'error') assert.ok(item.error instanceof LedCodecError);
        }
      }
    }),
  );
});

test('the parser finds frames in noise and split chunks, and drops a frame cut by a silent gap', () => {
  const frame = encodeLedFrame({ address: 1, command: { type: 'text', text: '欢迎', scroll: false } });
  const parser = new LedFrameParser({ gapMs: 100 });
  const items = [...Buffer.from([0x55, 0x00, ...frame])].flatMap((b) => parser.push(Uint8Array.of(b), 0));
  assert.deepEqual(
    items.flatMap((i) => (i.kind === 'frame' ? [i.frame.command] : [])),
    [{ type: 'text', text: '欢迎', scroll: false }],
  );
  // A false STX that claims a long payload, then silence: the next frame still gets through.
  assert.deepEqual(parser.push(Buffer.from([0x02, 0x01, 0x10, 0x01, 0x00]), 1000), []);
  const after = parser.push(frame, 1500);
  assert.equal(after.filter((i) => i.kind === 'frame').length, 1);
  assert.ok(after.some((i) => i.kind === 'error' && i.error.code === 'length'));
});

test('fuzz: frames between noise without STX are all found, however the stream is chunked', () => {
  const noise = fc.uint8Array({ maxLength: 10 }).map((bytes) => bytes.map((b) => (b === 0x02 ? 0 : b)));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(noise, command), { maxLength: 6 }),
      fc.integer({ min: 1, max: 20 }),
      (parts, step) => {
        const stream = Buffer.concat(
          parts.flatMap(([n, c]) => [Buffer.from(n), encodeLedFrame({ address: 5, command: c })]),
        );
        const parser = new LedFrameParser();
        const found: LedCommand[] = [];
        for (let i = 0; i < stream.length; i += step) {
          for (const item of parser.push(stream.subarray(i, i + step), 0))
            if (item.kind === 'frame') found.push(item.frame.command);
        }
        assert.deepEqual(
          found,
          parts.map(([, c]) => ({ ...c })),
        );
      },
    ),
  );
});
