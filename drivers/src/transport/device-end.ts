/**
 * A simulator's end of a link. Opening it (plugging the device in) subscribes one handler to
 * what the host sends, however often it is reopened; closing it unsubscribes. Replies are
 * written without waiting: like a real device, a simulator does not care whether the host is
 * still listening.
 */
import type { Transport } from './transport';

export class DeviceEnd {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly onData: (chunk: Buffer) => void,
  ) {}

  async open(): Promise<void> {
    await this.transport.open();
    this.unsubscribe?.();
    this.unsubscribe = this.transport.onData((chunk) => this.onData(chunk));
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.transport.close();
  }

  send(bytes: Uint8Array): void {
    this.transport.write(bytes).catch(() => {});
  }
}
