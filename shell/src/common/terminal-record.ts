import { TerminalInfo } from '@yimen/protocol';
import { z } from 'zod';

/** A PIN as kept: PBKDF2-SHA256 of the digits with a random salt; the digits themselves never. */
export const PinHash = z.object({
  salt: z.string().min(16),
  hash: z.string().min(32),
  iterations: z.number().int().min(10_000),
});
export type PinHash = z.infer<typeof PinHash>;

/**
 * What an enrolled terminal keeps on its own machine (localStorage in a browser, a config
 * file in the user-data folder in Electron): who it is, its long-lived token, where the
 * hall and its device layer are, and the PIN that guards its settings and the way out.
 */
export const TerminalRecord = z.object({
  terminal: TerminalInfo,
  token: z.string().min(16).max(200),
  /** The hall-server's origin, e.g. http://192.168.10.2:8080. */
  hallUrl: z.string().url(),
  /** The device agent (browser mode); null where Electron main owns the devices or there are none. */
  agent: z.object({ url: z.string().regex(/^wss?:\/\//), token: z.string().min(16).max(200) }).nullable(),
  pin: PinHash,
  pinFailures: z.number().int().min(0),
  pinLockedUntil: z.number().nullable(),
  /** Seconds without a touch before a kiosk screen goes back home. */
  idleSeconds: z.number().int().min(10).max(600),
});
export type TerminalRecord = z.infer<typeof TerminalRecord>;

/** What the settings panel lets staff set the idle time to: long enough to read, short enough to protect. */
export const IDLE_SETTING = { min: 30, max: 300, step: 10 } as const;

/** An idle time moved by `steps` on the settings panel, kept inside its bounds. */
export function stepIdleSeconds(current: number, steps: number): number {
  const next = Math.round(current / IDLE_SETTING.step + steps) * IDLE_SETTING.step;
  return Math.min(IDLE_SETTING.max, Math.max(IDLE_SETTING.min, next));
}

/** Where a terminal keeps its record. */
export interface TerminalStore {
  load(): Promise<TerminalRecord | null>;
  save(record: TerminalRecord): Promise<void>;
  clear(): Promise<void>;
}
