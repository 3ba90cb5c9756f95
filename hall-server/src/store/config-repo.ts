import {
  Bundle,
  CalendarException,
  Category,
  Clerk,
  Department,
  QueueRules,
  ServiceItem,
  Window,
} from '@yimen/protocol';
import type { z } from 'zod';
import { type Db, prepared } from './db';

/** The hall's configuration: departments, queues, items, windows, clerks, rules. */
export interface HallConfig {
  readonly hallName: string;
  readonly rules: QueueRules;
  readonly departments: readonly Department[];
  readonly categories: readonly Category[];
  readonly items: readonly ServiceItem[];
  readonly windows: readonly Window[];
  readonly clerks: readonly Clerk[];
  /** 一件事 bundles; none when absent. */
  readonly bundles?: readonly Bundle[];
}

export class ConfigRepo {
  constructor(private readonly db: Db) {}

  getMeta(key: string): string | null {
    const row = prepared(this.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    prepared(
      this.db,
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  /** The hall's own calendar entries (closures, extra working days, years not yet built in). */
  calendarEntries(): CalendarException[] {
    return CalendarException.array().parse(JSON.parse(this.getMeta('calendar') ?? '[]'));
  }

  saveCalendarEntries(entries: readonly CalendarException[]): void {
    this.setMeta('calendar', JSON.stringify([...entries].sort((a, b) => a.date.localeCompare(b.date))));
  }

  isEmpty(): boolean {
    return this.getMeta('hallName') === null;
  }

  /** Writes a whole configuration; clerks get their password hashes alongside. */
  save(config: HallConfig, passwordHashes: ReadonlyMap<string, string>): void {
    const tx = this.db.transaction(() => {
      this.setMeta('hallName', config.hallName);
      this.setMeta('rules', JSON.stringify(config.rules));
      const dep = prepared(this.db, 'INSERT OR REPLACE INTO departments (id, data) VALUES (?, ?)');
      for (const d of config.departments) dep.run(d.id, JSON.stringify(d));
      const cat = prepared(this.db, 'INSERT OR REPLACE INTO categories (id, prefix, data) VALUES (?, ?, ?)');
      for (const c of config.categories) cat.run(c.id, c.prefix, JSON.stringify(c));
      const item = prepared(this.db, 'INSERT OR REPLACE INTO service_items (id, category_id, data) VALUES (?, ?, ?)');
      for (const i of config.items) item.run(i.id, i.categoryId, JSON.stringify(i));
      const win = prepared(
        this.db,
        'INSERT INTO windows (id, number, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET number = excluded.number, data = excluded.data',
      );
      for (const w of config.windows) win.run(w.id, w.number, JSON.stringify(w));
      const clerk = prepared(
        this.db,
        'INSERT OR REPLACE INTO clerks (id, staff_no, data, password_hash) VALUES (?, ?, ?, ?)',
      );
      const bundle = prepared(this.db, 'INSERT OR REPLACE INTO bundles (id, data) VALUES (?, ?)');
      for (const b of config.bundles ?? []) bundle.run(b.id, JSON.stringify(b));
      for (const c of config.clerks) {
        const hash = passwordHashes.get(c.id);
        if (!hash) throw new Error(`clerk ${c.staffNo} has no password`);
        clerk.run(c.id, c.staffNo, JSON.stringify(c), hash);
      }
    });
    tx();
  }

  load(): HallConfig {
    const all = <T extends z.ZodType>(sql: string, schema: T): z.infer<T>[] =>
      (prepared(this.db, sql).all() as { data: string }[]).map((r) => schema.parse(JSON.parse(r.data)));
    return {
      hallName: this.getMeta('hallName') ?? '',
      rules: QueueRules.parse(JSON.parse(this.getMeta('rules') ?? 'null')),
      departments: all('SELECT data FROM departments ORDER BY id', Department),
      categories: all('SELECT data FROM categories ORDER BY prefix', Category),
      items: all('SELECT data FROM service_items ORDER BY id', ServiceItem),
      windows: all('SELECT data FROM windows ORDER BY number', Window),
      clerks: all('SELECT data FROM clerks ORDER BY staff_no', Clerk),
      bundles: all('SELECT data FROM bundles ORDER BY id', Bundle),
    };
  }
}
