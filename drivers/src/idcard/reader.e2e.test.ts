import assert from 'node:assert/strict';
import { test } from 'node:test';
import { delay, until, withPtyPair } from '../transport/test-support';
import { IdCardReader, type IdCardReading } from './reader';
import { sampleCards } from './samples';
import { IdCardSimulator } from './simulator';

test('end to end over a real pty pair with serialport: one card per placement, unplug and replug', () =>
  withPtyPair(115200, async (pty) => {
    const simulator = new IdCardSimulator(pty.deviceSide());
    await simulator.open();
    const reader = new IdCardReader({
      createTransport: pty.hostSide,
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
      await until('ready', () => reader.status.state === 'ready', 5000);
      reader.start();
      simulator.placeCard(sampleCards.resident);
      await until('card', () => cards.length === 1, 5000);
      await delay(300); // a dozen more polls
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
      await until('removed', () => removed === 1, 5000);
      simulator.placeCard(sampleCards.residentLongTerm);
      await until('second card', () => cards.length === 2, 5000);
      assert.equal(cards[1]?.card.validTo, '长期');
      assert.equal(cards[1]?.card.nation, '德昂族');

      // Unplug: the simulator closes its end, the reader stops getting replies.
      await simulator.close();
      await until('absent', () => reader.status.state === 'absent', 5000);
      await simulator.open();
      await until('ready again', () => reader.status.state === 'ready', 5000);
      simulator.removeCard();
      await until('removed after replug', () => removed === 2, 5000);
      simulator.placeCard(sampleCards.hkMacauTaiwan);
      await until('card after replug', () => cards.length === 3, 5000);
      assert.equal(cards[2]?.card.passNumber, 'H01234567');
      assert.deepEqual(states, ['ready', 'absent', 'ready']);
    } finally {
      await reader.close();
      await simulator.close();
    }
  }));
