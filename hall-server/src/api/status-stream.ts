import type { ServerResponse } from 'node:http';
import { type TicketStatusView, zhCN } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HallService } from './hall-service';
import { sendError } from './http';

/**
 * The live phone page: `GET /t/<token>/events` is a stream of Server-Sent Events carrying
 * only that ticket's public view (position, people ahead, estimate, window; never a name),
 * pushed when it changes. Server-Sent Events rather than socket.io: a phone's browser
 * reconnects them by itself and the page needs no client library; the status token in the
 * path is the only credential, the one the QR code already holds.
 *
 * Cheap and bounded: after a commit (coalesced per turn of the event loop) and on the
 * hall's tick, the views of the tickets someone watches are computed once, in one pass
 * over the queue, serialised once, and written only to their watchers when they differ
 * from the last one sent. Connections are capped per ticket, per source address and in
 * all; a watcher that does not read is dropped instead of buffered for.
 */

export const STREAM_LIMITS = {
  /** A citizen's phone and a family member's, and a reload or two. */
  perTicket: 4,
  /** Phones behind one address (a hall's Wi-Fi may share one). */
  perSource: 50,
  total: 5000,
  /** Bytes waiting unsent to one watcher before it is dropped: many views' worth. */
  maxBufferedBytes: 64 * 1024,
  /** A comment line this often keeps idle connections (and the proxies between) open. */
  heartbeatMs: 25_000,
  /** What the browser waits before reconnecting a dropped stream. */
  retryMs: 5_000,
};

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
const FINAL = new Set<TicketStatusView['status']>(['done', 'cancelled', 'voided']);

interface Watcher {
  readonly res: ServerResponse;
  readonly source: string;
  readonly ticketId: string;
}

export interface StatusStreams {
  /** Connections open now. */
  readonly size: number;
  close(): void;
}

export function registerStatusStream(app: FastifyInstance, service: HallService): StatusStreams {
  const byTicket = new Map<string, Set<Watcher>>();
  const bySource = new Map<string, number>();
  const lastSent = new Map<string, string>();
  let total = 0;
  let scheduled = false;

  const drop = (w: Watcher) => {
    const set = byTicket.get(w.ticketId);
    if (!set?.delete(w)) return;
    total--;
    if (set.size === 0) {
      byTicket.delete(w.ticketId);
      lastSent.delete(w.ticketId);
    }
    const n = (bySource.get(w.source) ?? 1) - 1;
    if (n > 0) bySource.set(w.source, n);
    else bySource.delete(w.source);
    if (!w.res.writableEnded) w.res.end();
  };

  const write = (w: Watcher, chunk: string) => {
    if (w.res.writableLength > STREAM_LIMITS.maxBufferedBytes) {
      w.res.destroy();
      drop(w);
      return;
    }
    w.res.write(chunk);
  };

  /** The watched tickets' views, each computed and serialised once, sent where changed. */
  const refresh = () => {
    scheduled = false;
    if (byTicket.size === 0) return;
    let views: Map<string, TicketStatusView | null>;
    try {
      views = service.statusViews(byTicket.keys());
    } catch (error) {
      console.error(`[status-stream] views failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const [ticketId, view] of views) {
      const watchers = [...(byTicket.get(ticketId) ?? [])];
      if (view === null) {
        for (const w of watchers) {
          write(w, 'event: gone\ndata: {}\n\n');
          drop(w);
        }
        continue;
      }
      const json = JSON.stringify(view);
      if (lastSent.get(ticketId) === json) continue;
      lastSent.set(ticketId, json);
      const chunk = `event: status\ndata: ${json}\n\n`;
      for (const w of watchers) {
        write(w, chunk);
        // A finished ticket's page has nothing more to wait for.
        if (FINAL.has(view.status)) drop(w);
      }
    }
  };
  const schedule = () => {
    if (scheduled || byTicket.size === 0) return;
    scheduled = true;
    setImmediate(refresh);
  };
  const unsubscribe = service.onEvent(schedule);
  // Estimates also move without a command: on the tick, and when a forecast put off by the budget is made.
  const unsubscribeForecast = service.onForecast(schedule);
  const heartbeat = setInterval(() => {
    for (const set of byTicket.values()) for (const w of set) write(w, ': \n\n');
  }, STREAM_LIMITS.heartbeatMs);
  heartbeat.unref();

  app.get<{ Params: { token: string } }>('/t/:token/events', async (request, reply) => {
    const token = Token.safeParse(request.params.token);
    const ticket = token.success ? service.ticketOfStatusToken(token.data) : null;
    if (!ticket) return sendError(reply, 404, 'NOT_FOUND', zhCN.statusPage.notFound);
    const source = request.ip;
    const watching = byTicket.get(ticket.id)?.size ?? 0;
    if (
      watching >= STREAM_LIMITS.perTicket ||
      (bySource.get(source) ?? 0) >= STREAM_LIMITS.perSource ||
      total >= STREAM_LIMITS.total
    ) {
      return sendError(reply, 429, 'TOO_MANY_ATTEMPTS', zhCN.statusPage.tooManyWatchers);
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const w: Watcher = { res, source, ticketId: ticket.id };
    const set = byTicket.get(ticket.id) ?? new Set<Watcher>();
    set.add(w);
    byTicket.set(ticket.id, set);
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
    total++;
    request.raw.on('close', () => drop(w));
    res.on('error', () => drop(w));
    const view = service.statusViews([ticket.id]).get(ticket.id) ?? null;
    res.write(`retry: ${STREAM_LIMITS.retryMs}\n\n`);
    if (view === null) {
      write(w, 'event: gone\ndata: {}\n\n');
      drop(w);
      return;
    }
    const json = JSON.stringify(view);
    const chunk = `event: status\ndata: ${json}\n\n`;
    // Watchers already there that have an older view get this one too.
    if (lastSent.get(ticket.id) !== json) {
      lastSent.set(ticket.id, json);
      for (const other of set) if (other !== w) write(other, chunk);
    }
    write(w, chunk);
    if (FINAL.has(view.status)) drop(w);
  });

  return {
    get size() {
      return total;
    },
    close() {
      unsubscribe();
      unsubscribeForecast();
      clearInterval(heartbeat);
      for (const set of [...byTicket.values()]) for (const w of [...set]) drop(w);
    },
  };
}
