/**
 * DLE EOT real-time status bytes, both ways: the driver decodes them, the simulator encodes
 * them. Every reply has bit 1 and bit 4 set and bits 0 and 7 clear, so idle is 0x12.
 */
import type { PrinterStatus } from '@yimen/protocol';
import { PrinterError } from './errors';

export type StatusRequest = 1 | 2 | 3 | 4;

const FIXED_MASK = 0x93;
const FIXED_BITS = 0x12;

/** DLE EOT 1: printer status. */
export interface PrinterStatusByte {
  drawerPin3: boolean;
  offline: boolean;
  waitingForRecovery: boolean;
  feedButtonPressed: boolean;
}

/** DLE EOT 2: offline cause. */
export interface OfflineCauseByte {
  coverOpen: boolean;
  feedingByButton: boolean;
  paperEndStop: boolean;
  error: boolean;
}

/** DLE EOT 3: error cause. */
export interface ErrorCauseByte {
  recoverable: boolean;
  cutter: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
}

/** DLE EOT 4: roll paper sensor. */
export interface PaperSensorByte {
  nearEnd: boolean;
  paperOut: boolean;
}

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

/** Rejects bytes that cannot be a status reply (a printer answering something else). */
export function checkStatusByte(n: StatusRequest, byte: number): void {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff || (byte & FIXED_MASK) !== FIXED_BITS) {
    throw new PrinterError('badStatus', `DLE EOT ${n} reply ${byte} is not a status byte`);
  }
}

export function decodePrinterStatus(byte: number): PrinterStatusByte {
  checkStatusByte(1, byte);
  return {
    drawerPin3: bit(byte, 2),
    offline: bit(byte, 3),
    waitingForRecovery: bit(byte, 5),
    feedButtonPressed: bit(byte, 6),
  };
}

export function decodeOfflineCause(byte: number): OfflineCauseByte {
  checkStatusByte(2, byte);
  return { coverOpen: bit(byte, 2), feedingByButton: bit(byte, 3), paperEndStop: bit(byte, 5), error: bit(byte, 6) };
}

export function decodeErrorCause(byte: number): ErrorCauseByte {
  checkStatusByte(3, byte);
  return {
    recoverable: bit(byte, 2),
    cutter: bit(byte, 3),
    unrecoverable: bit(byte, 5),
    autoRecoverable: bit(byte, 6),
  };
}

/** Near end is b2+b3 (0x0C), paper end b5+b6 (0x60); either bit of a pair counts. */
export function decodePaperSensor(byte: number): PaperSensorByte {
  checkStatusByte(4, byte);
  return { nearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
}

/** The replies to DLE EOT 1, 2 and 4 together, as the protocol reports a printer. */
export function toPrinterStatus(replies: { 1: number; 2: number; 4: number }): PrinterStatus {
  const printer = decodePrinterStatus(replies[1]);
  const offline = decodeOfflineCause(replies[2]);
  const paper = decodePaperSensor(replies[4]);
  return {
    online: !printer.offline,
    coverOpen: offline.coverOpen,
    paperNearEnd: paper.nearEnd,
    paperOut: paper.paperOut || offline.paperEndStop,
  };
}

/** The device state a simulated printer answers from. */
export interface SimulatedState {
  paper: 'ok' | 'nearEnd' | 'out';
  coverOpen: boolean;
  /** Taken offline on purpose (e.g. the button), apart from cover and paper. */
  offline: boolean;
}

/** The byte a printer in `state` sends for DLE EOT n; an open cover or no paper takes it offline. */
export function encodeStatusByte(n: StatusRequest, state: SimulatedState): number {
  const paperOut = state.paper === 'out';
  switch (n) {
    case 1:
      return FIXED_BITS | (state.offline || state.coverOpen || paperOut ? 0x08 : 0);
    case 2:
      return FIXED_BITS | (state.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
    case 3:
      return FIXED_BITS;
    case 4:
      return FIXED_BITS | (state.paper === 'nearEnd' ? 0x0c : 0) | (paperOut ? 0x60 : 0);
  }
}

/** Why a printer in this status cannot print, most specific first; null when it can. */
export function printBlocker(status: PrinterStatus): 'paperOut' | 'coverOpen' | 'offline' | null {
  if (status.paperOut) return 'paperOut';
  if (status.coverOpen) return 'coverOpen';
  if (!status.online) return 'offline';
  return null;
}
