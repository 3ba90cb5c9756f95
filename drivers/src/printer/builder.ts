/**
 * A thin ESC/POS byte builder for what hall tickets need. It exists instead of
 * @node-escpos/core because that library sends QR codes as `GS Z` with a character-counted
 * length and encodes ¥ as a 4-byte sequence; see the reference, section 3.
 */
import { PrinterError } from './errors';
import { encodeText } from './text';

export type Align = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };
/** Function 169 parameter: 48..51 = L, M, Q, H. */
const QR_EC_CODE: Record<QrErrorCorrection, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };
/** Byte-mode capacity of a version 40 symbol, the most any QR code holds. */
const QR_MAX_BYTES: Record<QrErrorCorrection, number> = { L: 2953, M: 2331, Q: 1663, H: 1273 };

export interface QrOptions {
  /** Module size in dots, 1..16. */
  moduleSize?: number;
  ec?: QrErrorCorrection;
}

export interface CutOptions {
  partial?: boolean;
  /**
   * When set, the printer first feeds to its cutting position plus this many motion units
   * (`GS V 65/66 n`), so the last printed line is not cut off.
   */
  feed?: number;
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PrinterError('invalidInput', `${name} must be an integer in ${min}..${max}, got ${value}`);
  }
}

/** `GS ( k` with its two-byte length, which counts cn, fn and the parameter bytes. */
function qrFunction(fn: number, params: Uint8Array): Buffer {
  const length = params.length + 2;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn]), params]);
}

export class EscPosBuilder {
  private readonly parts: Buffer[] = [];

  raw(bytes: Uint8Array): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  /** `ESC @`: clears sizes, bold and alignment left over from a previous job. */
  init(): this {
    return this.raw(Uint8Array.of(ESC, 0x40));
  }

  /** `FS &` enters Chinese character mode, `FS .` leaves it. */
  chineseMode(on = true): this {
    return this.raw(Uint8Array.of(FS, on ? 0x26 : 0x2e));
  }

  /** `ESC a n`; printers apply it only at the start of a line. */
  align(align: Align): this {
    return this.raw(Uint8Array.of(ESC, 0x61, ALIGN_CODE[align]));
  }

  /** `GS ! n` with n = ((width − 1) << 4) | (height − 1), each 1..8 times. */
  size(width: number, height: number): this {
    checkInt('width', width, 1, 8);
    checkInt('height', height, 1, 8);
    return this.raw(Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1)));
  }

  /** `ESC E n`: emphasized (bold) on or off. */
  bold(on: boolean): this {
    return this.raw(Uint8Array.of(ESC, 0x45, on ? 1 : 0));
  }

  /** GB18030 text, without a line end. Control characters are printed as spaces. */
  text(text: string): this {
    return this.raw(encodeText(text));
  }

  /** Text and `LF`, which prints the line. */
  line(text = ''): this {
    if (text.length > 0) this.text(text);
    return this.raw(Uint8Array.of(LF));
  }

  /** `ESC d n`: prints what is buffered and feeds n lines. */
  feed(lines: number): this {
    checkInt('feed lines', lines, 0, 255);
    return this.raw(Uint8Array.of(ESC, 0x64, lines));
  }

  /**
   * An Epson `GS ( k` QR code, model 2: functions 165 (model), 167 (module size), 169 (error
   * correction), 180 (store the UTF-8 payload; the length counts bytes, not characters), 181
   * (print).
   */
  qr(payload: string, options: QrOptions = {}): this {
    const moduleSize = options.moduleSize ?? 6;
    const ec = options.ec ?? 'M';
    checkInt('QR module size', moduleSize, 1, 16);
    const data = Buffer.from(payload, 'utf8');
    if (data.length === 0 || data.length > QR_MAX_BYTES[ec]) {
      throw new PrinterError('invalidInput', `QR payload must be 1..${QR_MAX_BYTES[ec]} bytes, got ${data.length}`);
    }
    this.raw(qrFunction(0x41, Uint8Array.of(0x32, 0x00)));
    this.raw(qrFunction(0x43, Uint8Array.of(moduleSize)));
    this.raw(qrFunction(0x45, Uint8Array.of(QR_EC_CODE[ec])));
    this.raw(qrFunction(0x50, Buffer.concat([Uint8Array.of(0x30), data])));
    return this.raw(qrFunction(0x51, Uint8Array.of(0x30)));
  }

  /**
   * `GS v 0 m xL xH yL yH d…`: a raster bit image, `widthBytes` × 8 dots wide and `height`
   * dots high, one bit per dot, most significant bit leftmost, rows top to bottom; m = 0
   * (normal density).
   */
  raster(widthBytes: number, height: number, data: Uint8Array): this {
    checkInt('raster width in bytes', widthBytes, 1, 255);
    checkInt('raster height', height, 1, 2303);
    if (data.length !== widthBytes * height) {
      throw new PrinterError('invalidInput', `raster data must be ${widthBytes * height} bytes, got ${data.length}`);
    }
    this.raw(Uint8Array.of(GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8));
    return this.raw(data);
  }

  /** `GS V`: 0/1 full/partial cut; with `feed`, 65/66 feed to the cutter first. */
  cut(options: CutOptions = {}): this {
    const partial = options.partial ?? false;
    if (options.feed === undefined) return this.raw(Uint8Array.of(GS, 0x56, partial ? 1 : 0));
    checkInt('cut feed', options.feed, 0, 255);
    return this.raw(Uint8Array.of(GS, 0x56, partial ? 0x42 : 0x41, options.feed));
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** `DLE EOT n`: real-time status request, n = 1 printer, 2 offline cause, 3 error cause, 4 paper. */
export function statusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, 0x04, n]);
}
