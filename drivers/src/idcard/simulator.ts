/**
 * An ID card reader from the device's side: answers SAM commands over a transport with the
 * frames a real reader sends, from a settable state (card on it or not, faults to inject).
 */
import type { IdentityCard } from '@yimen/protocol';
import { DeviceEnd } from '../transport/device-end';
import type { Transport } from '../transport/transport';
import { encodeIdentity } from './identity';
import {
  decodeCommand,
  encodeReadReply,
  encodeResponse,
  PHOTO_LENGTH,
  SAM_ID_LENGTH,
  SamFrameError,
  SamFrameParser,
  type SamRequest,
  SW3,
} from './sam-codec';

const STATUS = {
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  readFailed: 0x41,
  selectFailed: 0x81,
} as const;

/** A SAM id that decodes to `05.01-20240101-000000001-000000042`. */
const DEFAULT_SAM_ID = Uint8Array.from([5, 0, 1, 0, 0xe5, 0xd6, 0x34, 0x01, 1, 0, 0, 0, 42, 0, 0, 0]);

interface PlacedCard {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array;
  selected: boolean;
}

export class IdCardSimulator {
  private readonly parser: SamFrameParser;
  private readonly end: DeviceEnd;
  private card: PlacedCard | null = null;
  private samStatus: number = SW3.ok;
  private readonly injected: { read: number | null; garble: boolean; silent: boolean } = {
    read: null,
    garble: false,
    silent: false,
  };
  /** Every command received, for tests. */
  readonly received: SamRequest[] = [];

  constructor(
    transport: Transport,
    private readonly samId: Uint8Array = DEFAULT_SAM_ID,
  ) {
    if (samId.length !== SAM_ID_LENGTH) throw new SamFrameError('bad-payload', `SAM id must be ${SAM_ID_LENGTH} bytes`);
    this.parser = new SamFrameParser({
      onFrame: (frame) => this.onFrame(frame),
      onError: (error) => {
        // A real reader answers a corrupted command with a status instead of ignoring it.
        if (error.code === 'checksum') this.reply(encodeResponse(STATUS.checksumError));
        if (error.code === 'bad-length') this.reply(encodeResponse(STATUS.lengthError));
      },
    });
    this.end = new DeviceEnd(transport, (chunk) => this.parser.push(chunk));
  }

  /** Opens the transport (plugs the reader in). */
  async open(): Promise<void> {
    this.parser.reset();
    await this.end.open();
  }

  /** Closes the transport (unplugs the reader). */
  close(): Promise<void> {
    return this.end.close();
  }

  placeCard(card: IdentityCard, photo: Uint8Array = samplePhoto(card.idNumber), fingerprint = new Uint8Array(0)): void {
    if (photo.length !== PHOTO_LENGTH)
      throw new SamFrameError('bad-payload', `photo must be ${PHOTO_LENGTH} bytes of WLT data`);
    this.card = { text: encodeIdentity(card), photo, fingerprint, selected: false };
  }

  /** Places a raw text block, e.g. one with a broken field, for error-path tests. */
  placeRawCard(text: Uint8Array, photo: Uint8Array = new Uint8Array(PHOTO_LENGTH)): void {
    this.card = { text, photo, fingerprint: new Uint8Array(0), selected: false };
  }

  removeCard(): void {
    this.card = null;
  }

  get hasCard(): boolean {
    return this.card !== null;
  }

  /** The next read answers with this SW3 (default 41, read failed) instead of the card. */
  failNextRead(sw3: number = STATUS.readFailed): void {
    this.injected.read = sw3;
  }

  /** The next reply goes out with a broken checksum. */
  garbleNextReply(): void {
    this.injected.garble = true;
  }

  /** While silent, commands get no reply at all (a hung reader). */
  setSilent(silent: boolean): void {
    this.injected.silent = silent;
  }

  /** The SW3 of the SAM status reply, e.g. 0x60 for a failed self-test. */
  setSamStatus(sw3: number): void {
    this.samStatus = sw3;
  }

  private onFrame(frame: Uint8Array): void {
    const request = decodeCommand(frame);
    this.received.push(request);
    this.reply(this.answer(request));
  }

  private answer({ cmd, para }: SamRequest): Uint8Array {
    switch ((cmd << 8) | para) {
      case 0x10ff:
        return encodeResponse(SW3.ok);
      case 0x11ff:
        return encodeResponse(this.samStatus);
      case 0x12ff:
        return encodeResponse(SW3.ok, this.samId);
      case 0x2001:
        return this.card ? encodeResponse(SW3.cardFound, new Uint8Array(4)) : encodeResponse(SW3.findFailed);
      case 0x2002:
        if (!this.card) return encodeResponse(STATUS.selectFailed);
        this.card.selected = true;
        return encodeResponse(SW3.ok, new Uint8Array(8));
      case 0x3001:
      case 0x3010:
        return this.read(para === 0x10);
      default:
        return encodeResponse(STATUS.commandError);
    }
  }

  /** A read needs a selected card, as on a real reader. */
  private read(withFingerprint: boolean): Uint8Array {
    const card = this.card;
    const injected = this.injected.read;
    this.injected.read = null;
    if (injected !== null) return encodeResponse(injected);
    if (!card?.selected) return encodeResponse(STATUS.readFailed);
    card.selected = false;
    const fingerprint = withFingerprint ? card.fingerprint : undefined;
    return encodeResponse(SW3.ok, encodeReadReply(card.text, card.photo, fingerprint));
  }

  private reply(frame: Uint8Array): void {
    if (this.injected.silent) return;
    if (this.injected.garble) {
      this.injected.garble = false;
      frame[frame.length - 1] = (frame[frame.length - 1] as number) ^ 0xff;
    }
    this.end.send(frame);
  }
}

/**
 * Stand-in WLT bytes: deterministic noise per card. Real WLT data is vendor-compressed and
 * only the vendor library decodes it, so these bytes are never meant to be an image.
 */
export function samplePhoto(seed: string): Uint8Array {
  const photo = new Uint8Array(PHOTO_LENGTH);
  let state = 0x811c9dc5;
  for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let i = 0; i < photo.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    photo[i] = state >>> 24;
  }
  return photo;
}
