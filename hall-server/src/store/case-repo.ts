import { type CaseStatus, type DishonestyEntry, FINAL_CASE_STATUSES } from '@yimen/protocol';
import type { CaseRecord } from '../domain';
import { type Db, prepared } from './db';

const FINAL = FINAL_CASE_STATUSES.map((s) => `'${s}'`).join(', ');

const parse = (rows: unknown[]): CaseRecord[] => (rows as { data: string }[]).map((r) => JSON.parse(r.data));

/**
 * Cases: the record as JSON beside the columns they are found by, and the applicant's full
 * identity sealed (AES-GCM) by the shell before it gets here.
 */
export class CaseRepo {
  constructor(private readonly db: Db) {}

  insert(record: CaseRecord, identitySealed: string): void {
    prepared(
      this.db,
      `INSERT INTO cases (id, number, check_code, status, window_id, clerk_id, department_id, id_hash, open_key,
        opened_at, updated_at, data, identity_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.number,
      record.checkCode,
      record.status,
      record.windowId,
      record.clerkId,
      record.departmentId,
      record.idHash,
      record.openKey,
      record.openedAt,
      record.updatedAt,
      JSON.stringify(record),
      identitySealed,
    );
  }

  /** Writes a step; refuses (throws) when the stored revision is not the one the step was decided on. */
  update(record: CaseRecord): void {
    const result = prepared(
      this.db,
      `UPDATE cases SET status = ?, updated_at = ?, data = ? WHERE id = ? AND json_extract(data, '$.rev') = ?`,
    ).run(record.status, record.updatedAt, JSON.stringify(record), record.id, record.rev - 1);
    if (result.changes !== 1) throw new Error(`case ${record.number} changed under the step`);
  }

  byId(id: string): CaseRecord | null {
    return parse(prepared(this.db, 'SELECT data FROM cases WHERE id = ?').all(id))[0] ?? null;
  }

  byNumber(number: string): CaseRecord | null {
    return parse(prepared(this.db, 'SELECT data FROM cases WHERE number = ?').all(number))[0] ?? null;
  }

  byOpenKey(windowId: string, openKey: string): CaseRecord | null {
    return (
      parse(
        prepared(this.db, 'SELECT data FROM cases WHERE window_id = ? AND open_key = ?').all(windowId, openKey),
      )[0] ?? null
    );
  }

  identitySealed(id: string): string | null {
    const row = prepared(this.db, 'SELECT identity_enc AS sealed FROM cases WHERE id = ?').get(id) as
      | { sealed: string }
      | undefined;
    return row?.sealed ?? null;
  }

  /** Cases still going, oldest first. */
  open(limit: number): CaseRecord[] {
    return parse(
      prepared(this.db, `SELECT data FROM cases WHERE status NOT IN (${FINAL}) ORDER BY opened_at LIMIT ?`).all(limit),
    );
  }

  /** A holder's cases, newest first. */
  forHolder(idHash: string, limit: number): CaseRecord[] {
    return parse(
      prepared(this.db, 'SELECT data FROM cases WHERE id_hash = ? ORDER BY opened_at DESC LIMIT ?').all(idHash, limit),
    );
  }

  /** Cases opened in [from, to) (epoch ms), optionally of one status, newest first. */
  list(from: number, to: number, status: CaseStatus | null, limit: number): CaseRecord[] {
    return parse(
      prepared(
        this.db,
        `SELECT data FROM cases WHERE opened_at >= ? AND opened_at < ? AND (? IS NULL OR status = ?)
         ORDER BY opened_at DESC LIMIT ?`,
      ).all(from, to, status, status, limit),
    );
  }

  /** The items of each case opened from a ticket, in the order they were opened. */
  itemsOfTicket(ticketId: string): string[][] {
    return (
      prepared(
        this.db,
        `SELECT json_extract(data, '$.itemIds') AS items FROM cases WHERE json_extract(data, '$.ticketId') = ?
         ORDER BY opened_at`,
      ).all(ticketId) as { items: string }[]
    ).map((r) => JSON.parse(r.items) as string[]);
  }

  /** The last sequence number given out on a business day (numbers are `YYYYMMDD` + 4 digits). */
  lastSequence(day: string): number {
    const prefix = day.replaceAll('-', '');
    const row = prepared(this.db, 'SELECT MAX(number) AS number FROM cases WHERE number BETWEEN ? AND ?').get(
      `${prefix}0000`,
      `${prefix}9999`,
    ) as { number: string | null };
    return row.number ? Number(row.number.slice(8)) : 0;
  }
}

/** 失信名单: matched by the keyed hash of the ID number; lifting an entry keeps it on record. */
export class DishonestyRepo {
  constructor(private readonly db: Db) {}

  add(entry: DishonestyEntry, idHash: string): void {
    prepared(
      this.db,
      `INSERT INTO dishonesty_list (id, id_hash, id_masked, name_masked, reason, from_day, until_day, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.id, idHash, entry.idMasked, entry.nameMasked, entry.reason, entry.from, entry.until, entry.createdAt);
  }

  /** True when a live entry was lifted. */
  lift(id: string, now: number): boolean {
    return (
      prepared(this.db, 'UPDATE dishonesty_list SET lifted_at = ? WHERE id = ? AND lifted_at IS NULL').run(now, id)
        .changes === 1
    );
  }

  all(): DishonestyEntry[] {
    return prepared(
      this.db,
      `SELECT id, name_masked AS nameMasked, id_masked AS idMasked, reason, from_day AS "from", until_day AS until,
        created_at AS createdAt, lifted_at AS liftedAt FROM dishonesty_list ORDER BY created_at DESC`,
    ).all() as DishonestyEntry[];
  }

  /** Listed on `day`: within the term and not lifted. */
  listed(idHash: string, day: string): boolean {
    return (
      prepared(
        this.db,
        'SELECT 1 FROM dishonesty_list WHERE id_hash = ? AND from_day <= ? AND until_day >= ? AND lifted_at IS NULL',
      ).get(idHash, day, day) !== undefined
    );
  }
}
