/**
 * serialport's platform binding with one fix: on Unix a read that returns 0 bytes means the
 * line hung up (a pty whose peer exited, some USB adapters on unplug). The stock read retries
 * such reads forever in a busy loop and the loss is never reported; here it ends the read
 * with an error, which serialport turns into a disconnect (`close` with an error).
 */
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { SerialPort } from 'serialport';

type Binding = typeof SerialPort.binding;
type ReadResult = { buffer: Buffer; bytesRead: number };

/** What the Unix (Linux, macOS) port bindings expose publicly besides the common interface. */
interface UnixPort {
  fd: number | null;
  poller: { once(event: 'readable', listener: (error?: Error | null) => void): unknown };
  read(buffer: Buffer, offset: number, length: number): Promise<ReadResult>;
}

const readAsync = promisify(read);
const RETRY_CODES = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

function isUnixPort(port: object): port is UnixPort {
  return 'fd' in port && 'poller' in port;
}

/** serialport treats an error with `canceled` as a normal close, any other as a disconnect. */
function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

function readable(port: UnixPort): Promise<void> {
  return new Promise((resolve, reject) => {
    port.poller.once('readable', (error) => (error ? reject(error) : resolve()));
  });
}

async function readUntilHangup(port: UnixPort, buffer: Buffer, offset: number, length: number): Promise<ReadResult> {
  for (;;) {
    const fd = port.fd;
    if (fd === null) throw canceled();
    let bytesRead: number;
    try {
      ({ bytesRead } = await readAsync(fd, buffer, offset, length, null));
    } catch (error) {
      if (!RETRY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (port.fd === null) throw canceled();
      await readable(port);
      continue;
    }
    if (bytesRead === 0) throw Object.assign(new Error('line hung up'), { code: 'EIO' });
    return { buffer, bytesRead };
  }
}

const base = SerialPort.binding;

export const hangupAwareBinding = {
  list: () => base.list(),
  async open(options: Parameters<Binding['open']>[0]) {
    const port = await base.open(options as never);
    if (isUnixPort(port)) {
      port.read = (buffer, offset, length) => readUntilHangup(port, buffer, offset, length);
    }
    return port;
  },
} as Binding;
