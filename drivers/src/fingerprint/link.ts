/**
 * Request/reply over one open transport: one command packet out, its ack packet back; for
 * UpChar and DownChar also the data packets that follow the ack, in or out.
 */
import { ReplySlot } from '../transport/reply-slot';
import { DeviceError, type Transport, toDeviceError } from '../transport/transport';
import {
  type Ack,
  commandPacket,
  dataPackets,
  decodeAck,
  instructionName,
  PacketId,
  R30xStreamParser,
} from './r30x-codec';

export class R30xLink {
  private readonly parser = new R30xStreamParser();
  private readonly reply = new ReplySlot<Ack>();
  /** The instruction the awaited ack answers, for messages. */
  private awaiting = '';
  private detached = false;
  /** Data packets of an upload in progress, and where they go when the end packet comes. */
  private upload: { chunks: Uint8Array[]; slot: ReplySlot<Uint8Array> } | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly address: number,
    private readonly replyTimeoutMs: number,
  ) {}

  /** Starts listening; the returned function stops and fails a request still waiting. */
  attach(): () => void {
    const off = this.transport.onData((chunk) => this.receive(chunk));
    return () => {
      off();
      this.detached = true;
      this.reply.reject(new DeviceError('closed', `fingerprint: link closed while waiting for ${this.awaiting}`));
    };
  }

  /** Sends one command payload and resolves with its ack; the caller keeps one in flight. */
  async request(payload: Uint8Array): Promise<Ack> {
    const name = instructionName(payload);
    if (this.detached) throw new DeviceError('closed', `fingerprint: link closed before ${name}`);
    if (this.reply.isWaiting)
      throw new DeviceError('io', `fingerprint: ${name} sent while ${this.awaiting} is in flight`);
    const packet = commandPacket(payload, this.address);
    // Bytes that arrived before this command cannot be its reply; dropping them keeps stale
    // fragments from swallowing the reply.
    this.parser.reset();
    this.awaiting = name;
    const reply = this.reply.wait(
      this.replyTimeoutMs,
      () => new DeviceError('timeout', `fingerprint: no reply to ${name} within ${this.replyTimeoutMs} ms`),
    );
    try {
      await this.transport.write(packet);
    } catch (error) {
      this.reply.reject(toDeviceError(error, 'io', `fingerprint: writing ${name} failed`));
    }
    return reply;
  }

  /**
   * Sends a command whose successful ack is followed by data packets up to an end packet
   * (UpChar); resolves with the ack and the data (empty when the ack refused).
   */
  async requestData(payload: Uint8Array): Promise<{ ack: Ack; data: Uint8Array }> {
    const upload = { chunks: [] as Uint8Array[], slot: new ReplySlot<Uint8Array>() };
    const name = instructionName(payload);
    // Waiting starts before the command goes out: the data may arrive in the ack's own chunk.
    const data = upload.slot.wait(
      this.replyTimeoutMs * 4,
      () => new DeviceError('timeout', `fingerprint: data of ${name} did not all come`),
    );
    data.catch(() => {});
    this.upload = upload;
    try {
      const ack = await this.request(payload);
      if (!ack.confirmation.ok) return { ack, data: new Uint8Array(0) };
      return { ack, data: await data };
    } finally {
      if (this.upload === upload) this.upload = null;
    }
  }

  /** Sends a command and, once it is acked, `bytes` as data packets (DownChar). */
  async sendData(payload: Uint8Array, bytes: Uint8Array, packetSize: number): Promise<Ack> {
    const ack = await this.request(payload);
    if (!ack.confirmation.ok) return ack;
    try {
      for (const packet of dataPackets(bytes, packetSize, this.address)) await this.transport.write(packet);
    } catch (error) {
      throw toDeviceError(error, 'io', `fingerprint: sending data of ${instructionName(payload)} failed`);
    }
    return ack;
  }

  private receive(chunk: Uint8Array): void {
    for (const item of this.parser.push(chunk)) {
      const upload = this.upload;
      if (upload && item.kind === 'packet' && item.packet.address === this.address) {
        const { pid, payload } = item.packet;
        if (pid === PacketId.data || pid === PacketId.end) {
          upload.chunks.push(payload);
          if (pid === PacketId.end) upload.slot.resolve(concatAll(upload.chunks));
          continue;
        }
      }
      if (upload && item.kind === 'error' && !this.reply.isWaiting) {
        upload.slot.reject(new DeviceError('protocol', `fingerprint: damaged data packet: ${item.error.message}`));
        continue;
      }
      if (!this.reply.isWaiting) continue;
      if (item.kind === 'error') {
        this.reply.reject(
          new DeviceError('protocol', `fingerprint: damaged reply to ${this.awaiting}: ${item.error.message}`),
        );
      } else if (item.packet.pid === PacketId.ack && item.packet.address === this.address) {
        try {
          this.reply.resolve(decodeAck(item.packet));
        } catch (error) {
          this.reply.reject(toDeviceError(error, 'protocol', `fingerprint: bad reply to ${this.awaiting}`));
        }
      }
    }
  }
}

function concatAll(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
