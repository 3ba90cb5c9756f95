/**
 * Lines with characters the printer's font lacks (生僻字 in names and addresses, see
 * `inPrinterFont`) go to the paper as a raster image the width of the paper, drawn here
 * from the CJK font in the same 12×24 cells, magnification, alignment and boldness the
 * printer would have used: the line looks like the others, and never prints "?".
 */
import { createCanvas } from '@napi-rs/canvas';
import type { Align } from './builder';
import { alignedX, CELL_HEIGHT, type CellStyle, drawCells, glyphContext, LINE_DOTS, rowDots } from './glyphs';
import { inPrinterFont } from './text';

export interface RasterLine {
  readonly widthBytes: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** True when every character of the line prints from the printer's own font. */
export function printsAsText(line: string): boolean {
  for (const ch of line) if (!inPrinterFont(ch)) return false;
  return true;
}

/** A line as a 1-bit image `paperDots` wide, as tall as a text line at its magnification (with its spacing). */
export function rasterLine(line: string, style: CellStyle & { align: Align }, paperDots: number): RasterLine {
  const chars = Array.from(line);
  const height = CELL_HEIGHT * style.height + (LINE_DOTS - CELL_HEIGHT);
  const canvas = createCanvas(paperDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, paperDots, height);
  glyphContext(ctx);
  drawCells(ctx, chars, alignedX(style.align, rowDots(chars, style.width), paperDots), 0, style);
  const pixels = ctx.getImageData(0, 0, paperDots, height).data;
  const widthBytes = paperDots / 8;
  const data = new Uint8Array(widthBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < paperDots; x++) {
      // Anti-aliased edges: a dot is burnt when the pixel is more black than white.
      const at = y * widthBytes + (x >> 3);
      if ((pixels[(y * paperDots + x) * 4] as number) < 128) data[at] = (data[at] as number) | (0x80 >> (x & 7));
    }
  }
  return { widthBytes, height, data };
}
