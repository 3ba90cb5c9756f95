import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { IdCardReader, type IdCardReading } from './reader';
import { sampleCards } from './samples';
import { IdCardSimulator } from './simulator';

async function until(what: string, done: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('end to end over a real pty pair with serialport: one card per placement, unplug and replug', async () => {
  const pair = await createPtyPair();
  const simulator = new IdCardSimulator(new SerialTransport({ path: pair.devicePath, baudRate: 115200 }));
  await simulator.open();
  const reader = new IdCardReader({
    createTransport: () => new SerialTransport({ path: pair.hostPath, baudRate: 115200 }),
    pollIntervalMs: 20,
    replyTimeoutMs: 250,
    readTimeoutMs: 500,
    backoffMs: { min: 50, max: 200 },
  });
  const cards: IdCardReading[] = [];
  const states: string[] = [];
  let removed = 0;
  reader.on('card', (reading) => cards.push(reading));
  reader.on('removed', () => removed++);
  reader.on('status', (status) => states.push(status.state));
  try {
    await until('ready', () => reader.status.state === 'ready');
    reader.start();
    simulator.placeCard(sampleCards.resident);
    await until('card', () => cards.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a dozen more polls
    assert.equal(cards.length, 1, 'exactly one card event for one placement');
    const card = cards[0]?.card;
    assert.equal(card?.name, '王测试');
    assert.equal(card?.sex, 'male');
    assert.equal(card?.nation, '汉族');
    assert.equal(card?.birthDate, '1990-03-07');
    assert.equal(card?.idNumber, sampleCards.resident.idNumber);
    assert.equal(card?.validTo, '2035-03-07');
    assert.equal(cards[0]?.photo.length, 1024);

    simulator.removeCard();
    await until('removed', () => removed === 1);
    simulator.placeCard(sampleCards.residentLongTerm);
    await until('second card', () => cards.length === 2);
    assert.equal(cards[1]?.card.validTo, '长期');
    assert.equal(cards[1]?.card.nation, '德昂族');

    // Unplug: the simulator closes its end, the reader stops getting replies.
    await simulator.close();
    await until('absent', () => reader.status.state === 'absent');
    await simulator.open();
    await until('ready again', () => reader.status.state === 'ready');
    simulator.removeCard();
    await until('removed after replug', () => removed === 2);
    simulator.placeCard(sampleCards.hkMacauTaiwan);
    await until('card after replug', () => cards.length === 3);
    assert.equal(cards[2]?.card.passNumber, 'H01234567');
    assert.deepEqual(states, ['ready', 'absent', 'ready']);
  } finally {
    await reader.close();
    await simulator.close();
    await pair.close();
  }
});
