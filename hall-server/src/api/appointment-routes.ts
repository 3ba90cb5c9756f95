import { BookingCode, BookingRequest, SlotsQuery, zhCN } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { sendAck, sendError } from './http';
import type { HallServices } from './services';

/**
 * The appointment API a provincial platform books through (documented in /api/openapi.json).
 * Answers carry masked holders and phones only; the hall's own booking page uses the same service.
 */
export function registerAppointmentRoutes(app: FastifyInstance, { appointments }: HallServices): void {
  app.get('/api/appointments/categories', async () => ({ ok: true, categories: appointments.categories() }));

  app.get('/api/appointments/slots', async (request, reply) => {
    const query = SlotsQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    return sendAck(reply, appointments.slots(query.data.categoryId));
  });

  app.post('/api/appointments', async (request, reply) => {
    const body = BookingRequest.safeParse(request.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      return sendError(
        reply,
        400,
        'BAD_REQUEST',
        issue ? `${zhCN.errorMessage.BAD_REQUEST}：${issue.message}` : undefined,
      );
    }
    return sendAck(reply, appointments.book(body.data, 'platform'), 201);
  });

  app.get<{ Params: { code: string } }>('/api/appointments/:code', async (request, reply) => {
    const code = BookingCode.safeParse(request.params.code);
    const appointment = code.success ? appointments.byCode(code.data) : null;
    if (!appointment) return sendError(reply, 404, 'NOT_FOUND', '未找到该预约');
    return { ok: true, appointment };
  });

  app.post<{ Params: { code: string } }>('/api/appointments/:code/cancel', async (request, reply) => {
    const code = BookingCode.safeParse(request.params.code);
    if (!code.success) return sendError(reply, 404, 'NOT_FOUND', '未找到该预约');
    return sendAck(reply, appointments.cancel(code.data));
  });
}
