import type { PriorityClass, TicketStatus, Window, WindowStatus } from '@yimen/protocol';
import type { Changes, FinishedService, TicketRecord, WindowRecord } from '../domain';
import { type Db, prepared } from './db';

interface TicketRow {
  id: string;
  business_day: string;
  number: string;
  issue_category_id: string;
  category_id: string;
  priority: string;
  status: string;
  issued_at: number;
  rank_at: number;
  window_id: string | null;
  target_window_id: string | null;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  recall_count: number;
  requeue_count: number;
  transfer_count: number;
  reprint_count: number;
  holder_name_masked: string | null;
  holder_id_masked: string | null;
  transfer_note: string | null;
  transfer_from_window_id: string | null;
  id_hash: string | null;
  status_token: string;
  terminal_id: string | null;
  idempotency_key: string | null;
}

function fromRow(r: TicketRow): TicketRecord {
  return {
    id: r.id,
    number: r.number,
    businessDay: r.business_day,
    categoryId: r.category_id,
    priority: r.priority as PriorityClass,
    status: r.status as TicketStatus,
    issuedAt: r.issued_at,
    rankAt: r.rank_at,
    windowId: r.window_id,
    targetWindowId: r.target_window_id,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    recallCount: r.recall_count,
    requeueCount: r.requeue_count,
    transferCount: r.transfer_count,
    reprintCount: r.reprint_count,
    holder:
      r.holder_name_masked !== null && r.holder_id_masked !== null
        ? { nameMasked: r.holder_name_masked, idMasked: r.holder_id_masked }
        : null,
    transferNote: r.transfer_note,
    transferFromWindowId: r.transfer_from_window_id,
    idHash: r.id_hash,
    statusToken: r.status_token,
    issueCategoryId: r.issue_category_id,
    terminalId: r.terminal_id,
    idempotencyKey: r.idempotency_key,
  };
}

const OPEN_STATUSES = "('waiting','called','serving','held','noShow')";

/** Tickets, windows' live state, day counters and dispatch streaks. */
export class QueueRepo {
  private readonly upsertTicket;
  private readonly updateWindow;
  private readonly upsertCounter;

  constructor(private readonly db: Db) {
    this.upsertTicket = db.prepare(`
      INSERT INTO tickets (id, business_day, number, issue_category_id, category_id, priority, status, issued_at,
        rank_at, window_id, target_window_id, called_at, started_at, finished_at, recall_count, requeue_count,
        transfer_count, reprint_count, holder_name_masked, holder_id_masked, transfer_note, transfer_from_window_id, id_hash,
        status_token, terminal_id, idempotency_key)
      VALUES (@id, @businessDay, @number, @issueCategoryId, @categoryId, @priority, @status, @issuedAt, @rankAt, @windowId,
        @targetWindowId, @calledAt, @startedAt, @finishedAt, @recallCount, @requeueCount, @transferCount, @reprintCount,
        @nameMasked, @idMasked, @transferNote, @transferFromWindowId, @idHash, @statusToken, @terminalId, @idempotencyKey)
      ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id, priority = excluded.priority,
        status = excluded.status, rank_at = excluded.rank_at, window_id = excluded.window_id,
        target_window_id = excluded.target_window_id, called_at = excluded.called_at,
        started_at = excluded.started_at, finished_at = excluded.finished_at, recall_count = excluded.recall_count,
        requeue_count = excluded.requeue_count, transfer_count = excluded.transfer_count,
        reprint_count = excluded.reprint_count, transfer_note = excluded.transfer_note,
        transfer_from_window_id = excluded.transfer_from_window_id`);
    this.updateWindow = db.prepare(
      'UPDATE windows SET status = ?, pause_reason = ?, clerk_id = ?, current_ticket_id = ? WHERE id = ?',
    );
    this.upsertCounter = db.prepare(`
      INSERT INTO day_counters (business_day, category_id, last_number) VALUES (?, ?, ?)
      ON CONFLICT(business_day, category_id) DO UPDATE SET last_number = excluded.last_number`);
  }

  openTickets(businessDay: string): TicketRecord[] {
    const rows = prepared(
      this.db,
      `SELECT * FROM tickets WHERE business_day = ? AND status IN ${OPEN_STATUSES} ORDER BY issued_at, id`,
    ).all(businessDay) as TicketRow[];
    return rows.map(fromRow);
  }

  /** Every ticket of the day, closed ones too: what the day has taught, after a restart. */
  dayTickets(businessDay: string): TicketRecord[] {
    const rows = prepared(this.db, 'SELECT * FROM tickets WHERE business_day = ? ORDER BY issued_at, id').all(
      businessDay,
    ) as TicketRow[];
    return rows.map(fromRow);
  }

  byId(id: string): TicketRecord | null {
    const row = prepared(this.db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? fromRow(row) : null;
  }

  byIdempotencyKey(terminalId: string, key: string): TicketRecord | null {
    const row = prepared(this.db, 'SELECT * FROM tickets WHERE terminal_id = ? AND idempotency_key = ?').get(
      terminalId,
      key,
    ) as TicketRow | undefined;
    return row ? fromRow(row) : null;
  }

  byStatusToken(token: string): TicketRecord | null {
    const row = prepared(this.db, 'SELECT * FROM tickets WHERE status_token = ?').get(token) as TicketRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Tickets an ID took today for a queue; voided ones (print failed) do not count. */
  countForId(businessDay: string, idHash: string, categoryId: string): number {
    const row = prepared(
      this.db,
      "SELECT COUNT(*) AS n FROM tickets WHERE business_day = ? AND id_hash = ? AND issue_category_id = ? AND status != 'voided'",
    ).get(businessDay, idHash, categoryId) as { n: number };
    return row.n;
  }

  /** Tickets an ID took today per queue issued for, voided ones left out. */
  countsForId(businessDay: string, idHash: string): Record<string, number> {
    const rows = prepared(
      this.db,
      "SELECT issue_category_id AS id, COUNT(*) AS n FROM tickets WHERE business_day = ? AND id_hash = ? AND status != 'voided' GROUP BY issue_category_id",
    ).all(businessDay, idHash) as { id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.n]));
  }

  /** The service times of the tickets finished at a window on a business day. */
  finishedAt(businessDay: string, windowId: string): FinishedService[] {
    return prepared(
      this.db,
      "SELECT started_at AS startedAt, finished_at AS finishedAt FROM tickets WHERE business_day = ? AND window_id = ? AND status = 'done'",
    ).all(businessDay, windowId) as FinishedService[];
  }

  windows(): WindowRecord[] {
    const rows = prepared(
      this.db,
      'SELECT data, status, pause_reason AS pauseReason, clerk_id AS clerkId, current_ticket_id AS currentTicketId FROM windows ORDER BY number',
    ).all() as {
      data: string;
      status: WindowStatus;
      pauseReason: string | null;
      clerkId: string | null;
      currentTicketId: string | null;
    }[];
    return rows.map((r) => ({
      ...(JSON.parse(r.data) as Window),
      status: r.status,
      pauseReason: r.pauseReason,
      clerkId: r.clerkId,
      currentTicketId: r.currentTicketId,
    }));
  }

  counters(businessDay: string): Record<string, number> {
    const rows = prepared(
      this.db,
      'SELECT category_id AS id, last_number AS n FROM day_counters WHERE business_day = ?',
    ).all(businessDay) as { id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.n]));
  }

  /** Writes a command's changes; call inside the command's transaction. */
  persist(changes: Changes, businessDay: string, setMeta: (key: string, value: string) => void): void {
    for (const t of changes.tickets) {
      this.upsertTicket.run({
        ...t,
        nameMasked: t.holder?.nameMasked ?? null,
        idMasked: t.holder?.idMasked ?? null,
      });
    }
    for (const w of changes.windows) this.updateWindow.run(w.status, w.pauseReason, w.clerkId, w.currentTicketId, w.id);
    const day = changes.businessDay ?? businessDay;
    if (changes.lastNumber) {
      for (const [id, n] of Object.entries(changes.lastNumber)) this.upsertCounter.run(day, id, n);
    }
    if (changes.streaks) setMeta('streaks', JSON.stringify(changes.streaks));
    if (changes.businessDay) setMeta('businessDay', changes.businessDay);
  }
}
