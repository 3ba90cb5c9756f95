/** The one error type the printer driver throws, so callers can switch on `code`. */

export type PrinterErrorCode =
  | 'paperOut'
  | 'coverOpen'
  | 'offline'
  | 'timeout'
  | 'absent'
  | 'io'
  | 'badStatus'
  | 'invalidInput'
  | 'noFont';

/** What a clerk or citizen reads when a print fails. */
const ZH: Record<PrinterErrorCode, string> = {
  paperOut: '打印机缺纸，请联系工作人员换纸',
  coverOpen: '打印机仓盖未关好',
  offline: '打印机离线',
  timeout: '打印机无响应',
  absent: '未连接打印机',
  io: '打印机通信故障',
  badStatus: '打印机状态异常',
  invalidInput: '打印内容有误',
  noFont: '缺少中文字体，无法生成票据图片',
};

export class PrinterError extends Error {
  /** Simplified Chinese text fit for a terminal screen. */
  readonly zh: string;

  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PrinterError';
    this.zh = ZH[code];
  }
}
