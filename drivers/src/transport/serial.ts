/** Serial link (USB-serial, RS-232/RS-485 adapters, pty pairs in tests) over `serialport`. */
import { SerialPort } from 'serialport';
import { hangupAwareBinding } from './serial-binding';
import { DeviceError, Listeners, type Transport, toDeviceError } from './transport';

export { type ListDeps, listSerialPorts, type SerialPortEntry, type SerialPortList } from './serial-ports';

export interface SerialOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
}

/** Error codes meaning "the device file is not there (any more)". */
const ABSENT_CODES = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'EIO', 'EBADF']);

/** serialport's open errors carry the errno only as text, e.g. "No such file or directory, cannot open …". */
const ERRNO_TEXT: readonly (readonly [RegExp, string])[] = [
  [/No such file or directory/i, 'ENOENT'],
  [/No such device/i, 'ENODEV'],
  [/Permission denied/i, 'EACCES'],
];

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : String(error);
  return ERRNO_TEXT.find(([text]) => text.test(message))?.[1];
}

function serialError(description: string, action: string, error: unknown): DeviceError {
  const code = errorCode(error);
  if (code === 'EACCES') {
    return new DeviceError('io', `${description}: ${action}: permission denied (is the user in group dialout?)`, {
      cause: error,
    });
  }
  return toDeviceError(error, code && ABSENT_CODES.has(code) ? 'absent' : 'io', `${description}: ${action}`);
}

export class SerialTransport implements Transport {
  readonly description: string;
  private port: SerialPort | null = null;
  private readonly data = new Listeners<Buffer>();
  private readonly lost = new Listeners<DeviceError>();

  constructor(private readonly options: SerialOptions) {
    this.description = `serial ${options.path} ${options.baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port) throw new DeviceError('io', `${this.description}: already open`);
    let port: SerialPort;
    try {
      port = new SerialPort({
        binding: hangupAwareBinding,
        path: this.options.path,
        baudRate: this.options.baudRate,
        dataBits: this.options.dataBits ?? 8,
        stopBits: this.options.stopBits ?? 1,
        parity: this.options.parity ?? 'none',
        autoOpen: false,
      });
    } catch (error) {
      throw serialError(this.description, 'invalid options', error);
    }
    await new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(serialError(this.description, 'open', error)) : resolve()));
    });
    this.port = port;
    port.on('data', (chunk: Buffer) => this.data.emit(chunk));
    // A read error on an open port (EIO when a pty peer or USB adapter goes away) ends the link.
    port.on('error', (error: Error) => this.drop(port, serialError(this.description, 'lost', error)));
    // serialport closes with an error only on a disconnect: the device is gone.
    port.on('close', (error: Error | null) => {
      if (error)
        this.drop(port, new DeviceError('absent', `${this.description}: lost: ${error.message}`, { cause: error }));
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new DeviceError('closed', `${this.description}: not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (error) =>
        error ? reject(serialError(this.description, 'write', error)) : resolve(),
      );
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port) return;
    port.removeAllListeners();
    port.on('error', () => {});
    if (!port.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onLost(listener: (error: DeviceError) => void): () => void {
    return this.lost.add(listener);
  }

  /** Reports a loss once for the port that was current, then releases it. */
  private drop(port: SerialPort, error: DeviceError): void {
    if (this.port !== port) return;
    this.port = null;
    port.removeAllListeners();
    port.on('error', () => {});
    if (port.isOpen) port.close(() => {});
    this.lost.emit(error);
  }
}
