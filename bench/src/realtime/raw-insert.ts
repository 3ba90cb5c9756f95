import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '@yimen/hall-server/store/db';

/**
 * The floor under every acknowledged command: single-row INSERTs, each its own transaction,
 * through better-sqlite3 with the hall database's own pragmas (WAL, synchronous=FULL), into a
 * file in the given directory so it hits the same disk. Rows are about a ticket row's size.
 */
export function rawInsertsPerSec(dir: string, durationMs: number): number {
  const path = join(dir, 'raw-insert.db');
  const db = openDb(path);
  try {
    db.exec('CREATE TABLE raw_rows (id TEXT PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, data TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO raw_rows (id, day, number, data) VALUES (?, ?, ?, ?)');
    const data = randomBytes(150).toString('hex');
    const started = performance.now();
    let n = 0;
    let elapsed = 0;
    while (elapsed < durationMs) {
      insert.run(`row-${n}`, '2026-11-21', `A${n % 1000}`, data);
      n++;
      elapsed = performance.now() - started;
    }
    return n / (elapsed / 1000);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}
