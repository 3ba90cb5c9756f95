import type { PinHash, TerminalRecord } from './terminal-record';

/** Six digits, chosen at enrolment; there is no default PIN. */
export const PIN_PATTERN = /^\d{6}$/;
/** Five wrong PINs in a row lock the settings for a quarter of an hour. */
export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;
const ITERATIONS = 210_000;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function derive(pin: string, salt: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations },
    key,
    256,
  );
  return hex(bits);
}

export async function hashPin(pin: string): Promise<PinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('a PIN is six digits');
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return { salt, hash: await derive(pin, salt, ITERATIONS), iterations: ITERATIONS };
}

/** Compares in full whatever the input, so timing tells nothing. */
function same(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export type PinCheck =
  | { readonly ok: true; readonly record: TerminalRecord }
  | {
      readonly ok: false;
      readonly record: TerminalRecord;
      readonly lockedUntil: number | null;
      readonly triesLeft: number;
    };

/**
 * Checks a PIN against the record and returns the record to save: failures counted, the
 * lock set at the fifth, both cleared by the right PIN once the lock has passed.
 */
export async function checkPin(record: TerminalRecord, pin: string, now: number): Promise<PinCheck> {
  if (record.pinLockedUntil !== null && record.pinLockedUntil > now) {
    return { ok: false, record, lockedUntil: record.pinLockedUntil, triesLeft: 0 };
  }
  const matches =
    PIN_PATTERN.test(pin) && same(await derive(pin, record.pin.salt, record.pin.iterations), record.pin.hash);
  if (matches) return { ok: true, record: { ...record, pinFailures: 0, pinLockedUntil: null } };
  const failures = record.pinFailures + 1;
  const locked = failures >= PIN_MAX_FAILURES;
  const next: TerminalRecord = {
    ...record,
    pinFailures: locked ? 0 : failures,
    pinLockedUntil: locked ? now + PIN_LOCK_MS : null,
  };
  return {
    ok: false,
    record: next,
    lockedUntil: next.pinLockedUntil,
    triesLeft: locked ? 0 : PIN_MAX_FAILURES - failures,
  };
}
