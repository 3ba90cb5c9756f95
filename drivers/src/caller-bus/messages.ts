/**
 * What the bus frames mean. Device side: FUNC 11 is an evaluator frame (DATA[0] is the
 * rating), any other FUNC is a keypad frame whose last data byte is the key. Host side: acks,
 * the keypad's 6-cell digit display (FUNC 02) and a beep (FUNC 03), as QueueSystem sends them.
 */
import type { RatingLevel } from '@yimen/protocol';
import { type BusFrame, CallerBusError, FUNC_OFFSET } from './codec';

export const FUNC_RATING = 0x11;
/** The host acks a rating with FUNC 01 instead of an echo. */
export const FUNC_RATING_ACK = 0x01;
/** What our simulated keypads send; deployed hosts accept any FUNC other than 11 as a key. */
export const FUNC_KEY = 0x01;
export const FUNC_DISPLAY = 0x02;
export const FUNC_BEEP = 0x03;

export const KEY_CONFIRM = 0x0f;
/** A display cell showing nothing. */
export const BLANK_CELL = 0x0a;

export type CallerAction =
  | 'call'
  | 'recall'
  | 'requestRating'
  | 'pause'
  | 'transfer'
  | 'giveUp'
  | 'hold'
  | 'callBack'
  | 'confirm';

/** Keys that act alone. */
export const KEY_CODES = {
  call: 0x0c,
  recall: 0x0d,
  requestRating: 0x0b,
  pause: 0x12,
  transfer: 0x13,
} as const satisfies Partial<Record<CallerAction, number>>;

/** Digits that, followed by the confirm key 0F, mean an action. */
export const CONFIRM_DIGITS = { giveUp: 6, hold: 0, callBack: 3 } as const satisfies Partial<
  Record<CallerAction, number>
>;

const ACTION_BY_KEY = new Map<number, CallerAction>(
  Object.entries(KEY_CODES).map(([action, code]) => [code, action as CallerAction]),
);
const ACTION_BY_DIGIT = new Map<number, CallerAction>(
  Object.entries(CONFIRM_DIGITS).map(([action, digit]) => [digit, action as CallerAction]),
);

/**
 * Evaluator value → level. No source documents the values; this default reads them best
 * first (0 = 非常满意 … 4 = 非常不满意). Configure per installation.
 */
export const DEFAULT_RATING_VALUES: Readonly<Record<number, RatingLevel>> = {
  0: 'verySatisfied',
  1: 'satisfied',
  2: 'basic',
  3: 'dissatisfied',
  4: 'veryDissatisfied',
};

export type CallerBusEvent =
  | { type: 'key'; address: number; action: CallerAction; digit?: number }
  | { type: 'rating'; address: number; level: RatingLevel; value: number };

export function interpretDeviceFrame(
  frame: BusFrame,
  ratingValues: Readonly<Record<number, RatingLevel>> = DEFAULT_RATING_VALUES,
): CallerBusEvent {
  const { address, func, data } = frame;
  if (data.length === 0) throw new CallerBusError('no-data', `frame from ${address} carries no data`);
  if (func === FUNC_RATING) {
    const value = data[0] as number;
    const level = ratingValues[value];
    if (!level) throw new CallerBusError('unknown-rating', `evaluator ${address} sent unknown rating value ${value}`);
    return { type: 'rating', address, level, value };
  }
  const key = data[data.length - 1] as number;
  if (key === KEY_CONFIRM) {
    if (data.length < 2) return { type: 'key', address, action: 'confirm' };
    const digit = data[data.length - 2] as number;
    return { type: 'key', address, action: ACTION_BY_DIGIT.get(digit) ?? 'confirm', digit };
  }
  const action = ACTION_BY_KEY.get(key);
  if (!action) throw new CallerBusError('unknown-key', `keypad ${address} sent unknown key ${key.toString(16)}`);
  return { type: 'key', address, action };
}

/**
 * What the host answers a whole, well-formed device frame with: its bytes echoed verbatim, or
 * for a rating the same bytes with FUNC 01 and CS 0x10 less, as QueueSystem answers. Derived
 * from the bytes received, the ack fits the device's checksum range even where ours differs
 * (every range includes FUNC).
 */
export function ackBytes(raw: Uint8Array): Buffer {
  const ack = Buffer.from(raw);
  if (ack[FUNC_OFFSET] !== FUNC_RATING) return ack;
  const cs = ack.length - 2;
  ack[FUNC_OFFSET] = FUNC_RATING_ACK;
  ack[cs] = ((ack[cs] as number) - (FUNC_RATING - FUNC_RATING_ACK)) & 0xff;
  return ack;
}

/** The data bytes a keypad sends for an action (digit + 0F for the confirmed ones). */
export function keyData(action: CallerAction, digit?: number): Uint8Array {
  if (action === 'confirm') {
    return digit === undefined ? Uint8Array.of(KEY_CONFIRM) : Uint8Array.of(digit, KEY_CONFIRM);
  }
  if (action in CONFIRM_DIGITS)
    return Uint8Array.of(CONFIRM_DIGITS[action as keyof typeof CONFIRM_DIGITS], KEY_CONFIRM);
  return Uint8Array.of(KEY_CODES[action as keyof typeof KEY_CODES]);
}

/** Cell values 0..9 for a number, right-aligned in `width` cells, capped at all nines. */
function digitCells(value: number, width: number): number[] {
  const capped = Math.min(Math.max(0, Math.trunc(value)), 10 ** width - 1);
  return [...capped.toString().padStart(width, '0')].map(Number);
}

/**
 * The keypad display: three cells of waiting count, then three of ticket digits; a blank
 * half is 0A 0A 0A. QueueSystem shows the last three digits of the ticket number.
 */
export function displayFrame(address: number, show: { waiting?: number; ticket?: string }): BusFrame {
  const blank = [BLANK_CELL, BLANK_CELL, BLANK_CELL];
  const waiting = show.waiting === undefined ? blank : digitCells(show.waiting, 3);
  const digits = show.ticket?.replace(/\D/g, '') ?? '';
  const ticket = digits === '' ? blank : digitCells(Number(digits.slice(-3)), 3);
  return { address, func: FUNC_DISPLAY, data: Uint8Array.from([...waiting, ...ticket]) };
}

export function beepFrame(address: number): BusFrame {
  return { address, func: FUNC_BEEP, data: new Uint8Array(0) };
}

/** Reads a display frame's cells back as text (a blank cell is a space), for the simulator. */
export function readDisplay(frame: BusFrame): { waiting: string; ticket: string } {
  const text = (cells: Uint8Array) => [...cells].map((c) => (c <= 9 ? String(c) : ' ')).join('');
  return { waiting: text(frame.data.subarray(0, 3)), ticket: text(frame.data.subarray(3, 6)) };
}
