import { DeviceError, Listeners, type Transport } from './transport';

/** One end of an in-memory link, for unit tests: what one end writes, the other receives. */
export class MemoryTransport implements Transport {
  peer: MemoryTransport | null = null;
  readonly written: Buffer[] = [];
  private open_ = false;
  private present = true;
  private readonly data = new Listeners<Buffer>();
  private readonly lost = new Listeners<DeviceError>();

  constructor(readonly description = 'memory') {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.present) throw new DeviceError('absent', `${this.description}: not present`);
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new DeviceError('closed', `${this.description}: not open`);
    const chunk = Buffer.from(data);
    this.written.push(chunk);
    const peer = this.peer;
    if (peer?.open_) queueMicrotask(() => peer.data.emit(chunk));
  }

  async close(): Promise<void> {
    this.open_ = false;
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onLost(listener: (error: DeviceError) => void): () => void {
    return this.lost.add(listener);
  }

  /** Test hook: the device disappears; an open link is lost and reopening fails until replug. */
  unplug(): void {
    this.present = false;
    if (this.open_) {
      this.open_ = false;
      this.lost.emit(new DeviceError('absent', `${this.description}: unplugged`));
    }
  }

  replug(): void {
    this.present = true;
  }
}

/** Two connected ends: `host` for the driver, `device` for the simulator. */
export function createMemoryPair(): { host: MemoryTransport; device: MemoryTransport } {
  const host = new MemoryTransport('memory host');
  const device = new MemoryTransport('memory device');
  host.peer = device;
  device.peer = host;
  return { host, device };
}
