import { networkInterfaces } from 'node:os';
import { zhCN } from '@yimen/protocol';
import Fastify, { type FastifyReply } from 'fastify';
import { Server } from 'socket.io';
import type { Db } from '../store/db';
import { HallService } from './hall-service';
import { registerRoutes } from './rest';
import { attachSocketHandlers, type HallIo } from './socket';

export interface HallServerOptions {
  readonly db: Db;
  readonly idKey: Buffer;
  readonly port: number;
  readonly host?: string;
  /** Base URL printed in ticket QR codes; defaults to this machine's LAN address. */
  readonly publicUrl?: string;
  readonly now?: () => number;
}

export interface HallServer {
  readonly service: HallService;
  readonly io: HallIo;
  readonly port: number;
  readonly url: string;
  /** What ticket QR codes point to. */
  readonly publicUrl: string;
  close(): Promise<void>;
}

/** The first non-internal IPv4 address: what phones on the hall's LAN can reach. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/** Fastify and socket.io on one port, around one HallService. */
export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    // Refused before routing (bad percent-escapes, over-long params): still the API's error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply
        .status(error.statusCode ?? 400)
        .send({ ok: false, error: { code: 'BAD_REQUEST', message: zhCN.errorMessage.BAD_REQUEST } });
    },
  });
  const host = options.host ?? '0.0.0.0';
  const startedAt = Date.now();
  // The public URL needs the port, known only after listen; resolve it lazily.
  let publicUrl = options.publicUrl ?? '';
  const service = new HallService({
    db: options.db,
    idKey: options.idKey,
    get publicUrl() {
      return publicUrl;
    },
    ...(options.now ? { now: options.now } : {}),
  });
  registerRoutes(app, service, startedAt);
  const io: HallIo = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  attachSocketHandlers(io, service);

  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  if (!options.publicUrl) publicUrl = `http://${lanAddress()}:${port}`;
  const ticker = setInterval(() => service.tick(), 30_000);
  ticker.unref();

  return {
    service,
    io,
    port,
    url: `http://127.0.0.1:${port}`,
    publicUrl,
    async close() {
      clearInterval(ticker);
      io.close();
      await app.close();
    },
  };
}
