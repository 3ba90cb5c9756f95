import { type Ack, type ErrorBody, zhCN } from '@yimen/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TerminalRow } from '../store/auth-repo';
import type { HallService } from './hall-service';

const HTTP_STATUS: Partial<Record<ErrorBody['code'], number>> = {
  BAD_REQUEST: 400,
  INVALID_ID_CARD: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WINDOW_BUSY: 409,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  SLOT_FULL: 409,
  BOOKING_LIMIT: 409,
  BOOKING_BARRED: 403,
  BOOKING_CLOSED: 409,
  CANCEL_TOO_LATE: 409,
  TOO_MANY_ATTEMPTS: 429,
  NO_CLERK: 409,
  ALREADY_RATED: 409,
  RATING_CLOSED: 409,
  TERMINAL_OFFLINE: 503,
  FINGERPRINT_FAILED: 422,
};

export const httpStatus = (code: ErrorBody['code']): number => HTTP_STATUS[code] ?? 500;

export function sendError(reply: FastifyReply, status: number, code: ErrorBody['code'], message?: string) {
  return reply.status(status).send({ ok: false, error: { code, message: message ?? zhCN.errorMessage[code] } });
}

/** An ack as an HTTP answer: 200 (or `okStatus`) with it, or its error with the matching status. */
export function sendAck(reply: FastifyReply, result: Ack, okStatus = 200) {
  return reply.status(result.ok ? okStatus : httpStatus(result.error.code)).send(result);
}

/** The admin terminal whose token the request carries as `Authorization: Bearer`; never a token in a URL. */
export function adminOf(request: FastifyRequest, hall: HallService): TerminalRow | null {
  const match = /^Bearer\s+(\S{16,200})$/i.exec(request.headers.authorization ?? '');
  const terminal = match?.[1] ? hall.terminalFor(match[1]) : null;
  return terminal?.role === 'admin' ? terminal : null;
}
