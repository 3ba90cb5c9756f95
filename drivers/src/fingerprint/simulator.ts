/**
 * The module's side of the R30x protocol, for tests and the device agent's simulate mode: a
 * template library of simulated finger identities, a sensor a test presses and lifts, the two
 * feature buffers, password check and injectable faults. Speaks the same codec as the scanner.
 */
import { DeviceEnd } from '../transport/device-end';
import type { Transport } from '../transport/transport';
import {
  ackPacket,
  type Command,
  type ConfirmationKey,
  confirmationCode,
  DEFAULT_ADDRESS,
  DEFAULT_BAUD_RATE,
  DEFAULT_PASSWORD,
  dataPackets,
  decodeCommand,
  PacketId,
  R30xStreamParser,
  searchReplyData,
  systemParametersData,
  TEMPLATE_SIZE,
  u16Data,
} from './r30x-codec';

const TEMPLATE_MAGIC = [0x59, 0x4d, 0x46, 0x50]; // "YMFP"

/** The fingers the device agent's simulator can press: a clerk's (enrolled in the demo), a stranger's. */
export const SIMULATED_FINGERS = { clerk: 'sim-clerk-finger', stranger: 'sim-stranger-finger' } as const;

/**
 * A simulated finger's template: a marker, the finger id, and filler derived from the id, so
 * each finger has its own 512 bytes and a module can tell the finger from them again.
 */
export function simulatedTemplate(fingerId: string): Uint8Array {
  const id = new TextEncoder().encode(fingerId);
  if (id.length > TEMPLATE_SIZE - 6) throw new RangeError('finger id too long');
  const out = new Uint8Array(TEMPLATE_SIZE);
  out.set(TEMPLATE_MAGIC);
  out[4] = id.length >> 8;
  out[5] = id.length & 0xff;
  out.set(id, 6);
  let x = id.reduce((h, b) => (h * 31 + b) >>> 0, 7);
  for (let i = 6 + id.length; i < TEMPLATE_SIZE; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The finger a simulated template stands for, or null for bytes that are not one. */
export function fingerOfTemplate(bytes: Uint8Array): string | null {
  if (bytes.length !== TEMPLATE_SIZE || TEMPLATE_MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const length = ((bytes[4] as number) << 8) | (bytes[5] as number);
  const id = new TextDecoder().decode(bytes.subarray(6, 6 + length));
  const expected = simulatedTemplate(id);
  return expected.every((b, i) => bytes[i] === b) ? id : null;
}

export interface FingerprintSimulatorOptions {
  address?: number;
  password?: number;
  /** Template library size (pages); 300 like an AS608. */
  capacity?: number;
  /** Score reported for a match. */
  matchScore?: number;
}

/** How a press images: `messy` and `fewFeatures` fail feature extraction like a smudged finger. */
export type PressQuality = 'good' | 'messy' | 'fewFeatures';

/** Applied to the next reply (or, for `silent`, the next `count` commands). */
export type SimulatorFault =
  | { kind: 'silent'; count?: number }
  | { kind: 'corruptChecksum' }
  | { kind: 'garbage'; bytes: Uint8Array }
  | { kind: 'confirmation'; code: number }
  | { kind: 'fragmented' };

interface Finger {
  id: string;
  quality: PressQuality;
}

const DEFAULT_CAPACITY = 300;
const DEFAULT_SCORE = 150;
const SECURITY_LEVEL = 3;
const PACKET_SIZE = 128;

export class FingerprintSimulator {
  private readonly address: number;
  private readonly password: number;
  private readonly capacity: number;
  private readonly matchScore: number;
  private readonly parser = new R30xStreamParser();
  private readonly templates = new Map<number, string>();
  private finger: Finger | null = null;
  private image: Finger | null = null;
  private readonly buffers: [string | null, string | null] = [null, null];
  private verified = false;
  /** DownChar in progress: the buffer the data packets fill, and what came so far. */
  private download: { buffer: number; chunks: number[] } | null = null;
  private faults: SimulatorFault[] = [];
  private readonly end: DeviceEnd;
  /** Every command received, in order, for tests to inspect. */
  readonly received: Command[] = [];

  constructor(transport: Transport, options: FingerprintSimulatorOptions = {}) {
    this.end = new DeviceEnd(transport, (chunk) => this.receive(chunk));
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.password = options.password ?? DEFAULT_PASSWORD;
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
    this.matchScore = options.matchScore ?? DEFAULT_SCORE;
  }

  /** Opens the device end and starts answering, like powering the module up. */
  async start(): Promise<void> {
    this.parser.reset();
    await this.end.open();
  }

  /** Closes the device end, like unplugging it. The library survives, as flash does. */
  async stop(): Promise<void> {
    this.verified = false;
    this.download = null;
    this.image = null;
    this.buffers[0] = this.buffers[1] = null;
    await this.end.close();
  }

  pressFinger(fingerId: string, quality: PressQuality = 'good'): void {
    this.finger = { id: fingerId, quality };
  }

  liftFinger(): void {
    this.finger = null;
  }

  /** Puts a template straight into the library, as if enrolled earlier. */
  storeTemplate(pageId: number, fingerId: string): void {
    this.templates.set(pageId, fingerId);
  }

  /** Page id → finger id of every stored template. */
  library(): ReadonlyMap<number, string> {
    return new Map(this.templates);
  }

  injectFault(fault: SimulatorFault): void {
    this.faults.push({ ...fault });
  }

  private receive(chunk: Uint8Array): void {
    for (const item of this.parser.push(chunk)) {
      if (item.kind === 'error') {
        this.reply(confirmationCode('packetError'));
        continue;
      }
      const { packet } = item;
      if (packet.address !== this.address) continue;
      if (this.download && (packet.pid === PacketId.data || packet.pid === PacketId.end)) {
        this.receiveData(packet.pid, packet.payload);
        continue;
      }
      if (packet.pid !== PacketId.command) continue;
      let command: Command;
      try {
        command = decodeCommand(packet.payload);
      } catch {
        this.reply(confirmationCode('packetError'));
        continue;
      }
      this.received.push(command);
      const [key, data] = this.execute(command);
      this.reply(confirmationCode(key), data);
      if (command.name === 'upChar' && key === 'ok') this.upload(command.buffer);
      if (command.name === 'downChar' && key === 'ok') this.download = { buffer: command.buffer, chunks: [] };
    }
  }

  /** UpChar: the buffer's template follows the ack as data packets. */
  private upload(buffer: number): void {
    const finger = this.bufferContent(buffer) as string;
    for (const packet of dataPackets(simulatedTemplate(finger), PACKET_SIZE, this.address)) this.end.send(packet);
  }

  private receiveData(pid: number, payload: Uint8Array): void {
    const download = this.download as { buffer: number; chunks: number[] };
    download.chunks.push(...payload);
    if (pid !== PacketId.end) return;
    this.download = null;
    // Bytes that are no template of ours leave the buffer empty: Store then fails as on a module.
    this.buffers[download.buffer - 1] = fingerOfTemplate(Uint8Array.from(download.chunks));
  }

  private execute(command: Command): [Exclude<ConfirmationKey, 'unknown'>, Uint8Array?] {
    if (command.name === 'vfyPwd') {
      this.verified = command.password === this.password;
      return [this.verified ? 'ok' : 'wrongPassword'];
    }
    if (this.password !== DEFAULT_PASSWORD && !this.verified) return ['passwordRequired'];
    switch (command.name) {
      case 'genImg':
        this.image = this.finger;
        return [this.finger ? 'ok' : 'noFinger'];
      case 'img2Tz':
        return this.extract(command.buffer);
      case 'match': {
        const [a, b] = this.buffers;
        const same = a !== null && a === b;
        return [same ? 'ok' : 'noMatch', u16Data(same ? this.matchScore : 0)];
      }
      case 'regModel': {
        const [a, b] = this.buffers;
        if (a === null || a !== b) return ['enrollMismatch'];
        return ['ok'];
      }
      case 'store': {
        const finger = this.bufferContent(command.buffer);
        if (finger === undefined) return ['packetError'];
        if (command.pageId >= this.capacity) return ['badPageId'];
        if (finger === null) return ['templateReadFailed'];
        this.templates.set(command.pageId, finger);
        return ['ok'];
      }
      case 'search':
      case 'highSpeedSearch':
        return this.search(command.buffer, command.startPage, command.pageCount);
      case 'loadChar': {
        if (command.buffer !== 1 && command.buffer !== 2) return ['packetError'];
        if (command.pageId >= this.capacity) return ['badPageId'];
        const finger = this.templates.get(command.pageId);
        if (finger === undefined) return ['templateReadFailed'];
        this.buffers[command.buffer - 1] = finger;
        return ['ok'];
      }
      case 'upChar': {
        const finger = this.bufferContent(command.buffer);
        if (finger === undefined) return ['packetError'];
        return [finger === null ? 'uploadFeatureFailed' : 'ok'];
      }
      case 'downChar':
        return [command.buffer === 1 || command.buffer === 2 ? 'ok' : 'packetError'];
      case 'deletChar': {
        if (command.pageId + command.count > this.capacity) return ['deleteFailed'];
        for (let page = command.pageId; page < command.pageId + command.count; page++) this.templates.delete(page);
        return ['ok'];
      }
      case 'empty':
        this.templates.clear();
        return ['ok'];
      case 'templateNum':
        return ['ok', u16Data(this.templates.size)];
      case 'readSysPara':
        return [
          'ok',
          systemParametersData({
            statusRegister: 0,
            systemId: 0,
            capacity: this.capacity,
            securityLevel: SECURITY_LEVEL,
            address: this.address,
            packetSize: PACKET_SIZE,
            baudRate: DEFAULT_BAUD_RATE,
          }),
        ];
    }
  }

  private extract(buffer: number): [Exclude<ConfirmationKey, 'unknown'>] {
    if (buffer !== 1 && buffer !== 2) return ['packetError'];
    const image = this.image;
    if (!image) return ['invalidImage'];
    if (image.quality === 'messy') return ['imageMessy'];
    if (image.quality === 'fewFeatures') return ['tooFewFeatures'];
    this.buffers[buffer - 1] = image.id;
    return ['ok'];
  }

  /** The finger id in a buffer, null when empty, undefined for a buffer id that does not exist. */
  private bufferContent(buffer: number): string | null | undefined {
    return buffer === 1 || buffer === 2 ? this.buffers[buffer - 1] : undefined;
  }

  private search(buffer: number, start: number, count: number): [Exclude<ConfirmationKey, 'unknown'>, Uint8Array] {
    const miss = searchReplyData({ pageId: 0, score: 0 });
    const finger = this.bufferContent(buffer);
    if (finger === undefined) return ['packetError', miss];
    if (finger === null) return ['notFound', miss];
    const end = Math.min(start + count, this.capacity);
    for (let page = start; page < end; page++) {
      if (this.templates.get(page) === finger) return ['ok', searchReplyData({ pageId: page, score: this.matchScore })];
    }
    return ['notFound', miss];
  }

  private reply(code: number, data?: Uint8Array): void {
    const fault = this.faults[0];
    if (fault) {
      if (fault.kind !== 'silent' || (fault.count ?? 1) <= 1) this.faults.shift();
      else fault.count = (fault.count ?? 1) - 1;
    }
    if (fault?.kind === 'silent') return;
    const packet = ackPacket(fault?.kind === 'confirmation' ? fault.code : code, data, this.address);
    if (fault?.kind === 'corruptChecksum') packet[packet.length - 1] = (packet[packet.length - 1] as number) ^ 0xff;
    const chunks =
      fault?.kind === 'garbage'
        ? [Uint8Array.of(...fault.bytes, ...packet)]
        : fault?.kind === 'fragmented'
          ? [...packet].map((byte) => Uint8Array.of(byte))
          : [packet];
    for (const chunk of chunks) this.end.send(chunk);
  }
}
