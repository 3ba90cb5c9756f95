import { existsSync } from 'node:fs';
import type { NoticePrint } from '@yimen/protocol';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { businessDayOf, isoDateZh } from '../domain';

/**
 * The case notices as PDF (A4), for printing on an office printer or sending on: the same
 * laid-out paper the window's receipt printer gets, with a CJK font embedded (subset by
 * pdfkit's fontkit) so the text is selectable and extractable everywhere. pdfkit rather than
 * pdf-lib: it wraps text and embeds TrueType collections with their ToUnicode maps itself.
 */

/** Font files and the face inside each collection; scripts/setup.sh installs WenQuanYi Zen Hei. */
const FONTS: readonly { path: string; face: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
];

export function findPdfFont(candidates: readonly { path: string; face: string }[] = FONTS) {
  const found = candidates.find((f) => existsSync(f.path));
  if (!found) {
    throw new Error(
      `no CJK font for PDFs (looked for ${candidates.map((f) => f.path).join(', ')}); install fonts-wqy-zenhei`,
    );
  }
  return found;
}

const MM = 72 / 25.4;
const BODY = 11.5;
const QR_SIDE = 28 * MM;

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, side: number): void {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const cell = side / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill('#000');
}

function notice(doc: PDFKit.PDFDocument, n: NoticePrint): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (n.copy) doc.fontSize(9).fillColor('#555').text(n.copy, { align: 'right' }).fillColor('#000');
  doc.fontSize(20).text(n.title, { align: 'center', characterSpacing: 2 });
  if (n.documentNumber) doc.fontSize(10).text(n.documentNumber, { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(BODY);
  for (const f of n.fields ?? []) {
    const y = doc.y;
    doc.fillColor('#444').text(`${f.label}：`, left, y, { width: 6 * BODY, continued: false });
    doc.fillColor('#000').text(f.value, left + 6 * BODY, y, { width: width - 6 * BODY });
  }
  doc.x = left;
  doc.moveDown(0.6);
  if (n.recipient) doc.text(n.recipient);
  const paragraph = (text: string) => doc.text(text, { indent: 2 * BODY, lineGap: 3, paragraphGap: 4, width });
  for (const p of n.paragraphs) paragraph(p);
  if (n.list) {
    doc
      .moveDown(0.3)
      .fontSize(BODY + 1)
      .text(n.list.heading)
      .fontSize(BODY);
    for (const [i, item] of n.list.items.entries()) {
      doc.text(`${i + 1}. ${item}`, left + BODY, doc.y, { width: width - BODY, lineGap: 3 });
    }
    doc.x = left;
  }
  doc.moveDown(0.3);
  for (const p of n.closing ?? []) paragraph(p);
  doc.moveDown(1);
  for (const line of n.signLines ?? []) doc.text(`${line}＿＿＿＿＿＿＿＿  日期：＿＿＿＿＿＿`, { lineGap: 10 });
  doc.moveDown(1);
  const signedY = doc.y;
  doc.text(n.signature.organization, left, signedY, { width, align: 'right' });
  doc.text(isoDateZh(businessDayOf(n.signature.date, n.signature.timeZone)), { width, align: 'right' });
  if (n.qr) {
    const y = Math.min(signedY, doc.page.height - doc.page.margins.bottom - QR_SIDE - 2 * BODY);
    drawQr(doc, n.qr.url, left, y, QR_SIDE);
    doc.fontSize(9).text(n.qr.caption, left, y + QR_SIDE + 4, { width: QR_SIDE, align: 'center' });
  }
  if (n.footer)
    doc.fontSize(9).text(n.footer, left, doc.page.height - doc.page.margins.bottom - 12, { width, align: 'center' });
}

/** One page per paper (a notice in two copies is two pages). */
export function renderNoticePdf(notices: readonly NoticePrint[], title: string): Promise<Buffer> {
  const font = findPdfFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 18 * MM, left: 22 * MM, right: 22 * MM },
    info: { Title: title, Producer: 'Yimen' },
    autoFirstPage: false,
  });
  doc.registerFont('cjk', font.path, font.face);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const n of notices) {
    doc.addPage();
    doc.font('cjk');
    notice(doc, n);
  }
  doc.end();
  return done;
}
