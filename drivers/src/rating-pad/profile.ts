/**
 * HID satisfaction pads publish no report format, so each model is described by a profile:
 * where the key code sits in its input report and which key means which level.
 */
import type { RatingLevel } from '@yimen/protocol';

export interface RatingPadProfile {
  vendorId: number;
  productId: number;
  /** The interface to open when the pad has several; vendor pages are 0xFF00..0xFFFF. */
  usagePage?: number;
  /**
   * First byte of every input report as hidraw delivers it; 0 for a pad that does not
   * number its reports (then byte 0 is data and is not checked).
   */
  reportId: number;
  /** Index of the key code byte in the report as delivered (report id byte included). */
  keyByteIndex: number;
  /** Key code → level; code 0 means no key is down and must not be listed. */
  keys: Record<number, RatingLevel>;
}

/**
 * The profile of our reference pad, and the one the simulator speaks: VID 1209 (pid.codes,
 * PID 0001 is its test id), a vendor usage page FF00, report 01 with the key code in byte 1,
 * keys 1..5 from best to worst. A purchased pad gets its own profile in the terminal config.
 *
 *   01 03 00 00 00 00 00 00   key 3 down → 基本满意
 *   01 00 00 00 00 00 00 00   released
 */
export const DEFAULT_RATING_PAD_PROFILE: RatingPadProfile = {
  vendorId: 0x1209,
  productId: 0x0001,
  usagePage: 0xff00,
  reportId: 0x01,
  keyByteIndex: 1,
  keys: {
    1: 'verySatisfied',
    2: 'satisfied',
    3: 'basic',
    4: 'dissatisfied',
    5: 'veryDissatisfied',
  },
};

/** What a citizen reads for each level (好差评). */
export const RATING_LABELS: Readonly<Record<RatingLevel, string>> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};
