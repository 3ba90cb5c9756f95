/**
 * Streaming parser for LED bar frames, as a bar's controller reads its line. A partial frame
 * is dropped after a silent gap (a sender writes a frame in one go), so one false STX in
 * noise cannot swallow the next real frames; otherwise it resynchronises on the next STX.
 */
import { decodeLedFrame, ETX, LED_HEADER_SIZE, LedCodecError, type LedFrame, ledFrameSize, STX } from './codec';

export type LedParsedItem = { kind: 'frame'; frame: LedFrame } | { kind: 'error'; error: LedCodecError };

export class LedFrameParser {
  private buffer = Buffer.alloc(0);
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: { gapMs?: number } = {}) {}

  push(chunk: Uint8Array, now = Date.now()): LedParsedItem[] {
    const out: LedParsedItem[] = [];
    const gapMs = this.options.gapMs ?? 200;
    if (this.buffer.length > 0 && now - this.lastAt > gapMs) {
      out.push({
        kind: 'error',
        error: new LedCodecError('length', `dropped ${this.buffer.length} bytes of a cut frame`),
      });
      this.buffer = Buffer.alloc(0);
    }
    this.lastAt = now;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const start = this.buffer.indexOf(STX);
      const skipped = start === -1 ? this.buffer.length : start;
      if (skipped > 0) {
        out.push({ kind: 'error', error: new LedCodecError('noise', `skipped ${skipped} stray bytes`) });
        this.buffer = this.buffer.subarray(skipped);
      }
      if (this.buffer.length < LED_HEADER_SIZE) break;
      const size = ledFrameSize(this.buffer);
      if (size instanceof LedCodecError) {
        out.push({ kind: 'error', error: size });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      if (this.buffer.length < size) break;
      if (this.buffer[size - 1] !== ETX) {
        out.push({ kind: 'error', error: new LedCodecError('framing', 'frame does not end with ETX') });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      const raw = this.buffer.subarray(0, size);
      this.buffer = this.buffer.subarray(size);
      try {
        out.push({ kind: 'frame', frame: decodeLedFrame(raw) });
      } catch (error) {
        if (!(error instanceof LedCodecError)) throw error;
        out.push({ kind: 'error', error });
      }
    }
    return out;
  }
}
