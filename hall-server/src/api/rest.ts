import { ClerkLoginRequest, type PublicConfig, zhCN } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HallService } from './hall-service';
import { httpStatus, sendError } from './http';

export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
const LogoutRequest = z.object({ session: z.string().min(16).max(200) });

/** REST: health, public config, queue snapshot, clerk login/logout, the ticket status (the page itself: rating-routes.ts). */
export function registerRoutes(app: FastifyInstance, service: HallService, startedAt: number): void {
  const publicConfig = (): PublicConfig => ({
    hallName: service.config.hallName,
    publicUrl: service.publicUrl,
    timeZone: service.config.rules.timeZone,
    departments: [...service.config.departments],
    categories: [...service.config.categories],
    items: [...service.config.items],
    windows: [...service.config.windows],
    clerks: [...service.config.clerks],
    bundles: [...(service.config.bundles ?? [])],
    ratings: service.config.rules.ratings,
    complaintPhone: service.config.rules.complaintPhone,
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) console.error(`[rest] ${error.message}`);
    return sendError(reply, status, status === 500 ? 'INTERNAL' : 'BAD_REQUEST');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND'));

  app.get('/api/health', async () => ({
    ok: true,
    seq: service.lastSeq,
    businessDay: service.businessDay,
    uptimeSec: Math.round((Date.now() - startedAt) / 1000),
  }));

  app.get('/api/config', async () => publicConfig());

  // Public: any phone or TV on the LAN may read it, so it carries no holder data, not even masked.
  app.get('/api/queue', async () => service.snapshot('public'));

  app.post('/api/clerk/login', async (request, reply) => {
    const body = ClerkLoginRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    const result = await service.login(body.data.staffNo, body.data.password, body.data.windowId);
    return result.ok ? result : reply.status(httpStatus(result.error.code)).send(result);
  });

  app.post('/api/clerk/logout', async (request, reply) => {
    const body = LogoutRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST');
    const result = service.logout(body.data.session);
    return result.ok ? result : reply.status(httpStatus(result.error.code)).send(result);
  });

  app.get<{ Params: { token: string } }>('/api/tickets/:token/status', async (request, reply) => {
    const token = Token.safeParse(request.params.token);
    const view = token.success ? service.ticketStatus(token.data) : null;
    if (!view) return sendError(reply, 404, 'NOT_FOUND', zhCN.statusPage.notFound);
    return view;
  });
}
