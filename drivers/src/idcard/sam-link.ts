/**
 * Request/reply over one open transport: one command at a time, each with a reply deadline.
 * Late replies to earlier commands (after a timeout or a reopen) are dropped by shape.
 */
import { DeviceError, type Transport } from '../transport/transport';
import {
  decodeFrame,
  encodeCommand,
  replyFits,
  type SamFrameError,
  SamFrameParser,
  type SamResponse,
} from './sam-codec';
import { hex } from './sam-status';

interface Pending {
  cmd: number;
  para: number;
  resolve: (response: SamResponse) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class SamLink {
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly parser: SamFrameParser;
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(private readonly transport: Transport) {
    this.parser = new SamFrameParser({
      onFrame: (frame) => this.onFrame(frame),
      onError: (error) => this.onFrameError(error),
    });
    this.unsubscribe = transport.onData((chunk) => this.parser.push(chunk));
  }

  /** Sends a command and resolves with its reply; rejects with DeviceError or SamFrameError. */
  send(cmd: number, para: number, timeoutMs: number, data?: Uint8Array): Promise<SamResponse> {
    const run = this.queue.then(() => this.exchange(cmd, para, timeoutMs, data));
    this.queue = run.catch(() => {});
    return run;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    this.settle(new DeviceError('closed', `${this.transport.description}: link closed`));
  }

  private exchange(cmd: number, para: number, timeoutMs: number, data?: Uint8Array): Promise<SamResponse> {
    if (this.disposed) return Promise.reject(new DeviceError('closed', `${this.transport.description}: link closed`));
    this.parser.reset();
    return new Promise<SamResponse>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.settle(
            new DeviceError(
              'timeout',
              `${this.transport.description}: no reply to ${hex(cmd)} ${hex(para)} within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      this.pending = { cmd, para, resolve, reject, timer };
      this.transport.write(encodeCommand(cmd, para, data)).catch((error: unknown) => this.settle(error));
    });
  }

  private onFrame(frame: Uint8Array): void {
    const pending = this.pending;
    if (!pending) return;
    let response: SamResponse;
    try {
      response = decodeFrame(frame);
    } catch (error) {
      this.settle(error);
      return;
    }
    if (!replyFits(pending.cmd, pending.para, response)) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(response);
  }

  /** Skipped noise may precede a good reply; a broken frame means this reply is lost. */
  private onFrameError(error: SamFrameError): void {
    if (error.code !== 'garbage') this.settle(error);
  }

  private settle(error: unknown): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.reject(error);
  }
}
