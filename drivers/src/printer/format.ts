/** Dates, money and waits as printed on hall papers. */
import { PrinterError } from './errors';

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock time of an instant in the hall's time zone. */
function localTime(epochMs: number, timeZone: string): LocalTime {
  if (!Number.isFinite(epochMs)) throw new PrinterError('invalidInput', `not a time: ${epochMs}`);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(epochMs);
  } catch (error) {
    throw new PrinterError('invalidInput', `unknown time zone ${JSON.stringify(timeZone)}`, { cause: error });
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 2025-03-05 09:07 */
export function formatDateTime(epochMs: number, timeZone: string): string {
  const t = localTime(epochMs, timeZone);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** 2025年3月5日 */
export function formatDateZh(epochMs: number, timeZone: string): string {
  const t = localTime(epochMs, timeZone);
  return `${t.year}年${t.month}月${t.day}日`;
}

/** ￥12.50 from fen; the full-width sign prints on every Chinese printer. */
export function formatYuan(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) {
    throw new PrinterError('invalidInput', `fee must be a whole number of fen, got ${amountFen}`);
  }
  const yuan = Math.floor(amountFen / 100);
  return `\uffe5${yuan}.${pad2(amountFen % 100)}`;
}
