/**
 * The printer's side of ESC/POS: turns a byte stream into printed lines (with size, alignment
 * and bold), QR codes, feeds and cuts, and notes every status request. Unknown or malformed
 * bytes are recorded as issues and skipped, never thrown. `EscPosDecoder` takes the stream in
 * chunks as a simulator receives it; `decode` does a whole buffer at once.
 */
import type { Align, QrErrorCorrection } from './builder';
import { decodeText } from './text';

export interface TextStyle {
  align: Align;
  /** Character magnification, 1..8. */
  width: number;
  height: number;
  bold: boolean;
}

export interface DecodedLine extends TextStyle {
  text: string;
}

export interface DecodedQr {
  /** The stored symbol data, read as UTF-8. */
  payload: string;
  /** 1, 2, or 3 for micro QR. */
  model: number;
  /** Module size in dots. */
  size: number;
  ec: QrErrorCorrection;
}

/** A `GS v 0` raster image as printed: bits MSB-first, `widthDots / 8` bytes per row. */
export interface DecodedRaster {
  align: Align;
  widthDots: number;
  height: number;
  /** Dot size from the mode: double width (m = 1, 3) and double height (m = 2, 3). */
  scaleX: 1 | 2;
  scaleY: 1 | 2;
  data: Uint8Array;
}

export type DecodedItem =
  | ({ kind: 'line' } & DecodedLine)
  | ({ kind: 'qr' } & DecodedQr)
  | ({ kind: 'raster' } & DecodedRaster)
  /** Blank paper: `lines` at the current line spacing plus `dots`. */
  | { kind: 'feed'; lines: number; dots: number }
  | { kind: 'cut'; partial: boolean };

export interface StatusQuery {
  /** DLE EOT n */
  n: number;
  offset: number;
}

export type DecodeIssueCode = 'unknownCommand' | 'badParameter' | 'unsupported' | 'truncated' | 'badText' | 'discarded';

export interface DecodeIssue {
  code: DecodeIssueCode;
  /** Byte offset in the stream where the problem starts. */
  offset: number;
  message: string;
}

export interface DecodeResult {
  items: DecodedItem[];
  lines: DecodedLine[];
  qr: DecodedQr[];
  cuts: number;
  statusQueries: StatusQuery[];
  errors: DecodeIssue[];
}

export interface DecoderEvents {
  item?(item: DecodedItem): void;
  statusQuery?(query: StatusQuery): void;
  issue?(issue: DecodeIssue): void;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** Longer declared data is taken to be garbage: only the header is skipped. */
const MAX_DATA_BYTES = 1 << 20;
/** A NUL-ended barcode longer than this is garbage. */
const MAX_BARCODE_BYTES = 255;

const EC_BY_CODE: Record<number, QrErrorCorrection> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };
const ALIGN_BY_CODE: Record<number, Align> = {
  0: 'left',
  1: 'center',
  2: 'right',
  48: 'left',
  49: 'center',
  50: 'right',
};

/** Commands that take a fixed number of parameter bytes and change nothing we render. */
const IGNORED_ESC: Record<number, number> = {
  32: 1, // ESC SP: right-side character spacing
  45: 1, // ESC -: underline
  50: 0, // ESC 2: default line spacing
  51: 1, // ESC 3: line spacing
  36: 2, // ESC $: absolute position
  92: 2, // ESC \: relative position
  61: 1, // ESC =: peripheral device
  71: 1, // ESC G: double-strike
  77: 1, // ESC M: font
  82: 1, // ESC R: international character set
  86: 1, // ESC V: 90° rotation
  84: 1, // ESC T: print direction in page mode
  83: 0, // ESC S: standard mode
  76: 0, // ESC L: page mode
  87: 8, // ESC W: print area in page mode
  99: 2, // ESC c 3/4/5 n: sensors and panel buttons
  112: 3, // ESC p: drawer pulse
  116: 1, // ESC t: code table
  123: 1, // ESC {: upside-down
};
const IGNORED_GS: Record<number, number> = {
  66: 1, // GS B: reverse
  72: 1, // GS H: HRI position
  102: 1, // GS f: HRI font
  104: 1, // GS h: barcode height
  119: 1, // GS w: barcode width
  76: 2, // GS L: left margin
  87: 2, // GS W: print area width
  80: 2, // GS P: motion units
  97: 1, // GS a: automatic status back
  98: 1, // GS b: smoothing
  47: 1, // GS /: print downloaded image
};
const IGNORED_FS: Record<number, number> = {
  33: 1, // FS !: Kanji print mode
  45: 1, // FS -: Kanji underline
  67: 1, // FS C: Kanji code system
  83: 2, // FS S: Kanji spacing
  87: 1, // FS W: Kanji quadruple size
  112: 2, // FS p: print NV image
};

type Step = number | { need: number };

interface QrState {
  model: number;
  size: number;
  ec: QrErrorCorrection;
  data: Uint8Array | null;
}

const hex = (b: number) => b.toString(16).padStart(2, '0').toUpperCase();

/** `{ need }` when the `count` parameter bytes after a two-byte command at `i` have not all arrived. */
function missingParams(buf: Buffer, i: number, count: number): Step | null {
  return i + 2 + count > buf.length ? { need: 2 + count } : null;
}

function defaultStyle(): TextStyle {
  return { align: 'left', width: 1, height: 1, bold: false };
}

function defaultQr(): QrState {
  return { model: 2, size: 3, ec: 'L', data: null };
}

export class EscPosDecoder {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Bytes the command at the head of `pending` needs before it can be parsed. */
  private awaiting = 1;
  /** Stream offset of the first pending byte. */
  private base = 0;
  private style = defaultStyle();
  private qrState = defaultQr();
  private lineStyle: TextStyle | null = null;
  private lineParts: { offset: number; bytes: Buffer }[] = [];

  constructor(private readonly events: DecoderEvents = {}) {}

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.pending.push(Buffer.from(chunk));
    this.pendingLength += chunk.length;
    if (this.pendingLength < this.awaiting) return;
    const buf = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    let i = 0;
    while (i < buf.length) {
      const step = this.step(buf, i);
      if (typeof step === 'number') {
        i += step;
        continue;
      }
      this.awaiting = step.need;
      break;
    }
    if (i >= buf.length) this.awaiting = 1;
    this.base += i;
    const rest = buf.subarray(i);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingLength = rest.length;
  }

  /** The stream ended: a half-received command is reported, unterminated text is printed. */
  end(): void {
    if (this.pendingLength > 0) {
      this.issue('truncated', this.base, `stream ends inside a command (${this.pendingLength} bytes left)`);
      this.base += this.pendingLength;
      this.pending = [];
      this.pendingLength = 0;
      this.awaiting = 1;
    }
    if (this.lineParts.length > 0) {
      this.issue('truncated', this.lineParts[0]?.offset ?? this.base, 'text without a line end');
      this.flushLine();
    }
  }

  private issue(code: DecodeIssueCode, offset: number, message: string): void {
    this.events.issue?.({ code, offset, message });
  }

  private emit(item: DecodedItem): void {
    this.events.item?.(item);
  }

  /** Parses one command or text run at `i`; returns the bytes consumed or how many it needs. */
  private step(buf: Buffer, i: number): Step {
    const b = buf[i] as number;
    const at = this.base + i;
    if (b >= 0x20 && b !== 0x7f) return this.textRun(buf, i);
    switch (b) {
      case LF:
        this.flushLine();
        return 1;
      case 0x0d:
        return 1;
      case 0x09:
        this.appendText(Buffer.from(' '), at);
        return 1;
      case ESC:
        return this.esc(buf, i);
      case GS:
        return this.gs(buf, i);
      case FS:
        return this.fs(buf, i);
      case DLE:
        return this.dle(buf, i);
      default:
        this.issue('unknownCommand', at, `unknown control byte ${hex(b)}`);
        return 1;
    }
  }

  private textRun(buf: Buffer, i: number): number {
    let end = i;
    while (end < buf.length && (buf[end] as number) >= 0x20 && buf[end] !== 0x7f) end++;
    this.appendText(buf.subarray(i, end), this.base + i);
    return end - i;
  }

  private appendText(bytes: Buffer, offset: number): void {
    if (this.lineParts.length === 0) this.lineStyle = { ...this.style };
    this.lineParts.push({ offset, bytes: Buffer.from(bytes) });
  }

  /** Prints the buffered line (an empty one when nothing is buffered). */
  private flushLine(): void {
    const style = this.lineStyle ?? { ...this.style };
    const parts = this.lineParts;
    this.lineParts = [];
    this.lineStyle = null;
    const { text, invalidAt } = decodeText(Buffer.concat(parts.map((p) => p.bytes)));
    for (const index of invalidAt) this.issue('badText', offsetIn(parts, index), 'bytes that are not GB18030 text');
    this.emit({ kind: 'line', text, ...style });
  }

  private flushPartialLine(): void {
    if (this.lineParts.length > 0) this.flushLine();
  }

  private esc(buf: Buffer, i: number): Step {
    if (i + 1 >= buf.length) return { need: 2 };
    const at = this.base + i;
    const cmd = buf[i + 1] as number;
    switch (cmd) {
      case 0x40: {
        if (this.lineParts.length > 0) this.issue('discarded', at, 'ESC @ clears text that had no line end');
        this.lineParts = [];
        this.lineStyle = null;
        this.style = defaultStyle();
        this.qrState = defaultQr();
        return 2;
      }
      case 0x21: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        const n = buf[i + 2] as number;
        this.style = { ...this.style, bold: (n & 0x08) !== 0, height: n & 0x10 ? 2 : 1, width: n & 0x20 ? 2 : 1 };
        return 3;
      }
      case 0x45: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        this.style = { ...this.style, bold: ((buf[i + 2] as number) & 1) === 1 };
        return 3;
      }
      case 0x61: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        const align = ALIGN_BY_CODE[buf[i + 2] as number];
        if (align) this.style = { ...this.style, align };
        else this.issue('badParameter', at, `ESC a ${hex(buf[i + 2] as number)}`);
        return 3;
      }
      case 0x64: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        return this.feed(buf[i + 2] as number, 0);
      }
      case 0x4a: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        return this.feed(0, buf[i + 2] as number);
      }
      case 0x2a:
        return this.bitImage(buf, i);
      case 0x28:
        return this.extended(buf, i, 'ESC');
      case 0x44: {
        // ESC D: tab positions, up to 32 bytes ended by NUL.
        const nul = buf.indexOf(0, i + 2);
        if (nul >= 0 && nul <= i + 34) return nul - i + 1;
        if (nul < 0 && buf.length - i < 35) return { need: buf.length - i + 1 };
        this.issue('badParameter', at, 'ESC D without a NUL within 32 positions');
        return 2;
      }
      default:
        return this.ignored(buf, i, 'ESC', IGNORED_ESC);
    }
  }

  private gs(buf: Buffer, i: number): Step {
    if (i + 1 >= buf.length) return { need: 2 };
    const at = this.base + i;
    const cmd = buf[i + 1] as number;
    switch (cmd) {
      case 0x21: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        const n = buf[i + 2] as number;
        if ((n & 0x88) !== 0) this.issue('badParameter', at, `GS ! ${hex(n)}: sizes are 1..8`);
        else this.style = { ...this.style, width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
        return 3;
      }
      case 0x56:
        return this.cut(buf, i);
      case 0x28:
        return this.extended(buf, i, 'GS');
      case 0x76:
        return this.rasterImage(buf, i);
      case 0x6b:
        return this.barcode(buf, i);
      case 0x72: {
        const wait = missingParams(buf, i, 1);
        if (wait) return wait;
        this.issue('unsupported', at, 'GS r status transmission is not answered; use DLE EOT');
        return 3;
      }
      default:
        return this.ignored(buf, i, 'GS', IGNORED_GS);
    }
  }

  private fs(buf: Buffer, i: number): Step {
    if (i + 1 >= buf.length) return { need: 2 };
    const cmd = buf[i + 1] as number;
    // FS & and FS . switch Chinese mode; GB18030 text is decoded either way.
    if (cmd === 0x26 || cmd === 0x2e) return 2;
    if (cmd === 0x28) return this.extended(buf, i, 'FS');
    if (cmd === 0x32) return i + 76 > buf.length ? { need: 76 } : 76; // FS 2 c1 c2 + 72 bytes: user Kanji
    return this.ignored(buf, i, 'FS', IGNORED_FS);
  }

  /** A command that takes a fixed number of parameter bytes and is skipped; unknown ones are reported. */
  private ignored(buf: Buffer, i: number, prefix: string, table: Readonly<Record<number, number>>): Step {
    const cmd = buf[i + 1] as number;
    const size = table[cmd];
    if (size === undefined) {
      this.issue('unknownCommand', this.base + i, `unknown command ${prefix} ${hex(cmd)}`);
      return 2;
    }
    return missingParams(buf, i, size) ?? 2 + size;
  }

  private dle(buf: Buffer, i: number): Step {
    if (i + 1 >= buf.length) return { need: 2 };
    const at = this.base + i;
    const cmd = buf[i + 1] as number;
    if (cmd === 0x04) {
      if (i + 2 >= buf.length) return { need: 3 };
      const n = buf[i + 2] as number;
      if (n >= 1 && n <= 4) {
        this.events.statusQuery?.({ n, offset: at });
        return 3;
      }
      if (n === 7 || n === 8) {
        if (i + 3 >= buf.length) return { need: 4 };
        this.issue('unsupported', at, `DLE EOT ${n} is not answered`);
        return 4;
      }
      this.issue('badParameter', at, `DLE EOT ${hex(n)}`);
      return 3;
    }
    if (cmd === 0x05) return i + 2 >= buf.length ? { need: 3 } : 3; // DLE ENQ n: recover
    if (cmd === 0x14) return i + 4 >= buf.length ? { need: 5 } : 5; // DLE DC4 fn m t
    this.issue('unknownCommand', at, `unknown command DLE ${hex(cmd)}`);
    return 2;
  }

  private feed(lines: number, dots: number): number {
    let blank = lines;
    if (this.lineParts.length > 0) {
      // The buffered line is printed first; its own line advance is one of the n.
      this.flushLine();
      blank = Math.max(0, lines - 1);
    }
    if (blank > 0 || dots > 0) this.emit({ kind: 'feed', lines: blank, dots });
    return 3;
  }

  private cut(buf: Buffer, i: number): Step {
    if (i + 2 >= buf.length) return { need: 3 };
    const m = buf[i + 2] as number;
    let length: number;
    let partial: boolean;
    if (m === 0 || m === 48 || m === 1 || m === 49) {
      length = 3;
      partial = m === 1 || m === 49;
    } else if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) {
      if (i + 3 >= buf.length) return { need: 4 };
      length = 4;
      partial = m === 66 || m === 98 || m === 104;
    } else {
      this.issue('badParameter', this.base + i, `GS V ${hex(m)}`);
      return 3;
    }
    this.flushPartialLine();
    this.emit({ kind: 'cut', partial });
    return length;
  }

  /** `ESC|GS|FS ( fn pL pH data`: the length makes unknown functions skippable. */
  private extended(buf: Buffer, i: number, prefix: string): Step {
    if (i + 4 >= buf.length) return { need: 5 };
    const at = this.base + i;
    const fn = buf[i + 2] as number;
    const length = (buf[i + 3] as number) + (buf[i + 4] as number) * 256;
    if (i + 5 + length > buf.length) return { need: 5 + length };
    const data = buf.subarray(i + 5, i + 5 + length);
    if (prefix === 'GS' && fn === 0x6b) this.symbol(data, at);
    else this.issue('unsupported', at, `${prefix} ( ${hex(fn)} is skipped`);
    return 5 + length;
  }

  /** `GS ( k`: 2D symbols; only QR (cn 49) is understood. */
  private symbol(data: Buffer, at: number): void {
    const cn = data[0];
    const fn = data[1];
    if (cn === undefined || fn === undefined) {
      this.issue('badParameter', at, 'GS ( k shorter than cn fn');
      return;
    }
    if (cn !== 0x31) {
      this.issue('unsupported', at, `GS ( k symbol type ${hex(cn)} (only QR, 31, is printed)`);
      return;
    }
    const p = data[2];
    const bad = (what: string) => this.issue('badParameter', at, `QR ${what}`);
    switch (fn) {
      case 0x41:
        if (p === 49 || p === 50 || p === 51) this.qrState.model = p - 48;
        else bad(`model ${p === undefined ? 'missing' : hex(p)}`);
        return;
      case 0x43:
        if (p !== undefined && p >= 1 && p <= 16) this.qrState.size = p;
        else bad(`module size ${p ?? 'missing'}`);
        return;
      case 0x45: {
        const ec = p === undefined ? undefined : EC_BY_CODE[p];
        if (ec) this.qrState.ec = ec;
        else bad(`error correction ${p === undefined ? 'missing' : hex(p)}`);
        return;
      }
      case 0x50:
        if (p === 0x30 && data.length > 3) this.qrState.data = Uint8Array.from(data.subarray(3));
        else bad('store without data');
        return;
      case 0x51: {
        const stored = this.qrState.data;
        if (!stored) {
          bad('print with no data stored');
          return;
        }
        this.flushPartialLine();
        const { model, size, ec } = this.qrState;
        this.emit({ kind: 'qr', payload: new TextDecoder().decode(stored), model, size, ec });
        return;
      }
      default:
        this.issue('unsupported', at, `QR function ${hex(fn)}`);
    }
  }

  /** `ESC * m nL nH d…`: a column image; skipped. */
  private bitImage(buf: Buffer, i: number): Step {
    if (i + 4 >= buf.length) return { need: 5 };
    const m = buf[i + 2] as number;
    const n = (buf[i + 3] as number) + (buf[i + 4] as number) * 256;
    const bytes = m === 0 || m === 1 ? n : m === 32 || m === 33 ? 3 * n : -1;
    return this.skipImage(buf, i, 5, bytes, 'ESC *');
  }

  /** `GS v 0 m xL xH yL yH d…`: a raster image, printed (x bytes × y rows). */
  private rasterImage(buf: Buffer, i: number): Step {
    if (i + 7 >= buf.length) return { need: 8 };
    const at = this.base + i;
    const m = (buf[i + 3] as number) & 0x0f;
    const x = (buf[i + 4] as number) + (buf[i + 5] as number) * 256;
    const y = (buf[i + 6] as number) + (buf[i + 7] as number) * 256;
    const bytes = x * y;
    if (buf[i + 2] !== 0x30 || m > 3 || bytes === 0 || bytes > MAX_DATA_BYTES) {
      this.issue('badParameter', at, 'GS v with an impossible mode or size');
      return 8;
    }
    if (i + 8 + bytes > buf.length) return { need: 8 + bytes };
    this.flushPartialLine();
    this.emit({
      kind: 'raster',
      align: this.style.align,
      widthDots: x * 8,
      height: y,
      scaleX: m & 1 ? 2 : 1,
      scaleY: m & 2 ? 2 : 1,
      data: Uint8Array.from(buf.subarray(i + 8, i + 8 + bytes)),
    });
    return 8 + bytes;
  }

  private skipImage(buf: Buffer, i: number, header: number, bytes: number, name: string): Step {
    const at = this.base + i;
    if (bytes < 0 || bytes > MAX_DATA_BYTES) {
      this.issue('badParameter', at, `${name} with an impossible size`);
      return header;
    }
    if (i + header + bytes > buf.length) return { need: header + bytes };
    this.flushPartialLine();
    this.issue('unsupported', at, `${name} image is not rendered`);
    return header + bytes;
  }

  /** `GS k m …`: 1D barcodes; skipped. Forms 0..6 end with NUL, 65..73 carry a length. */
  private barcode(buf: Buffer, i: number): Step {
    if (i + 2 >= buf.length) return { need: 3 };
    const at = this.base + i;
    const m = buf[i + 2] as number;
    if (m <= 6) {
      const nul = buf.indexOf(0, i + 3);
      if (nul < 0 && buf.length - i <= MAX_BARCODE_BYTES) return { need: buf.length - i + 1 };
      if (nul < 0 || nul - i > MAX_BARCODE_BYTES) {
        this.issue('badParameter', at, 'barcode data without its NUL end');
        return 3;
      }
      this.issue('unsupported', at, 'barcode is not rendered');
      return nul - i + 1;
    }
    if (m >= 65 && m <= 73) {
      if (i + 3 >= buf.length) return { need: 4 };
      const n = buf[i + 3] as number;
      if (i + 4 + n > buf.length) return { need: 4 + n };
      this.issue('unsupported', at, 'barcode is not rendered');
      return 4 + n;
    }
    this.issue('badParameter', at, `GS k ${hex(m)}`);
    return 3;
  }
}

/** Stream offset of the byte at `index` of the concatenated line parts. */
function offsetIn(parts: { offset: number; bytes: Buffer }[], index: number): number {
  let rest = index;
  for (const part of parts) {
    if (rest < part.bytes.length) return part.offset + rest;
    rest -= part.bytes.length;
  }
  return parts[parts.length - 1]?.offset ?? 0;
}

/** Decodes a complete byte stream: what a printer would print from it. */
export function decode(bytes: Uint8Array): DecodeResult {
  const result: DecodeResult = { items: [], lines: [], qr: [], cuts: 0, statusQueries: [], errors: [] };
  const decoder = new EscPosDecoder({
    item(item) {
      result.items.push(item);
      if (item.kind === 'line') {
        const { kind: _, ...line } = item;
        result.lines.push(line);
      } else if (item.kind === 'qr') {
        const { kind: _, ...qr } = item;
        result.qr.push(qr);
      } else if (item.kind === 'cut') result.cuts += 1;
    },
    statusQuery: (query) => result.statusQueries.push(query),
    issue: (issue) => result.errors.push(issue),
  });
  decoder.push(bytes);
  decoder.end();
  return result;
}
