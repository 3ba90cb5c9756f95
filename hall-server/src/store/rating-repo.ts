import type {
  BadRatingReason,
  RatingChannel,
  RatingLevel,
  RectificationAction,
  RectificationStep,
} from '@yimen/protocol';
import type { RectificationRecord } from '../domain';
import { type Db, prepared } from './db';

export interface RatingRow {
  readonly id: string;
  readonly ticketId: string;
  readonly ticketNumber: string;
  readonly businessDay: string;
  readonly level: RatingLevel;
  readonly reason: BadRatingReason | null;
  readonly channel: RatingChannel;
  readonly clerkId: string | null;
  readonly windowId: string | null;
  readonly categoryId: string;
  readonly departmentId: string | null;
  /** The one item, when the service was of exactly one. */
  readonly itemId: string | null;
  /** Every item the service was of (kept in rating_items). */
  readonly itemIds: readonly string[];
  readonly at: number;
}

export interface ServedRow {
  readonly ticketId: string;
  readonly clerkId: string | null;
  readonly windowId: string;
  readonly finishedAt: number;
}

/** The rating columns under their camel-case names, of table alias `t`, its items as a JSON array. */
const ratingColumns = (t: string) =>
  `${t}.id, ${t}.ticket_id AS ticketId, ${t}.ticket_number AS ticketNumber, ${t}.business_day AS businessDay,
  ${t}.level, ${t}.reason, ${t}.channel, ${t}.clerk_id AS clerkId, ${t}.window_id AS windowId,
  ${t}.category_id AS categoryId, ${t}.department_id AS departmentId, ${t}.item_id AS itemId, ${t}.at,
  (SELECT json_group_array(i.item_id) FROM rating_items i WHERE i.rating_id = ${t}.id) AS itemIds`;
const RATING_COLUMNS = ratingColumns('ratings');

type StoredRating = Omit<RatingRow, 'itemIds'> & { itemIds: string };
const toRating = ({ itemIds, ...row }: StoredRating): RatingRow => ({
  ...row,
  itemIds: JSON.parse(itemIds) as string[],
});

const CASE_COLUMNS = `id, rating_id AS ratingId, status, outcome, opened_at AS openedAt, due_day AS dueDay,
  escalated_at AS escalatedAt, closed_at AS closedAt, status_before_appeal AS statusBeforeAppeal, appealed`;

type CaseRow = Omit<RectificationRecord, 'appealed'> & { appealed: number };
const toCase = (row: CaseRow): RectificationRecord => ({ ...row, appealed: row.appealed === 1 });

/**
 * Ratings (好差评) and their rectification cases. A rating is inserted once and never
 * changed: there is no update here, and triggers refuse one from anywhere else. The
 * citizen's call-back number sits apart (sealed), so it can be purged after the retention
 * period without touching the rating.
 */
export class RatingRepo {
  constructor(private readonly db: Db) {}

  recordServed(row: ServedRow): void {
    prepared(
      this.db,
      `INSERT INTO served (ticket_id, clerk_id, window_id, finished_at) VALUES (@ticketId, @clerkId, @windowId, @finishedAt)
       ON CONFLICT(ticket_id) DO UPDATE SET clerk_id = excluded.clerk_id, window_id = excluded.window_id,
       finished_at = excluded.finished_at`,
    ).run(row);
  }

  served(ticketId: string): ServedRow | null {
    return (
      (prepared(
        this.db,
        'SELECT ticket_id AS ticketId, clerk_id AS clerkId, window_id AS windowId, finished_at AS finishedAt FROM served WHERE ticket_id = ?',
      ).get(ticketId) as ServedRow | undefined) ?? null
    );
  }

  /** The ticket the window finished last, if it has no rating yet. */
  lastUnratedAt(windowId: string, since: number): string | null {
    const row = prepared(
      this.db,
      `SELECT s.ticket_id AS ticketId FROM served s WHERE s.window_id = ? AND s.finished_at >= ?
        AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = s.ticket_id)
       ORDER BY s.finished_at DESC LIMIT 1`,
    ).get(windowId, since) as { ticketId: string } | undefined;
    return row?.ticketId ?? null;
  }

  insertRating({ itemIds, ...row }: RatingRow): void {
    prepared(
      this.db,
      `INSERT INTO ratings (id, ticket_id, ticket_number, business_day, level, reason, channel, clerk_id, window_id,
        category_id, department_id, item_id, at)
       VALUES (@id, @ticketId, @ticketNumber, @businessDay, @level, @reason, @channel, @clerkId, @windowId,
        @categoryId, @departmentId, @itemId, @at)`,
    ).run(row);
    const item = prepared(this.db, 'INSERT INTO rating_items (rating_id, item_id) VALUES (?, ?)');
    for (const itemId of itemIds) item.run(row.id, itemId);
  }

  insertContact(ratingId: string, phoneSealed: string, phoneMasked: string): void {
    prepared(this.db, 'INSERT INTO rating_contacts (rating_id, phone_enc, phone_masked) VALUES (?, ?, ?)').run(
      ratingId,
      phoneSealed,
      phoneMasked,
    );
  }

  phoneMasked(ratingId: string): string | null {
    const row = prepared(this.db, 'SELECT phone_masked AS masked FROM rating_contacts WHERE rating_id = ?').get(
      ratingId,
    ) as { masked: string } | undefined;
    return row?.masked ?? null;
  }

  byTicket(ticketId: string): RatingRow | null {
    const row = prepared(this.db, `SELECT ${RATING_COLUMNS} FROM ratings WHERE ticket_id = ?`).get(ticketId);
    return row ? toRating(row as StoredRating) : null;
  }

  byId(id: string): RatingRow | null {
    const row = prepared(this.db, `SELECT ${RATING_COLUMNS} FROM ratings WHERE id = ?`).get(id);
    return row ? toRating(row as StoredRating) : null;
  }

  /** Ratings of business days `from`..`to` (inclusive), each with whether an upheld appeal annulled it. */
  between(from: string, to: string): (RatingRow & { annulled: boolean })[] {
    const rows = prepared(
      this.db,
      `SELECT ${ratingColumns('r')},
        (SELECT c.outcome FROM rectifications c WHERE c.rating_id = r.id) = 'appealUpheld' AS annulled
       FROM ratings r WHERE r.business_day BETWEEN ? AND ? ORDER BY r.at`,
    ).all(from, to) as (StoredRating & { annulled: number | null })[];
    return rows.map(({ annulled, ...r }) => ({ ...toRating(r), annulled: annulled === 1 }));
  }

  /** 未评价: the pad's prompt for the ticket ran out. */
  recordExpiredPrompt(ticketId: string, windowId: string, at: number): void {
    prepared(
      this.db,
      'INSERT INTO rating_prompts (ticket_id, window_id, expired_at) VALUES (?, ?, ?) ON CONFLICT(ticket_id) DO NOTHING',
    ).run(ticketId, windowId, at);
  }

  promptExpired(ticketId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM rating_prompts WHERE ticket_id = ?').get(ticketId) !== undefined;
  }

  insertCase(c: RectificationRecord): void {
    prepared(
      this.db,
      `INSERT INTO rectifications (id, rating_id, status, outcome, opened_at, due_day, escalated_at, closed_at,
        status_before_appeal, appealed)
       VALUES (@id, @ratingId, @status, @outcome, @openedAt, @dueDay, @escalatedAt, @closedAt, @statusBeforeAppeal, @appealed)`,
    ).run({ ...c, appealed: c.appealed ? 1 : 0 });
  }

  updateCase(c: RectificationRecord): void {
    prepared(
      this.db,
      `UPDATE rectifications SET status = @status, outcome = @outcome, escalated_at = @escalatedAt, closed_at = @closedAt,
        status_before_appeal = @statusBeforeAppeal, appealed = @appealed WHERE id = @id`,
    ).run({ ...c, appealed: c.appealed ? 1 : 0 });
  }

  caseById(id: string): RectificationRecord | null {
    const row = prepared(this.db, `SELECT ${CASE_COLUMNS} FROM rectifications WHERE id = ?`).get(id) as
      | CaseRow
      | undefined;
    return row ? toCase(row) : null;
  }

  caseByRating(ratingId: string): RectificationRecord | null {
    const row = prepared(this.db, `SELECT ${CASE_COLUMNS} FROM rectifications WHERE rating_id = ?`).get(ratingId) as
      | CaseRow
      | undefined;
    return row ? toCase(row) : null;
  }

  cases(open: boolean | null): RectificationRecord[] {
    const where = open === null ? '' : open ? "WHERE status != 'closed'" : "WHERE status = 'closed'";
    return (
      prepared(this.db, `SELECT ${CASE_COLUMNS} FROM rectifications ${where} ORDER BY opened_at`).all() as CaseRow[]
    ).map(toCase);
  }

  addStep(caseId: string, step: RectificationStep & { actor: string }): void {
    prepared(
      this.db,
      'INSERT INTO rectification_steps (case_id, action, by_name, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(caseId, step.action, step.by, step.actor, step.at, step.note);
  }

  steps(caseId: string): RectificationStep[] {
    return (
      prepared(
        this.db,
        'SELECT action, by_name AS by, at, note FROM rectification_steps WHERE case_id = ? ORDER BY id',
      ).all(caseId) as { action: RectificationAction; by: string; at: number; note: string }[]
    ).map((s) => ({ ...s }));
  }
}
