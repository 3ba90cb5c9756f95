/** Request/reply over one open transport: one command packet out, its ack packet back. */
import { DeviceError, type Transport } from '../transport/transport';
import {
  type Ack,
  commandPacket,
  decodeAck,
  instructionName,
  PacketId,
  R30xError,
  R30xStreamParser,
} from './r30x-codec';

interface Pending {
  name: string;
  resolve: (ack: Ack) => void;
  reject: (error: DeviceError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class R30xLink {
  private readonly parser = new R30xStreamParser();
  private pending: Pending | null = null;
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
      this.settle((p) => p.reject(new DeviceError('closed', `fingerprint: link closed while waiting for ${p.name}`)));
    };
  }

  /** Sends one command payload and resolves with its ack; the caller keeps one in flight. */
  async request(payload: Uint8Array): Promise<Ack> {
    const name = instructionName(payload);
    if (this.detached) throw new DeviceError('closed', `fingerprint: link closed before ${name}`);
    if (this.pending) throw new DeviceError('io', `fingerprint: ${name} sent while ${this.pending.name} is in flight`);
    // Bytes that arrived before this command cannot be its reply; dropping them keeps stale
    // fragments from swallowing the reply.
    this.parser.reset();
    const reply = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.settle((p) =>
            p.reject(new DeviceError('timeout', `fingerprint: no reply to ${name} within ${this.replyTimeoutMs} ms`)),
          ),
        this.replyTimeoutMs,
      );
      this.pending = { name, resolve, reject, timer };
    });
    try {
      await this.transport.write(commandPacket(payload, this.address));
    } catch (error) {
      const failure =
        error instanceof DeviceError
          ? error
          : new DeviceError('io', `fingerprint: writing ${name} failed`, { cause: error });
      this.settle((p) => p.reject(failure));
    }
    return reply;
  }

  private receive(chunk: Uint8Array): void {
    for (const item of this.parser.push(chunk)) {
      if (item.kind === 'error') {
        this.settle((p) =>
          p.reject(new DeviceError('protocol', `fingerprint: damaged reply to ${p.name}: ${item.error.message}`)),
        );
      } else if (item.packet.pid === PacketId.ack && item.packet.address === this.address) {
        this.settle((p) => {
          try {
            p.resolve(decodeAck(item.packet));
          } catch (error) {
            const message = error instanceof R30xError ? error.message : String(error);
            p.reject(new DeviceError('protocol', `fingerprint: bad reply to ${p.name}: ${message}`, { cause: error }));
          }
        });
      }
    }
  }

  private settle(finish: (pending: Pending) => void): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    finish(pending);
  }
}
