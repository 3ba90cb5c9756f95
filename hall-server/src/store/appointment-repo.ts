import type { AppointmentStatus } from '@yimen/protocol';
import { type Db, prepared } from './db';

export interface AppointmentRow {
  readonly id: string;
  readonly code: string;
  readonly categoryId: string;
  readonly day: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly status: AppointmentStatus;
  readonly idHash: string | null;
  readonly idMasked: string | null;
  readonly nameMasked: string | null;
  /** Sealed by the field cipher; never stored in the clear. */
  readonly phoneSealed: string | null;
  readonly phoneMasked: string | null;
  readonly source: 'web' | 'platform';
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly ticketId: string | null;
  readonly checkInKey: string | null;
}

const COLUMNS = `id, code, category_id AS categoryId, day, slot_start AS slotStart, slot_end AS slotEnd, status,
  id_hash AS idHash, id_masked AS idMasked, name_masked AS nameMasked, phone_enc AS phoneSealed,
  phone_masked AS phoneMasked, source, created_at AS createdAt, updated_at AS updatedAt, ticket_id AS ticketId,
  check_in_key AS checkInKey`;

const LIVE = "('booked', 'checkedIn')";

/** Appointments (预约): one row a booking, with the holder hashed, masked and the phone sealed. */
export class AppointmentRepo {
  constructor(private readonly db: Db) {}

  insert(row: AppointmentRow): void {
    prepared(
      this.db,
      `INSERT INTO appointments (id, code, category_id, day, slot_start, slot_end, status, id_hash, id_masked,
        name_masked, phone_enc, phone_masked, source, created_at, updated_at, ticket_id, check_in_key)
       VALUES (@id, @code, @categoryId, @day, @slotStart, @slotEnd, @status, @idHash, @idMasked, @nameMasked,
        @phoneSealed, @phoneMasked, @source, @createdAt, @updatedAt, @ticketId, @checkInKey)`,
    ).run(row);
  }

  byCode(code: string): AppointmentRow | null {
    return (
      (prepared(this.db, `SELECT ${COLUMNS} FROM appointments WHERE code = ?`).get(code) as AppointmentRow) ?? null
    );
  }

  /** Live bookings per slot start of a category's day. */
  bookedPerSlot(categoryId: string, day: string): Map<string, number> {
    const rows = prepared(
      this.db,
      `SELECT slot_start AS start, COUNT(*) AS n FROM appointments WHERE category_id = ? AND day = ? AND status IN ${LIVE} GROUP BY slot_start`,
    ).all(categoryId, day) as { start: string; n: number }[];
    return new Map(rows.map((r) => [r.start, r.n]));
  }

  liveForHolderOn(idHash: string, day: string): AppointmentRow[] {
    return prepared(
      this.db,
      `SELECT ${COLUMNS} FROM appointments WHERE id_hash = ? AND day = ? AND status IN ${LIVE} ORDER BY slot_start`,
    ).all(idHash, day) as AppointmentRow[];
  }

  /** The holder's bookings of a day that were not cancelled: live ones and those already marked no-show. */
  keptOrMissedOn(idHash: string, day: string): AppointmentRow[] {
    return prepared(
      this.db,
      `SELECT ${COLUMNS} FROM appointments WHERE id_hash = ? AND day = ? AND status != 'cancelled' ORDER BY slot_start`,
    ).all(idHash, day) as AppointmentRow[];
  }

  noShowTimes(idHash: string, since: number): number[] {
    const rows = prepared(
      this.db,
      "SELECT updated_at AS at FROM appointments WHERE id_hash = ? AND status = 'noShow' AND updated_at >= ?",
    ).all(idHash, since) as { at: number }[];
    return rows.map((r) => r.at);
  }

  /** Bookings still open on or before a day, for the no-show sweep. */
  bookedUpTo(day: string): AppointmentRow[] {
    return prepared(
      this.db,
      `SELECT ${COLUMNS} FROM appointments WHERE status = 'booked' AND day <= ? ORDER BY day, slot_start`,
    ).all(day) as AppointmentRow[];
  }

  setStatus(id: string, status: AppointmentStatus, now: number): void {
    prepared(this.db, 'UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  }

  markCheckedIn(id: string, ticketId: string, checkInKey: string, now: number): void {
    prepared(
      this.db,
      "UPDATE appointments SET status = 'checkedIn', ticket_id = ?, check_in_key = ?, updated_at = ? WHERE id = ?",
    ).run(ticketId, checkInKey, now, id);
  }
}
