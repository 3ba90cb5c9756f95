/**
 * Host side of the caller/evaluator bus: decodes what keypads and evaluators send into
 * `key` and `rating` events, acks every good frame at once (devices resend until acked),
 * and drives the keypad displays. The bus has no polling, so a quiet bus is not an absent
 * one: status follows the serial adapter.
 */
import type { DeviceStatus, RatingLevel } from '@yimen/protocol';
import { DeviceSupervisor } from '../transport/supervisor';
import { DeviceError, Listeners, type Transport, toDeviceError } from '../transport/transport';
import { type CallerBusError, type ChecksumRule, DEFAULT_CHECKSUM, encodeFrame } from './codec';
import {
  ackBytes,
  beepFrame,
  type CallerAction,
  DEFAULT_RATING_VALUES,
  displayFrame,
  interpretDeviceFrame,
} from './messages';
import { FrameParser } from './parser';

export interface CallerKeyEvent {
  address: number;
  action: CallerAction;
  digit?: number;
  at: Date;
}

export interface CallerRatingEvent {
  address: number;
  level: RatingLevel;
  /** The raw evaluator value, for installations that map it themselves. */
  value: number;
  at: Date;
}

export interface CallerBusOptions {
  name?: string;
  createTransport: () => Transport;
  checksum?: ChecksumRule;
  ratingValues?: Readonly<Record<number, RatingLevel>>;
  backoffMs?: { min: number; max: number };
  now?: () => number;
}

export class CallerBus {
  private readonly supervisor: DeviceSupervisor;
  private readonly keys = new Listeners<CallerKeyEvent>();
  private readonly ratings = new Listeners<CallerRatingEvent>();
  private readonly problems = new Listeners<CallerBusError | DeviceError>();
  private readonly checksum: ChecksumRule;
  private readonly ratingValues: Readonly<Record<number, RatingLevel>>;
  private readonly now: () => number;

  constructor(options: CallerBusOptions) {
    this.checksum = options.checksum ?? DEFAULT_CHECKSUM;
    this.ratingValues = options.ratingValues ?? DEFAULT_RATING_VALUES;
    this.now = options.now ?? Date.now;
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'callerBus',
      createTransport: options.createTransport,
      backoffMs: options.backoffMs,
      onOpen: async (transport, scope) => {
        const parser = new FrameParser({ checksum: this.checksum });
        scope.defer(transport.onData((chunk) => this.receive(transport, parser, chunk)));
      },
    });
  }

  get status(): DeviceStatus {
    return this.supervisor.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.supervisor.onStatus(listener);
  }

  onKey(listener: (event: CallerKeyEvent) => void): () => void {
    return this.keys.add(listener);
  }

  onRating(listener: (event: CallerRatingEvent) => void): () => void {
    return this.ratings.add(listener);
  }

  /** Garbage, bad checksums, unknown keys and failed acks: reported, never thrown. */
  onProblem(listener: (error: CallerBusError | DeviceError) => void): () => void {
    return this.problems.add(listener);
  }

  /** Shows the last three digits of a ticket on a keypad. */
  showTicket(address: number, ticket: string): Promise<void> {
    return this.send(encodeFrame(displayFrame(address, { ticket }), { checksum: this.checksum }));
  }

  /** Shows how many are waiting (capped at 999) on a keypad. */
  showWaiting(address: number, count: number): Promise<void> {
    return this.send(encodeFrame(displayFrame(address, { waiting: count }), { checksum: this.checksum }));
  }

  /** The ticket at the window (its last three digits; blank when none) and the waiting count, in one frame. */
  show(address: number, shown: { ticket: string | null; waiting: number }): Promise<void> {
    return this.send(
      encodeFrame(
        displayFrame(address, { waiting: shown.waiting, ...(shown.ticket ? { ticket: shown.ticket } : {}) }),
        {
          checksum: this.checksum,
        },
      ),
    );
  }

  /** A refused key: the display goes blank and the keypad beeps twice, so the clerk notices. */
  async showRefused(address: number): Promise<void> {
    await this.send(encodeFrame(displayFrame(address, {}), { checksum: this.checksum }));
    await this.beep(address);
    await this.beep(address);
  }

  beep(address: number): Promise<void> {
    return this.send(encodeFrame(beepFrame(address), { checksum: this.checksum }));
  }

  stop(): Promise<void> {
    return this.supervisor.stop();
  }

  private async send(bytes: Buffer): Promise<void> {
    const transport = this.supervisor.current();
    if (!transport) throw new DeviceError('absent', '呼叫器总线未连接 (caller bus not connected)');
    await transport.write(bytes);
  }

  private receive(transport: Transport, parser: FrameParser, chunk: Buffer): void {
    for (const item of parser.push(chunk)) {
      if (item.kind === 'error') {
        this.report(item.error);
        continue;
      }
      // Ack first, whatever the frame means: an unacked device keeps resending.
      transport
        .write(ackBytes(item.raw))
        .catch((error: unknown) => this.report(toDeviceError(error, 'io', 'caller bus: ack not sent')));
      let event: ReturnType<typeof interpretDeviceFrame>;
      try {
        event = interpretDeviceFrame(item.frame, this.ratingValues);
      } catch (error) {
        this.report(error as CallerBusError);
        continue;
      }
      const at = new Date(this.now());
      if (event.type === 'key') {
        const { address, action, digit } = event;
        this.keys.emit(digit === undefined ? { address, action, at } : { address, action, digit, at });
      } else {
        this.ratings.emit({ address: event.address, level: event.level, value: event.value, at });
      }
    }
  }

  private report(error: CallerBusError | DeviceError): void {
    this.problems.emit(error);
  }
}
