/**
 * SAM protocol framing for second-generation ID card readers (pure):
 * `AA AA AA 96 69 | Len(2, BE) | CMD PARA | DATA | CHK` towards the reader and
 * `AA AA AA 96 69 | Len(2, BE) | SW1 SW2 SW3 | DATA | CHK` back. Len counts every byte after
 * itself including CHK; CHK is the XOR of the bytes from Len through the last data byte.
 */
import { hex, SamStatusError, samStatus } from './sam-status';

export { encodeIdentity, parseIdentity } from './identity';
export * from './sam-status';

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const PREAMBLE_BYTES = Buffer.from(PREAMBLE);
/** Preamble and the two length bytes. */
const HEADER = 7;
/** Smallest Len: CMD PARA CHK. */
const MIN_LEN = 3;
/** Largest Len accepted: the read-with-fingerprint reply is 0x090A; anything far above is line noise. */
export const MAX_LEN = 0x0a00;

export const Command = {
  reset: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  read: [0x30, 0x01],
  readWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export const SW3 = { ok: 0x90, noContent: 0x91, cardFound: 0x9f, findFailed: 0x80 } as const;

export const TEXT_LENGTH = 256;
export const PHOTO_LENGTH = 1024;
export const FINGERPRINT_LENGTHS: readonly number[] = [0, 512, 1024];
export const SAM_ID_LENGTH = 16;

export type SamFrameErrorCode = 'bad-preamble' | 'bad-length' | 'checksum' | 'truncated' | 'garbage' | 'bad-payload';

export class SamFrameError extends Error {
  constructor(
    readonly code: SamFrameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SamFrameError';
  }
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface SamRequest {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export function xorChecksum(bytes: Uint8Array, from: number, to: number): number {
  let chk = 0;
  for (let i = from; i < to; i++) chk ^= bytes[i] as number;
  return chk;
}

function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new SamFrameError('bad-length', `SAM frame body of ${body.length} bytes does not fit`);
  const frame = new Uint8Array(HEADER + len);
  frame.set(PREAMBLE, 0);
  frame[5] = len >> 8;
  frame[6] = len & 0xff;
  frame.set(body, HEADER);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

function checkByte(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new SamFrameError('bad-payload', `${what} must be a byte, got ${value}`);
  }
  return value;
}

/** A request frame towards the reader. */
export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeFrame(Uint8Array.from([checkByte(cmd, 'cmd'), checkByte(para, 'para'), ...data]));
}

/** A reply frame from the reader (the simulator's side). SW1 and SW2 are 00 in every known reply. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  return encodeFrame(Uint8Array.from([checkByte(sw1, 'sw1'), checkByte(sw2, 'sw2'), checkByte(sw3, 'sw3'), ...data]));
}

/** Checks preamble, length and checksum of one whole frame; returns the bytes between Len and CHK. */
function frameBody(bytes: Uint8Array, minLen: number): Uint8Array {
  if (bytes.length < HEADER) throw new SamFrameError('truncated', `SAM frame of ${bytes.length} bytes is too short`);
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (bytes[i] !== PREAMBLE[i])
      throw new SamFrameError('bad-preamble', 'SAM frame does not start with AA AA AA 96 69');
  }
  const len = ((bytes[5] as number) << 8) | (bytes[6] as number);
  if (len < minLen || len > MAX_LEN) throw new SamFrameError('bad-length', `SAM frame length ${len} out of range`);
  if (bytes.length < HEADER + len) {
    throw new SamFrameError('truncated', `SAM frame has ${bytes.length} of ${HEADER + len} bytes`);
  }
  if (bytes.length > HEADER + len) {
    throw new SamFrameError('bad-length', `SAM frame length says ${HEADER + len} bytes, got ${bytes.length}`);
  }
  const chk = xorChecksum(bytes, 5, bytes.length - 1);
  if (chk !== bytes[bytes.length - 1]) {
    throw new SamFrameError(
      'checksum',
      `SAM frame checksum ${hex(bytes[bytes.length - 1] as number)}, computed ${hex(chk)}`,
    );
  }
  return bytes.subarray(HEADER, bytes.length - 1);
}

/** Decodes one whole reply frame; throws SamFrameError. */
export function decodeFrame(bytes: Uint8Array): SamResponse {
  const body = frameBody(bytes, 4);
  return {
    sw1: body[0] as number,
    sw2: body[1] as number,
    sw3: body[2] as number,
    data: Uint8Array.from(body.subarray(3)),
  };
}

/** Decodes one whole request frame (the simulator's side); throws SamFrameError. */
export function decodeCommand(bytes: Uint8Array): SamRequest {
  const body = frameBody(bytes, MIN_LEN);
  return { cmd: body[0] as number, para: body[1] as number, data: Uint8Array.from(body.subarray(2)) };
}

/** Throws SamStatusError unless SW3 is one of `accepted`. */
export function expectStatus(response: SamResponse, ...accepted: number[]): SamResponse {
  if (!accepted.includes(response.sw3)) throw new SamStatusError(response.sw3);
  return response;
}

/** Data length of a successful reply to each command; undefined when any length goes. */
function successLengths(cmd: number, para: number): readonly number[] | undefined {
  const key = (cmd << 8) | para;
  switch (key) {
    case 0x11ff:
      return [0];
    case 0x12ff:
      return [SAM_ID_LENGTH];
    case 0x2001:
      return [4];
    case 0x2002:
      return [8];
    case 0x3001:
      return [4 + TEXT_LENGTH + PHOTO_LENGTH];
    case 0x3010:
      return FINGERPRINT_LENGTHS.map((fp) => 6 + TEXT_LENGTH + PHOTO_LENGTH + fp);
    default:
      return undefined;
  }
}

/**
 * Whether a reply can answer this request. Replies carry no command, so a late reply to an
 * earlier request (after a timeout or a reopen) is told apart by its status and data size.
 */
export function replyFits(cmd: number, para: number, response: SamResponse): boolean {
  const expectedOk = cmd === 0x20 && para === 0x01 ? SW3.cardFound : SW3.ok;
  if (response.sw3 === expectedOk) {
    const lengths = successLengths(cmd, para);
    return lengths === undefined || lengths.includes(response.data.length);
  }
  // Failures and "no content" carry no data and fit any request; another command's success does not.
  const fitsAny = !samStatus(response.sw3).success || response.sw3 === SW3.noContent;
  return fitsAny && response.data.length === 0;
}

export interface ReadReply {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array;
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
}

/**
 * Splits the data of a read reply (`30 01`, or `30 10` with `fingerprint`): big-endian block
 * lengths, then text 256, photo 1024 and fingerprint 0/512/1024 bytes.
 */
export function parseReadReply(data: Uint8Array, options: { fingerprint: boolean }): ReadReply {
  const header = options.fingerprint ? 6 : 4;
  if (data.length < header) throw new SamFrameError('bad-payload', `read reply of ${data.length} bytes has no lengths`);
  const textLength = u16(data, 0);
  const photoLength = u16(data, 2);
  const fpLength = options.fingerprint ? u16(data, 4) : 0;
  if (textLength !== TEXT_LENGTH || photoLength !== PHOTO_LENGTH || !FINGERPRINT_LENGTHS.includes(fpLength)) {
    throw new SamFrameError('bad-payload', `read reply block lengths ${textLength}/${photoLength}/${fpLength}`);
  }
  if (data.length !== header + textLength + photoLength + fpLength) {
    throw new SamFrameError('bad-payload', `read reply of ${data.length} bytes does not match its block lengths`);
  }
  const photoAt = header + textLength;
  const fpAt = photoAt + photoLength;
  return {
    text: Uint8Array.from(data.subarray(header, photoAt)),
    photo: Uint8Array.from(data.subarray(photoAt, fpAt)),
    fingerprint: Uint8Array.from(data.subarray(fpAt)),
  };
}

/** The data of a read reply (the simulator's side); a fingerprint block makes it a `30 10` reply. */
export function encodeReadReply(text: Uint8Array, photo: Uint8Array, fingerprint?: Uint8Array): Uint8Array {
  if (text.length !== TEXT_LENGTH || photo.length !== PHOTO_LENGTH) {
    throw new SamFrameError('bad-payload', `text must be ${TEXT_LENGTH} and photo ${PHOTO_LENGTH} bytes`);
  }
  if (fingerprint && !FINGERPRINT_LENGTHS.includes(fingerprint.length)) {
    throw new SamFrameError('bad-payload', `fingerprint block must be 0, 512 or 1024 bytes, got ${fingerprint.length}`);
  }
  const lengths = fingerprint ? [TEXT_LENGTH, PHOTO_LENGTH, fingerprint.length] : [TEXT_LENGTH, PHOTO_LENGTH];
  const header = lengths.flatMap((n) => [n >> 8, n & 0xff]);
  return Uint8Array.from([...header, ...text, ...photo, ...(fingerprint ?? [])]);
}

function u32le(bytes: Uint8Array, at: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(at);
}

/**
 * The SAM id as printed by vendor tools, `05.01-20101207-000012345-001234567`. The layout is
 * inferred from HslCommunication's parser, not from a capture.
 */
export function parseSamId(data: Uint8Array): string {
  if (data.length !== SAM_ID_LENGTH)
    throw new SamFrameError('bad-payload', `SAM id must be 16 bytes, got ${data.length}`);
  const d2 = (n: number) => String(n).padStart(2, '0');
  const d9 = (n: number) => String(n).padStart(9, '0');
  return `${d2(data[0] as number)}.${d2(data[2] as number)}-${u32le(data, 4)}-${d9(u32le(data, 8))}-${d9(u32le(data, 12))}`;
}

export interface SamFrameHandlers {
  onFrame: (frame: Uint8Array) => void;
  onError?: (error: SamFrameError) => void;
}

/**
 * Splits a byte stream into whole frames with a valid length and checksum. Garbage is skipped
 * up to the next preamble; a frame with a bad length or checksum is reported and scanning
 * resumes one byte after its start, so a valid frame hidden inside it is still found.
 */
export class SamFrameParser {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly handlers: SamFrameHandlers) {}

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): void {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const start = this.buffer.indexOf(PREAMBLE_BYTES);
      if (start < 0) {
        this.keepPreamblePrefix();
        return;
      }
      if (start > 0) this.skip(start, 'garbage', `skipped ${start} bytes before a SAM preamble`);
      if (this.buffer.length < HEADER) return;
      const len = u16(this.buffer, 5);
      if (len < MIN_LEN || len > MAX_LEN) {
        this.skip(1, 'bad-length', `SAM frame length ${len} out of range`);
        continue;
      }
      if (this.buffer.length < HEADER + len) return;
      const frame = this.buffer.subarray(0, HEADER + len);
      const chk = xorChecksum(frame, 5, frame.length - 1);
      if (chk !== frame[frame.length - 1]) {
        this.skip(1, 'checksum', `SAM frame checksum ${hex(frame[frame.length - 1] as number)}, computed ${hex(chk)}`);
        continue;
      }
      this.buffer = this.buffer.subarray(frame.length);
      this.handlers.onFrame(Uint8Array.from(frame));
    }
  }

  /** No preamble yet: only a tail that could start one is worth keeping. */
  private keepPreamblePrefix(): void {
    let keep = Math.min(PREAMBLE.length - 1, this.buffer.length);
    while (keep > 0 && !this.buffer.subarray(this.buffer.length - keep).equals(PREAMBLE_BYTES.subarray(0, keep)))
      keep--;
    const drop = this.buffer.length - keep;
    if (drop > 0) this.skip(drop, 'garbage', `skipped ${drop} bytes without a SAM preamble`);
  }

  private skip(count: number, code: SamFrameErrorCode, message: string): void {
    this.buffer = this.buffer.subarray(count);
    this.handlers.onError?.(new SamFrameError(code, message));
  }
}
