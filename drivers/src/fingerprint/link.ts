/** Request/reply over one open transport: one command packet out, its ack packet back. */
import { ReplySlot } from '../transport/reply-slot';
import { DeviceError, type Transport, toDeviceError } from '../transport/transport';
import { type Ack, commandPacket, decodeAck, instructionName, PacketId, R30xStreamParser } from './r30x-codec';

export class R30xLink {
  private readonly parser = new R30xStreamParser();
  private readonly reply = new ReplySlot<Ack>();
  /** The instruction the awaited ack answers, for messages. */
  private awaiting = '';
  private detached = false;

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

  private receive(chunk: Uint8Array): void {
    for (const item of this.parser.push(chunk)) {
      if (!this.reply.isWaiting) return;
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
