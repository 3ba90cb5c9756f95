import { type Ack, type ErrorBody, zhCN } from '@yimen/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TerminalRow } from '../store/auth-repo';
import type { CaseViewer } from './case-service';
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
  MATERIALS_INCOMPLETE: 409,
  SUPPLEMENT_NOT_ALLOWED: 409,
  DISHONESTY_LISTED: 403,
  PLEDGE_TOO_LATE: 409,
  MATERIALS_OUTSTANDING: 409,
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
  const token = bearer(request);
  const terminal = token ? hall.terminalFor(token) : null;
  return terminal?.role === 'admin' ? terminal : null;
}

function bearer(request: FastifyRequest): string | null {
  return /^Bearer\s+(\S{16,200})$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** The admin (terminal token) or a signed-in clerk (session), from `Authorization: Bearer`. */
export function staffOf(request: FastifyRequest, hall: HallService): CaseViewer | null {
  if (adminOf(request, hall)) return { role: 'admin' };
  const token = bearer(request);
  return token ? hall.sessionFor(token) : null;
}
