/**
 * RS-485 caller/evaluator bus frames, as deployed Chinese hall systems speak them
 * (JackQChen/QueueSystem CallSystem/frmMain.cs): 9600 8N1,
 *
 *   FF 68 LEN LEN 68 ADDR FUNC DATA[LEN-2] CS 16
 *
 * LEN counts ADDR, FUNC and DATA. Keypads and evaluators send LEN 3..5; the host sends longer
 * frames to them (LEN 8 for the 6-cell display, LEN 2 for a beep).
 */

export const FRAME_START = 0xff;
export const FRAME_HEAD = 0x68;
export const FRAME_END = 0x16;
/** FF 68 LEN LEN 68 before ADDR. */
export const HEADER_SIZE = 5;
/** Where FUNC sits in a frame, after ADDR. */
export const FUNC_OFFSET = HEADER_SIZE + 1;

/** Bytes summed into CS. Sources differ; the host frames in QueueSystem sum ADDR through DATA. */
export type ChecksumRange = 'addr-data' | 'func-data' | 'len-data' | 'head-data' | 'all';

export interface ChecksumRule {
  range: ChecksumRange;
  /** Deployed hosts echo without checking; turn off for devices whose range is unknown. */
  verify: boolean;
}

export const DEFAULT_CHECKSUM: ChecksumRule = { range: 'addr-data', verify: true };

/** Offset in the frame of the first byte the sum covers; the sum ends at the last data byte. */
const RANGE_START: Record<ChecksumRange, number> = {
  all: 0,
  'head-data': 1,
  'len-data': 2,
  'addr-data': 5,
  'func-data': 6,
};

export interface LengthLimits {
  min: number;
  max: number;
}

/** What keypads and evaluators send (QueueSystem drops LEN <= 2 and LEN > 5). */
export const DEVICE_FRAME_LIMITS: LengthLimits = { min: 3, max: 5 };
/** What the host sends to the bus: beeps (LEN 2) up to display frames (LEN 8). */
export const HOST_FRAME_LIMITS: LengthLimits = { min: 2, max: 8 };

export interface BusFrame {
  address: number;
  func: number;
  data: Uint8Array;
}

export type CallerBusErrorCode =
  | 'noise'
  | 'length'
  | 'framing'
  | 'checksum'
  | 'range'
  | 'unknown-key'
  | 'unknown-rating'
  | 'no-data';

export class CallerBusError extends Error {
  constructor(
    readonly code: CallerBusErrorCode,
    message: string,
    /** The bytes concerned, for logs. */
    readonly bytes?: Uint8Array,
  ) {
    super(message);
    this.name = 'CallerBusError';
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?=.)/g, '$1 ');
}

/** Additive sum mod 256 over the rule's range of a frame whose bytes run at least through DATA. */
export function checksum(frame: Uint8Array, range: ChecksumRange): number {
  const len = frame[2] ?? 0;
  let sum = 0;
  for (let i = RANGE_START[range]; i < HEADER_SIZE + len; i++) sum += frame[i] ?? 0;
  return sum & 0xff;
}

function checkByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new CallerBusError('range', `${what} must be a byte, got ${value}`);
  }
}

/** Encodes a frame; limits default to what a host may send (pass DEVICE_FRAME_LIMITS for a device). */
export function encodeFrame(frame: BusFrame, options: { checksum?: ChecksumRule; limits?: LengthLimits } = {}): Buffer {
  const { range } = options.checksum ?? DEFAULT_CHECKSUM;
  const limits = options.limits ?? HOST_FRAME_LIMITS;
  checkByte(frame.address, 'address');
  checkByte(frame.func, 'function');
  const len = frame.data.length + 2;
  if (len < limits.min || len > limits.max) {
    throw new CallerBusError('length', `LEN ${len} outside ${limits.min}..${limits.max}`);
  }
  const bytes = Buffer.alloc(HEADER_SIZE + len + 2);
  bytes.set([FRAME_START, FRAME_HEAD, len, len, FRAME_HEAD, frame.address, frame.func]);
  bytes.set(frame.data, 7);
  bytes[HEADER_SIZE + len] = checksum(bytes, range);
  bytes[HEADER_SIZE + len + 1] = FRAME_END;
  return bytes;
}

/** Total size of the frame starting at a valid header, or an error for a bad header. */
export function frameSizeFromHeader(header: Uint8Array, limits: LengthLimits): number | CallerBusError {
  if (header[0] !== FRAME_START || header[1] !== FRAME_HEAD || header[4] !== FRAME_HEAD) {
    return new CallerBusError('framing', `bad header ${hex(header.subarray(0, HEADER_SIZE))}`, header);
  }
  const len = header[2] as number;
  if (header[3] !== len) {
    return new CallerBusError('length', `LEN ${len} and its repeat ${header[3]} differ`, header);
  }
  if (len < limits.min || len > limits.max) {
    return new CallerBusError('length', `LEN ${len} outside ${limits.min}..${limits.max}`, header);
  }
  return HEADER_SIZE + len + 2;
}

/** Decodes exactly one whole frame; limits default to what a device may send (the host's view). */
export function decodeFrame(
  bytes: Uint8Array,
  options: { checksum?: ChecksumRule; limits?: LengthLimits } = {},
): BusFrame {
  const rule = options.checksum ?? DEFAULT_CHECKSUM;
  const limits = options.limits ?? DEVICE_FRAME_LIMITS;
  if (bytes.length < HEADER_SIZE) throw new CallerBusError('length', `frame too short: ${bytes.length} bytes`, bytes);
  const size = frameSizeFromHeader(bytes, limits);
  if (size instanceof CallerBusError) throw size;
  if (bytes.length !== size) {
    throw new CallerBusError('length', `frame is ${bytes.length} bytes, LEN says ${size}`, bytes);
  }
  if (bytes[size - 1] !== FRAME_END) {
    throw new CallerBusError('framing', `frame does not end with 16: ${hex(bytes)}`, bytes);
  }
  const expected = checksum(bytes, rule.range);
  const actual = bytes[size - 2] as number;
  if (rule.verify && actual !== expected) {
    throw new CallerBusError(
      'checksum',
      `checksum ${actual.toString(16)} != ${expected.toString(16)} (${rule.range}): ${hex(bytes)}`,
      bytes,
    );
  }
  return { address: bytes[5] as number, func: bytes[6] as number, data: Uint8Array.from(bytes.subarray(7, size - 2)) };
}
