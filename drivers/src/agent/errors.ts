/**
 * Turns whatever a driver throws into a BridgeError: a code a terminal can switch on and a
 * zh-CN message it can show, so a failure crosses IPC or the WebSocket as a value.
 */
import type { BridgeError, BridgeErrorCode, DeviceKind } from '@yimen/protocol';
import { CallerBusError } from '../caller-bus/codec';
import { R30xError } from '../fingerprint/r30x-codec';
import { FingerprintRejectedError } from '../fingerprint/scanner';
import { LedCodecError } from '../led/codec';
import { PrinterError, type PrinterErrorCode } from '../printer/errors';
import { DeviceError, type DeviceErrorKind } from '../transport/transport';

export const DEVICE_LABELS: Readonly<Record<DeviceKind, string>> = {
  idcard: '身份证阅读器',
  fingerprint: '指纹仪',
  printer: '打印机',
  ratingPad: '评价器',
  callerBus: '呼叫器',
  led: 'LED 屏',
};

const PRINTER_CODES: Readonly<Record<PrinterErrorCode, BridgeErrorCode>> = {
  paperOut: 'paperOut',
  coverOpen: 'coverOpen',
  offline: 'offline',
  timeout: 'timeout',
  absent: 'absent',
  io: 'io',
  badStatus: 'protocol',
  invalidInput: 'invalidInput',
  noFont: 'unsupported',
};

const DEVICE_CODES: Readonly<Record<DeviceErrorKind, BridgeErrorCode>> = {
  absent: 'absent',
  closed: 'absent',
  timeout: 'timeout',
  io: 'io',
  protocol: 'protocol',
  unsupported: 'unsupported',
};

const DEVICE_MESSAGES: Partial<Record<BridgeErrorCode, string>> = {
  absent: '未连接',
  timeout: '无响应',
  io: '通信故障',
  protocol: '应答异常',
  unsupported: '不受支持',
  invalidInput: '：指令内容有误',
};

export function bridgeError(code: BridgeErrorCode, message: string, detail?: string): BridgeError {
  return detail === undefined ? { code, message } : { code, message, detail };
}

export function notConfigured(kind: DeviceKind): BridgeError {
  return bridgeError('notConfigured', `本终端未配置${DEVICE_LABELS[kind]}`);
}

/** What `error`, thrown while working with the device `kind`, means to the terminal. */
export function toBridgeError(kind: DeviceKind, error: unknown): BridgeError {
  const label = DEVICE_LABELS[kind];
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof PrinterError) return bridgeError(PRINTER_CODES[error.code], error.zh, detail);
  if (error instanceof FingerprintRejectedError) {
    return bridgeError('rejected', `${label}：${error.confirmation.zh}`, detail);
  }
  let code: BridgeErrorCode = 'internal';
  if (error instanceof DeviceError) code = DEVICE_CODES[error.kind];
  else if (error instanceof LedCodecError) code = 'invalidInput';
  else if (error instanceof CallerBusError) code = 'protocol';
  else if (error instanceof R30xError) code = error.code === 'badArgument' ? 'invalidInput' : 'protocol';
  const suffix = DEVICE_MESSAGES[code];
  return bridgeError(code, suffix ? `${label}${suffix}` : `${label}出现内部错误`, detail);
}
