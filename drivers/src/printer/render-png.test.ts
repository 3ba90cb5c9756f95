import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decode } from './decode';
import { PrinterError } from './errors';
import { findCjkFont, renderPng } from './render-png';
import { SAMPLE_MATERIALS_LIST, SAMPLE_TICKET } from './samples';
import { renderMaterialsList, renderTicket } from './templates';

function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

for (const width of [58, 80] as const) {
  test(`a ${width} mm ticket renders to a PNG whose QR code reads back as the status URL`, async () => {
    const png = await renderPng(decode(renderTicket(SAMPLE_TICKET, { width })).items, { width });
    const image = PNG.sync.read(png);
    // 384 or 576 dots of paper plus a 24-pixel margin on each side.
    assert.equal(image.width, (width === 58 ? 384 : 576) + 48);
    assert.equal(readQr(png), SAMPLE_TICKET.statusUrl);
  });
}

test('a QR payload with Chinese text survives bytes → decode → PNG → scan', async () => {
  const url = 'https://hall.example.cn/t/九?n=A012';
  const png = await renderPng(decode(renderTicket({ ...SAMPLE_TICKET, statusUrl: url }, { width: 58 })).items, {
    width: 58,
  });
  assert.equal(readQr(png), url);
});

test('text is drawn: a materials list is mostly white paper with black ink', async () => {
  const png = await renderPng(decode(renderMaterialsList(SAMPLE_MATERIALS_LIST, { width: 58 })).items, { width: 58 });
  const image = PNG.sync.read(png);
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if ((image.data[i] as number) < 128) dark++;
  const share = dark / (image.width * image.height);
  assert.ok(share > 0.02 && share < 0.3, `dark share ${share}`);
  assert.equal(readQr(png), null);
});

test('no CJK font is a clear typed error', () => {
  assert.throws(
    () => findCjkFont(['/nonexistent/wqy-zenhei.ttc']),
    (e: unknown) => e instanceof PrinterError && e.code === 'noFont' && /fonts-wqy-zenhei/.test(e.message),
  );
  assert.equal(findCjkFont(), '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc');
});
