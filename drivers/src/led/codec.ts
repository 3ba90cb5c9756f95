/**
 * Our serial protocol for window LED bars. No open protocol exists (vendors ship DLLs), so a
 * bar's controller, or an adapter in front of it, implements this:
 *
 *   STX  ADDR  CMD  LEN_H LEN_L  PAYLOAD[LEN]  BCC  ETX
 *   02   01..FE     big-endian                 XOR of ADDR through the last payload byte  03
 *
 * ADDR FF is a broadcast to every bar on an RS-485 line and is never answered. A bar answers
 * a frame for its own address with one byte: ACK 06 when it did it, NAK 15 when the BCC or
 * the command was wrong. Text is GB18030.
 *
 *   CMD 01 ping        (empty)                        is the bar there
 *   CMD 10 text        flags (bit 0 scroll), text
 *   CMD 11 ticket      n, ticket number (n bytes), window number
 *   CMD 12 paused      reason (may be empty)
 *   CMD 13 idle        (empty)
 *   CMD 20 brightness  level 0..15
 */
import iconv from 'iconv-lite';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;
export const BROADCAST = 0xff;
/** STX ADDR CMD LEN_H LEN_L before the payload. */
export const LED_HEADER_SIZE = 5;
export const MAX_PAYLOAD = 512;
export const MAX_BRIGHTNESS = 15;

export const LED_COMMANDS = {
  ping: 0x01,
  text: 0x10,
  ticket: 0x11,
  paused: 0x12,
  idle: 0x13,
  brightness: 0x20,
} as const;

export type LedCommand =
  | { type: 'ping' }
  | { type: 'text'; text: string; scroll: boolean }
  | { type: 'ticket'; ticket: string; window: string }
  | { type: 'paused'; reason: string }
  | { type: 'idle' }
  | { type: 'brightness'; level: number };

export interface LedFrame {
  address: number;
  command: LedCommand;
}

export type LedCodecErrorCode = 'noise' | 'framing' | 'length' | 'checksum' | 'command' | 'payload' | 'range';

export class LedCodecError extends Error {
  constructor(
    readonly code: LedCodecErrorCode,
    message: string,
    /** The bar address, when the header was readable: a bar NAKs only frames for itself. */
    readonly address?: number,
  ) {
    super(message);
    this.name = 'LedCodecError';
  }
}

const COMMAND_TYPE = new Map<number, LedCommand['type']>(
  Object.entries(LED_COMMANDS).map(([type, code]) => [code, type as LedCommand['type']]),
);

const gb = (text: string) => iconv.encode(text, 'gb18030');
const fromGb = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'gb18030');

export function bcc(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

function payloadOf(command: LedCommand): Buffer {
  switch (command.type) {
    case 'ping':
    case 'idle':
      return Buffer.alloc(0);
    case 'text':
      return Buffer.concat([Buffer.of(command.scroll ? 1 : 0), gb(command.text)]);
    case 'ticket': {
      const ticket = gb(command.ticket);
      if (ticket.length > 0xff) throw new LedCodecError('range', 'ticket number too long');
      return Buffer.concat([Buffer.of(ticket.length), ticket, gb(command.window)]);
    }
    case 'paused':
      return gb(command.reason);
    case 'brightness':
      if (!Number.isInteger(command.level) || command.level < 0 || command.level > MAX_BRIGHTNESS) {
        throw new LedCodecError('range', `brightness must be 0..${MAX_BRIGHTNESS}, got ${command.level}`);
      }
      return Buffer.of(command.level);
  }
}

export function encodeLedFrame(frame: LedFrame): Buffer {
  const { address } = frame;
  if (!Number.isInteger(address) || address < 1 || address > 0xff) {
    throw new LedCodecError('range', `address must be 1..255, got ${address}`);
  }
  const payload = payloadOf(frame.command);
  if (payload.length > MAX_PAYLOAD) {
    throw new LedCodecError('length', `payload ${payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  }
  const body = Buffer.concat([
    Buffer.of(address, LED_COMMANDS[frame.command.type], payload.length >> 8, payload.length & 0xff),
    payload,
  ]);
  return Buffer.concat([Buffer.of(STX), body, Buffer.of(bcc(body), ETX)]);
}

function commandOf(type: LedCommand['type'], payload: Buffer, address: number): LedCommand {
  const bad = (message: string) => new LedCodecError('payload', message, address);
  switch (type) {
    case 'ping':
    case 'idle':
      if (payload.length !== 0) throw bad(`${type} takes no payload`);
      return { type };
    case 'text':
      if (payload.length < 1) throw bad('text needs a flags byte');
      return { type, scroll: ((payload[0] as number) & 1) === 1, text: fromGb(payload.subarray(1)) };
    case 'ticket': {
      const n = payload[0];
      if (n === undefined || payload.length < 1 + n) throw bad('ticket length exceeds payload');
      return { type, ticket: fromGb(payload.subarray(1, 1 + n)), window: fromGb(payload.subarray(1 + n)) };
    }
    case 'paused':
      return { type, reason: fromGb(payload) };
    case 'brightness': {
      const level = payload[0];
      if (payload.length !== 1 || level === undefined || level > MAX_BRIGHTNESS) {
        throw bad(`brightness payload must be one byte 0..${MAX_BRIGHTNESS}`);
      }
      return { type, level };
    }
  }
}

/** Size of the frame that starts with this header (at least LED_HEADER_SIZE bytes). */
export function ledFrameSize(header: Uint8Array): number | LedCodecError {
  if (header[0] !== STX) return new LedCodecError('framing', 'frame does not start with STX');
  const length = ((header[3] as number) << 8) | (header[4] as number);
  if (length > MAX_PAYLOAD) return new LedCodecError('length', `payload length ${length} exceeds ${MAX_PAYLOAD}`);
  return LED_HEADER_SIZE + length + 2;
}

/** Decodes exactly one whole frame. */
export function decodeLedFrame(bytes: Uint8Array): LedFrame {
  if (bytes.length < LED_HEADER_SIZE + 2) throw new LedCodecError('length', `frame too short: ${bytes.length} bytes`);
  const size = ledFrameSize(bytes);
  if (size instanceof LedCodecError) throw size;
  if (bytes.length !== size) throw new LedCodecError('length', `frame is ${bytes.length} bytes, LEN says ${size}`);
  if (bytes[size - 1] !== ETX) throw new LedCodecError('framing', 'frame does not end with ETX');
  const address = bytes[1] as number;
  const body = bytes.subarray(1, size - 2);
  if (bcc(body) !== bytes[size - 2]) throw new LedCodecError('checksum', 'BCC mismatch', address);
  const type = COMMAND_TYPE.get(bytes[2] as number);
  if (!type) throw new LedCodecError('command', `unknown command ${bytes[2]}`, address);
  return { address, command: commandOf(type, Buffer.from(bytes.subarray(LED_HEADER_SIZE, size - 2)), address) };
}
