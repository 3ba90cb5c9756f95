/**
 * SW3 status codes of the SAM protocol (the third status byte of every reply). Meanings
 * follow the SAM_V command table as carried by HslCommunication's GetErrorDescription.
 */

export type SamStatusKey =
  | 'ok'
  | 'noContent'
  | 'cardFound'
  | 'checksumError'
  | 'lengthError'
  | 'commandError'
  | 'unauthorized'
  | 'unknownError'
  | 'cardAuthSamFailed'
  | 'samAuthCardFailed'
  | 'verifyFailed'
  | 'unknownCardType'
  | 'readFailed'
  | 'randomFailed'
  | 'samSelfTestFailed'
  | 'samNotAuthorized'
  | 'findFailed'
  | 'selectFailed'
  | 'unlisted';

export interface SamStatusInfo {
  sw3: number;
  key: SamStatusKey;
  /** A result the command asked for (success, card found, nothing there), not a failure. */
  success: boolean;
  zh: string;
  en: string;
}

const TABLE: readonly (readonly [number, SamStatusKey, boolean, string, string])[] = [
  [0x90, 'ok', true, '操作成功', 'success'],
  [0x91, 'noContent', true, '此项无内容', 'no content for this item'],
  [0x9f, 'cardFound', true, '寻找证/卡成功', 'card found'],
  [0x10, 'checksumError', false, '接收业务终端数据的校验和错', 'checksum error in the received command'],
  [0x11, 'lengthError', false, '接收业务终端数据的长度错', 'length error in the received command'],
  [0x21, 'commandError', false, '接收业务终端的命令错误', 'command error'],
  [0x23, 'unauthorized', false, '越权操作', 'unauthorised operation'],
  [0x24, 'unknownError', false, '无法识别的错误', 'unknown error'],
  [0x31, 'cardAuthSamFailed', false, '证/卡认证机具失败', 'card authenticating SAM failed'],
  [0x32, 'samAuthCardFailed', false, '机具认证证/卡失败', 'SAM authenticating card failed'],
  [0x33, 'verifyFailed', false, '信息验证错误', 'information verification error'],
  [0x40, 'unknownCardType', false, '无法识别的卡类型', 'unknown card type'],
  [0x41, 'readFailed', false, '读证/卡操作失败', 'read card failed'],
  [0x47, 'randomFailed', false, '取随机数失败', 'get random number failed'],
  [0x60, 'samSelfTestFailed', false, 'SAM 自检失败，不能接收命令', 'SAM self-test failed'],
  [0x66, 'samNotAuthorized', false, 'SAM 未经授权，无法使用', 'SAM not authorised'],
  [0x80, 'findFailed', false, '寻找证/卡失败', 'find card failed'],
  [0x81, 'selectFailed', false, '选取证/卡失败', 'select card failed'],
];

export const SAM_STATUS: ReadonlyMap<number, SamStatusInfo> = new Map(
  TABLE.map(([sw3, key, success, zh, en]) => [sw3, { sw3, key, success, zh, en }]),
);

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** The meaning of an SW3 byte; codes outside the table come back as `unlisted`. */
export function samStatus(sw3: number): SamStatusInfo {
  return (
    SAM_STATUS.get(sw3) ?? {
      sw3,
      key: 'unlisted',
      success: false,
      zh: `未知状态码 ${hex(sw3)}`,
      en: `unlisted status ${hex(sw3)}`,
    }
  );
}

/** A reply whose SW3 reports a failure, with its meaning in Chinese and English. */
export class SamStatusError extends Error {
  readonly code: SamStatusKey;
  readonly sw3: number;
  readonly zh: string;

  constructor(sw3: number) {
    const info = samStatus(sw3);
    super(`SAM ${info.en} (SW3 ${hex(sw3)})`);
    this.name = 'SamStatusError';
    this.code = info.key;
    this.sw3 = sw3;
    this.zh = info.zh;
  }
}
