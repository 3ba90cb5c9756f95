/**
 * The thermal printer's character cells drawn with a CJK font: for the simulator's PNGs and
 * for the raster lines of characters the printer's own font lacks (raster.ts).
 */
import { existsSync } from 'node:fs';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { PrinterError } from './errors';
import { charColumns } from './text';

/** Half-width cell 12×24 dots; full-width cells are two of them. */
export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
/** Default line spacing of ESC/POS printers at 203 dpi (about 1/6 inch). */
export const LINE_DOTS = 30;

const FONT_FAMILY = 'YimenReceiptCJK';
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];

let fontReady = false;

/** The first CJK font file present; throws PrinterError('noFont') naming what to install. */
export function findCjkFont(candidates: readonly string[] = FONT_CANDIDATES): string {
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new PrinterError(
    'noFont',
    `no CJK font found (looked for ${candidates.join(', ')}); install the Debian package fonts-wqy-zenhei`,
  );
}

/** Registers the CJK font the receipts are drawn with, once. */
export function ensureCjkFont(): void {
  if (fontReady) return;
  const path = findCjkFont();
  if (!GlobalFonts.registerFromPath(path, FONT_FAMILY)) {
    throw new PrinterError('noFont', `the CJK font ${path} could not be loaded`);
  }
  fontReady = true;
}

/** Sets a context up to draw cells: black, centred in each cell, on the font's baseline. */
export function glyphContext(ctx: SKRSContext2D): void {
  ensureCjkFont();
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `${CELL_HEIGHT}px "${FONT_FAMILY}"`;
}

/** Dots a row of characters takes at a width magnification. */
export function rowDots(chars: readonly string[], magnification: number): number {
  return chars.reduce((sum, ch) => sum + charColumns(ch) * CELL_WIDTH * magnification, 0);
}

/** Where a row of `width` dots starts on the paper for an alignment. */
export function alignedX(align: 'left' | 'center' | 'right', width: number, paperDots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperDots - width) / 2));
  if (align === 'right') return Math.max(0, paperDots - width);
  return 0;
}

export interface CellStyle {
  readonly width: number;
  readonly height: number;
  readonly bold: boolean;
}

/** Draws a row of characters from (x, y), each in its 12- or 24-dot cell, magnified. */
export function drawCells(ctx: SKRSContext2D, chars: readonly string[], x: number, y: number, style: CellStyle): void {
  let left = x;
  for (const ch of chars) {
    const cell = charColumns(ch) * CELL_WIDTH;
    ctx.save();
    ctx.translate(left, y);
    ctx.scale(style.width, style.height);
    // Bold on a thermal head is a second strike one dot to the right.
    for (const dx of style.bold ? [0, 1 / style.width] : [0]) ctx.fillText(ch, cell / 2 + dx, CELL_HEIGHT - 3, cell);
    ctx.restore();
    left += cell * style.width;
  }
}
