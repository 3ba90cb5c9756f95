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

/** Where a terminal keeps its record. */
export interface TerminalStore {
  load(): Promise<TerminalRecord | null>;
  save(record: TerminalRecord): Promise<void>;
  clear(): Promise<void>;
}
