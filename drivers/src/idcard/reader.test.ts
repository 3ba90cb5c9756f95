import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { createMemoryPair } from '../transport/memory';
import { delay, until } from '../transport/test-support';
import { DeviceError } from '../transport/transport';
import { IdCardReader, type IdCardReaderError, type IdCardReading, InvalidCardError } from './reader';
import { SamFrameError } from './sam-codec';
import { SamStatusError } from './sam-status';
import { invalidResidentCard, sampleCards } from './samples';
import { IdCardSimulator, samplePhoto } from './simulator';

const POLL_MS = 5;

async function rig(options: { withFingerprint?: boolean; removeAfterMisses?: number } = {}) {
  const { host, device } = createMemoryPair();
  const simulator = new IdCardSimulator(device);
  await simulator.open();
  const reader = new IdCardReader({
    createTransport: () => host,
    pollIntervalMs: POLL_MS,
    replyTimeoutMs: 250,
    readTimeoutMs: 250,
    backoffMs: { min: 5, max: 20 },
    ...options,
  });
  const cards: IdCardReading[] = [];
  const errors: IdCardReaderError[] = [];
  const statuses: DeviceStatus[] = [];
  let removed = 0;
  reader.on('card', (reading) => cards.push(reading));
  reader.on('error', (error) => errors.push(error));
  reader.on('status', (status) => statuses.push(status));
  reader.on('removed', () => removed++);
  return {
    host,
    simulator,
    reader,
    cards,
    errors,
    statuses,
    removed: () => removed,
    until,
    polls: (n: number) => delay(n * POLL_MS * 3),
  };
}

test('a placed card gives exactly one card event over many polls; removal and a new placement are seen', async () => {
  const r = await rig();
  await r.until('ready', () => r.reader.status.state === 'ready');
  r.reader.start();
  await r.polls(5);
  assert.equal(r.cards.length, 0, 'no card, no event');
  r.simulator.placeCard(sampleCards.resident);
  await r.until('card', () => r.cards.length === 1);
  await r.polls(10);
  assert.equal(r.cards.length, 1, 'one event per placement, not per poll');
  assert.deepEqual(r.cards[0]?.card, sampleCards.resident);
  assert.deepEqual(r.cards[0]?.photo, samplePhoto(sampleCards.resident.idNumber));
  assert.equal(r.cards[0]?.fingerprint.length, 0);
  r.simulator.removeCard();
  await r.until('removed', () => r.removed() === 1);
  r.simulator.placeCard(sampleCards.resident);
  await r.until('second card', () => r.cards.length === 2);
  assert.deepEqual(r.errors, []);
  await r.reader.close();
});

test('a card swapped for another between polls gives removed then the new card', async () => {
  // Removal by misses is off here, so only the swap itself can produce `removed`.
  const r = await rig({ removeAfterMisses: 1000 });
  r.reader.start();
  r.simulator.placeCard(sampleCards.resident);
  await r.until('card', () => r.cards.length === 1);
  // Lifted for less than the removal threshold and replaced by another card.
  r.simulator.removeCard();
  await r.until('a miss', () => r.simulator.received.at(-1)?.cmd === 0x20);
  await delay(POLL_MS * 2);
  // The first read of the new card fails (still sliding in); the reader must not settle for the old one.
  r.simulator.failNextRead();
  r.simulator.placeCard(sampleCards.hkMacauTaiwan);
  await r.until('second card', () => r.cards.length === 2);
  assert.equal(r.cards[1]?.card.cardType, 'hkMacauTaiwan');
  assert.equal(r.removed(), 1);
  assert.ok(r.errors.some((e) => e instanceof SamStatusError && e.code === 'readFailed'));
  await r.reader.close();
});

test('all four card types reach the card event; fingerprints come with 30 10', async () => {
  const r = await rig({ withFingerprint: true });
  r.reader.start();
  const fp = Uint8Array.from({ length: 512 }, (_, i) => i & 0xff);
  const cards = Object.values(sampleCards);
  for (const [i, card] of cards.entries()) {
    r.simulator.placeCard(card, undefined, fp);
    await r.until(`card ${i}`, () => r.cards.length === i + 1);
    r.simulator.removeCard();
    await r.until(`removed ${i}`, () => r.removed() === i + 1);
  }
  assert.deepEqual(
    r.cards.map((c) => c.card),
    cards,
  );
  assert.deepEqual(r.cards[0]?.fingerprint, fp);
  assert.ok(r.simulator.received.some((c) => c.cmd === 0x30 && c.para === 0x10));
  await r.reader.close();
});

test('a card with a broken check digit is an error event, once, and never a card', async () => {
  const r = await rig();
  r.reader.start();
  const bad = invalidResidentCard();
  r.simulator.placeCard(bad);
  await r.until('error', () => r.errors.length === 1);
  await r.polls(10);
  assert.equal(r.cards.length, 0);
  assert.equal(r.errors.length, 1);
  const error = r.errors[0];
  assert.ok(error instanceof InvalidCardError);
  assert.equal(error.code, 'invalid-id-number');
  assert.equal(error.maskedIdNumber, `1101**********${bad.idNumber.slice(-4)}`);
  assert.ok(!error.message.includes(bad.idNumber), 'the full number never appears in the error');
  await r.reader.close();
});

test('a failed read is reported once and retried until the card is read', async () => {
  const r = await rig();
  r.reader.start();
  r.simulator.failNextRead();
  r.simulator.placeCard(sampleCards.residentLongTerm);
  await r.until('card', () => r.cards.length === 1);
  assert.equal(r.errors.length, 1);
  const error = r.errors[0];
  assert.ok(error instanceof SamStatusError);
  assert.equal(error.code, 'readFailed');
  assert.equal(r.cards[0]?.card.validTo, '长期');
  await r.reader.close();
});

test('a garbled reply is a typed error and the next poll recovers', async () => {
  const r = await rig();
  await r.until('ready', () => r.reader.status.state === 'ready');
  r.reader.start();
  r.simulator.placeCard(sampleCards.resident);
  r.simulator.garbleNextReply();
  await r.until('card', () => r.cards.length === 1);
  assert.ok(r.errors.some((e) => e instanceof SamFrameError && e.code === 'checksum'));
  assert.equal(r.reader.status.state, 'ready');
  await r.reader.close();
});

test('a reader that stops answering times out to absent and comes back ready', async () => {
  const r = await rig();
  r.reader.start();
  await r.until('ready', () => r.reader.status.state === 'ready');
  r.simulator.setSilent(true);
  await r.until('absent', () => r.reader.status.state === 'absent');
  const timeout = r.errors.find((e) => e instanceof DeviceError);
  assert.ok(timeout instanceof DeviceError);
  assert.equal(timeout.kind, 'timeout');
  r.simulator.setSilent(false);
  await r.until('ready again', () => r.reader.status.state === 'ready');
  r.simulator.placeCard(sampleCards.resident);
  await r.until('card', () => r.cards.length === 1);
  assert.deepEqual(
    r.statuses.map((s) => s.state),
    ['ready', 'absent', 'ready'],
  );
  await r.reader.close();
});

test('a SAM that fails its self-test makes the reader fault with the reason', async () => {
  const r = await rig();
  r.simulator.setSamStatus(0x60);
  await r.until('fault', () => r.reader.status.state === 'fault');
  assert.match(JSON.stringify(r.reader.status), /SAM self-test failed.*SAM 自检失败/);
  r.simulator.setSamStatus(0x90);
  await r.until('ready', () => r.reader.status.state === 'ready');
  await r.reader.close();
});

test('stop() ends polling; start() reports a card still on the reader again', async () => {
  const r = await rig();
  r.reader.start();
  r.simulator.placeCard(sampleCards.resident);
  await r.until('card', () => r.cards.length === 1);
  await r.reader.stop();
  const seen = r.simulator.received.length;
  await r.polls(5);
  assert.equal(r.simulator.received.length, seen, 'no commands while stopped');
  r.reader.start();
  await r.until('card again', () => r.cards.length === 2);
  await r.reader.close();
  assert.equal(r.host.isOpen, false);
  assert.equal(r.reader.status.state, 'absent');
});
