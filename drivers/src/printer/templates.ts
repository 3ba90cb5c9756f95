/** The papers a hall prints: queue ticket, one-time materials list, generic notice. */
import { maskName, zhCN } from '@yimen/protocol';
import { PrinterError } from './errors';
import { formatDateTime, formatDateZh, formatYuan } from './format';
import { Receipt } from './receipt';
import type { MaterialEntry, MaterialsListPrint, NoticePrint, RenderOptions, TicketPrint } from './types';

function checkWidth(options: RenderOptions): void {
  if (options.width !== 58 && options.width !== 80) {
    throw new PrinterError('invalidInput', `paper width must be 58 or 80 mm, got ${String(options.width)}`);
  }
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PrinterError('invalidInput', `${name} must be a whole number ≥ 0, got ${value}`);
  }
}

export function renderTicket(ticket: TicketPrint, options: RenderOptions): Buffer {
  checkWidth(options);
  checkCount('aheadCount', ticket.aheadCount);
  const issued = formatDateTime(ticket.issuedAt, ticket.timeZone);
  const r = new Receipt(options.width);
  const bigNumber = options.width === 58 ? 4 : 5;

  const hall = r.fitSize(ticket.hallName, 2);
  r.text(ticket.hallName, { align: 'center', size: [hall, hall], bold: true });
  r.blank();
  const category = r.fitSize(ticket.categoryName, 2);
  r.text(ticket.categoryName, { align: 'center', size: [category, 2], bold: true });
  r.text(ticket.number, { align: 'center', size: [r.fitSize(ticket.number, bigNumber), bigNumber], bold: true });
  if (ticket.priorityLabel) r.text(`【${ticket.priorityLabel}】`, { align: 'center', bold: true });
  r.rule();
  r.field('取号时间', issued);
  r.field('前面等候', `${ticket.aheadCount} 人`);
  r.field(zhCN.wait.label, ticket.waitText ?? zhCN.waitText(ticket.estimatedWaitMin, true));
  if (ticket.windowHint) r.field('办理窗口', ticket.windowHint);
  if (ticket.holderNameMasked) r.field('取号人', maskName(ticket.holderNameMasked));
  r.rule();
  r.qr(ticket.statusUrl);
  r.text('扫码查看排队进度', { align: 'center' });
  r.rule();
  r.text('请留意叫号，过号请重新排队。', { bold: true });
  if (ticket.footer) r.text(ticket.footer, { align: 'center' });
  return r.finish();
}

const FORM_TEXT = {
  original: (copies: number) => `原件${copies}份`,
  copy: (copies: number) => `复印件${copies}份`,
  originalAndCopy: (copies: number) => `原件及复印件各${copies}份`,
} as const;

function materialLine(m: MaterialEntry): string {
  checkCount('copies', m.copies);
  const form = FORM_TEXT[m.form];
  if (!form) throw new PrinterError('invalidInput', `unknown material form ${String(m.form)}`);
  const detail = m.note ? `${form(m.copies)}；${m.note}` : form(m.copies);
  return `${m.name}（${m.required ? '必交' : '选交'}）\n${detail}`;
}

function checkDays(name: string, days: number): void {
  if (!Number.isSafeInteger(days) || days < 0) throw new PrinterError('invalidInput', `${name}: bad day count ${days}`);
}

/** The one-time materials list (一次性告知单): conditions, materials, time limits, fee, contact. */
export function renderMaterialsList(list: MaterialsListPrint, options: RenderOptions): Buffer {
  checkWidth(options);
  checkDays('promisedTimeLimitDays', list.promisedTimeLimitDays);
  if (list.legalTimeLimitDays !== undefined) checkDays('legalTimeLimitDays', list.legalTimeLimitDays);
  const date = formatDateZh(list.issuedAt, list.timeZone);
  const fee = list.fee && list.fee.amountFen > 0 ? formatYuan(list.fee.amountFen) : null;
  const r = new Receipt(options.width);

  r.text(list.hallName, { align: 'center', bold: true });
  r.text('一次性告知单', { align: 'center', size: [2, 2], bold: true });
  r.blank();
  r.field('事项名称', list.itemName);
  if (list.itemCode) r.field('事项编码', list.itemCode);
  r.field('实施部门', list.department);
  r.rule();

  r.text('一、受理条件', { bold: true });
  if (list.conditions.length > 0) r.numbered(list.conditions);
  else r.text('无特别条件。');

  r.text('二、申请材料', { bold: true });
  if (list.materials.length > 0) r.numbered(list.materials.map(materialLine));
  else r.text('无需提交材料。');

  r.text('三、办理时限', { bold: true });
  if (list.legalTimeLimitDays !== undefined) r.field('法定时限', `${list.legalTimeLimitDays}个工作日`);
  r.field('承诺时限', `${list.promisedTimeLimitDays}个工作日`);

  r.text('四、收费标准', { bold: true });
  if (fee === null) r.text('不收费');
  else r.field('收费金额', fee);
  if (fee !== null && list.fee?.basis) r.field('收费依据', list.fee.basis);

  const { phone, address, window } = list.contact;
  if (phone || address || window) {
    r.text('五、咨询方式', { bold: true });
    if (window) r.field('办理窗口', window);
    if (phone) r.field('咨询电话', phone);
    if (address) r.field('办理地点', address);
  }
  r.rule();
  if (list.guideUrl) {
    r.qr(list.guideUrl);
    r.text('扫码在手机上查看办事指南', { align: 'center' });
    r.rule();
  }
  r.text('以上材料已一次性告知，请按清单准备齐全。');
  r.text(`告知日期：${date}`, { align: 'right' });
  if (list.footer) r.text(list.footer, { align: 'center' });
  return r.finish();
}

/**
 * A case paper (告知书, 通知书): title, labelled fields, paragraphs, a numbered list under its
 * heading, closing paragraphs, lines to sign on, organisation and date at the bottom right,
 * and the QR code of the case's progress page.
 */
export function renderNotice(notice: NoticePrint, options: RenderOptions): Buffer {
  checkWidth(options);
  const date = formatDateZh(notice.signature.date, notice.signature.timeZone);
  const r = new Receipt(options.width);
  const paragraph = (text: string) => r.text(`　　${text}`);

  if (notice.copy) r.text(notice.copy, { align: 'right' });
  r.text(notice.title, { align: 'center', size: [r.fitSize(notice.title, 2), 2], bold: true });
  if (notice.documentNumber) r.text(notice.documentNumber, { align: 'center' });
  r.blank();
  if (notice.fields?.length) {
    for (const f of notice.fields) r.field(f.label, f.value);
    r.rule();
  }
  if (notice.recipient) r.text(notice.recipient);
  if (notice.paragraphs.length === 1) paragraph(notice.paragraphs[0] as string);
  else r.numbered(notice.paragraphs);
  if (notice.list) {
    r.text(notice.list.heading, { bold: true });
    r.numbered(notice.list.items);
  }
  for (const p of notice.closing ?? []) paragraph(p);
  for (const line of notice.signLines ?? []) {
    r.blank();
    r.text(line);
  }
  r.blank();
  r.text(notice.signature.organization, { align: 'right' });
  r.text(date, { align: 'right' });
  if (notice.qr) {
    r.rule();
    r.qr(notice.qr.url);
    r.text(notice.qr.caption, { align: 'center' });
  }
  if (notice.footer) {
    r.rule();
    r.text(notice.footer, { align: 'center' });
  }
  return r.finish();
}
