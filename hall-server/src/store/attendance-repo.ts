import type { LeaveKind, Punch } from '@yimen/protocol';
import { type Db, prepared } from './db';

export interface TemplateRow {
  readonly pageId: number;
  readonly clerkId: string;
  readonly finger: number;
  /** Sealed by the field cipher; the module's bytes are never stored in the clear. */
  readonly templateSealed: string;
  readonly enrolledAt: number;
  readonly terminalId: string;
}

/** Fingerprint templates, punches and leave: what attendance is read from. */
export class AttendanceRepo {
  constructor(private readonly db: Db) {}

  templates(): TemplateRow[] {
    return prepared(
      this.db,
      `SELECT page_id AS pageId, clerk_id AS clerkId, finger, template_enc AS templateSealed, enrolled_at AS enrolledAt,
        terminal_id AS terminalId FROM fingerprints ORDER BY page_id`,
    ).all() as TemplateRow[];
  }

  clerkOfPage(pageId: number): string | null {
    const row = prepared(this.db, 'SELECT clerk_id AS clerkId FROM fingerprints WHERE page_id = ?').get(pageId) as
      | { clerkId: string }
      | undefined;
    return row?.clerkId ?? null;
  }

  pagesOf(clerkId: string, finger?: number): number[] {
    const rows = (
      finger === undefined
        ? prepared(this.db, 'SELECT page_id AS pageId FROM fingerprints WHERE clerk_id = ?').all(clerkId)
        : prepared(this.db, 'SELECT page_id AS pageId FROM fingerprints WHERE clerk_id = ? AND finger = ?').all(
            clerkId,
            finger,
          )
    ) as { pageId: number }[];
    return rows.map((r) => r.pageId);
  }

  /** The lowest library page no template uses: every module holds every template at the same page. */
  freePage(capacity: number): number | null {
    const used = new Set(this.templates().map((t) => t.pageId));
    for (let page = 0; page < capacity; page++) if (!used.has(page)) return page;
    return null;
  }

  putTemplate(row: TemplateRow): void {
    prepared(this.db, 'DELETE FROM fingerprints WHERE clerk_id = ? AND finger = ?').run(row.clerkId, row.finger);
    prepared(
      this.db,
      `INSERT INTO fingerprints (page_id, clerk_id, finger, template_enc, enrolled_at, terminal_id)
       VALUES (@pageId, @clerkId, @finger, @templateSealed, @enrolledAt, @terminalId)`,
    ).run(row);
  }

  removeTemplates(clerkId: string): void {
    prepared(this.db, 'DELETE FROM fingerprints WHERE clerk_id = ?').run(clerkId);
  }

  addPunch(punch: Punch & { day: string }): void {
    prepared(
      this.db,
      'INSERT INTO punches (id, clerk_id, terminal_id, window_id, at, day, kind) VALUES (@id, @clerkId, @terminalId, @windowId, @at, @day, @kind)',
    ).run(punch);
  }

  /** When the clerk last punched (or signed in) on this terminal on the attendance day; null if not yet. */
  lastPunchAt(clerkId: string, terminalId: string, day: string): number | null {
    const row = prepared(
      this.db,
      'SELECT MAX(at) AS at FROM punches WHERE day = ? AND clerk_id = ? AND terminal_id = ?',
    ).get(day, clerkId, terminalId) as { at: number | null };
    return row.at;
  }

  punchesOn(day: string): Punch[] {
    return prepared(
      this.db,
      `SELECT id, clerk_id AS clerkId, terminal_id AS terminalId, window_id AS windowId, at, kind FROM punches
       WHERE day = ? ORDER BY at`,
    ).all(day) as Punch[];
  }

  putLeave(clerkId: string, day: string, kind: LeaveKind, note: string | null): void {
    prepared(
      this.db,
      'INSERT INTO leaves (clerk_id, day, kind, note) VALUES (?, ?, ?, ?) ON CONFLICT(clerk_id, day) DO UPDATE SET kind = excluded.kind, note = excluded.note',
    ).run(clerkId, day, kind, note);
  }

  leavesOn(day: string): Map<string, LeaveKind> {
    const rows = prepared(this.db, 'SELECT clerk_id AS clerkId, kind FROM leaves WHERE day = ?').all(day) as {
      clerkId: string;
      kind: LeaveKind;
    }[];
    return new Map(rows.map((r) => [r.clerkId, r.kind]));
  }
}
