/**
 * Text on the paper: GB18030 encoding and decoding, and how many columns a string takes.
 * A thermal printer in Chinese mode prints every multi-byte character from its 24×24 font,
 * two half-width columns wide, and every single-byte character one column wide.
 */
import iconv from 'iconv-lite';

/**
 * Characters replaced before encoding. U+00A5 is a 4-byte sequence in GB18030 that 2-byte-only
 * printers print as garbage ("0 6"); the full-width yuan sign is `A3 A4` everywhere.
 */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([['\u00a5', '\uffe5']]);

/** Control bytes inside text would be read as printer commands, so they never reach the paper. */
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Printable form of a string: known replacements applied, controls turned into spaces. */
function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) out += REPLACEMENTS.get(ch) ?? ch;
  return out.replace(CONTROL, ' ');
}

export function encodeText(text: string): Buffer {
  return iconv.encode(normalizeText(text), 'gb18030');
}

/** Columns one character takes: 1 for a single-byte (ASCII) character, 2 for any other. */
export function charColumns(ch: string): 1 | 2 {
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

/**
 * Whether a character prints from the printer's own font. We count on GB2312 only: the
 * symbols of rows 1-9 (lead bytes A1-A9) and the 6,763 hanzi of rows 16-87 (B0-F7), which
 * every Chinese thermal printer carries. Characters beyond it (GBK-only characters such as
 * 堃 or 喆, and the four-byte GB18030 ones of CJK extensions such as 䶮) are missing from
 * many printers' fonts and would come out as "?" or a blank: they print as a raster image
 * (see raster.ts). ASCII printable characters are always in the font.
 */
export function inPrinterFont(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return code >= 0x20 && code !== 0x7f;
  const bytes = encodeText(ch);
  if (bytes.length !== 2) return false;
  const lead = bytes[0] as number;
  const trail = bytes[1] as number;
  if (trail < 0xa1 || trail > 0xfe) return false;
  // Row 55 (D7) ends at D7F9; D7FA-D7FE are unassigned in GB2312.
  if (lead === 0xd7) return trail <= 0xf9;
  return (lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7);
}

export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

export interface TextDecodeResult {
  text: string;
  /** Offsets (within the input) of bytes that do not form a GB18030 character. */
  invalidAt: number[];
}

/** Length of the GB18030 character starting at `i`, or 0 when the bytes there are not one. */
function charLength(bytes: Uint8Array, i: number): 0 | 1 | 2 | 4 {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  if (b0 === 0x80 || b0 === 0xff) return 0;
  const b1 = bytes[i + 1];
  if (b1 === undefined) return 0;
  if ((b1 >= 0x40 && b1 <= 0x7e) || (b1 >= 0x80 && b1 <= 0xfe)) return 2;
  if (b1 < 0x30 || b1 > 0x39) return 0;
  const b2 = bytes[i + 2];
  const b3 = bytes[i + 3];
  if (b2 === undefined || b3 === undefined) return 0;
  return b2 >= 0x81 && b2 <= 0xfe && b3 >= 0x30 && b3 <= 0x39 ? 4 : 0;
}

/** Decodes GB18030, turning each byte that starts no valid character into U+FFFD. */
export function decodeText(bytes: Uint8Array): TextDecodeResult {
  const invalidAt: number[] = [];
  let text = '';
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) text += iconv.decode(Buffer.from(bytes.subarray(runStart, end)), 'gb18030');
  };
  while (i < bytes.length) {
    const len = charLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    flush(i);
    invalidAt.push(i);
    text += '\ufffd';
    i += 1;
    runStart = i;
  }
  flush(i);
  return { text, invalidAt };
}
