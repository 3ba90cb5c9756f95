import { DisplaySettings, Id, NoticeRequest } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { adminOf, sendAck, sendError } from './http';
import type { HallServices } from './services';

/**
 * What the hall manager sets for the displays (a REST call now, the admin console later):
 * the notice line all of them show, and each display's layout and filters.
 */
export function registerDisplayRoutes(app: FastifyInstance, { hall, terminals }: HallServices): void {
  app.put('/api/admin/notice', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const body = NoticeRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST', '公告不能超过200字');
    return sendAck(reply, hall.setNotice(body.data.text));
  });

  app.get<{ Params: { id: string } }>('/api/admin/terminals/:id/display-settings', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'BAD_REQUEST');
    return { ok: true, settings: terminals.displaySettings(id.data) };
  });

  app.put<{ Params: { id: string } }>('/api/admin/terminals/:id/display-settings', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    const body = DisplaySettings.safeParse(request.body);
    if (!id.success || !body.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, terminals.setDisplaySettings(id.data, body.data));
  });
}
