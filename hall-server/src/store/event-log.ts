import type { LoggedEvent } from '@yimen/protocol';
import type { PendingEvent } from '../domain';
import { type Db, prepared } from './db';

/** The hall-wide event log: every state change with its increasing seq. */
export class EventLog {
  private seq: number;
  private readonly insert;

  constructor(private readonly db: Db) {
    const row = prepared(this.db, 'SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    this.seq = row.seq ?? 0;
    this.insert = prepared(this.db, 'INSERT INTO events (seq, at, name, payload) VALUES (?, ?, ?, ?)');
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Call inside the command's transaction. The seq counter moves only if it commits (see rollback). */
  append(events: readonly PendingEvent[], at: number): LoggedEvent[] {
    return events.map((e) => {
      const seq = ++this.seq;
      const logged = { name: e.name, payload: { ...e.payload, seq } } as LoggedEvent;
      this.insert.run(seq, at, e.name, JSON.stringify(logged.payload));
      return logged;
    });
  }

  /** Forget seqs handed out by a transaction that rolled back. */
  rollback(toSeq: number): void {
    this.seq = toSeq;
  }

  /** Events after `lastSeq`, oldest first; null when more than `limit` were missed. */
  since(lastSeq: number, limit: number): LoggedEvent[] | null {
    if (this.seq - lastSeq > limit) return null;
    const rows = prepared(this.db, 'SELECT name, payload FROM events WHERE seq > ? ORDER BY seq').all(lastSeq) as {
      name: LoggedEvent['name'];
      payload: string;
    }[];
    return rows.map((r) => ({ name: r.name, payload: JSON.parse(r.payload) }) as LoggedEvent);
  }
}
