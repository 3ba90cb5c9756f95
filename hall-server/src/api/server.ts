import { networkInterfaces } from 'node:os';
import { zhCN } from '@yimen/protocol';
import Fastify, { type FastifyReply } from 'fastify';
import { Server } from 'socket.io';
import type { Db } from '../store/db';
import type { DemoInfo } from '../web/home-page';
import { registerWebPages } from '../web/pages';
import { registerAppointmentRoutes } from './appointment-routes';
import { registerCaseRoutes } from './case-routes';
import { registerDisplayRoutes } from './display-routes';
import type { HallService } from './hall-service';
import { registerOpenApi } from './openapi';
import { registerRatingRoutes } from './rating-routes';
import { registerRoutes } from './rest';
import { createServices, type HallServices } from './services';
import { attachSocketHandlers, type HallIo } from './socket';
import { registerStatusStream, type StatusStreams } from './status-stream';
import { registerTerminalFiles } from './terminal-files';
import { registerTerminalRoutes } from './terminal-routes';
import { registerWindowRoutes } from './window-routes';

export interface HallServerOptions {
  readonly db: Db;
  readonly idKey: Buffer;
  readonly port: number;
  readonly host?: string;
  /** Base URL printed in ticket QR codes; defaults to this machine's LAN address. */
  readonly publicUrl?: string;
  readonly now?: () => number;
  /** Folders of the built terminal renderers; the repository's own when absent. */
  readonly terminalRoots?: Readonly<Record<string, string>>;
  /** Where the clerks' photos are (served as /photos/<staff no>.png); none when absent. */
  readonly photosDir?: string;
  /** The demo's links (terminals with their device agents); only a demo hall shows them. */
  readonly demo?: DemoInfo;
}

export interface HallServer {
  readonly service: HallService;
  readonly services: HallServices;
  readonly io: HallIo;
  /** The live phone pages' connections. */
  readonly statusStreams: StatusStreams;
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
  const services = createServices({
    db: options.db,
    idKey: options.idKey,
    get publicUrl() {
      return publicUrl;
    },
    ...(options.now ? { now: options.now } : {}),
  });
  const service = services.hall;
  registerRoutes(app, service, startedAt);
  const statusStreams = registerStatusStream(app, service);
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => statusStreams.close());
  registerTerminalRoutes(app, services);
  registerAppointmentRoutes(app, services);
  registerCaseRoutes(app, services);
  registerRatingRoutes(app, services);
  registerWindowRoutes(app, services);
  registerDisplayRoutes(app, services);
  registerOpenApi(app);
  const files = await registerTerminalFiles(app, options.terminalRoots, options.photosDir);
  registerWebPages(app, services, options.demo ?? null, files);
  const io: HallIo = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  attachSocketHandlers(io, services);

  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  if (!options.publicUrl) publicUrl = `http://${lanAddress()}:${port}`;
  const ticker = setInterval(() => {
    service.tick();
    services.appointments.sweepNoShows();
    services.ratings.escalateOverdue();
  }, 30_000);
  ticker.unref();

  return {
    service,
    services,
    io,
    statusStreams,
    port,
    url: `http://127.0.0.1:${port}`,
    publicUrl,
    async close() {
      clearInterval(ticker);
      service.close();
      io.close();
      await app.close();
    },
  };
}
