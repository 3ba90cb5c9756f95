/**
 * Input reports → rating presses. A pad repeats its report while a key is held and sends a
 * zero key code on release, so only the key-down edge counts as a press.
 */
import type { RatingLevel } from '@yimen/protocol';
import type { RatingPadProfile } from './profile';

export type RatingReportErrorCode = 'report-id' | 'short' | 'unknown-key';

export class RatingReportError extends Error {
  constructor(
    readonly code: RatingReportErrorCode,
    message: string,
    readonly report: Uint8Array,
  ) {
    super(message);
    this.name = 'RatingReportError';
  }
}

export type RatingReportEvent =
  | { type: 'press'; level: RatingLevel; key: number }
  | { type: 'error'; error: RatingReportError };

/** The key code currently down (0 = none). */
export interface RatingPadState {
  held: number;
}

export const INITIAL_RATING_PAD_STATE: RatingPadState = { held: 0 };

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** One report in, the next state and at most one event out. Pure. */
export function stepRatingReport(
  profile: RatingPadProfile,
  state: RatingPadState,
  report: Uint8Array,
): { state: RatingPadState; event: RatingReportEvent | null } {
  const fail = (code: RatingReportErrorCode, message: string, next = state) => ({
    state: next,
    event: { type: 'error' as const, error: new RatingReportError(code, message, report) },
  });
  if (report.length <= profile.keyByteIndex) {
    return fail('short', `report too short for key byte ${profile.keyByteIndex}: ${hex(report)}`);
  }
  if (profile.reportId !== 0 && report[0] !== profile.reportId) {
    return fail('report-id', `report id ${report[0]} is not ${profile.reportId}: ${hex(report)}`);
  }
  const key = report[profile.keyByteIndex] as number;
  if (key === 0) return { state: INITIAL_RATING_PAD_STATE, event: null };
  if (key === state.held) return { state, event: null };
  const level = profile.keys[key];
  // Remember an unknown key as held too, so holding it reports one error, not one per report.
  if (!level) return fail('unknown-key', `unknown key code ${key}: ${hex(report)}`, { held: key });
  return { state: { held: key }, event: { type: 'press', level, key } };
}

/** The report a pad with this profile sends for `key` down (0 = released), for simulators and tests. */
export function ratingReport(profile: RatingPadProfile, key: number, length = 8): Buffer {
  const report = Buffer.alloc(Math.max(length, profile.keyByteIndex + 1));
  if (profile.reportId !== 0) report[0] = profile.reportId;
  report[profile.keyByteIndex] = key;
  return report;
}

/** The key code for a level under a profile. */
export function keyForLevel(profile: RatingPadProfile, level: RatingLevel): number | undefined {
  const entry = Object.entries(profile.keys).find(([, l]) => l === level);
  return entry ? Number(entry[0]) : undefined;
}
