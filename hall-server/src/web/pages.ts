import { BookingCode, BookingRequest, zhCN } from '@yimen/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { HallServices } from '../api/services';
import type { TerminalFiles } from '../api/terminal-files';
import { BookingPages } from './booking-page';
import { registerCasePages } from './case-page';
import { renderGuideIndex, renderGuideItem } from './guide-page';
import { DEVICELESS_ROLES, type DemoInfo, renderHome } from './home-page';
import { html, page } from './layout';

const SlotParams = z.object({
  categoryId: z.string().min(1).max(64),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  slot: z.string().regex(/^\d{2}:\d{2}$/),
});

function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

/** The pages the hall-server serves itself: home, service guide, booking, case progress (and, in a demo, its links). */
export function registerWebPages(
  app: FastifyInstance,
  services: HallServices,
  demo: DemoInfo | null,
  files: TerminalFiles,
): void {
  const { hall, appointments, terminals } = services;
  const { config } = hall;
  const bookingPages = new BookingPages(config.hallName, appointments, config.rules.timeZone, demo?.identities ?? []);
  const notFound = (reply: FastifyReply, message: string) =>
    sendHtml(reply, 404, page({ hallName: config.hallName, title: message }, html`<p class="error">${message}</p>`));

  // Plain HTML forms post url-encoded bodies.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/', async (_request, reply) => {
    const list = terminals
      .overview()
      .map((t) => ({ id: t.id, name: t.name, role: t.role, path: files.pathFor(t.role) }));
    const home = renderHome({
      hallName: config.hallName,
      demo,
      terminals: list,
      consolePath: files.pathFor('console'),
      windowNames: new Map(config.windows.map((w) => [w.id, w.name])),
    });
    return sendHtml(reply, 200, home);
  });

  app.get('/guide', async (_request, reply) => sendHtml(reply, 200, renderGuideIndex(config)));
  app.get<{ Params: { id: string } }>('/guide/:id', async (request, reply) => {
    const body = renderGuideItem(config, request.params.id);
    return body ? sendHtml(reply, 200, body) : notFound(reply, zhCN.guide.notFound);
  });

  app.get('/book', async (_request, reply) => sendHtml(reply, 200, bookingPages.index()));
  app.get<{ Querystring: { code?: string } }>('/book/find', async (request, reply) => {
    const given = request.query.code?.trim().toUpperCase();
    if (!given) return sendHtml(reply, 200, bookingPages.find());
    const code = BookingCode.safeParse(given);
    const view = code.success ? appointments.byCode(code.data) : null;
    if (!view) return sendHtml(reply, 404, bookingPages.find(zhCN.booking.notFound));
    return reply.redirect(`/book/code/${view.code}`, 303);
  });
  app.get<{ Params: { categoryId: string } }>('/book/:categoryId', async (request, reply) => {
    const body = bookingPages.slots(request.params.categoryId);
    return body ? sendHtml(reply, 200, body) : notFound(reply, zhCN.errorMessage.NOT_FOUND);
  });
  app.get<{ Params: { categoryId: string; day: string; slot: string }; Querystring: { sample?: string } }>(
    '/book/:categoryId/:day/:slot',
    async (request, reply) => {
      const params = SlotParams.safeParse(request.params);
      if (!params.success) return notFound(reply, zhCN.errorMessage.NOT_FOUND);
      const { categoryId, day, slot } = params.data;
      const sample = bookingPages.sample(request.query.sample);
      return sendHtml(reply, 200, bookingPages.form(categoryId, day, slot, undefined, sample ?? undefined));
    },
  );
  app.post('/book', async (request, reply) => {
    const raw = (request.body ?? {}) as Record<string, string>;
    const body = BookingRequest.safeParse({ ...raw, idNumber: raw.idNumber?.trim().toUpperCase() });
    const params = SlotParams.safeParse({ categoryId: raw.categoryId, day: raw.day, slot: raw.slotStart });
    if (!params.success) return notFound(reply, zhCN.errorMessage.NOT_FOUND);
    const { categoryId, day, slot } = params.data;
    if (!body.success) {
      const error = { code: 'BAD_REQUEST' as const, message: body.error.issues[0]?.message ?? '请核对填写的信息' };
      return sendHtml(reply, 400, bookingPages.form(categoryId, day, slot, error, raw));
    }
    const result = appointments.book(body.data, 'web');
    if (!result.ok) return sendHtml(reply, 409, bookingPages.form(categoryId, day, slot, result.error, raw));
    return reply.redirect(`/book/code/${result.appointment.code}?booked=1`, 303);
  });
  app.get<{ Params: { code: string }; Querystring: { booked?: string; cancelled?: string } }>(
    '/book/code/:code',
    async (request, reply) => {
      const code = BookingCode.safeParse(request.params.code);
      const view = code.success ? appointments.byCode(code.data) : null;
      if (!view) return notFound(reply, zhCN.booking.notFound);
      const notice = request.query.booked ? 'booked' : request.query.cancelled ? 'cancelled' : undefined;
      return sendHtml(reply, 200, bookingPages.appointment(view, notice));
    },
  );
  app.get<{ Params: { code: string } }>('/book/code/:code/cancel', async (request, reply) => {
    const code = BookingCode.safeParse(request.params.code);
    const view = code.success ? appointments.byCode(code.data) : null;
    if (!view) return notFound(reply, zhCN.booking.notFound);
    if (view.status !== 'booked') return reply.redirect(`/book/code/${view.code}`, 303);
    return sendHtml(reply, 200, bookingPages.cancelConfirm(view));
  });
  app.post<{ Params: { code: string } }>('/book/code/:code/cancel', async (request, reply) => {
    const code = BookingCode.safeParse(request.params.code);
    if (!code.success) return notFound(reply, zhCN.booking.notFound);
    const result = appointments.cancel(code.data);
    if (result.ok) return reply.redirect(`/book/code/${code.data}?cancelled=1`, 303);
    const view = appointments.byCode(code.data);
    if (!view) return notFound(reply, zhCN.booking.notFound);
    return sendHtml(reply, 409, bookingPages.appointment(view, undefined, result.error));
  });

  registerCasePages(app, services.cases, config.hallName, config.rules.timeZone);

  if (demo) registerDemoLinks(app, services, demo, files);
}

/**
 * /demo/enrol/<terminal>: a fresh one-time code, handed to the terminal page with its agent's
 * address (none for a terminal without devices, such as a hall display).
 */
function registerDemoLinks(
  app: FastifyInstance,
  { terminals }: HallServices,
  demo: DemoInfo,
  files: TerminalFiles,
): void {
  app.get<{ Params: { id: string } }>('/demo/enrol/:id', async (request, reply) => {
    const agent = demo.agents.find((a) => a.terminalId === request.params.id);
    const terminal = terminals.overview().find((t) => t.id === request.params.id);
    const path = terminal ? files.pathFor(terminal.role) : null;
    if (!terminal || !path || !(agent || DEVICELESS_ROLES.includes(terminal.role))) {
      return reply.status(404).send({ ok: false });
    }
    const created = terminals.createEnrolmentCode(terminal.id);
    if (!created.ok) return reply.status(404).send({ ok: false });
    // The fragment never reaches a server or its logs; the page keeps what it needs and clears it.
    const fragment = new URLSearchParams({
      enrol: created.code,
      ...(agent ? { agent: agent.bridgeUrl, agentToken: agent.token } : {}),
    });
    return reply.redirect(`${path}#${fragment}`, 302);
  });
}
