import { DisplaySettings, type Role } from '@yimen/protocol';
import { type Db, prepared } from './db';

export interface TerminalRow {
  readonly id: string;
  readonly name: string;
  readonly role: Exclude<Role, 'clerk'>;
  readonly windowId: string | null;
}

export interface SessionRow {
  readonly clerkId: string;
  readonly windowId: string;
}

/** Credentials are stored hashed only: terminal tokens, clerk passwords, session tokens. */
export class AuthRepo {
  constructor(private readonly db: Db) {}

  addTerminal(t: TerminalRow, tokenHash: string): void {
    prepared(this.db, 'INSERT INTO terminals (id, name, role, window_id, token_hash) VALUES (?, ?, ?, ?, ?)').run(
      t.id,
      t.name,
      t.role,
      t.windowId,
      tokenHash,
    );
  }

  terminalByTokenHash(tokenHash: string): TerminalRow | null {
    const row = prepared(
      this.db,
      'SELECT id, name, role, window_id AS windowId FROM terminals WHERE token_hash = ?',
    ).get(tokenHash) as TerminalRow | undefined;
    return row ?? null;
  }

  terminals(): TerminalRow[] {
    return prepared(
      this.db,
      'SELECT id, name, role, window_id AS windowId FROM terminals ORDER BY id',
    ).all() as TerminalRow[];
  }

  terminalById(id: string): TerminalRow | null {
    const row = prepared(this.db, 'SELECT id, name, role, window_id AS windowId FROM terminals WHERE id = ?').get(id);
    return (row as TerminalRow | undefined) ?? null;
  }

  /** A display's own settings; null when none were set (the defaults apply) or stored ones no longer parse. */
  displaySettings(terminalId: string): DisplaySettings | null {
    const row = prepared(this.db, 'SELECT settings FROM terminals WHERE id = ?').get(terminalId) as
      | { settings: string | null }
      | undefined;
    if (!row?.settings) return null;
    const parsed = DisplaySettings.safeParse(JSON.parse(row.settings));
    return parsed.success ? parsed.data : null;
  }

  setDisplaySettings(terminalId: string, settings: DisplaySettings): void {
    prepared(this.db, 'UPDATE terminals SET settings = ? WHERE id = ?').run(JSON.stringify(settings), terminalId);
  }

  /** A new token for a terminal: the old one stops working at once. */
  replaceToken(terminalId: string, tokenHash: string): void {
    prepared(this.db, 'UPDATE terminals SET token_hash = ? WHERE id = ?').run(tokenHash, terminalId);
  }

  /** A one-time enrolment code; earlier unused codes of the terminal stop working. */
  addEnrolmentCode(codeHash: string, terminalId: string, now: number, expiresAt: number): void {
    prepared(this.db, 'UPDATE enrolment_codes SET used_at = ? WHERE terminal_id = ? AND used_at IS NULL').run(
      now,
      terminalId,
    );
    prepared(
      this.db,
      'INSERT INTO enrolment_codes (code_hash, terminal_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ).run(codeHash, terminalId, now, expiresAt);
  }

  /** Marks a live code used and returns its terminal; null for unknown, used or expired codes. */
  useEnrolmentCode(codeHash: string, now: number): string | null {
    const row = prepared(
      this.db,
      'SELECT terminal_id AS terminalId FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
    ).get(codeHash, now) as { terminalId: string } | undefined;
    if (!row) return null;
    prepared(this.db, 'UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?').run(now, codeHash);
    return row.terminalId;
  }

  clerkCredentials(staffNo: string): { id: string; passwordHash: string } | null {
    const row = prepared(this.db, 'SELECT id, password_hash AS passwordHash FROM clerks WHERE staff_no = ?').get(
      staffNo,
    ) as { id: string; passwordHash: string } | undefined;
    return row ?? null;
  }

  addSession(tokenHash: string, clerkId: string, windowId: string, now: number): void {
    prepared(
      this.db,
      'INSERT INTO clerk_sessions (token_hash, clerk_id, window_id, created_at) VALUES (?, ?, ?, ?)',
    ).run(tokenHash, clerkId, windowId, now);
  }

  /** Other sessions of the clerk and other clerks' sessions at the window end when a clerk signs in. */
  revokeSessionsFor(clerkId: string, windowId: string, now: number): void {
    prepared(
      this.db,
      'UPDATE clerk_sessions SET revoked_at = ? WHERE revoked_at IS NULL AND (clerk_id = ? OR window_id = ?)',
    ).run(now, clerkId, windowId);
  }

  revokeSession(tokenHash: string, now: number): void {
    prepared(this.db, 'UPDATE clerk_sessions SET revoked_at = ? WHERE token_hash = ?').run(now, tokenHash);
  }

  /** Every session ends when the business day closes: clerks sign in again each morning. */
  revokeAllSessions(now: number): void {
    prepared(this.db, 'UPDATE clerk_sessions SET revoked_at = ? WHERE revoked_at IS NULL').run(now);
  }

  /** A live session: not revoked and created after `notBefore`. */
  sessionByTokenHash(tokenHash: string, notBefore: number): SessionRow | null {
    const row = prepared(
      this.db,
      'SELECT clerk_id AS clerkId, window_id AS windowId FROM clerk_sessions WHERE token_hash = ? AND revoked_at IS NULL AND created_at >= ?',
    ).get(tokenHash, notBefore) as SessionRow | undefined;
    return row ?? null;
  }

  /** 绿卡代办员: agents registered by the hall, matched by the keyed hash of their ID number. */
  addGreenCard(idHash: string, cardNo: string, nameMasked: string): void {
    prepared(this.db, 'INSERT INTO green_cards (id_hash, card_no, name_masked) VALUES (?, ?, ?)').run(
      idHash,
      cardNo,
      nameMasked,
    );
  }

  isGreenCard(idHash: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM green_cards WHERE id_hash = ?').get(idHash) !== undefined;
  }
}
