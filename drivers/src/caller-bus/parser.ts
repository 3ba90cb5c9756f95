/**
 * Streaming parser for bus frames: bytes arrive in arbitrary chunks, frames come out whole.
 * Noise and broken frames become typed errors and the parser resynchronises on the next
 * FF 68; every step either consumes bytes or waits for more, so it never spins.
 */
import {
  type BusFrame,
  CallerBusError,
  type ChecksumRule,
  DEFAULT_CHECKSUM,
  DEVICE_FRAME_LIMITS,
  decodeFrame,
  FRAME_HEAD,
  FRAME_START,
  frameSizeFromHeader,
  HEADER_SIZE,
  type LengthLimits,
} from './codec';

export type ParsedItem = { kind: 'frame'; frame: BusFrame; raw: Buffer } | { kind: 'error'; error: CallerBusError };

export class FrameParser {
  private buffer = Buffer.alloc(0);
  private readonly checksum: ChecksumRule;
  private readonly limits: LengthLimits;

  constructor(options: { checksum?: ChecksumRule; limits?: LengthLimits } = {}) {
    this.checksum = options.checksum ?? DEFAULT_CHECKSUM;
    this.limits = options.limits ?? DEVICE_FRAME_LIMITS;
  }

  push(chunk: Uint8Array): ParsedItem[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const out: ParsedItem[] = [];
    for (;;) {
      const skipped = this.skipToStart();
      if (skipped > 0)
        out.push({ kind: 'error', error: new CallerBusError('noise', `skipped ${skipped} stray bytes`) });
      if (this.buffer.length < HEADER_SIZE) break;
      const size = frameSizeFromHeader(this.buffer, this.limits);
      if (size instanceof CallerBusError) {
        out.push({ kind: 'error', error: size });
        this.drop(1);
        continue;
      }
      if (this.buffer.length < size) break;
      const raw = Buffer.from(this.buffer.subarray(0, size));
      try {
        const frame = decodeFrame(raw, { checksum: this.checksum, limits: this.limits });
        this.drop(size);
        out.push({ kind: 'frame', frame, raw });
      } catch (error) {
        if (!(error instanceof CallerBusError)) throw error;
        // A false start in noise can look like a header; the real frame may begin inside it.
        this.drop(1);
        out.push({ kind: 'error', error });
      }
    }
    return out;
  }

  /** Drops bytes before the next FF 68 (or before a trailing FF that may start one); returns the count. */
  private skipToStart(): number {
    const b = this.buffer;
    let i = 0;
    while (i < b.length) {
      if (b[i] === FRAME_START && (i + 1 === b.length || b[i + 1] === FRAME_HEAD)) break;
      i++;
    }
    this.drop(i);
    return i;
  }

  private drop(count: number): void {
    this.buffer = this.buffer.subarray(count);
  }
}
