/**
 * Request/reply over one open transport: one command at a time, each with a reply deadline.
 * Late replies to earlier commands (after a timeout or a reopen) are dropped by shape.
 */
import { ReplySlot } from '../transport/reply-slot';
import { TaskQueue } from '../transport/task-queue';
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

export class SamLink {
  private readonly reply = new ReplySlot<SamResponse>();
  /** The command the awaited reply answers. */
  private request = { cmd: 0, para: 0 };
  private readonly queue = new TaskQueue();
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
    return this.queue.run(() => this.exchange(cmd, para, timeoutMs, data));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    this.reply.reject(this.closed());
  }

  private exchange(cmd: number, para: number, timeoutMs: number, data?: Uint8Array): Promise<SamResponse> {
    if (this.disposed) return Promise.reject(this.closed());
    const frame = encodeCommand(cmd, para, data);
    this.parser.reset();
    this.request = { cmd, para };
    const reply = this.reply.wait(
      timeoutMs,
      () =>
        new DeviceError(
          'timeout',
          `${this.transport.description}: no reply to ${hex(cmd)} ${hex(para)} within ${timeoutMs} ms`,
        ),
    );
    this.transport.write(frame).catch((error: unknown) => this.reply.reject(error));
    return reply;
  }

  private closed(): DeviceError {
    return new DeviceError('closed', `${this.transport.description}: link closed`);
  }

  private onFrame(frame: Uint8Array): void {
    if (!this.reply.isWaiting) return;
    let response: SamResponse;
    try {
      response = decodeFrame(frame);
    } catch (error) {
      this.reply.reject(error);
      return;
    }
    if (replyFits(this.request.cmd, this.request.para, response)) this.reply.resolve(response);
  }

  /** Skipped noise may precede a good reply; a broken frame means this reply is lost. */
  private onFrameError(error: SamFrameError): void {
    if (error.code !== 'garbage') this.reply.reject(error);
  }
}
