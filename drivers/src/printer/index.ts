/** ESC/POS ticket and notice printer: builder, templates, decoder, status, device, simulator. */
export {
  type Align,
  type CutOptions,
  EscPosBuilder,
  type QrErrorCorrection,
  type QrOptions,
  statusRequest,
} from './builder';
export {
  type DecodedItem,
  type DecodedLine,
  type DecodedQr,
  type DecodedRaster,
  type DecodeIssue,
  type DecodeIssueCode,
  type DecodeResult,
  type DecoderEvents,
  decode,
  EscPosDecoder,
  type StatusQuery,
  type TextStyle,
} from './decode';
export { PrinterError, type PrinterErrorCode } from './errors';
export { EscPosPrinter, type EscPosPrinterOptions, type PrinterState } from './printer';
export { PAPER_COLUMNS, PAPER_DOTS } from './receipt';
export { ensureCjkFont, findCjkFont, type PngOptions, renderPng } from './render-png';
export {
  type PrintedDocument,
  PrinterSimulator,
  type PrinterSimulatorOptions,
  startTcpPrinterSimulator,
  type TcpPrinterSimulator,
} from './simulator';
export {
  decodeErrorCause,
  decodeOfflineCause,
  decodePaperSensor,
  decodePrinterStatus,
  encodeStatusByte,
  printBlocker,
  type SimulatedState,
  type StatusRequest,
  toPrinterStatus,
} from './status';
export { renderMaterialsList, renderNotice, renderTicket } from './templates';
export { charColumns, decodeText, encodeText, textColumns } from './text';
export type {
  MaterialEntry,
  MaterialForm,
  MaterialsListPrint,
  NoticePrint,
  PaperWidth,
  RenderOptions,
  TicketPrint,
} from './types';
