import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Category, KioskLookup } from '@yimen/protocol';
import { ELDER_CHOICES, elderCategories } from './elder-choices';

const category = (id: string, dailyCap: number): Category => ({
  id,
  name: id,
  prefix: 'A',
  departmentId: null,
  itemIds: [],
  avgServiceMin: 5,
  dailyCap,
});

const hall = [
  category('a', 100),
  category('b', 500),
  category('c', 200),
  category('d', 400),
  category('e', 500),
  category('f', 50),
];

test('elder mode offers the most used queues, in the hall’s order', () => {
  assert.equal(ELDER_CHOICES, 4);
  assert.deepEqual(
    elderCategories(hall, null).map((c) => c.id),
    ['b', 'c', 'd', 'e'],
  );
});

test('a queue the holder holds a ticket in, or booked today, stays on offer', () => {
  const lookup: KioskLookup = {
    categories: { f: { state: 'holding', ticketId: 't1', number: 'F001', reprintsLeft: 1 }, a: { state: 'idLimit' } },
    elderly: true,
    agent: false,
    appointment: null,
    checkIn: null,
  };
  assert.deepEqual(
    elderCategories(hall, lookup).map((c) => c.id),
    ['b', 'c', 'd', 'e', 'f'],
  );
  const booked = {
    ...lookup,
    appointment: { categoryId: 'a' } as KioskLookup['appointment'],
    checkIn: 'late' as const,
  };
  assert.deepEqual(
    elderCategories(hall, booked).map((c) => c.id),
    ['a', 'b', 'c', 'd', 'e', 'f'],
  );
});
