import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  Command,
  decodeCommand,
  decodeFrame,
  encodeCommand,
  encodeReadReply,
  encodeResponse,
  expectStatus,
  MAX_LEN,
  parseReadReply,
  parseSamId,
  replyFits,
  SAM_STATUS,
  SamFrameError,
  SamFrameParser,
  SamStatusError,
  samStatus,
} from './sam-codec';

/** Bytes from the reference as written there: `AA AA ...`. */
function bytes(spec: string): Uint8Array {
  return Uint8Array.from(
    spec
      .trim()
      .split(/\s+/)
      .map((b) => Number.parseInt(b, 16)),
  );
}

/** The XOR rule recomputed here, independently of the codec: Len1 through the last data byte. */
function referenceChecksum(frame: Uint8Array): number {
  let x = 0;
  for (const b of frame.subarray(5, frame.length - 1)) x ^= b;
  return x;
}

const PRE = 'AA AA AA 96 69';

test('request frames match the reference bytes, checksums recomputed', () => {
  const cases: [readonly [number, number], string][] = [
    [Command.reset, `${PRE} 00 03 10 FF EC`],
    [Command.samStatus, `${PRE} 00 03 11 FF ED`],
    [Command.samId, `${PRE} 00 03 12 FF EE`],
    [Command.findCard, `${PRE} 00 03 20 01 22`],
    [Command.selectCard, `${PRE} 00 03 20 02 21`],
    [Command.read, `${PRE} 00 03 30 01 32`],
    [Command.readWithFingerprint, `${PRE} 00 03 30 10 23`],
  ];
  for (const [[cmd, para], spec] of cases) {
    const expected = bytes(spec);
    assert.equal(referenceChecksum(expected), expected[expected.length - 1], `reference checksum of ${spec}`);
    assert.deepEqual(encodeCommand(cmd, para), expected, spec);
    assert.deepEqual(decodeCommand(expected), { cmd, para, data: new Uint8Array(0) });
  }
});

test('good replies from the reference decode to their status and data', () => {
  const status = bytes(`${PRE} 00 04 00 00 90 94`);
  const find = bytes(`${PRE} 00 08 00 00 9F 00 00 00 00 97`);
  const select = bytes(`${PRE} 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C`);
  for (const frame of [status, find, select]) assert.equal(referenceChecksum(frame), frame[frame.length - 1]);

  assert.deepEqual(decodeFrame(status), { sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(0) });
  assert.deepEqual(decodeFrame(find), { sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) });
  assert.deepEqual(decodeFrame(select), { sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(8) });
  assert.deepEqual(encodeResponse(0x90), status);
  assert.deepEqual(encodeResponse(0x9f, new Uint8Array(4)), find);
  assert.deepEqual(encodeResponse(0x90, new Uint8Array(8)), select);
  assert.equal(replyFits(0x20, 0x01, decodeFrame(find)), true);
  assert.equal(replyFits(0x20, 0x01, decodeFrame(status)), false, 'a stale status reply does not answer find');
  assert.equal(replyFits(0x20, 0x02, decodeFrame(status)), false, 'select success carries 8 bytes');
  assert.equal(replyFits(0x11, 0xff, decodeFrame(status)), true);
});

test('error replies from the reference decode to typed status errors', () => {
  const cases: [string, number, string, string][] = [
    [`${PRE} 00 04 00 00 80 84`, 0x80, 'findFailed', '寻找证/卡失败'],
    [`${PRE} 00 04 00 00 81 85`, 0x81, 'selectFailed', '选取证/卡失败'],
    [`${PRE} 00 04 00 00 41 45`, 0x41, 'readFailed', '读证/卡操作失败'],
    [`${PRE} 00 04 00 00 31 35`, 0x31, 'cardAuthSamFailed', '证/卡认证机具失败'],
  ];
  for (const [spec, sw3, key, zh] of cases) {
    const frame = bytes(spec);
    assert.equal(referenceChecksum(frame), frame[frame.length - 1]);
    const reply = decodeFrame(frame);
    assert.equal(reply.sw3, sw3);
    assert.deepEqual(encodeResponse(sw3), frame);
    assert.throws(
      () => expectStatus(reply, 0x90),
      (error: unknown) => error instanceof SamStatusError && error.code === key && error.sw3 === sw3 && error.zh === zh,
    );
    // An error reply may answer any request.
    assert.equal(replyFits(0x30, 0x01, reply), true);
  }
});

test('the SW3 table has every code with Chinese and English meanings', () => {
  const codes = [
    0x90, 0x91, 0x9f, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81,
  ];
  assert.deepEqual([...SAM_STATUS.keys()].sort(), [...codes].sort());
  const keys = new Set<string>();
  for (const code of codes) {
    const info = samStatus(code);
    assert.equal(info.sw3, code);
    assert.match(info.zh, /\p{Script=Han}/u, `zh for ${code}`);
    assert.match(info.en, /[a-z]/, `en for ${code}`);
    keys.add(info.key);
  }
  assert.equal(keys.size, codes.length, 'keys are distinct');
  assert.deepEqual(
    codes.filter((c) => samStatus(c).success),
    [0x90, 0x91, 0x9f],
  );
  assert.equal(samStatus(0x60).key, 'samSelfTestFailed');
  assert.equal(samStatus(0x66).key, 'samNotAuthorized');
  assert.equal(samStatus(0x10).key, 'checksumError');
  assert.equal(samStatus(0x33).en, 'information verification error');
  assert.equal(samStatus(0x55).key, 'unlisted');
  assert.equal(new SamStatusError(0x55).code, 'unlisted');
});

/** The read reply as the reference lays it out, built here byte by byte. */
function referenceReadReply(header: string, blocks: Uint8Array[]): Uint8Array {
  const head = bytes(header);
  const body = [...head, ...blocks.flatMap((b) => [...b])];
  const frame = Uint8Array.from([...body, 0]);
  frame[frame.length - 1] = referenceChecksum(frame);
  return frame;
}

test('read replies have the reference sizes and offsets: 1295, 2321, 1809, 1297 bytes', () => {
  const text = Uint8Array.from({ length: 256 }, (_, i) => i);
  const photo = Uint8Array.from({ length: 1024 }, (_, i) => (i * 3) & 0xff);
  const fp1024 = Uint8Array.from({ length: 1024 }, (_, i) => (i * 5) & 0xff);
  const fp512 = fp1024.subarray(0, 512);

  const plain = referenceReadReply(`${PRE} 05 08 00 00 90 01 00 04 00`, [text, photo]);
  assert.equal(plain.length, 1295);
  assert.deepEqual(plain.subarray(14, 14 + 256), text, 'text starts at offset 14');
  assert.deepEqual(plain.subarray(270, 270 + 1024), photo, 'photo starts at offset 270');
  assert.deepEqual(encodeResponse(0x90, encodeReadReply(text, photo)), plain);
  const reply = decodeFrame(plain);
  assert.deepEqual(parseReadReply(reply.data, { fingerprint: false }), { text, photo, fingerprint: new Uint8Array(0) });
  assert.equal(replyFits(0x30, 0x01, reply), true);
  assert.equal(replyFits(0x30, 0x10, reply), false);

  const cases: [string, Uint8Array, number][] = [
    [`${PRE} 09 0A 00 00 90 01 00 04 00 04 00`, fp1024, 2321],
    [`${PRE} 07 0A 00 00 90 01 00 04 00 02 00`, fp512, 1809],
    [`${PRE} 05 0A 00 00 90 01 00 04 00 00 00`, new Uint8Array(0), 1297],
  ];
  for (const [header, fp, size] of cases) {
    const frame = referenceReadReply(header, [text, photo, fp]);
    assert.equal(frame.length, size);
    assert.deepEqual(frame.subarray(16, 16 + 256), text, 'with fingerprints the text starts at 16');
    assert.deepEqual(encodeResponse(0x90, encodeReadReply(text, photo, fp)), frame);
    const parsed = parseReadReply(decodeFrame(frame).data, { fingerprint: true });
    assert.deepEqual(parsed, { text, photo, fingerprint: Uint8Array.from(fp) });
    assert.equal(replyFits(0x30, 0x10, decodeFrame(frame)), true);
  }
});

test('read replies with wrong block lengths are typed payload errors', () => {
  const text = new Uint8Array(256);
  const photo = new Uint8Array(1024);
  const data = encodeReadReply(text, photo);
  const badLength = Uint8Array.from(data);
  badLength[1] = 0x02; // text length 0x0102
  const short = data.subarray(0, 1000);
  for (const broken of [badLength, short, new Uint8Array(2)]) {
    assert.throws(
      () => parseReadReply(broken, { fingerprint: false }),
      (error: unknown) => error instanceof SamFrameError && error.code === 'bad-payload',
    );
  }
  assert.throws(() => encodeReadReply(text, photo, new Uint8Array(100)), SamFrameError);
});

test('broken frames raise the matching typed error', () => {
  const good = bytes(`${PRE} 00 04 00 00 90 94`);
  const cases: [Uint8Array, string][] = [
    [bytes(`AA AA AA 96 68 00 04 00 00 90 94`), 'bad-preamble'],
    [good.subarray(0, 9), 'truncated'],
    [good.subarray(0, 4), 'truncated'],
    [bytes(`${PRE} 00 04 00 00 90 95`), 'checksum'],
    [bytes(`${PRE} 00 02 00 02`), 'bad-length'],
    [bytes(`${PRE} FF FF 00 00 90 00`), 'bad-length'],
    [Uint8Array.from([...good, 0x00]), 'bad-length'],
  ];
  for (const [frame, code] of cases) {
    assert.throws(
      () => decodeFrame(frame),
      (error: unknown) => error instanceof SamFrameError && error.code === code,
      `expected ${code}`,
    );
  }
  // A command frame (Len 3) is too short to be a reply.
  assert.throws(() => decodeFrame(bytes(`${PRE} 00 03 20 01 22`)), { name: 'SamFrameError' });
  assert.throws(() => encodeCommand(0x100, 0), { name: 'SamFrameError' });
});

test('the SAM id decodes in the vendor print format', () => {
  const data = Uint8Array.from([5, 0, 1, 0, 0xe5, 0xd6, 0x34, 0x01, 0x39, 0x30, 0, 0, 0x87, 0xd6, 0x12, 0]);
  assert.equal(parseSamId(data), '05.01-20240101-000012345-001234567');
  assert.throws(() => parseSamId(new Uint8Array(4)), { name: 'SamFrameError' });
});

function parse(chunks: Uint8Array[]): { frames: Uint8Array[]; errors: SamFrameError[]; parser: SamFrameParser } {
  const frames: Uint8Array[] = [];
  const errors: SamFrameError[] = [];
  const parser = new SamFrameParser({ onFrame: (f) => frames.push(f), onError: (e) => errors.push(e) });
  for (const chunk of chunks) parser.push(chunk);
  return { frames, errors, parser };
}

test('the stream parser reassembles split frames and resyncs after garbage and a corrupt frame', () => {
  const a = bytes(`${PRE} 00 04 00 00 90 94`);
  const b = bytes(`${PRE} 00 08 00 00 9F 00 00 00 00 97`);
  const corrupt = bytes(`${PRE} 00 04 00 00 80 00`);
  const stream = Uint8Array.from([0x01, 0xaa, 0x55, ...a, 0xaa, 0xaa, ...corrupt, ...b, 0xaa, 0xaa]);
  const oneByOne = [...stream].map((x) => Uint8Array.of(x));
  for (const chunks of [[stream], oneByOne]) {
    const { frames, errors, parser } = parse(chunks);
    assert.deepEqual(frames, [a, b]);
    assert.ok(errors.some((e) => e.code === 'checksum'));
    assert.ok(errors.some((e) => e.code === 'garbage'));
    assert.equal(parser.pending, 2, 'a trailing AA AA may start the next preamble and is kept');
  }
  const { frames } = parse([bytes(`${PRE} FF FF`), a]);
  assert.deepEqual(frames, [a], 'an absurd length is skipped, not waited for');
});

const frameArb = fc
  .tuple(fc.integer({ min: 0, max: 0xff }), fc.uint8Array({ maxLength: 64 }))
  .map(([sw3, data]) => encodeResponse(sw3, data));
const garbageArb = fc.uint8Array({ maxLength: 40 }).map((g) => g.map((x) => (x === 0xaa ? 0x55 : x)));

test('fuzz: decodeFrame on random bytes returns a reply or throws SamFrameError only', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
      try {
        const reply = decodeFrame(input);
        assert.equal(input.length, reply.data.length + 11);
      } catch (error) {
        assert.ok(error instanceof SamFrameError, String(error));
      }
    }),
    { numRuns: 2000 },
  );
  // Random bytes behind a valid preamble reach the length and checksum checks.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), (tail) => {
      try {
        decodeFrame(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, ...tail]));
      } catch (error) {
        assert.ok(error instanceof SamFrameError);
      }
    }),
    { numRuns: 2000 },
  );
});

test('fuzz: the stream parser finds every valid frame amid garbage, however the stream is cut', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(garbageArb, frameArb), { maxLength: 8 }),
      garbageArb,
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
      (pieces, tail, cuts) => {
        const stream = Uint8Array.from([...pieces.flatMap(([g, f]) => [...g, ...f]), ...tail]);
        const chunks: Uint8Array[] = [];
        for (let at = 0, i = 0; at < stream.length; i++) {
          const size = cuts[i % cuts.length] as number;
          chunks.push(stream.subarray(at, at + size));
          at += size;
        }
        const { frames, errors } = parse(chunks);
        assert.deepEqual(
          frames,
          pieces.map(([, f]) => f),
        );
        for (const error of errors) assert.ok(error instanceof SamFrameError);
      },
    ),
    { numRuns: 500 },
  );
});

test('fuzz: random streams give typed errors only and bounded buffering', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 30 }), (chunks) => {
      const { frames, errors, parser } = parse(chunks);
      for (const error of errors) assert.ok(error instanceof SamFrameError);
      for (const frame of frames) assert.doesNotThrow(() => decodeCommand(frame));
      assert.ok(parser.pending <= MAX_LEN + 7);
    }),
    { numRuns: 1000 },
  );
});
