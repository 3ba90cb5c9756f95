import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'WINDOW_BUSY',
  'WINDOW_NOT_OPEN',
  'QUEUE_EMPTY',
  'ID_LIMIT',
  'INVALID_ID_CARD',
  'CATEGORY_FULL',
  'RECALL_LIMIT',
  'REQUEUE_LIMIT',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'ID_CARD_REQUIRED',
  'OUTSIDE_HOURS',
  'ALREADY_HOLDING',
  'REPRINT_LIMIT',
  'CHECK_IN_TOO_EARLY',
  'CHECK_IN_TOO_LATE',
  'SLOT_FULL',
  'BOOKING_LIMIT',
  'BOOKING_BARRED',
  'BOOKING_CLOSED',
  'CANCEL_TOO_LATE',
  'MATERIALS_INCOMPLETE',
  'SUPPLEMENT_NOT_ALLOWED',
  'DISHONESTY_LISTED',
  'PLEDGE_TOO_LATE',
  'MATERIALS_OUTSTANDING',
  'STORAGE',
  /** Nobody is signed in at the window a caller keypad or fingerprint belongs to. */
  'NO_CLERK',
  'ALREADY_RATED',
  /** The ticket cannot be rated (not finished, or finished too long ago). */
  'RATING_CLOSED',
  /** The window's terminal is not connected, or did not answer in time. */
  'TERMINAL_OFFLINE',
  /** The fingerprint module could not enrol or identify (bad image, mismatch, no match, timeout). */
  'FINGERPRINT_FAILED',
  /** Client side: no answer from the hall in time; the command may or may not have been done. */
  'UNREACHABLE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** `message` is zh-CN, fit to show to the person at the terminal. */
export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Failure = { ok: false; error: ErrorBody };
export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;
