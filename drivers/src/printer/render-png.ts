/**
 * Draws decoded printer output as a thermal receipt, one pixel per printer dot: the 12×24 /
 * 24×24 font cells at their magnifications and alignments, QR codes module by module, and a
 * dashed line where the paper is cut. For people looking at what the simulator printed.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { DecodedItem, DecodedLine, DecodedQr, DecodedRaster } from './decode';
import { PrinterError } from './errors';
import { alignedX, CELL_HEIGHT, CELL_WIDTH, drawCells, glyphContext, LINE_DOTS, rowDots } from './glyphs';
import { PAPER_DOTS } from './receipt';
import { charColumns } from './text';
import type { PaperWidth } from './types';

const MARGIN = 24;
const CUT_SPACE = 36;

export interface PngOptions {
  width: PaperWidth;
}

/** A piece of the receipt at a vertical position, drawn once the total height is known. */
type Placed = { y: number } & (
  | { kind: 'text'; line: DecodedLine; chars: string[]; x: number }
  | { kind: 'qr'; qr: DecodedQr; modules: QRCode.BitMatrix; x: number }
  | { kind: 'raster'; raster: DecodedRaster; x: number }
  | { kind: 'cut'; partial: boolean }
);

/** Splits a line the way a printer does when it runs past the paper edge. */
function rows(line: DecodedLine, paperDots: number): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let used = 0;
  for (const ch of line.text) {
    const w = charColumns(ch) * CELL_WIDTH * line.width;
    if (used + w > paperDots && row.length > 0) {
      out.push(row);
      row = [];
      used = 0;
    }
    row.push(ch);
    used += w;
  }
  out.push(row);
  return out;
}

function qrMatrix(qr: DecodedQr): QRCode.BitMatrix {
  try {
    return QRCode.create([{ data: Buffer.from(qr.payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: qr.ec })
      .modules;
  } catch (error) {
    throw new PrinterError('invalidInput', `QR payload cannot be drawn: ${(error as Error).message}`, { cause: error });
  }
}

function layout(items: readonly DecodedItem[], paperDots: number): { placed: Placed[]; height: number } {
  const placed: Placed[] = [];
  let y = 0;
  for (const item of items) {
    switch (item.kind) {
      case 'line':
        for (const chars of rows(item, paperDots)) {
          const x = alignedX(item.align, rowDots(chars, item.width), paperDots);
          placed.push({ kind: 'text', line: item, chars, x, y });
          y += CELL_HEIGHT * item.height + (LINE_DOTS - CELL_HEIGHT);
        }
        break;
      case 'qr': {
        const modules = qrMatrix(item);
        const side = modules.size * item.size;
        placed.push({ kind: 'qr', qr: item, modules, x: Math.max(0, Math.floor((paperDots - side) / 2)), y });
        y += side;
        break;
      }
      case 'raster': {
        const width = item.widthDots * item.scaleX;
        placed.push({ kind: 'raster', raster: item, x: alignedX(item.align, width, paperDots), y });
        y += item.height * item.scaleY;
        break;
      }
      case 'feed':
        y += item.lines * LINE_DOTS + item.dots;
        break;
      case 'cut':
        placed.push({ kind: 'cut', partial: item.partial, y: y + CUT_SPACE / 2 });
        y += CUT_SPACE;
        break;
    }
  }
  return { placed, height: y };
}

function drawRaster(ctx: SKRSContext2D, piece: Extract<Placed, { kind: 'raster' }>, left: number, top: number): void {
  const { raster } = piece;
  const bytesPerRow = raster.widthDots / 8;
  for (let row = 0; row < raster.height; row++) {
    for (let col = 0; col < raster.widthDots; col++) {
      const byte = raster.data[row * bytesPerRow + (col >> 3)] as number;
      if (byte & (0x80 >> (col & 7))) {
        ctx.fillRect(
          left + piece.x + col * raster.scaleX,
          top + piece.y + row * raster.scaleY,
          raster.scaleX,
          raster.scaleY,
        );
      }
    }
  }
}

function drawQr(ctx: SKRSContext2D, piece: Extract<Placed, { kind: 'qr' }>, left: number, top: number): void {
  const { modules, qr } = piece;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) {
        ctx.fillRect(left + piece.x + col * qr.size, top + piece.y + row * qr.size, qr.size, qr.size);
      }
    }
  }
}

function drawCut(ctx: SKRSContext2D, y: number, partial: boolean, width: number): void {
  ctx.save();
  ctx.strokeStyle = '#888';
  ctx.lineWidth = 2;
  ctx.setLineDash(partial ? [4, 6] : [12, 8]);
  ctx.beginPath();
  ctx.moveTo(0, y);
  ctx.lineTo(width, y);
  ctx.stroke();
  ctx.restore();
}

/** A PNG of the printed items, paper width 384 (58 mm) or 576 (80 mm) dots plus a margin. */
export async function renderPng(items: readonly DecodedItem[], options: PngOptions): Promise<Buffer> {
  const paperDots = PAPER_DOTS[options.width];
  if (paperDots === undefined) throw new PrinterError('invalidInput', `paper width must be 58 or 80 mm`);
  const { placed, height } = layout(items, paperDots);
  const canvasWidth = paperDots + 2 * MARGIN;
  const canvas = createCanvas(canvasWidth, Math.max(1, height + 2 * MARGIN));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  glyphContext(ctx);
  for (const piece of placed) {
    if (piece.kind === 'text') drawCells(ctx, piece.chars, MARGIN + piece.x, MARGIN + piece.y, piece.line);
    else if (piece.kind === 'qr') drawQr(ctx, piece, MARGIN, MARGIN);
    else if (piece.kind === 'raster') drawRaster(ctx, piece, MARGIN, MARGIN);
    else drawCut(ctx, MARGIN + piece.y, piece.partial, canvasWidth);
  }
  return canvas.encode('png');
}

export { ensureCjkFont, findCjkFont } from './glyphs';
