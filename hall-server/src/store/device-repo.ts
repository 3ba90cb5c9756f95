import type { BridgeStatus, DeviceKind } from '@yimen/protocol';
import { type Db, prepared } from './db';

/** A device's state as the hall records it; `warning` is a ready printer with its paper near the end. */
export interface DeviceState {
  readonly kind: DeviceKind;
  readonly state: 'ready' | 'absent' | 'fault' | 'warning';
  readonly reason: string | null;
}

export interface DeviceReportRow extends DeviceState {
  readonly terminalId: string;
  readonly at: number;
}

/** What a terminal's report says of each device, one state per kind. */
export function deviceStates(status: BridgeStatus): DeviceState[] {
  return Object.entries(status.devices).map(([kind, s]): DeviceState => {
    if (kind === 'printer' && s.state === 'ready' && status.printer?.paperNearEnd) {
      return { kind: 'printer', state: 'warning', reason: 'paperNearEnd' };
    }
    return { kind: kind as DeviceKind, state: s.state, reason: s.state === 'ready' ? null : (s.reason ?? null) };
  });
}

/** The history of every terminal's devices: a row each time a device's state changes. */
export class DeviceRepo {
  constructor(private readonly db: Db) {}

  /** Records the states that differ from the last recorded ones; returns those. */
  record(terminalId: string, states: readonly DeviceState[], at: number): DeviceState[] {
    const latest = new Map(this.latest(terminalId).map((r) => [r.kind, r]));
    const changed = states.filter((s) => {
      const last = latest.get(s.kind);
      return !last || last.state !== s.state || last.reason !== s.reason;
    });
    const insert = prepared(
      this.db,
      'INSERT INTO device_reports (terminal_id, at, kind, state, reason) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const s of changed) insert.run(terminalId, at, s.kind, s.state, s.reason);
    })();
    return changed;
  }

  /** The last recorded state of each of a terminal's devices. */
  latest(terminalId: string): DeviceReportRow[] {
    return prepared(
      this.db,
      `SELECT terminal_id AS terminalId, at, kind, state, reason FROM device_reports
       WHERE id IN (SELECT MAX(id) FROM device_reports WHERE terminal_id = ? GROUP BY kind) ORDER BY kind`,
    ).all(terminalId) as DeviceReportRow[];
  }

  /** Newest first. */
  history(terminalId: string, limit: number): DeviceReportRow[] {
    return prepared(
      this.db,
      'SELECT terminal_id AS terminalId, at, kind, state, reason FROM device_reports WHERE terminal_id = ? ORDER BY id DESC LIMIT ?',
    ).all(terminalId, limit) as DeviceReportRow[];
  }
}
