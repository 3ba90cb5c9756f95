import { FingerprintLoginRef, FingerprintLoginRequest, Id, IsoDate, LeaveRequest } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminOf, sendAck, sendError } from './http';
import type { HallServices } from './services';

const EnrolBody = z.object({ terminalId: Id, finger: z.number().int().min(0).max(9) }).strict();
const DayQuery = z.object({ day: IsoDate.optional() });

/**
 * Fingerprints and attendance over HTTP: the admin enrols a clerk's finger on a window's
 * module or removes a leaving clerk's, reads daily attendance and leaders' weeks, records
 * leave; a console signs its clerk in by the window's fingerprint module.
 */
export function registerWindowRoutes(app: FastifyInstance, { hall, fingerprints, attendance }: HallServices): void {
  app.post<{ Params: { id: string } }>('/api/admin/clerks/:id/fingerprints', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    const body = EnrolBody.safeParse(request.body);
    if (!id.success || !body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, await fingerprints.enrol(id.data, body.data.finger, body.data.terminalId), 201);
  });

  app.delete<{ Params: { id: string } }>('/api/admin/clerks/:id/fingerprints', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, fingerprints.remove(id.data));
  });

  app.get('/api/admin/fingerprints', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    return { ok: true, enrolled: fingerprints.enrolled() };
  });

  // Sign-in by fingerprint: the finger on the window's module is the credential; the request's
  // id, which only the console that asked holds, is what the session is handed over for.
  app.post('/api/clerk/fingerprint-login', async (request, reply) => {
    const body = FingerprintLoginRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, await fingerprints.startSignIn(body.data.windowId));
  });

  app.post('/api/clerk/fingerprint-login/wait', async (request, reply) => {
    const body = FingerprintLoginRef.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, await fingerprints.awaitSignIn(body.data.requestId));
  });

  app.post('/api/clerk/fingerprint-login/cancel', async (request, reply) => {
    const body = FingerprintLoginRef.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, fingerprints.cancelSignIn(body.data.requestId));
  });

  app.get<{ Querystring: Record<string, string> }>('/api/admin/attendance', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = DayQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    const day = query.data.day ?? attendance.today();
    return { ok: true, day, records: attendance.daily(day), punches: attendance.punches(day) };
  });

  app.get<{ Querystring: Record<string, string> }>('/api/admin/attendance/leaders', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = DayQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    return { ok: true, leaders: attendance.leaders(query.data.day ?? attendance.today()) };
  });

  app.post('/api/admin/attendance/leave', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const body = LeaveRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, attendance.addLeave(body.data), 201);
  });
}
