import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const WIDTH = 240;
const HEIGHT = 320;

/** Muted backgrounds a staff photo might have; chosen per person so the pads tell clerks apart. */
const GROUNDS: readonly [number, number, number][] = [
  [0x3f, 0x6e, 0x9e],
  [0x4e, 0x7d, 0x6a],
  [0x7a, 0x5c, 0x8e],
  [0x8e, 0x6a, 0x45],
  [0x5a, 0x6b, 0x7d],
  [0x9a, 0x4f, 0x5c],
];
const SKIN: readonly [number, number, number][] = [
  [0xf1, 0xd3, 0xb8],
  [0xe6, 0xc2, 0xa0],
  [0xd9, 0xb0, 0x8c],
];
const SUIT: [number, number, number] = [0x1f, 0x2a, 0x3a];
const SHIRT: [number, number, number] = [0xf4, 0xf6, 0xf8];
const HAIR: [number, number, number] = [0x22, 0x1c, 0x1a];

/**
 * A plain head-and-shoulders picture for a demo clerk (no real person's photo ships with the
 * demo): a dark suit and white collar on a coloured ground, colours picked from the staff
 * number. Drawn pixel by pixel, so the demo needs no font and no download.
 */
export function avatarPng(staffNo: string): Buffer {
  const hash = createHash('sha256').update(staffNo).digest();
  const ground = GROUNDS[(hash[0] as number) % GROUNDS.length] as [number, number, number];
  const skin = SKIN[(hash[1] as number) % SKIN.length] as [number, number, number];
  const longHair = ((hash[2] as number) & 1) === 1;
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  const cx = WIDTH / 2;
  const head = { y: 128, rx: 52, ry: 64 };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const dx = x - cx;
      const inHead = (dx / head.rx) ** 2 + ((y - head.y) / head.ry) ** 2 <= 1;
      const inHair =
        (dx / (head.rx + 6)) ** 2 + ((y - head.y + 14) / (head.ry + 4)) ** 2 <= 1 &&
        (y < head.y - 30 || (longHair && Math.abs(dx) > head.rx - 10 && y < head.y + 60));
      const inNeck = Math.abs(dx) < 24 && y > head.y + 40 && y < 230;
      const shoulders = (dx / 118) ** 2 + ((y - 330) / 110) ** 2 <= 1 && y > 212;
      const collar = shoulders && Math.abs(dx) < 38 - (y - 212) * 0.25 && y < 300;
      let colour = ground;
      if (shoulders) colour = collar ? SHIRT : SUIT;
      else if (inHair) colour = HAIR;
      else if (inHead || inNeck) colour = skin;
      const i = (y * WIDTH + x) * 4;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = 0xff;
    }
  }
  return PNG.sync.write(png);
}

/** Writes `<staffNo>.png` for each clerk into `dir`, where the hall serves /photos/ from. */
export function writeAvatars(dir: string, staffNos: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const staffNo of staffNos) writeFileSync(join(dir, `${staffNo}.png`), avatarPng(staffNo));
}
