/**
 * R30x / AS608 fingerprint module packets (also R307, R503, ZFM-20):
 * `EF 01 | address(4) | pid | length(2, BE) = payload + 2 | payload | sum(2, BE)`,
 * where the sum covers pid, both length bytes and the payload. Pure: bytes in, messages out.
 */

export const DEFAULT_ADDRESS = 0xffffffff;
export const DEFAULT_PASSWORD = 0;
export const DEFAULT_BAUD_RATE = 57600;
/**
 * The largest data packet a module sends is 256 bytes. Capping lengths there rejects noise early
 * and keeps the stream parser from waiting for 64 KiB that will never come.
 */
export const MAX_PAYLOAD = 256;

const START_HI = 0xef;
const START_LO = 0x01;
/** Start code, address, pid and length: the bytes before the payload. */
const HEAD_SIZE = 9;
const SUM_SIZE = 2;

export const PacketId = { command: 0x01, data: 0x02, ack: 0x07, end: 0x08 } as const;
export type PacketId = (typeof PacketId)[keyof typeof PacketId];
const PACKET_IDS: ReadonlySet<number> = new Set(Object.values(PacketId));

export interface Packet {
  address: number;
  pid: PacketId;
  payload: Uint8Array;
}

export type R30xErrorCode =
  | 'badHeader'
  | 'badPacketId'
  | 'badLength'
  | 'checksum'
  | 'truncated'
  | 'badArgument'
  | 'badCommand'
  | 'badReply';

/** Everything this codec throws. */
export class R30xError extends Error {
  constructor(
    readonly code: R30xErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'R30xError';
  }
}

const hex = (n: number, width = 2) => `0x${n.toString(16).toUpperCase().padStart(width, '0')}`;

function checkUint(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new R30xError('badArgument', `${name} must be an integer 0..${max}, got ${value}`);
  }
}

function sum16(bytes: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += bytes[i] as number;
  return sum & 0xffff;
}

export function encodePacket({
  address = DEFAULT_ADDRESS,
  pid,
  payload,
}: {
  address?: number;
  pid: PacketId;
  payload: Uint8Array;
}): Uint8Array {
  checkUint('address', address, 0xffffffff);
  if (!PACKET_IDS.has(pid)) throw new R30xError('badPacketId', `unknown packet id ${hex(pid)}`);
  if (payload.length > MAX_PAYLOAD) {
    throw new R30xError('badLength', `payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  }
  const length = payload.length + SUM_SIZE;
  const out = new Uint8Array(HEAD_SIZE + length);
  const view = new DataView(out.buffer);
  out[0] = START_HI;
  out[1] = START_LO;
  view.setUint32(2, address);
  out[6] = pid;
  view.setUint16(7, length);
  out.set(payload, HEAD_SIZE);
  view.setUint16(HEAD_SIZE + payload.length, sum16(out, 6, HEAD_SIZE + payload.length));
  return out;
}

type FrameScan =
  | { kind: 'incomplete' }
  | { kind: 'invalid'; error: R30xError }
  | { kind: 'packet'; packet: Packet; size: number }
  | { kind: 'checksum'; error: R30xError; size: number };

/** Reads one frame that starts at `at`, without caring what follows it. */
function scanFrame(bytes: Uint8Array, at: number): FrameScan {
  const available = bytes.length - at;
  if (available >= 1 && bytes[at] !== START_HI) return invalid('badHeader', `start byte ${hex(bytes[at] as number)}`);
  if (available >= 2 && bytes[at + 1] !== START_LO) {
    return invalid('badHeader', `second start byte ${hex(bytes[at + 1] as number)}`);
  }
  if (available >= 7 && !PACKET_IDS.has(bytes[at + 6] as number)) {
    return invalid('badPacketId', `unknown packet id ${hex(bytes[at + 6] as number)}`);
  }
  if (available < HEAD_SIZE) return { kind: 'incomplete' };
  const length = ((bytes[at + 7] as number) << 8) | (bytes[at + 8] as number);
  if (length < SUM_SIZE || length > MAX_PAYLOAD + SUM_SIZE) {
    return invalid('badLength', `length field ${length} outside ${SUM_SIZE}..${MAX_PAYLOAD + SUM_SIZE}`);
  }
  const size = HEAD_SIZE + length;
  if (available < size) return { kind: 'incomplete' };
  const end = at + size - SUM_SIZE;
  const expected = sum16(bytes, at + 6, end);
  const actual = ((bytes[end] as number) << 8) | (bytes[end + 1] as number);
  if (expected !== actual) {
    const error = new R30xError('checksum', `checksum ${hex(actual, 4)}, expected ${hex(expected, 4)}`);
    return { kind: 'checksum', error, size };
  }
  const address = new DataView(bytes.buffer, bytes.byteOffset + at + 2, 4).getUint32(0);
  const packet = { address, pid: bytes[at + 6] as PacketId, payload: bytes.slice(at + HEAD_SIZE, end) };
  return { kind: 'packet', packet, size };
}

function invalid(code: R30xErrorCode, message: string): FrameScan {
  return { kind: 'invalid', error: new R30xError(code, message) };
}

/** Decodes exactly one packet; throws R30xError (bad header/id/length, checksum, truncated). */
export function decodePacket(bytes: Uint8Array): Packet {
  const scan = scanFrame(bytes, 0);
  switch (scan.kind) {
    case 'incomplete':
      throw new R30xError('truncated', `packet truncated at ${bytes.length} bytes`);
    case 'invalid':
    case 'checksum':
      throw scan.error;
    case 'packet':
      if (scan.size !== bytes.length) {
        throw new R30xError('badLength', `${bytes.length - scan.size} bytes after the end of the packet`);
      }
      return scan.packet;
  }
}

export type StreamItem = { kind: 'packet'; packet: Packet } | { kind: 'error'; error: R30xError };

/**
 * Cuts a byte stream into packets. Garbage is skipped byte by byte until a start code that leads
 * to a well-formed packet, so a valid packet is found wherever it sits in the noise. A frame whose
 * only fault is its checksum is reported as an error item, so a caller waiting on a reply learns
 * that it was damaged instead of timing out.
 */
export class R30xStreamParser {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Garbage bytes skipped so far. */
  discarded = 0;

  push(chunk: Uint8Array): StreamItem[] {
    this.buffer = concat(this.buffer, chunk);
    const items: StreamItem[] = [];
    let at = 0;
    while (at < this.buffer.length) {
      const start = findStart(this.buffer, at);
      this.discarded += start - at;
      at = start;
      if (at >= this.buffer.length) break;
      const scan = scanFrame(this.buffer, at);
      if (scan.kind === 'packet') {
        items.push({ kind: 'packet', packet: scan.packet });
        at += scan.size;
      } else if (scan.kind === 'incomplete') {
        // A bogus start code in the noise may claim a length that swallows a real packet behind it.
        const later = findCompleteLater(this.buffer, at + 1);
        if (later < 0) break;
        this.discarded += later - at;
        at = later;
      } else {
        if (scan.kind === 'checksum') items.push({ kind: 'error', error: scan.error });
        this.discarded += 1;
        at += 1;
      }
    }
    this.buffer = this.buffer.slice(at);
    return items;
  }

  /** Bytes held back waiting for the rest of a frame; never more than one frame's worth. */
  get buffered(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.discarded += this.buffer.length;
    this.buffer = new Uint8Array(0);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return Uint8Array.from(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Index of the next possible start code (a lone EF at the end counts), or the length. */
function findStart(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] === START_HI && (i + 1 === bytes.length || bytes[i + 1] === START_LO)) return i;
  }
  return bytes.length;
}

function findCompleteLater(bytes: Uint8Array, from: number): number {
  for (let i = findStart(bytes, from); i < bytes.length; i = findStart(bytes, i + 1)) {
    if (scanFrame(bytes, i).kind === 'packet') return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Instructions (command packet payloads)

export const Instruction = {
  genImg: 0x01,
  img2Tz: 0x02,
  match: 0x03,
  search: 0x04,
  regModel: 0x05,
  store: 0x06,
  loadChar: 0x07,
  upChar: 0x08,
  downChar: 0x09,
  deletChar: 0x0c,
  empty: 0x0d,
  readSysPara: 0x0f,
  vfyPwd: 0x13,
  highSpeedSearch: 0x1b,
  templateNum: 0x1d,
} as const;
export type InstructionName = keyof typeof Instruction;

/** The module's two feature buffers (CharBuffer1/2). */
export type CharBuffer = 1 | 2;

export type Command =
  | { name: 'genImg' | 'match' | 'regModel' | 'empty' | 'readSysPara' | 'templateNum' }
  | { name: 'img2Tz'; buffer: number }
  | { name: 'search' | 'highSpeedSearch'; buffer: number; startPage: number; pageCount: number }
  | { name: 'store' | 'loadChar'; buffer: number; pageId: number }
  | { name: 'upChar' | 'downChar'; buffer: number }
  | { name: 'deletChar'; pageId: number; count: number }
  | { name: 'vfyPwd'; password: number };

function bufferArg(buffer: CharBuffer): number {
  if (buffer !== 1 && buffer !== 2) throw new R30xError('badArgument', `char buffer must be 1 or 2, got ${buffer}`);
  return buffer;
}

function u16(name: string, value: number): [number, number] {
  checkUint(name, value, 0xffff);
  return [value >> 8, value & 0xff];
}

/** Search and HighSpeedSearch take the same arguments. */
function searchPayload(instruction: number, buffer: CharBuffer, startPage: number, pageCount: number): Uint8Array {
  return Uint8Array.of(instruction, bufferArg(buffer), ...u16('startPage', startPage), ...u16('pageCount', pageCount));
}

/** Builders for command payloads; wrap them with `commandPacket`. */
export const commands = {
  genImg: () => Uint8Array.of(Instruction.genImg),
  img2Tz: (buffer: CharBuffer) => Uint8Array.of(Instruction.img2Tz, bufferArg(buffer)),
  match: () => Uint8Array.of(Instruction.match),
  search: (buffer: CharBuffer, startPage: number, pageCount: number) =>
    searchPayload(Instruction.search, buffer, startPage, pageCount),
  regModel: () => Uint8Array.of(Instruction.regModel),
  store: (buffer: CharBuffer, pageId: number) =>
    Uint8Array.of(Instruction.store, bufferArg(buffer), ...u16('pageId', pageId)),
  /** Library page → feature buffer, e.g. to upload an enrolled template. */
  loadChar: (buffer: CharBuffer, pageId: number) =>
    Uint8Array.of(Instruction.loadChar, bufferArg(buffer), ...u16('pageId', pageId)),
  /** Feature buffer → host: the ack is followed by data packets and an end packet. */
  upChar: (buffer: CharBuffer) => Uint8Array.of(Instruction.upChar, bufferArg(buffer)),
  /** Host → feature buffer: after the ack the host sends data packets and an end packet. */
  downChar: (buffer: CharBuffer) => Uint8Array.of(Instruction.downChar, bufferArg(buffer)),
  deletChar: (pageId: number, count = 1) =>
    Uint8Array.of(Instruction.deletChar, ...u16('pageId', pageId), ...u16('count', count)),
  empty: () => Uint8Array.of(Instruction.empty),
  readSysPara: () => Uint8Array.of(Instruction.readSysPara),
  vfyPwd: (password: number = DEFAULT_PASSWORD) => {
    checkUint('password', password, 0xffffffff);
    const out = new Uint8Array(5);
    out[0] = Instruction.vfyPwd;
    new DataView(out.buffer).setUint32(1, password);
    return out;
  },
  highSpeedSearch: (buffer: CharBuffer, startPage: number, pageCount: number) =>
    searchPayload(Instruction.highSpeedSearch, buffer, startPage, pageCount),
  templateNum: () => Uint8Array.of(Instruction.templateNum),
};

/** A template (character file) as R30x modules move it: 512 bytes (two 256-byte feature halves). */
export const TEMPLATE_SIZE = 512;

/**
 * Bytes as a module moves them after UpChar / DownChar: data packets of `packetSize` bytes,
 * the last one as an end packet. No packet of the sequence is acknowledged.
 */
export function dataPackets(bytes: Uint8Array, packetSize: number, address: number = DEFAULT_ADDRESS): Uint8Array[] {
  if (bytes.length === 0) throw new R30xError('badArgument', 'no data to send');
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += packetSize) {
    const last = at + packetSize >= bytes.length;
    out.push(
      encodePacket({ address, pid: last ? PacketId.end : PacketId.data, payload: bytes.subarray(at, at + packetSize) }),
    );
  }
  return out;
}

export function commandPacket(payload: Uint8Array, address: number = DEFAULT_ADDRESS): Uint8Array {
  return encodePacket({ address, pid: PacketId.command, payload });
}

const INSTRUCTION_NAMES = new Map<number, InstructionName>(
  Object.entries(Instruction).map(([name, code]) => [code, name as InstructionName]),
);

/** Names a command payload's instruction, for messages; `0xNN` when unknown. */
export function instructionName(payload: Uint8Array): string {
  const code = payload[0];
  if (code === undefined) return 'empty command';
  return INSTRUCTION_NAMES.get(code) ?? hex(code);
}

const COMMAND_SIZES: Record<InstructionName, number> = {
  genImg: 1,
  img2Tz: 2,
  match: 1,
  search: 6,
  regModel: 1,
  store: 4,
  loadChar: 4,
  upChar: 2,
  downChar: 2,
  deletChar: 5,
  empty: 1,
  readSysPara: 1,
  vfyPwd: 5,
  highSpeedSearch: 6,
  templateNum: 1,
};

/**
 * Reads a command payload (the device's side). Buffer ids are passed through as sent, since a
 * module answers a bad one itself. Throws R30xError('badCommand') for an unknown instruction or
 * a payload of the wrong size.
 */
export function decodeCommand(payload: Uint8Array): Command {
  const code = payload[0];
  const name = code === undefined ? undefined : INSTRUCTION_NAMES.get(code);
  if (name === undefined) {
    throw new R30xError('badCommand', `unknown instruction ${code === undefined ? '(none)' : hex(code)}`);
  }
  if (payload.length !== COMMAND_SIZES[name]) {
    throw new R30xError('badCommand', `${name} takes ${COMMAND_SIZES[name]} bytes, got ${payload.length}`);
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
  switch (name) {
    case 'img2Tz':
      return { name, buffer: view.getUint8(1) };
    case 'search':
    case 'highSpeedSearch':
      return { name, buffer: view.getUint8(1), startPage: view.getUint16(2), pageCount: view.getUint16(4) };
    case 'store':
    case 'loadChar':
      return { name, buffer: view.getUint8(1), pageId: view.getUint16(2) };
    case 'upChar':
    case 'downChar':
      return { name, buffer: view.getUint8(1) };
    case 'deletChar':
      return { name, pageId: view.getUint16(1), count: view.getUint16(3) };
    case 'vfyPwd':
      return { name, password: view.getUint32(1) };
    default:
      return { name };
  }
}

// ---------------------------------------------------------------------------------------------
// Confirmation codes (first byte of every ack payload)

const CONFIRMATION_TABLE = [
  [0x00, 'ok', '操作成功', 'OK'],
  [0x01, 'packetError', '数据包接收错误', 'error receiving the packet'],
  [0x02, 'noFinger', '传感器上没有手指', 'no finger on the sensor'],
  [0x03, 'imageFailed', '录入指纹图像失败', 'failed to capture the fingerprint image'],
  [0x06, 'imageMessy', '指纹图像太乱，无法生成特征', 'fingerprint image too messy'],
  [0x07, 'tooFewFeatures', '指纹图像特征点太少', 'too few feature points'],
  [0x08, 'noMatch', '指纹不匹配', 'fingerprints do not match'],
  [0x09, 'notFound', '未搜索到指纹', 'no matching fingerprint found'],
  [0x0a, 'enrollMismatch', '两次按压的指纹不一致，特征合并失败', 'the two presses do not match'],
  [0x0b, 'badPageId', '指纹库页号超出范围', 'page id outside the template library'],
  [0x0c, 'templateReadFailed', '读取指纹模板出错或模板无效', 'error reading a template from the library'],
  [0x0d, 'uploadFeatureFailed', '上传特征失败', 'failed to upload features'],
  [0x0e, 'packetResponseFailed', '模块无法接收后续数据包', 'module cannot receive the following packets'],
  [0x0f, 'uploadImageFailed', '上传图像失败', 'failed to upload the image'],
  [0x10, 'deleteFailed', '删除模板失败', 'failed to delete the template'],
  [0x11, 'clearFailed', '清空指纹库失败', 'failed to clear the library'],
  [0x13, 'wrongPassword', '口令不正确', 'wrong password'],
  [0x15, 'invalidImage', '缓冲区内没有有效的指纹图像', 'no valid image in the buffer'],
  [0x18, 'flashError', '读写 FLASH 出错', 'flash read/write error'],
  [0x1a, 'invalidRegister', '无效的寄存器号', 'invalid register number'],
  [0x1d, 'portError', '端口操作失败', 'port operation failed'],
  [0x20, 'addressError', '地址码错误', 'wrong module address'],
  [0x21, 'passwordRequired', '必须先验证口令', 'the password must be verified first'],
] as const;

export type ConfirmationKey = (typeof CONFIRMATION_TABLE)[number][1] | 'unknown';

export interface Confirmation {
  code: number;
  key: ConfirmationKey;
  ok: boolean;
  /** Meaning in Simplified Chinese, for clerks. */
  zh: string;
  en: string;
}

const CONFIRMATIONS = new Map<number, Confirmation>(
  CONFIRMATION_TABLE.map(([code, key, zh, en]) => [code, { code, key, ok: code === 0, zh, en }]),
);

export const CONFIRMATION_CODES: readonly number[] = CONFIRMATION_TABLE.map(([code]) => code);

export function confirmation(code: number): Confirmation {
  return (
    CONFIRMATIONS.get(code) ?? {
      code,
      key: 'unknown',
      ok: false,
      zh: `未知确认码 ${hex(code)}`,
      en: `unknown confirmation code ${hex(code)}`,
    }
  );
}

const CODES_BY_KEY = new Map<ConfirmationKey, number>(CONFIRMATION_TABLE.map(([code, key]) => [key, code]));

/** The confirmation code for a key, for the device side. */
export function confirmationCode(key: Exclude<ConfirmationKey, 'unknown'>): number {
  return CODES_BY_KEY.get(key) as number;
}

// ---------------------------------------------------------------------------------------------
// Replies

export interface Ack {
  confirmation: Confirmation;
  /** Bytes after the confirmation code. */
  data: Uint8Array;
}

export function ackPacket(code: number, data: Uint8Array = new Uint8Array(0), address = DEFAULT_ADDRESS): Uint8Array {
  checkUint('confirmation code', code, 0xff);
  const payload = new Uint8Array(1 + data.length);
  payload[0] = code;
  payload.set(data, 1);
  return encodePacket({ address, pid: PacketId.ack, payload });
}

export function decodeAck(packet: Packet): Ack {
  if (packet.pid !== PacketId.ack) throw new R30xError('badReply', `expected an ack packet, got ${hex(packet.pid)}`);
  const code = packet.payload[0];
  if (code === undefined) throw new R30xError('badReply', 'ack without a confirmation code');
  return { confirmation: confirmation(code), data: packet.payload.slice(1) };
}

function replyData(ack: Ack, size: number, what: string): DataView {
  if (ack.data.length < size) {
    throw new R30xError('badReply', `${what} reply carries ${ack.data.length} data bytes, expected ${size}`);
  }
  return new DataView(ack.data.buffer, ack.data.byteOffset, ack.data.length);
}

export interface SearchHit {
  pageId: number;
  score: number;
}

/** Search / HighSpeedSearch reply data: page id and match score. */
export function decodeSearchReply(ack: Ack): SearchHit {
  const view = replyData(ack, 4, 'search');
  return { pageId: view.getUint16(0), score: view.getUint16(2) };
}

export function searchReplyData({ pageId, score }: SearchHit): Uint8Array {
  return Uint8Array.of(...u16('pageId', pageId), ...u16('score', score));
}

/** Match reply data: the score of CharBuffer1 against CharBuffer2. */
export function decodeMatchReply(ack: Ack): number {
  return replyData(ack, 2, 'match').getUint16(0);
}

export function decodeTemplateNumReply(ack: Ack): number {
  return replyData(ack, 2, 'template count').getUint16(0);
}

export function u16Data(value: number): Uint8Array {
  return Uint8Array.of(...u16('value', value));
}

export interface SystemParameters {
  statusRegister: number;
  systemId: number;
  /** Template library capacity (pages). */
  capacity: number;
  securityLevel: number;
  address: number;
  /** Data packet payload size in bytes: 32, 64, 128 or 256. */
  packetSize: number;
  baudRate: number;
}

/** Packet size register codes 0..3 mean 32, 64, 128, 256 bytes. */
const PACKET_SIZES = [32, 64, 128, 256];
const BAUD_UNIT = 9600;

export function decodeSystemParameters(ack: Ack): SystemParameters {
  const view = replyData(ack, 16, 'system parameters');
  const sizeCode = view.getUint16(12);
  const packetSize = PACKET_SIZES[sizeCode];
  if (packetSize === undefined) throw new R30xError('badReply', `packet size code ${sizeCode} outside 0..3`);
  return {
    statusRegister: view.getUint16(0),
    systemId: view.getUint16(2),
    capacity: view.getUint16(4),
    securityLevel: view.getUint16(6),
    address: view.getUint32(8),
    packetSize,
    baudRate: view.getUint16(14) * BAUD_UNIT,
  };
}

export function systemParametersData(p: SystemParameters): Uint8Array {
  const sizeCode = PACKET_SIZES.indexOf(p.packetSize);
  if (sizeCode < 0) throw new R30xError('badArgument', `packet size ${p.packetSize} is not 32, 64, 128 or 256`);
  if (p.baudRate % BAUD_UNIT !== 0) throw new R30xError('badArgument', `baud rate ${p.baudRate} is not N×9600`);
  checkUint('address', p.address, 0xffffffff);
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  out.set(u16('statusRegister', p.statusRegister), 0);
  out.set(u16('systemId', p.systemId), 2);
  out.set(u16('capacity', p.capacity), 4);
  out.set(u16('securityLevel', p.securityLevel), 6);
  view.setUint32(8, p.address);
  view.setUint16(12, sizeCode);
  out.set(u16('baud rate / 9600', p.baudRate / BAUD_UNIT), 14);
  return out;
}
