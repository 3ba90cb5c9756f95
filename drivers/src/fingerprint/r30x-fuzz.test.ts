import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitAt } from '../transport/test-support';
import {
  decodeAck,
  decodeCommand,
  decodePacket,
  encodePacket,
  PacketId,
  R30xError,
  R30xStreamParser,
} from './r30x-codec';

const packetArb = fc.record({
  address: fc.integer({ min: 0, max: 0xffffffff }),
  pid: fc.constantFrom(...Object.values(PacketId)),
  payload: fc.uint8Array({ maxLength: 40 }),
});

const hasStartCode = (bytes: Uint8Array) => bytes.some((b, i) => b === 0xef && bytes[i + 1] === 0x01);

/** Line noise without a start code in it. */
const plainNoiseArb = fc.uint8Array({ maxLength: 30 }).filter((bytes) => !hasStartCode(bytes));

/** Noise that looks like packets: cut-off frames, stray start codes, random bytes. */
const trickyNoiseArb = fc.oneof(
  fc.uint8Array({ maxLength: 30 }),
  fc.tuple(packetArb, fc.nat()).map(([packet, cut]) => {
    const bytes = encodePacket(packet);
    return bytes.slice(0, cut % bytes.length);
  }),
  fc.uint8Array({ maxLength: 12 }).map((bytes) => Uint8Array.of(...bytes, 0xef, 0x01, ...bytes)),
);

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('decodePacket on random bytes: a packet or a typed R30xError, nothing else', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      try {
        const packet = decodePacket(bytes);
        assert.deepEqual(encodePacket(packet), bytes);
      } catch (error) {
        assert.ok(error instanceof R30xError, String(error));
      }
    }),
    { numRuns: 3000 },
  );
});

test('decodePacket on random bytes behind a valid start code and length', () => {
  const framed = fc
    .tuple(fc.constantFrom(0x01, 0x02, 0x07, 0x08, 0x00, 0xff), fc.uint8Array({ maxLength: 30 }), fc.nat(40))
    .map(([pid, body, length]) => Uint8Array.of(0xef, 0x01, 0xff, 0xff, 0xff, 0xff, pid, length >> 8, length, ...body));
  fc.assert(
    fc.property(framed, (bytes) => {
      try {
        decodePacket(bytes);
      } catch (error) {
        assert.ok(error instanceof R30xError, String(error));
      }
    }),
    { numRuns: 3000 },
  );
});

test('decodeCommand and decodeAck on random payloads: typed errors only', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 20 }), (payload) => {
      for (const run of [() => decodeCommand(payload), () => decodeAck({ address: 0, pid: PacketId.ack, payload })]) {
        try {
          run();
        } catch (error) {
          assert.ok(error instanceof R30xError, String(error));
        }
      }
    }),
    { numRuns: 2000 },
  );
});

test('stream parser on random chunks: returns, never throws, keeps a bounded buffer', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 20 }), (chunks) => {
      const parser = new R30xStreamParser();
      let seen = 0;
      for (const chunk of chunks) {
        seen += chunk.length;
        for (const item of parser.push(chunk)) {
          if (item.kind === 'error') assert.ok(item.error instanceof R30xError);
        }
      }
      assert.ok(parser.discarded <= seen);
      assert.ok(parser.buffered < 9 + 256 + 2, `holds ${parser.buffered} bytes`);
    }),
    { numRuns: 1000 },
  );
});

/** Feeds the chunks and returns the packets found, as hex. */
function parseAll(parser: R30xStreamParser, chunks: Uint8Array[]): string[] {
  return chunks
    .flatMap((chunk) => parser.push(chunk))
    .flatMap((item) => (item.kind === 'packet' ? [hexOf(encodePacket(item.packet))] : []));
}

test('stream parser finds every valid packet between bursts of noise, however it is chunked', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(plainNoiseArb, packetArb), { minLength: 1, maxLength: 6 }),
      plainNoiseArb,
      fc.array(fc.nat(), { maxLength: 12 }),
      (pieces, tail, cuts) => {
        const expected = pieces.map(([, packet]) => encodePacket(packet));
        const stream = Uint8Array.from(
          pieces.flatMap(([noise], i) => [...noise, ...(expected[i] as Uint8Array)]).concat([...tail]),
        );
        assert.deepEqual(parseAll(new R30xStreamParser(), splitAt(stream, cuts)), expected.map(hexOf));
      },
    ),
    { numRuns: 1500 },
  );
});

test('after reset, packet-like noise received earlier cannot swallow the next packets', () => {
  fc.assert(
    fc.property(
      trickyNoiseArb,
      fc.array(packetArb, { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (noise, packets, cuts) => {
        const parser = new R30xStreamParser();
        for (const item of parser.push(noise)) if (item.kind === 'error') assert.ok(item.error instanceof R30xError);
        parser.reset();
        const expected = packets.map(encodePacket);
        const stream = Uint8Array.from(expected.flatMap((bytes) => [...bytes]));
        assert.deepEqual(parseAll(parser, splitAt(stream, cuts)), expected.map(hexOf));
      },
    ),
    { numRuns: 1500 },
  );
});
