import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { TcpTransport } from '../transport/tcp';
import { type DecodedItem, decode } from './decode';
import { EscPosPrinter } from './printer';
import { rasterLine } from './raster';
import { SAMPLE_CASE_NOTICE } from './samples';
import { PrinterSimulator, startTcpPrinterSimulator } from './simulator';
import { renderNotice } from './templates';
import { untilPrinter } from './test-support';
import { inPrinterFont } from './text';

/** Printouts for a person to look at; test artifacts, never committed. */
const SHOTS = fileURLToPath(new URL('../../../test-results/printer', import.meta.url));

const ink = (data: Uint8Array) => data.reduce((n, byte) => n + (byte.toString(2).match(/1/g)?.length ?? 0), 0);
const rasters = (items: readonly DecodedItem[]) => items.filter((i) => i.kind === 'raster');

test('the printer font is GB2312: GBK-only and extension characters are not in it', () => {
  for (const ch of ['张', 'A', '：', '￥', '〔', '…', '齄']) assert.equal(inPrinterFont(ch), true, ch);
  for (const ch of ['䶮', '堃', '喆', '𠇔', '\u{1F600}', '\u0007']) assert.equal(inPrinterFont(ch), false, ch);
});

test('a notice with a 生僻字 in the name: the lines holding it are raster images, the rest text, no "?" anywhere', () => {
  for (const width of [58, 80] as const) {
    const result = decode(renderNotice(SAMPLE_CASE_NOTICE, { width }));
    assert.deepEqual(result.errors, []);
    const texts = result.lines.map((l) => l.text);
    for (const expected of [
      '第一联 申请人留存',
      '办件编号：202503050012',
      '查询码：K7QM-3XPA',
      '海淀区政务服务中心',
      '扫码查询办理进度',
    ]) {
      assert.ok(texts.includes(expected), `${width} mm: missing ${expected} in ${JSON.stringify(texts)}`);
    }
    const all = texts.join('');
    assert.ok(all.includes('1. 食品安全管理人员培训合格证明'), 'the deferred paper');
    assert.ok(all.includes('请于2025年3月10日前'), 'its date');
    assert.ok(
      !texts.some((t) => t.includes('?') || t.includes('\ufffd') || t.includes('䶮')),
      'no rare character as text',
    );
    const images = rasters(result.items);
    assert.equal(images.length, 2, 'the 申请人 field and the addressee line');
    for (const image of images) {
      assert.equal(image.widthDots, width === 58 ? 384 : 576);
      assert.equal(image.height, 30, 'one text line high, with its spacing');
      assert.ok(ink(image.data) > 100, 'the line is drawn');
    }
    assert.deepEqual(
      result.qr.map((q) => q.payload),
      [SAMPLE_CASE_NOTICE.qr?.url],
    );
  }
});

test('the raster draws the glyph itself, in the place and size text would take', () => {
  const style = { align: 'left' as const, width: 1, height: 1, bold: false };
  const rare = rasterLine('䶮', style, 384);
  const common = rasterLine('龙', style, 384);
  assert.ok(ink(rare.data) > 40, 'the font has 䶮');
  assert.notDeepEqual(rare.data, common.data);
  // Inside the first 24-dot cell, nothing beyond it.
  for (let y = 0; y < rare.height; y++) {
    for (let byte = 3; byte < rare.widthBytes; byte++) assert.equal(rare.data[y * rare.widthBytes + byte], 0);
  }
  const big = rasterLine('䶮', { ...style, width: 2, height: 2, align: 'center' }, 384);
  assert.equal(big.height, 54);
  assert.ok(ink(big.data) > 3 * ink(rare.data), 'magnified');
  assert.equal(big.data[(27 * big.widthBytes) >> 0], 0, 'centred: the left edge stays white');
});

test('over TCP: the simulator prints the raster lines and draws them in its PNG', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startTcpPrinterSimulator({
    port: 0,
    simulator: new PrinterSimulator({ pngDir: SHOTS, paperWidth: 80 }),
  });
  const printer = new EscPosPrinter({
    createTransport: () => new TcpTransport({ host: '127.0.0.1', port: server.port }),
    paperWidth: 80,
    statusTimeoutMs: 300,
    pollIntervalMs: 50,
    backoffMs: { min: 20, max: 200 },
  });
  try {
    await untilPrinter(printer, (s) => s.device.state === 'ready', 5000);
    const next = server.simulator.nextDocument();
    await printer.printNotice(SAMPLE_CASE_NOTICE);
    const document = await next;
    assert.deepEqual(server.simulator.issues, []);
    assert.equal(rasters(document.items).length, 2);
    assert.ok(document.lines.some((l) => l.text === '申请事项：食品经营许可证核发'));
    assert.ok(document.png, document.pngError);
    const png = PNG.sync.read(readFileSync(document.png));
    assert.equal(png.width, 576 + 48);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] as number) < 128) dark++;
    assert.ok(dark > 5000);
  } finally {
    await printer.stop();
    await server.close();
  }
});
