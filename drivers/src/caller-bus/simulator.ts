/**
 * Device side of the caller/evaluator bus, for tests and demos: keypads and evaluators at
 * bus addresses press keys and wait for the host's ack, and the keypad displays keep what
 * the host last showed on them.
 */
import type { RatingLevel } from '@yimen/protocol';
import { DeviceEnd } from '../transport/device-end';
import { DeviceError, type Transport } from '../transport/transport';
import {
  type BusFrame,
  type CallerBusError,
  type ChecksumRule,
  DEFAULT_CHECKSUM,
  DEVICE_FRAME_LIMITS,
  encodeFrame,
  HOST_FRAME_LIMITS,
} from './codec';
import {
  ackBytes,
  type CallerAction,
  DEFAULT_RATING_VALUES,
  FUNC_BEEP,
  FUNC_DISPLAY,
  FUNC_KEY,
  FUNC_RATING,
  keyData,
  readDisplay,
} from './messages';
import { FrameParser } from './parser';

export interface CallerBusSimulatorOptions {
  checksum?: ChecksumRule;
  /** FUNC our keypads send; any value but 11 is a key frame to the host. */
  keyFunc?: number;
  ratingValues?: Readonly<Record<number, RatingLevel>>;
  ackTimeoutMs?: number;
}

interface PendingAck {
  expected: Buffer;
  resolve: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export class CallerBusSimulator {
  /** Every well-formed frame the host sent, in order. */
  readonly received: BusFrame[] = [];
  /** Broken frames the host sent. */
  readonly errors: CallerBusError[] = [];
  private readonly displays = new Map<number, { waiting: string; ticket: string }>();
  private readonly beepCounts = new Map<number, number>();
  private pending: PendingAck[] = [];
  private parser: FrameParser;
  private readonly end: DeviceEnd;
  private readonly checksum: ChecksumRule;
  private readonly keyFunc: number;
  private readonly ratingValues: Readonly<Record<number, RatingLevel>>;
  private readonly ackTimeoutMs: number;

  constructor(
    private readonly transport: Transport,
    options: CallerBusSimulatorOptions = {},
  ) {
    this.end = new DeviceEnd(transport, (chunk) => this.receive(chunk));
    this.checksum = options.checksum ?? DEFAULT_CHECKSUM;
    this.keyFunc = options.keyFunc ?? FUNC_KEY;
    this.ratingValues = options.ratingValues ?? DEFAULT_RATING_VALUES;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 1000;
    this.parser = this.newParser();
  }

  async open(): Promise<void> {
    this.parser = this.newParser();
    await this.end.open();
  }

  close(): Promise<void> {
    return this.end.close();
  }

  /** A keypad key press; resolves once the host has acked it. */
  press(address: number, action: CallerAction, digit?: number): Promise<void> {
    return this.send({ address, func: this.keyFunc, data: keyData(action, digit) });
  }

  /** An evaluator press, by level (mapped through the rating values) or by raw value. */
  rate(address: number, rating: RatingLevel | number): Promise<void> {
    const value =
      typeof rating === 'number'
        ? rating
        : Number(Object.entries(this.ratingValues).find(([, level]) => level === rating)?.[0]);
    if (!Number.isInteger(value)) {
      return Promise.reject(new DeviceError('unsupported', `no evaluator value for ${String(rating)}`));
    }
    return this.send({ address, func: FUNC_RATING, data: Uint8Array.of(value) });
  }

  /** What the keypad at `address` shows: three cells of waiting count, three of ticket. */
  display(address: number): { waiting: string; ticket: string } | undefined {
    return this.displays.get(address);
  }

  beeps(address: number): number {
    return this.beepCounts.get(address) ?? 0;
  }

  private async send(frame: BusFrame): Promise<void> {
    const bytes = encodeFrame(frame, { checksum: this.checksum, limits: DEVICE_FRAME_LIMITS });
    let entry!: PendingAck;
    const acked = new Promise<void>((resolve, reject) => {
      entry = {
        expected: ackBytes(bytes),
        resolve,
        timer: setTimeout(() => {
          this.forget(entry);
          reject(new DeviceError('timeout', `no ack from the host within ${this.ackTimeoutMs} ms`));
        }, this.ackTimeoutMs),
      };
      this.pending.push(entry);
    });
    try {
      await this.transport.write(bytes);
    } catch (error) {
      // Never sent, so no ack will come: the deadline must not reject into the void later.
      this.forget(entry);
      throw error;
    }
    await acked;
  }

  private forget(entry: PendingAck): void {
    clearTimeout(entry.timer);
    this.pending = this.pending.filter((p) => p !== entry);
  }

  private receive(chunk: Buffer): void {
    for (const item of this.parser.push(chunk)) {
      if (item.kind === 'error') {
        this.errors.push(item.error);
        continue;
      }
      this.received.push(item.frame);
      const ack = this.pending.find((p) => p.expected.equals(item.raw));
      if (ack) {
        this.forget(ack);
        ack.resolve();
      } else if (item.frame.func === FUNC_DISPLAY && item.frame.data.length === 6) {
        this.displays.set(item.frame.address, readDisplay(item.frame));
      } else if (item.frame.func === FUNC_BEEP) {
        this.beepCounts.set(item.frame.address, this.beeps(item.frame.address) + 1);
      }
    }
  }

  private newParser(): FrameParser {
    return new FrameParser({ checksum: this.checksum, limits: HOST_FRAME_LIMITS });
  }
}
