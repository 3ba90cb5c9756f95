/** Waiting for a printer state, shared by the printer's tests. */
import { waitUntil } from '../transport/test-support';
import type { EscPosPrinter, PrinterState } from './printer';

/** Resolves with the printer's state once `ok` accepts it. */
export function untilPrinter(
  printer: EscPosPrinter,
  ok: (state: PrinterState) => boolean,
  timeoutMs = 3000,
): Promise<PrinterState> {
  return waitUntil(
    'printer state',
    () => ({ device: printer.status, printer: printer.printerStatus }),
    (listener) => printer.onStatus(listener),
    ok,
    timeoutMs,
  );
}
