/**
 * The one reply a command link waits for, with a deadline. A link sends its request and
 * `wait`s; its data handler `resolve`s the slot with the reply; a damaged reply, a failed
 * write or a dropped link `reject`s it; the deadline rejects it with the link's own error.
 */
import { DeviceError } from './transport';

interface Waiting<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ReplySlot<T> {
  private waiting: Waiting<T> | null = null;

  /** Whether a reply is awaited right now; replies that arrive otherwise are stale. */
  get isWaiting(): boolean {
    return this.waiting !== null;
  }

  /**
   * Waits for the next reply; after `timeoutMs` rejects with `timeoutError()`. One reply is
   * awaited at a time: links queue their commands. The promise may be awaited after the
   * request is written, so its rejection never counts as unhandled in between.
   */
  wait(timeoutMs: number, timeoutError: () => Error): Promise<T> {
    if (this.waiting) return Promise.reject(new DeviceError('io', 'a reply is already awaited on this link'));
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.reject(timeoutError()), timeoutMs);
      this.waiting = { resolve, reject, timer };
    });
    reply.catch(() => {});
    return reply;
  }

  /** Hands `value` to the waiter; false when nobody waits. */
  resolve(value: T): boolean {
    const waiting = this.take();
    waiting?.resolve(value);
    return waiting !== null;
  }

  /** Fails the waiter with `error`; false when nobody waits. */
  reject(error: unknown): boolean {
    const waiting = this.take();
    waiting?.reject(error);
    return waiting !== null;
  }

  private take(): Waiting<T> | null {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) clearTimeout(waiting.timer);
    return waiting;
  }
}
