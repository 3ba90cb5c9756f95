/**
 * The resident ID card reader as a device: keeps the serial link up through the supervisor
 * (handshake: SAM status), and while started polls find → select → read, emitting one `card`
 * per placement with a checked ID number.
 */
import { type DeviceStatus, type IdentityCard, isValidIdNumber, maskIdNumber } from '@yimen/protocol';
import { DeviceSupervisor, type OpenScope } from '../transport/supervisor';
import { DeviceError, Listeners, type Transport } from '../transport/transport';
import { IdentityError, parseIdentity } from './identity';
import { Command, expectStatus, parseReadReply, SamFrameError, SW3 } from './sam-codec';
import { SamLink } from './sam-link';
import { SamStatusError } from './sam-status';

export interface IdCardReading {
  card: IdentityCard;
  /** The vendor-compressed WLT photo, 1024 bytes; decoding needs the vendor library. */
  photo: Uint8Array;
  /** Fingerprint templates (0, 512 or 1024 bytes), only when reading with fingerprints. */
  fingerprint: Uint8Array;
}

/** A card whose ID number fails the GB 11643 check: never passed on as a card. */
export class InvalidCardError extends Error {
  readonly code = 'invalid-id-number';
  constructor(
    readonly cardType: IdentityCard['cardType'],
    readonly maskedIdNumber: string,
  ) {
    super(`ID card number ${maskedIdNumber} fails the GB 11643 check`);
    this.name = 'InvalidCardError';
  }
}

export type IdCardReaderError = DeviceError | SamFrameError | SamStatusError | IdentityError | InvalidCardError;

export interface IdCardReaderEvents {
  card: IdCardReading;
  removed: undefined;
  error: IdCardReaderError;
  status: DeviceStatus;
}

export interface IdCardReaderOptions {
  /** Called for each (re)open, e.g. `() => new SerialTransport({ path, baudRate: 115200 })`. */
  createTransport: () => Transport;
  name?: string;
  /** Pause between polls while started. */
  pollIntervalMs?: number;
  /** Reply deadline for short commands. */
  replyTimeoutMs?: number;
  /** Reply deadline for reads (the reader talks to the card first; 1295+ bytes at low baud rates). */
  readTimeoutMs?: number;
  /** Use `30 10` and return fingerprint templates too. */
  withFingerprint?: boolean;
  /** Consecutive empty finds before a placed card counts as removed. */
  removeAfterMisses?: number;
  /** Consecutive garbled or failed polls before the link is dropped as faulty. */
  faultAfterFailures?: number;
  backoffMs?: { min: number; max: number };
}

/** The card on the reader right now, as far as polling knows. */
interface Placement {
  /** The number last read for this placement (emitted as a card or rejected); null until read. */
  idNumber: string | null;
  /** Whether a `card` event went out for it, so its removal is worth an event. */
  emitted: boolean;
  /** False after a gap in presence or a reopen: the card there now must be read and compared. */
  confirmed: boolean;
}

/** Replies about the card in the field (moved, unreadable); anything else is about the device. */
const CARD_LEVEL: ReadonlySet<string> = new Set([
  'noContent',
  'findFailed',
  'selectFailed',
  'readFailed',
  'cardAuthSamFailed',
  'samAuthCardFailed',
  'verifyFailed',
  'unknownCardType',
]);

function errorKey(error: IdCardReaderError): string {
  return `${error.name}:${error instanceof DeviceError ? error.kind : error.code}`;
}

function asReaderError(error: unknown): IdCardReaderError {
  if (
    error instanceof DeviceError ||
    error instanceof SamFrameError ||
    error instanceof SamStatusError ||
    error instanceof IdentityError ||
    error instanceof InvalidCardError
  ) {
    return error;
  }
  return new DeviceError('protocol', error instanceof Error ? error.message : String(error), { cause: error });
}

export class IdCardReader {
  private readonly supervisor: DeviceSupervisor;
  private readonly listeners: { [K in keyof IdCardReaderEvents]: Listeners<IdCardReaderEvents[K]> } = {
    card: new Listeners<IdCardReading>(),
    removed: new Listeners<undefined>(),
    error: new Listeners<IdCardReaderError>(),
    status: new Listeners<DeviceStatus>(),
  };
  private link: SamLink | null = null;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cycle: Promise<void> | null = null;
  private placement: Placement | null = null;
  private misses = 0;
  private failures = 0;
  /** Errors already reported since the last change, so a retry every poll does not repeat them. */
  private readonly reported = new Set<string>();
  private readonly pollIntervalMs: number;
  private readonly replyTimeoutMs: number;
  private readonly readTimeoutMs: number;

  constructor(private readonly options: IdCardReaderOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 300;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 1000;
    this.readTimeoutMs = options.readTimeoutMs ?? 3000;
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'idcard',
      createTransport: options.createTransport,
      onOpen: (transport, scope) => this.handshake(transport, scope),
      openTimeoutMs: this.replyTimeoutMs * 2,
      backoffMs: options.backoffMs,
    });
    this.supervisor.onStatus((status) => this.listeners.status.emit(status));
  }

  get status(): DeviceStatus {
    return this.supervisor.status;
  }

  on<K extends keyof IdCardReaderEvents>(event: K, listener: (value: IdCardReaderEvents[K]) => void): () => void {
    return this.listeners[event].add(listener);
  }

  /** Starts polling for cards; a card already on the reader is reported again. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.placement = null;
    this.misses = 0;
    this.schedule(0);
  }

  /** Stops polling; the link stays supervised so `status` stays current. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cycle;
  }

  /** Stops polling and releases the device. */
  async close(): Promise<void> {
    await this.stop();
    await this.supervisor.stop();
  }

  private async handshake(transport: Transport, scope: OpenScope): Promise<void> {
    const link = new SamLink(transport);
    scope.defer(() => {
      link.dispose();
      if (this.link === link) this.link = null;
    });
    const reply = await link.send(Command.samStatus[0], Command.samStatus[1], this.replyTimeoutMs);
    if (reply.sw3 !== SW3.ok) {
      const error = new SamStatusError(reply.sw3);
      throw new DeviceError('protocol', `${error.message} / ${error.zh}`, { cause: error });
    }
    this.link = link;
    this.failures = 0;
    // The card may have been swapped while the link was down: read again and compare.
    if (this.placement) this.placement.confirmed = false;
  }

  private schedule(delay: number): void {
    if (!this.started || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycle = this.poll().finally(() => {
        this.cycle = null;
        this.schedule(this.pollIntervalMs);
      });
    }, delay);
  }

  private async poll(): Promise<void> {
    const link = this.supervisor.current() ? this.link : null;
    if (!link) return;
    try {
      await this.pollOnce(link);
      this.failures = 0;
      this.reported.clear();
    } catch (error) {
      this.onPollError(error);
    }
  }

  private async pollOnce(link: SamLink): Promise<void> {
    const found = await link.send(Command.findCard[0], Command.findCard[1], this.replyTimeoutMs);
    if (found.sw3 === SW3.findFailed) {
      this.noCard();
      return;
    }
    expectStatus(found, SW3.cardFound);
    if (this.misses > 0 && this.placement) this.placement.confirmed = false;
    this.misses = 0;
    if (this.placement?.confirmed) return; // the same card is still there
    this.placement ??= { idNumber: null, emitted: false, confirmed: false };
    const selected = await link.send(Command.selectCard[0], Command.selectCard[1], this.replyTimeoutMs);
    expectStatus(selected, SW3.ok);
    const [cmd, para] = this.options.withFingerprint ? Command.readWithFingerprint : Command.read;
    const read = await link.send(cmd, para, this.readTimeoutMs);
    expectStatus(read, SW3.ok);
    const blocks = parseReadReply(read.data, { fingerprint: this.options.withFingerprint ?? false });
    const card = parseIdentity(blocks.text);
    const previous = this.placement;
    if (previous.idNumber === card.idNumber) {
      previous.confirmed = true; // lifted briefly and put back
      return;
    }
    if (previous.emitted) this.listeners.removed.emit(undefined); // swapped for another card
    const checked = card.cardType === 'resident' || card.cardType === 'hkMacauTaiwan';
    const valid = !checked || isValidIdNumber(card.idNumber);
    this.placement = { idNumber: card.idNumber, emitted: valid, confirmed: true };
    if (!valid) {
      this.listeners.error.emit(new InvalidCardError(card.cardType, maskIdNumber(card.idNumber)));
      return;
    }
    this.listeners.card.emit({ card, photo: blocks.photo, fingerprint: blocks.fingerprint });
  }

  private noCard(): void {
    this.misses++;
    if (!this.placement || this.misses < (this.options.removeAfterMisses ?? 2)) return;
    const emitted = this.placement.emitted;
    this.placement = null;
    this.reported.clear();
    if (emitted) this.listeners.removed.emit(undefined);
  }

  /**
   * Card-level failures (card moved away mid-read, unreadable) are retried on the next poll.
   * Each error is reported once until something changes. A silent device is dropped at once,
   * a garbling or failing one after a few polls; the supervisor then reopens it.
   */
  private onPollError(error: unknown): void {
    const readerError = asReaderError(error);
    const key = errorKey(readerError);
    if (!this.reported.has(key)) this.listeners.error.emit(readerError);
    this.reported.add(key);
    if (readerError instanceof DeviceError) {
      if (readerError.kind === 'timeout') this.supervisor.fail(readerError);
      return;
    }
    if (
      readerError instanceof SamStatusError ? CARD_LEVEL.has(readerError.code) : !(readerError instanceof SamFrameError)
    ) {
      return;
    }
    this.failures++;
    if (this.failures >= (this.options.faultAfterFailures ?? 3)) {
      this.failures = 0;
      this.supervisor.fail(new DeviceError('protocol', `idcard: failing replies (${readerError.message})`));
    }
  }
}
