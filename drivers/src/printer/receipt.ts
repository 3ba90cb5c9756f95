/**
 * A paper being laid out: wraps text to the columns of the paper at each character size,
 * and emits style commands only when the style changes.
 */
import QRCode from 'qrcode';
import { type Align, EscPosBuilder, type QrErrorCorrection } from './builder';
import { PrinterError } from './errors';
import { printsAsText, rasterLine } from './raster';
import { textColumns } from './text';
import type { PaperWidth } from './types';
import { wrapText } from './wrap';

export const PAPER_COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
export const PAPER_DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };

export interface BlockStyle {
  align?: Align;
  /** Character magnification, width and height, 1..8. */
  size?: [number, number];
  bold?: boolean;
  /** Columns to indent the lines after the first (a hanging indent); left-aligned text only. */
  hang?: number;
}

export class Receipt {
  readonly columns: number;
  private readonly out = new EscPosBuilder();
  private align: Align = 'left';
  private width = 1;
  private height = 1;
  private bold = false;

  constructor(readonly paper: PaperWidth) {
    this.columns = PAPER_COLUMNS[paper];
    this.out.init().chineseMode();
  }

  /** Columns available at a magnification. */
  columnsAt(width: number): number {
    return Math.floor(this.columns / width);
  }

  /** The largest magnification (up to `max`) at which `text` fits on one line. */
  fitSize(text: string, max: number): number {
    for (let w = max; w > 1; w--) if (textColumns(text) <= this.columnsAt(w)) return w;
    return 1;
  }

  text(text: string, style: BlockStyle = {}): this {
    const [width, height] = style.size ?? [1, 1];
    this.style(style.align ?? 'left', width, height, style.bold ?? false);
    const columns = this.columnsAt(width);
    const hang = style.align === undefined || style.align === 'left' ? Math.min(style.hang ?? 0, columns - 2) : 0;
    const lines = wrapText(text, columns, columns - hang);
    lines.forEach((line, i) => {
      this.printLine(i > 0 && hang > 0 ? ' '.repeat(hang) + line : line);
    });
    return this;
  }

  /** A line in the printer's font, or as a raster image when a character is not in it. */
  private printLine(line: string): void {
    if (printsAsText(line)) {
      this.out.line(line);
      return;
    }
    const style = { align: this.align, width: this.width, height: this.height, bold: this.bold };
    const image = rasterLine(line, style, PAPER_DOTS[this.paper]);
    this.out.raster(image.widthBytes, image.height, image.data);
  }

  /** `标签：value`, the value's continuation lines under its first character. */
  field(label: string, value: string, style: Omit<BlockStyle, 'hang' | 'align'> = {}): this {
    const head = `${label}：`;
    const hang = textColumns(head) <= this.columns / 2 ? textColumns(head) : 0;
    return this.text(head + value, { ...style, hang });
  }

  /** 1. … 2. … with hanging indents. */
  numbered(items: readonly string[], style: Omit<BlockStyle, 'hang' | 'align'> = {}): this {
    items.forEach((item, i) => {
      const head = `${i + 1}. `;
      this.text(head + item, { ...style, hang: textColumns(head) });
    });
    return this;
  }

  rule(ch = '-'): this {
    this.style('left', 1, 1, false);
    this.out.line(ch.repeat(Math.floor(this.columns / textColumns(ch))));
    return this;
  }

  blank(lines = 1): this {
    this.style(this.align, 1, 1, false);
    for (let i = 0; i < lines; i++) this.out.line();
    return this;
  }

  /** A centred QR code whose module size fills about 60% of the paper width. */
  qr(payload: string, ec: QrErrorCorrection = 'M'): this {
    this.style('center', 1, 1, false);
    this.out.qr(payload, { moduleSize: qrModuleSize(payload, ec, PAPER_DOTS[this.paper]), ec });
    this.out.line();
    return this;
  }

  /** Feeds past the cutter and cuts; the paper is done. */
  finish(): Buffer {
    this.style('left', 1, 1, false);
    return this.out.feed(3).cut({ feed: 0 }).build();
  }

  private style(align: Align, width: number, height: number, bold: boolean): void {
    if (align !== this.align) this.out.align(align);
    if (width !== this.width || height !== this.height) this.out.size(width, height);
    if (bold !== this.bold) this.out.bold(bold);
    this.align = align;
    this.width = width;
    this.height = height;
    this.bold = bold;
  }
}

/** Module size in dots so that the symbol (counted in byte mode, as printers encode) fits. */
export function qrModuleSize(payload: string, ec: QrErrorCorrection, paperDots: number): number {
  let modules: number;
  try {
    modules = QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: ec })
      .modules.size;
  } catch (error) {
    throw new PrinterError('invalidInput', `QR payload does not fit a QR code: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return Math.max(1, Math.min(8, Math.floor((paperDots * 0.6) / modules)));
}
