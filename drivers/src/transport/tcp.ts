/** TCP links: a client (network printers on port 9100) and a wrapper for accepted sockets (simulators). */
import net from 'node:net';
import { DeviceError, Listeners, type Transport, toDeviceError } from './transport';

/** Connection errors that mean nobody is listening there. */
const ABSENT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

function socketError(description: string, action: string, error: unknown): DeviceError {
  const code = (error as { code?: unknown } | null)?.code;
  const kind = typeof code === 'string' && ABSENT_CODES.has(code) ? 'absent' : 'io';
  return toDeviceError(error, kind, `${description}: ${action}`);
}

/** The byte-stream behaviour shared by both: how the socket is obtained differs. */
class SocketTransport implements Transport {
  private socket: net.Socket | null = null;
  private readonly data = new Listeners<Buffer>();
  private readonly lost = new Listeners<DeviceError>();

  constructor(
    readonly description: string,
    private readonly connect: () => Promise<net.Socket>,
  ) {}

  get isOpen(): boolean {
    return this.socket !== null;
  }

  async open(): Promise<void> {
    if (this.socket) throw new DeviceError('io', `${this.description}: already open`);
    const socket = await this.connect();
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.data.emit(chunk));
    socket.on('error', (error) => this.drop(socket, socketError(this.description, 'lost', error)));
    socket.on('close', () => this.drop(socket, new DeviceError('absent', `${this.description}: peer closed`)));
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new DeviceError('closed', `${this.description}: not open`);
    await new Promise<void>((resolve, reject) => {
      socket.write(data, (error) => (error ? reject(socketError(this.description, 'write', error)) : resolve()));
    });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.on('error', () => {});
    if (socket.destroyed) return;
    await new Promise<void>((resolve) => {
      // A peer that never finishes its side must not hold close() open.
      const timer = setTimeout(() => socket.destroy(), 200);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onLost(listener: (error: DeviceError) => void): () => void {
    return this.lost.add(listener);
  }

  private drop(socket: net.Socket, error: DeviceError): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.removeAllListeners();
    socket.on('error', () => {});
    socket.destroy();
    this.lost.emit(error);
  }
}

export interface TcpOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

export class TcpTransport extends SocketTransport {
  constructor(options: TcpOptions) {
    const description = `tcp ${options.host}:${options.port}`;
    const timeoutMs = options.connectTimeoutMs ?? 3000;
    super(
      description,
      () =>
        new Promise((resolve, reject) => {
          const socket = net.connect({ host: options.host, port: options.port });
          socket.setNoDelay(true);
          const fail = (error: DeviceError) => {
            socket.removeAllListeners();
            socket.on('error', () => {});
            socket.destroy();
            reject(error);
          };
          socket.setTimeout(timeoutMs, () =>
            fail(new DeviceError('absent', `${description}: no connection within ${timeoutMs} ms`)),
          );
          socket.once('error', (error) => fail(socketError(description, 'connect', error)));
          socket.once('connect', () => {
            socket.setTimeout(0);
            socket.removeAllListeners();
            resolve(socket);
          });
        }),
    );
  }
}

/** Wraps a socket a server accepted. It opens once; after close or loss it stays closed. */
export function socketTransport(socket: net.Socket): Transport {
  const description = `tcp peer ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
  let used = false;
  // Errors before open() must not be unhandled.
  const early = () => {};
  socket.on('error', early);
  return new SocketTransport(description, async () => {
    if (used || socket.destroyed) throw new DeviceError('absent', `${description}: socket already closed`);
    used = true;
    socket.off('error', early);
    return socket;
  });
}
