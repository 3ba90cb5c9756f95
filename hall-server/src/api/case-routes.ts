import {
  CalendarException,
  CaseNumber,
  CaseStatus,
  CheckCode,
  DishonestyEntryRequest,
  Id,
  IsoDate,
  NoticeKind,
  zhCN,
} from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { zonedInstant } from '../domain';
import { adminOf, sendAck, sendError, staffOf } from './http';
import { renderNoticePdf } from './notice-pdf';
import type { HallServices } from './services';

const DAY_MS = 86_400_000;

const NoticeParams = z.object({
  id: Id,
  file: z
    .string()
    .regex(/^\w+\.pdf$/)
    .transform((f) => f.slice(0, -4))
    .pipe(NoticeKind),
});

const ProgressQuery = z.object({ code: CheckCode });

const AdminCasesQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: CaseStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const CalendarEntry = CalendarException.omit({ date: true });

/**
 * Cases over HTTP: the notices as PDF for the case's staff, the citizen's progress by number
 * and check code, and the admin's reads (cases, supervision alerts), dishonesty list and calendar.
 * Admin routes take `Authorization: Bearer <admin token>`; nothing personal goes in a URL.
 */
export function registerCaseRoutes(app: FastifyInstance, { hall, cases }: HallServices): void {
  const zone = () => hall.config.rules.timeZone;

  app.get<{ Params: { id: string; file: string } }>('/api/cases/:id/notices/:file', async (request, reply) => {
    const viewer = staffOf(request, hall);
    if (!viewer) return sendError(reply, 401, 'UNAUTHORIZED');
    const params = NoticeParams.safeParse(request.params);
    if (!params.success) return sendError(reply, 404, 'NOT_FOUND');
    const papers = cases.noticePapers(viewer, params.data.id, params.data.file);
    if (!Array.isArray(papers)) return sendAck(reply, papers);
    const pdf = await renderNoticePdf(papers, zhCN.cases.noticeTitle[params.data.file]);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="${params.data.file}.pdf"`)
      .type('application/pdf')
      .send(pdf);
  });

  app.get<{ Params: { number: string } }>('/api/cases/:number/progress', async (request, reply) => {
    const number = CaseNumber.safeParse(request.params.number);
    const query = ProgressQuery.safeParse(request.query);
    const progress = number.success && query.success ? cases.progressByCode(number.data, query.data.code) : null;
    if (!progress) return sendError(reply, 404, 'NOT_FOUND', zhCN.cases.progressNotFound);
    return reply.header('cache-control', 'no-store').send({ ok: true, progress });
  });

  app.get('/api/admin/cases', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = AdminCasesQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    const { from, to, status, limit } = query.data;
    const start = from ? zonedInstant(from, 0, zone()) : 0;
    const end = to ? zonedInstant(to, 0, zone()) + DAY_MS : Number.MAX_SAFE_INTEGER;
    return { ok: true, cases: cases.adminList(start, end, status ?? null, limit) };
  });

  app.get('/api/admin/cases/alerts', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    return { ok: true, businessDay: hall.businessDay, alerts: cases.allAlerts() };
  });

  app.get<{ Params: { number: string } }>('/api/admin/cases/:number', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const number = CaseNumber.safeParse(request.params.number);
    if (!number.success) return sendError(reply, 404, 'NOT_FOUND');
    return sendAck(reply, cases.get({ role: 'admin' }, { number: number.data }));
  });

  app.get('/api/admin/dishonesty', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    return { ok: true, entries: cases.listDishonesty() };
  });

  app.post('/api/admin/dishonesty', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const body = DishonestyEntryRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST', body.error.issues[0]?.message);
    return sendAck(reply, cases.addDishonesty(body.data), 201);
  });

  app.post<{ Params: { id: string } }>('/api/admin/dishonesty/:id/lift', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const id = Id.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 404, 'NOT_FOUND');
    return sendAck(reply, cases.liftDishonesty(id.data));
  });

  app.get('/api/admin/calendar', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    return { ok: true, entries: hall.calendarEntries() };
  });

  app.put<{ Params: { date: string } }>('/api/admin/calendar/:date', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const date = IsoDate.safeParse(request.params.date);
    const body = CalendarEntry.safeParse(request.body);
    if (!date.success || !body.success || Number.isNaN(Date.parse(`${date.data}T00:00:00Z`))) {
      return sendError(reply, 400, 'BAD_REQUEST');
    }
    const entry = { date: date.data, ...body.data };
    hall.setCalendarEntries([...hall.calendarEntries().filter((e) => e.date !== entry.date), entry]);
    return { ok: true, entry };
  });

  app.delete<{ Params: { date: string } }>('/api/admin/calendar/:date', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const entries = hall.calendarEntries();
    const kept = entries.filter((e) => e.date !== request.params.date);
    if (kept.length === entries.length) return sendError(reply, 404, 'NOT_FOUND');
    hall.setCalendarEntries(kept);
    return { ok: true };
  });
}
