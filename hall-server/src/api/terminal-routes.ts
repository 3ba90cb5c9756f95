import { EnrolRequest, Id } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminOf, sendAck, sendError } from './http';
import type { HallServices } from './services';

const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/**
 * Terminal enrolment and the devices' history: the admin (a REST call now, the admin
 * console later) makes a one-time code; the terminal trades it for its token.
 */
export function registerTerminalRoutes(app: FastifyInstance, { hall, terminals }: HallServices): void {
  app.post<{ Params: { id: string } }>('/api/admin/terminals/:id/enrolment-code', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, terminals.createEnrolmentCode(id.data), 201);
  });

  app.get('/api/admin/terminals', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    return {
      ok: true,
      terminals: terminals.overview().map((t) => ({
        ...t,
        devices: t.devices.map(({ kind, state, reason, at }) => ({ kind, state, reason, at })),
      })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/admin/terminals/:id/devices', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    const query = HistoryQuery.safeParse(request.query);
    if (!id.success || !query.success) return sendError(reply, 400, 'BAD_REQUEST');
    return { ok: true, history: terminals.history(id.data, query.data.limit) };
  });

  app.post('/api/terminals/enrol', async (request, reply) => {
    const body = EnrolRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST', body.error.issues[0]?.message);
    return sendAck(reply, terminals.enrol(body.data.code));
  });
}
