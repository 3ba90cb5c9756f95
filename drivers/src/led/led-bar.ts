/**
 * The LED bar over a window. Bars differ by vendor, so terminals use this interface and the
 * installation picks an implementation; `SerialLedBar` speaks our own framed protocol.
 */
import type { DeviceStatus } from '@yimen/protocol';
import { DeviceSupervisor } from '../transport/supervisor';
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

interface Waiter {
  settle: (reply: number) => void;
}

export class SerialLedBar implements LedBar {
  private readonly supervisor: DeviceSupervisor;
  private readonly address: number;
  private readonly ackTimeoutMs: number;
  /** One frame in flight at a time: a bare ACK byte does not say which frame it answers. */
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: Waiter | null = null;
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
    await this.enqueue(async () => {
      const transport = this.supervisor.current();
      if (!transport) throw new DeviceError('absent', 'LED 屏未连接 (LED bar not connected)');
      try {
        await this.exchange(transport, command, bytes);
      } catch (error) {
        if (error instanceof DeviceError && error.kind !== 'protocol') this.supervisor.fail(error);
        throw error;
      }
    });
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  /** Writes one frame and waits for the bar's ACK. */
  private async exchange(
    transport: Transport,
    command: LedCommand,
    bytes: Uint8Array = encodeLedFrame({ address: this.address, command }),
  ): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<number>((resolve, reject) => {
      this.waiter = { settle: resolve };
      timer = setTimeout(
        () =>
          reject(
            new DeviceError('timeout', `LED 屏无应答 (LED bar ${this.address}: no ACK within ${this.ackTimeoutMs} ms)`),
          ),
        this.ackTimeoutMs,
      );
    });
    // Handled here too, so a timeout while the write is still pending is no unhandled rejection.
    reply.catch(() => {});
    try {
      await transport.write(bytes);
      if ((await reply) === NAK) {
        throw new DeviceError('protocol', `LED bar ${this.address} refused ${command.type} (NAK)`);
      }
    } finally {
      clearTimeout(timer);
      this.waiter = null;
    }
  }

  private receive(chunk: Buffer): void {
    for (const byte of chunk) {
      // Anything but ACK/NAK, or a reply nobody waits for, is line noise.
      if ((byte === ACK || byte === NAK) && this.waiter) {
        this.waiter.settle(byte);
        this.waiter = null;
      }
    }
  }
}
