/**
 * The LED bar over a window. Bars differ by vendor, so terminals use this interface and the
 * installation picks an implementation; `SerialLedBar` speaks our own framed protocol.
 */
import type { DeviceStatus } from '@yimen/protocol';
import { ReplySlot } from '../transport/reply-slot';
import { DeviceSupervisor } from '../transport/supervisor';
import { TaskQueue } from '../transport/task-queue';
import { DeviceError, type Transport } from '../transport/transport';
import { ACK, encodeLedFrame, type LedCommand, NAK } from './codec';

export interface LedBar {
  showText(text: string, options?: { scroll?: boolean }): Promise<void>;
  showTicket(ticketNumber: string, windowNumber: string | number): Promise<void>;
  paused(reason?: string): Promise<void>;
  idle(): Promise<void>;
  /** 0 (dark) .. 15 (brightest). */
  setBrightness(level: number): Promise<void>;
}

export interface SerialLedBarOptions {
  name?: string;
  createTransport: () => Transport;
  /** The bar's address on its line, 1..254. */
  address?: number;
  ackTimeoutMs?: number;
  /** How often an idle link is pinged, so an unplugged bar turns `absent`. */
  heartbeatMs?: number;
  backoffMs?: { min: number; max: number };
}

export class SerialLedBar implements LedBar {
  private readonly supervisor: DeviceSupervisor;
  private readonly address: number;
  private readonly ackTimeoutMs: number;
  /** One frame in flight at a time: a bare ACK byte does not say which frame it answers. */
  private readonly queue = new TaskQueue();
  private readonly reply = new ReplySlot<number>();
  /** Replayed after a reconnect, so a bar that was power-cycled shows the right thing again. */
  private lastContent: LedCommand | null = null;
  private lastBrightness: LedCommand | null = null;

  constructor(options: SerialLedBarOptions) {
    this.address = options.address ?? 1;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 500;
    const heartbeatMs = options.heartbeatMs ?? 5000;
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'led',
      createTransport: options.createTransport,
      backoffMs: options.backoffMs,
      onOpen: async (transport, scope) => {
        scope.defer(transport.onData((chunk) => this.receive(chunk)));
        // A frame still waiting for its ACK on this link is answered no more once it is gone.
        scope.defer(() => this.reply.reject(new DeviceError('closed', `LED bar ${this.address}: link closed`)));
        await this.exchange(transport, { type: 'ping' });
        for (const command of [this.lastBrightness, this.lastContent]) {
          if (command) await this.exchange(transport, command);
        }
        // A failed ping drops the link inside send(); the heartbeat itself has no caller to tell.
        const timer = setInterval(() => void this.send({ type: 'ping' }).catch(() => {}), heartbeatMs);
        scope.defer(() => clearInterval(timer));
      },
    });
  }

  get status(): DeviceStatus {
    return this.supervisor.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.supervisor.onStatus(listener);
  }

  showText(text: string, options: { scroll?: boolean } = {}): Promise<void> {
    return this.content({ type: 'text', text, scroll: options.scroll ?? false });
  }

  showTicket(ticketNumber: string, windowNumber: string | number): Promise<void> {
    return this.content({ type: 'ticket', ticket: ticketNumber, window: String(windowNumber) });
  }

  paused(reason = ''): Promise<void> {
    return this.content({ type: 'paused', reason });
  }

  idle(): Promise<void> {
    return this.content({ type: 'idle' });
  }

  async setBrightness(level: number): Promise<void> {
    const command: LedCommand = { type: 'brightness', level };
    await this.send(command);
    this.lastBrightness = command;
  }

  stop(): Promise<void> {
    return this.supervisor.stop();
  }

  private async content(command: LedCommand): Promise<void> {
    await this.send(command);
    this.lastContent = command;
  }

  /** Sends on the ready link; a timeout means the bar is gone, so the link is dropped. */
  private async send(command: LedCommand): Promise<void> {
    // Encoded first: a bad value is the caller's mistake and must not cost the link.
    const bytes = encodeLedFrame({ address: this.address, command });
    await this.queue.run(async () => {
      const transport = this.supervisor.current();
      if (!transport) throw new DeviceError('absent', 'LED 屏未连接 (LED bar not connected)');
      try {
        await this.exchange(transport, command, bytes);
      } catch (error) {
        // Only a failure of the link still in use says anything about it.
        const linkFailed = error instanceof DeviceError && (error.kind === 'timeout' || error.kind === 'io');
        if (linkFailed && this.supervisor.current() === transport) this.supervisor.fail(error);
        throw error;
      }
    });
  }

  /** Writes one frame and waits for the bar's ACK. */
  private async exchange(
    transport: Transport,
    command: LedCommand,
    bytes: Uint8Array = encodeLedFrame({ address: this.address, command }),
  ): Promise<void> {
    const reply = this.reply.wait(
      this.ackTimeoutMs,
      () => new DeviceError('timeout', `LED 屏无应答 (LED bar ${this.address}: no ACK within ${this.ackTimeoutMs} ms)`),
    );
    try {
      await transport.write(bytes);
    } catch (error) {
      this.reply.reject(error);
    }
    if ((await reply) === NAK) {
      throw new DeviceError('protocol', `LED bar ${this.address} refused ${command.type} (NAK)`);
    }
  }

  private receive(chunk: Buffer): void {
    // Anything but ACK/NAK, or a reply nobody waits for, is line noise.
    for (const byte of chunk) if (byte === ACK || byte === NAK) this.reply.resolve(byte);
  }
}
