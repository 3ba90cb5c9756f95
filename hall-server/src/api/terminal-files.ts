import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { zhCN } from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/**
 * Where each browser-mode terminal (by its role) and the clerk console (the server's own page,
 * src/web/console) are served from, and the folder its Vite build writes.
 */
export const TERMINAL_PAGES = {
  kiosk: { path: '/kiosk/', root: repo('kiosk/dist/renderer') },
  evaluator: { path: '/evaluator/', root: repo('evaluator/dist/renderer') },
  display: { path: '/display/', root: repo('queue-display/dist/renderer') },
  console: { path: '/console/', root: repo('hall-server/dist/console') },
} as const satisfies Record<string, { path: string; root: string }>;

/** Shared assets: the voice clips the shell plays when no zh-CN speech voice exists. */
const SHARED = { path: '/voice/', root: repo('shell/dist/voice') };

export interface TerminalFiles {
  /** The page a terminal of this role runs, when it is built into this hall. */
  pathFor(role: string): string | null;
}

/**
 * Serves the terminals' built renderers (one folder each), the shared voice clips and the
 * clerks' photos. A
 * terminal not built yet answers with a page that says how to build it, not a bare 404.
 */
export async function registerTerminalFiles(
  app: FastifyInstance,
  roots: Readonly<Record<string, string>> = {},
  photosDir?: string,
): Promise<TerminalFiles> {
  const built = new Map<string, string>();
  let first = true;
  for (const [name, page] of [...Object.entries(TERMINAL_PAGES), ['voice', SHARED] as const]) {
    const root = roots[name] ?? page.root;
    if (!existsSync(root)) {
      app.get(`${page.path}*`, async (_request, reply) =>
        reply
          .status(404)
          .type('text/html; charset=utf-8')
          .send(`<!doctype html><meta charset="utf-8"><p>${zhCN.home.notBuilt}</p>`),
      );
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: page.path,
      decorateReply: first,
      // Renderers load their bundles by hashed names; the page itself must always be fresh.
      setHeaders: (res, path) => {
        res.header('cache-control', path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
      },
    });
    first = false;
    built.set(name, page.path);
  }
  if (photosDir && existsSync(photosDir)) {
    // Photos change when staff do: revalidated, not cached for a year.
    await app.register(fastifyStatic, {
      root: photosDir,
      prefix: '/photos/',
      decorateReply: first,
      setHeaders: (res) => res.header('cache-control', 'no-cache'),
    });
  }
  return { pathFor: (role) => built.get(role) ?? null };
}
