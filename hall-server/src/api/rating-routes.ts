import {
  BadRatingReason,
  CallbackPhone,
  IsoDate,
  RATING_SCALES,
  RatingLevel,
  RectificationActRequest,
  SatisfactionGroup,
  type TicketStatusView,
  zhCN,
} from '@yimen/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { TicketRecord } from '../domain';
import { renderResultsPage } from '../web/ratings-page';
import { adminOf, sendAck, sendError } from './http';
import { Token } from './rest';
import type { HallServices } from './services';
import { type PhoneRating, renderStatusPage } from './status-page';

const Period = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
const StatsQuery = Period.extend({ group: SatisfactionGroup.default('window') });
const CasesQuery = z.object({ open: z.enum(['true', 'false']).optional() });
const PhoneForm = z.object({
  level: RatingLevel,
  reason: BadRatingReason.optional(),
  phone: z.union([CallbackPhone, z.literal('').transform(() => undefined)]).optional(),
});

function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

/** The month so far: the default period of figures. */
function period(today: string, query: { from?: string | undefined; to?: string | undefined }) {
  return { from: query.from ?? `${today.slice(0, 8)}01`, to: query.to ?? today };
}

/**
 * 好差评 over HTTP: the rating on the ticket's phone page, the hall manager's ratings,
 * figures and rectification cases (admin token), and the public results page (no personal data).
 */
export function registerRatingRoutes(app: FastifyInstance, services: HallServices): void {
  const { hall, ratings } = services;

  /** The finished ticket's rating as the phone page offers it. */
  const phoneRating = (ticket: TicketRecord | null, error?: string): PhoneRating => {
    if (ticket?.status !== 'done' || ticket.finishedAt === null) return { state: 'none' };
    const rated = ratings.ratingOf(ticket.id);
    if (rated) return { state: 'rated', level: rated.level };
    const open = hall.clock() - ticket.finishedAt <= hall.config.rules.ratings.phoneRatingHours * 3600_000;
    if (!open) return { state: 'none' };
    return { state: 'open', levels: RATING_SCALES[hall.config.rules.ratings.scale], ...(error ? { error } : {}) };
  };
  /** Today's tickets get the live status; a finished one of an earlier day shows as finished. */
  const statusOf = (token: string, ticket: TicketRecord | null): TicketStatusView | null => {
    const live = hall.ticketStatus(token);
    if (live || !ticket || ticket.status !== 'done') return live;
    const category = hall.config.categories.find((c) => c.id === ticket.categoryId);
    return {
      number: ticket.number,
      categoryName: category?.name ?? '',
      businessDay: ticket.businessDay,
      status: ticket.status,
      issuedAt: ticket.issuedAt,
      position: null,
      aheadCount: null,
      estimatedWaitMin: null,
      windowsOpen: true,
      windowNumber: null,
    };
  };
  const statusPage = (reply: FastifyReply, token: string, status = 200, error?: string) => {
    const ticket = hall.ticketByStatusToken(token);
    const view = statusOf(token, ticket);
    const rating = view ? phoneRating(ticket, error) : ({ state: 'none' } as const);
    return sendHtml(reply, view ? status : 404, renderStatusPage(hall.config.hallName, view, token, rating));
  };

  app.get<{ Params: { token: string } }>('/t/:token', async (request, reply) => {
    const token = Token.safeParse(request.params.token);
    if (!token.success) return sendHtml(reply, 404, renderStatusPage(hall.config.hallName, null));
    return statusPage(reply, token.data);
  });

  app.post<{ Params: { token: string } }>('/t/:token/rating', async (request, reply) => {
    const token = Token.safeParse(request.params.token);
    const ticket = token.success ? hall.ticketByStatusToken(token.data) : null;
    if (!token.success || !ticket) return sendHtml(reply, 404, renderStatusPage(hall.config.hallName, null));
    const form = PhoneForm.safeParse(request.body ?? {});
    if (!form.success) {
      const message = form.error.issues.some((i) => i.path[0] === 'phone')
        ? zhCN.evaluator.phoneBad
        : zhCN.errorMessage.BAD_REQUEST;
      return statusPage(reply, token.data, 400, message);
    }
    const result = ratings.fromPhone(ticket.id, form.data);
    if (!result.ok) return statusPage(reply, token.data, 409, result.error.message);
    return reply.redirect(`/t/${token.data}`, 303);
  });

  app.get<{ Querystring: Record<string, string> }>('/api/admin/ratings', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = Period.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    const { from, to } = period(hall.businessDay, query.data);
    return { ok: true, from, to, ratings: ratings.list(from, to) };
  });

  app.get<{ Querystring: Record<string, string> }>('/api/admin/ratings/stats', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = StatsQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    const { from, to } = period(hall.businessDay, query.data);
    return { ok: true, group: query.data.group, from, to, rows: ratings.satisfaction(query.data.group, from, to) };
  });

  app.get<{ Querystring: Record<string, string> }>('/api/admin/rectifications', async (request, reply) => {
    if (!adminOf(request, hall)) return sendError(reply, 401, 'UNAUTHORIZED');
    const query = CasesQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST');
    const open = query.data.open === undefined ? null : query.data.open === 'true';
    return { ok: true, rectifications: ratings.cases(open) };
  });

  app.post<{ Params: { id: string } }>('/api/admin/rectifications/:id', async (request, reply) => {
    const admin = adminOf(request, hall);
    if (!admin) return sendError(reply, 401, 'UNAUTHORIZED');
    const body = RectificationActRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'BAD_REQUEST', body.error.issues[0]?.message);
    return sendAck(reply, ratings.act(request.params.id, body.data, admin.id));
  });

  app.get<{ Querystring: Record<string, string> }>('/ratings', async (request, reply) => {
    const query = Period.safeParse(request.query);
    const { from, to } = period(hall.businessDay, query.success ? query.data : {});
    return sendHtml(reply, 200, renderResultsPage(hall.config, ratings.publicResults(from, to), hall.businessDay));
  });
}
