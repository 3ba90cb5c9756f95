import { randomInt } from 'node:crypto';
import type { Ack, BridgeStatus, ErrorBody } from '@yimen/protocol';
import { DEFAULT_DISPLAY_SETTINGS, type DisplaySettings, zhCN } from '@yimen/protocol';
import { AuthRepo, type TerminalRow } from '../store/auth-repo';
import type { HallConfig } from '../store/config-repo';
import type { Db } from '../store/db';
import { DeviceRepo, type DeviceReportRow, deviceStates } from '../store/device-repo';
import { hashToken, newSecret } from './credentials';

/** An enrolment code is typed on a touch screen: eight digits, good for half an hour, once. */
const CODE_DIGITS = 8;
export const ENROLMENT_CODE_TTL_MS = 30 * 60_000;

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

export interface TerminalOverview extends TerminalRow {
  readonly devices: readonly DeviceReportRow[];
  readonly lastReportAt: number | null;
}

/**
 * Terminals of the hall: enrolment (the admin makes a one-time code, the terminal trades it
 * for its long-lived token, which only it ever sees) and the history of their devices.
 */
export class TerminalService {
  private readonly auth: AuthRepo;
  private readonly devices: DeviceRepo;
  private readonly revokedListeners = new Set<(terminalId: string) => void>();
  private readonly settingsListeners = new Set<(terminalId: string, settings: DisplaySettings) => void>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly config: Pick<HallConfig, 'categories' | 'windows'>,
  ) {
    this.auth = new AuthRepo(db);
    this.devices = new DeviceRepo(db);
  }

  /** Called when a terminal's token is replaced, so its open connections can be closed. */
  onTokenReplaced(listener: (terminalId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  createEnrolmentCode(terminalId: string): Ack<{ code: string; expiresAt: number; terminal: TerminalRow }> {
    const terminal = this.auth.terminalById(terminalId);
    if (!terminal) return failure('NOT_FOUND', '没有这个终端');
    const code = Array.from({ length: CODE_DIGITS }, () => randomInt(10)).join('');
    const now = this.now();
    const expiresAt = now + ENROLMENT_CODE_TTL_MS;
    this.db.transaction(() => this.auth.addEnrolmentCode(hashToken(code), terminalId, now, expiresAt))();
    return { ok: true, code, expiresAt, terminal };
  }

  /** Trades a live code for a new token; the terminal's previous token stops working. */
  enrol(code: string): Ack<{ token: string; terminal: TerminalRow }> {
    const token = newSecret();
    const terminal = this.db.transaction(() => {
      const terminalId = this.auth.useEnrolmentCode(hashToken(code), this.now());
      if (!terminalId) return null;
      this.auth.replaceToken(terminalId, hashToken(token));
      return this.auth.terminalById(terminalId);
    })();
    if (!terminal) return failure('UNAUTHORIZED', '注册码无效、已使用或已过期');
    for (const listener of this.revokedListeners) listener(terminal.id);
    return { ok: true, token, terminal };
  }

  /** Called when a display's settings change, so the display can be told at once. */
  onDisplaySettings(listener: (terminalId: string, settings: DisplaySettings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  /** A display's layout and filters; the hall view of everything until the admin sets them. */
  displaySettings(terminalId: string): DisplaySettings {
    return this.auth.displaySettings(terminalId) ?? DEFAULT_DISPLAY_SETTINGS;
  }

  /** Sets a display's layout and filters (already checked: DisplaySettings); every queue and window named must exist. */
  setDisplaySettings(terminalId: string, settings: DisplaySettings): Ack<{ settings: DisplaySettings }> {
    const terminal = this.auth.terminalById(terminalId);
    if (!terminal) return failure('NOT_FOUND', '没有这个终端');
    if (terminal.role !== 'display') return failure('BAD_REQUEST', '该终端不是综合屏');
    const categories = new Set(this.config.categories.map((c) => c.id));
    const windows = new Set(this.config.windows.map((w) => w.id));
    const unknown = [
      ...(settings.categoryIds ?? []).filter((id) => !categories.has(id)),
      ...(settings.windowIds ?? []).filter((id) => !windows.has(id)),
    ];
    if (unknown.length > 0) return failure('NOT_FOUND', `没有这些业务或窗口：${unknown.join('、').slice(0, 100)}`);
    this.db.transaction(() => this.auth.setDisplaySettings(terminalId, settings))();
    for (const listener of this.settingsListeners) listener(terminalId, settings);
    return { ok: true, settings };
  }

  report(terminalId: string, status: BridgeStatus): Ack {
    this.devices.record(terminalId, deviceStates(status), this.now());
    return { ok: true };
  }

  overview(): TerminalOverview[] {
    return this.auth.terminals().map((t) => {
      const devices = this.devices.latest(t.id);
      return { ...t, devices, lastReportAt: devices.reduce<number | null>((m, d) => Math.max(m ?? 0, d.at), null) };
    });
  }

  history(terminalId: string, limit: number): DeviceReportRow[] {
    return this.devices.history(terminalId, limit);
  }
}
