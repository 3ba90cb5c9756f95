import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallerAction as CallerActionSchema } from '@yimen/protocol';
import fc from 'fast-check';
import { CallerBusError, DEFAULT_CHECKSUM, decodeFrame, encodeFrame } from './codec';
import { ackBytes, displayFrame, interpretDeviceFrame, keyData, readDisplay } from './messages';

const key = (...data: number[]) => interpretDeviceFrame({ address: 7, func: 0x01, data: Uint8Array.from(data) });

test('the last data byte is the caller key (QueueSystem key table)', () => {
  assert.deepEqual(key(0x0c), { type: 'key', address: 7, action: 'call' });
  assert.deepEqual(key(0x0d), { type: 'key', address: 7, action: 'recall' });
  assert.deepEqual(key(0x0b), { type: 'key', address: 7, action: 'requestRating' });
  assert.deepEqual(key(0x12), { type: 'key', address: 7, action: 'pause' });
  assert.deepEqual(key(0x13), { type: 'key', address: 7, action: 'transfer' });
  // A leading byte does not change the key.
  assert.deepEqual(key(0x05, 0x0c), { type: 'key', address: 7, action: 'call' });
});

test('0F confirms the digit before it: 6 give up, 0 hold, 3 call back, others plain confirm', () => {
  assert.deepEqual(key(0x06, 0x0f), { type: 'key', address: 7, action: 'giveUp', digit: 6 });
  assert.deepEqual(key(0x00, 0x0f), { type: 'key', address: 7, action: 'hold', digit: 0 });
  assert.deepEqual(key(0x03, 0x0f), { type: 'key', address: 7, action: 'callBack', digit: 3 });
  assert.deepEqual(key(0x09, 0x0f), { type: 'key', address: 7, action: 'confirm', digit: 9 });
  assert.deepEqual(key(0x0f), { type: 'key', address: 7, action: 'confirm' });
});

test('unknown keys, unknown rating values and empty frames are typed errors', () => {
  const code = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof CallerBusError);
      return error.code;
    }
    assert.fail('expected an error');
  };
  assert.equal(
    code(() => key(0x0e)),
    'unknown-key',
  );
  assert.equal(
    code(() => interpretDeviceFrame({ address: 1, func: 0x11, data: Uint8Array.of(9) })),
    'unknown-rating',
  );
  assert.equal(
    code(() => interpretDeviceFrame({ address: 1, func: 0x01, data: new Uint8Array(0) })),
    'no-data',
  );
});

test('FUNC 11 is a rating; the values map to the five levels, and are configurable', () => {
  const levels = [0, 1, 2, 3, 4].map((v) => {
    const event = interpretDeviceFrame({ address: 3, func: 0x11, data: Uint8Array.of(v) });
    assert.equal(event.type, 'rating');
    return event.type === 'rating' ? event.level : null;
  });
  assert.deepEqual(levels, ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied']);
  const custom = interpretDeviceFrame({ address: 3, func: 0x11, data: Uint8Array.of(0x31) }, { 49: 'satisfied' });
  assert.deepEqual(custom, { type: 'rating', address: 3, level: 'satisfied', value: 0x31 });
});

test('a key frame is acked by echoing its bytes, a rating with FUNC 01 and CS less 0x10', () => {
  const keyBytes = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x01, 0x01, 0x0c, (0x01 + 0x01 + 0x0c) & 0xff, 0x16]);
  assert.deepEqual(ackBytes(keyBytes), keyBytes);
  const cs = (0x20 + 0x11 + 0x02) & 0xff;
  const rating = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x20, 0x11, 0x02, cs, 0x16]);
  const expectedAck = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x20, 0x01, 0x02, cs - 0x10, 0x16]);
  assert.deepEqual(ackBytes(rating), expectedAck);
  assert.deepEqual(decodeFrame(expectedAck, { checksum: DEFAULT_CHECKSUM }).func, 0x01);
});

test('a rating ack follows the checksum the device used, also where the host rule differs', () => {
  // An evaluator whose CS also covers LEN LEN 68 (range len-data), on a host that does not verify.
  const cs = (0x03 + 0x03 + 0x68 + 0x05 + 0x11 + 0x00) & 0xff;
  const rating = Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x05, 0x11, 0x00, cs, 0x16]);
  const ack = ackBytes(rating);
  assert.deepEqual(ack, Buffer.from([0xff, 0x68, 0x03, 0x03, 0x68, 0x05, 0x01, 0x00, (cs - 0x10) & 0xff, 0x16]));
  assert.equal(ack[8], (0x03 + 0x03 + 0x68 + 0x05 + 0x01 + 0x00) & 0xff, 'the device accepts it under its own rule');
});

test('keyData encodes what interpretDeviceFrame reads back, for every action', () => {
  // Every action a key press can carry; `confirm` only follows a digit, checked below.
  const actions = CallerActionSchema.options.filter((a) => a !== 'confirm');
  for (const action of actions) {
    const event = key(...keyData(action));
    assert.equal(event.type === 'key' ? event.action : undefined, action);
  }
  assert.deepEqual([...keyData('confirm', 8)], [8, 0x0f]);
  assert.deepEqual([...keyData('giveUp')], [6, 0x0f]);
});

test('display frames: waiting count left, last three ticket digits right, 0A for blank', () => {
  assert.deepEqual([...displayFrame(5, { ticket: 'A012' }).data], [0x0a, 0x0a, 0x0a, 0, 1, 2]);
  assert.deepEqual([...displayFrame(5, { ticket: 'B1234' }).data], [0x0a, 0x0a, 0x0a, 2, 3, 4]);
  assert.deepEqual([...displayFrame(5, { waiting: 7 }).data], [0, 0, 7, 0x0a, 0x0a, 0x0a]);
  assert.deepEqual([...displayFrame(5, { waiting: 1234 }).data], [9, 9, 9, 0x0a, 0x0a, 0x0a]);
  assert.deepEqual(readDisplay(displayFrame(5, { waiting: 42, ticket: 'A7' })), { waiting: '042', ticket: '007' });
});

test('fuzz: interpreting any decodable device frame returns an event or a CallerBusError', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.uint8Array({ minLength: 1, maxLength: 3 }),
      (address, func, data) => {
        const frame = decodeFrame(encodeFrame({ address, func, data }, { limits: { min: 3, max: 5 } }));
        try {
          const event = interpretDeviceFrame(frame);
          assert.equal(event.address, address);
        } catch (error) {
          assert.ok(error instanceof CallerBusError);
        }
      },
    ),
  );
});
