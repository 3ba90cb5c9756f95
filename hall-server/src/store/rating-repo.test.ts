import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from './db';
import { MIGRATIONS } from './migrations';
import { RatingRepo } from './rating-repo';

test('a hall upgraded to rating items keeps the item each earlier rating named', () => {
  const db = new Database(':memory:');
  const upgrade = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE rating_items'));
  assert.ok(upgrade > 0);
  for (const sql of MIGRATIONS.slice(0, upgrade)) db.exec(sql);
  db.pragma(`user_version = ${upgrade}`);
  const insert = db.prepare(
    `INSERT INTO ratings (id, ticket_id, ticket_number, business_day, level, channel, category_id, item_id, at)
     VALUES (?, ?, ?, '2026-12-03', 'satisfied', 'touch', 'cat-a', ?, 0)`,
  );
  insert.run('r-1', 't-1', 'A001', 'item-a');
  insert.run('r-2', 't-2', 'A002', null);
  migrate(db);
  const repo = new RatingRepo(db);
  assert.deepEqual(repo.byId('r-1')?.itemIds, ['item-a']);
  assert.deepEqual(repo.byId('r-2')?.itemIds, []);
  db.close();
});
