import { createHash, createHmac, randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/** Random secrets: terminal tokens, session tokens, ticket status tokens. 256 bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Letters and digits without look-alikes (0/O, 1/I/L): booking codes and case check codes. */
const READABLE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code a person reads off paper and types. */
export function readableCode(length: number): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
}

/** Tokens are high-entropy, so a plain SHA-256 suffices to store them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

/** Passwords are low-entropy: salted scrypt. Format `scrypt$N$r$p$salt$hash`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Off the event loop: a login must not stall the queue for everyone else. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * Keyed hash of an ID number, for matching and per-ID limits. The key lives outside the
 * database, so a copied database does not let anyone test guesses of ID numbers.
 */
export function hashIdNumber(idNumber: string, key: Buffer): string {
  return createHmac('sha256', key).update(idNumber.toUpperCase()).digest('hex');
}
