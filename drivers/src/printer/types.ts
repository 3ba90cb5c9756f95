/** What the templates print. Times are epoch milliseconds, shown in the hall's IANA time zone. */

/** 58 mm paper: 32 half-width columns (384 dots); 80 mm: 48 columns (576 dots). */
export type PaperWidth = 58 | 80;

export interface RenderOptions {
  width: PaperWidth;
}

/** The queue ticket a kiosk prints. */
export interface TicketPrint {
  hallName: string;
  /** Ticket number, e.g. A012. */
  number: string;
  categoryName: string;
  /** e.g. 老年人优先; absent for ordinary tickets. */
  priorityLabel?: string;
  issuedAt: number;
  timeZone: string;
  aheadCount: number;
  estimatedWaitMin: number;
  /** The ticket's status page; printed as the QR code. */
  statusUrl: string;
  /** Already masked (张*三); masked again before printing in case it was not. */
  holderNameMasked?: string;
  /** e.g. 3号、4号窗口 */
  windowHint?: string;
  footer?: string;
}

/** How a material is handed in. */
export type MaterialForm = 'original' | 'copy' | 'originalAndCopy';

export interface MaterialEntry {
  name: string;
  required: boolean;
  form: MaterialForm;
  /** Number of copies (份). */
  copies: number;
  /** e.g. 加盖公章, 近期免冠照片. */
  note?: string;
}

/** 一次性告知单: everything a citizen must bring, told once and in writing. */
export interface MaterialsListPrint {
  hallName: string;
  itemName: string;
  /** 事项编码, when the item has one. */
  itemCode?: string;
  department: string;
  conditions: string[];
  materials: MaterialEntry[];
  /** Time limits in working days (工作日). */
  legalTimeLimitDays?: number;
  promisedTimeLimitDays: number;
  /** null or amountFen 0 means the item is free of charge. */
  fee: { amountFen: number; basis?: string } | null;
  contact: { phone?: string; address?: string; window?: string };
  issuedAt: number;
  timeZone: string;
  footer?: string;
}

/** A generic case paper, e.g. 容缺受理通知书. */
export interface NoticePrint {
  title: string;
  /** 文号, e.g. 容缺〔2025〕12号. */
  documentNumber?: string;
  /** Addressee line, e.g. 张*三： */
  recipient?: string;
  /** Printed as numbered paragraphs when there is more than one. */
  paragraphs: string[];
  signature: { organization: string; date: number; timeZone: string };
  footer?: string;
}
