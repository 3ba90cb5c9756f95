/**
 * Every REST route with malformed methods, paths, params, query strings, content types and
 * bodies (bad JSON, prototype-pollution keys, deep nesting, binary, over the body limit).
 * Nothing may answer 5xx; errors come as `{ok:false, error:{code,message}}`, successes in
 * their route's schema; the server stays up and logs no error. In-process first, then the
 * real entry point in a child process, whose output must hold no stack trace.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import {
  clerkPassword,
  connectClient,
  createTestHall,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import {
  BookingCategoriesResponse,
  ClerkLoginResponse,
  ErrorBody,
  HealthResponse,
  type IssuedTicket,
  PublicConfig,
  QueueSnapshot,
  TicketStatusView,
} from '@yimen/protocol';
import fc from 'fast-check';
import { z } from 'zod';
import { startHallProcess } from '../support/hall-process';

/** Fastify's bodyLimit in server.ts: bigger bodies are refused before any route sees them. */
const BODY_LIMIT = 64 * 1024;

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
/** A real ticket's status token, so the status routes also answer 200 now and then. */
let statusToken = '';

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall);
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId: 'cat-a',
    idempotencyKey: 'rest-fuzz-1',
  });
  kiosk.close();
  assert.ok(ack.ok);
  statusToken = ack.ticket.statusUrl.split('/t/')[1] as string;
});

after(async () => {
  await server.dispose();
  removeTestHall(hall);
});

// ---- requests ----

type Kind =
  | 'health'
  | 'config'
  | 'queue'
  | 'login'
  | 'logout'
  | 'status'
  | 'page'
  | 'engine'
  | 'openapi'
  | 'bookingCategories'
  | 'api'
  | 'unknown';
interface Req {
  kind: Kind;
  method: string;
  path: string;
  contentType: string | null;
  body: Buffer | null;
}

/** A path segment: encoded text, broken percent-escapes, traversal, raw Latin-1 bytes, tokens real and fake. */
const segment = () =>
  fc.oneof(
    fc.string().map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
    fc.constantFrom('..', '.', '%2e%2e', '%00', '%ZZ', '%', '%C0%AF', '%E4%B8', '%2F', '~', '', statusToken),
    fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/),
    fc.string({ unit: fc.integer({ min: 0x21, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
    fc.integer({ min: 100, max: 8000 }).map((n) => 'a'.repeat(n)),
  );

const query = fc.option(
  fc.oneof(
    fc.dictionary(fc.string(), fc.string()).map((d) => new URLSearchParams(d).toString()),
    fc.constantFrom('a=%ZZ', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '&&&', '='),
  ),
  { nil: null },
);

const paths: fc.Arbitrary<{ kind: Kind; path: string }> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom<{ kind: Kind; path: string }>(
        { kind: 'health', path: '/api/health' },
        { kind: 'config', path: '/api/config' },
        { kind: 'queue', path: '/api/queue' },
        { kind: 'login', path: '/api/clerk/login' },
        { kind: 'logout', path: '/api/clerk/logout' },
        { kind: 'unknown', path: '/api/health/' },
        { kind: 'unknown', path: '//api/health' },
        { kind: 'unknown', path: '/API/HEALTH' },
        { kind: 'unknown', path: '/api/../api/queue' },
        { kind: 'unknown', path: '*' },
      ),
      fc.constantFrom<{ kind: Kind; path: string }>(
        { kind: 'openapi', path: '/api/openapi.json' },
        { kind: 'bookingCategories', path: '/api/appointments/categories' },
        { kind: 'api', path: '/api/appointments/slots' },
        { kind: 'api', path: '/api/appointments' },
        { kind: 'api', path: '/api/terminals/enrol' },
        { kind: 'api', path: '/api/admin/terminals' },
        { kind: 'unknown', path: '/' },
        { kind: 'unknown', path: '/guide' },
        { kind: 'unknown', path: '/book' },
        { kind: 'unknown', path: '/book/find' },
        { kind: 'unknown', path: '/kiosk/' },
      ),
      fc
        .tuple(
          fc.constantFrom(
            '/api/appointments/%s',
            '/api/appointments/%s/cancel',
            '/api/admin/terminals/%s/enrolment-code',
            '/api/admin/terminals/%s/devices',
            '/guide/%s',
            '/book/%s',
            '/book/%s/2026-12-03/09:00',
            '/book/code/%s',
            '/book/code/%s/cancel',
            '/demo/enrol/%s',
            '/kiosk/%s',
            '/voice/%s',
          ),
          segment(),
        )
        .map(([pattern, s]) => ({ kind: 'api' as Kind, path: pattern.replace('%s', s) })),
      segment().map((s) => ({ kind: 'status' as Kind, path: `/api/tickets/${s}/status` })),
      segment().map((s) => ({ kind: 'page' as Kind, path: `/t/${s}` })),
      fc.array(segment(), { maxLength: 4 }).map((parts) => ({ kind: 'unknown' as Kind, path: `/${parts.join('/')}` })),
      fc
        .constantFrom('EIO=4&transport=polling', 'EIO=3&transport=websocket', 'EIO=4&transport=polling&sid=nope', 'x=1')
        .map((q) => ({ kind: 'engine' as Kind, path: `/socket.io/?${q}` })),
    ),
    query,
  )
  .map(([p, q]) => ({ ...p, path: q === null || p.kind === 'engine' ? p.path : `${p.path}?${q}` }));

const methods = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('GET', 'POST') },
  fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH'),
);

const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json; charset=latin1',
    'application/json, text/plain',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    '*/*',
    '',
  ),
  fc.stringMatching(/^[\t\x20-\x7e]{0,60}$/),
);

const oddString = fc.oneof(
  fc.string(),
  fc.constantFrom('T001', 'T002', 'win-1', 'win-404', '', "' OR 1=1 --", clerkPassword('T001')),
  fc.integer({ min: 100, max: 5000 }).map((n) => 'p'.repeat(n)),
);
const loginLike = fc.record(
  {
    staffNo: fc.oneof(oddString, fc.anything({ maxDepth: 2 })),
    password: fc.oneof(oddString, fc.anything({ maxDepth: 2 })),
    windowId: fc.oneof(oddString, fc.anything({ maxDepth: 2 })),
    session: fc.oneof(oddString, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)),
  },
  { requiredKeys: [] },
);

const bodies: fc.Arbitrary<Buffer | null> = fc.oneof(
  fc.constant(null),
  loginLike.map((v) => Buffer.from(JSON.stringify(v))),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.string().map((s) => Buffer.from(s)),
  fc
    .constantFrom(
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"staffNo":"T001","password":"x","windowId":"win-1","__proto__":{"polluted":"yes"}}',
      '{"staffNo":',
      '[]',
      'null',
      '""',
      '\u0000',
      '{"staffNo":"T001","staffNo":"T002","password":"x","windowId":"win-1"}',
    )
    .map((s) => Buffer.from(s)),
  fc.integer({ min: 100, max: 50_000 }).map((d) => Buffer.from(`${'['.repeat(d)}${']'.repeat(d)}`)),
  fc
    .integer({ min: BODY_LIMIT - 100, max: BODY_LIMIT * 3 })
    .map((n) => Buffer.from(JSON.stringify({ staffNo: 'x'.repeat(n) }))),
  fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
);

const requests: fc.Arbitrary<Req> = fc
  .record({ route: paths, method: methods, contentType: fc.option(contentTypes, { nil: null }), body: bodies })
  .map(({ route, method, contentType, body }) => ({ ...route, method, contentType, body }));

interface Res {
  status: number;
  contentType: string;
  body: string;
}

function send1(url: string, req: Req): Promise<Res> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (req.contentType !== null) headers['content-type'] = req.contentType;
    if (req.body) headers['content-length'] = String(req.body.length);
    // A fresh connection each time: a refused request may leave a kept-alive socket the server has closed.
    const r = request({ hostname, port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    r.setTimeout(10_000, () => r.destroy(new Error('no answer within 10 s')));
    r.on('error', reject);
    r.end(req.body ?? undefined);
  });
}

const SUCCESS: Partial<Record<Kind, { parse(v: unknown): unknown }>> = {
  health: HealthResponse,
  config: PublicConfig,
  queue: QueueSnapshot,
  login: ClerkLoginResponse,
  status: TicketStatusView,
  openapi: z.object({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }),
  bookingCategories: BookingCategoriesResponse,
};

/** The server's own HTML pages, the terminals' static files, and JSON routes answered by their own schemas. */
function family(path: string): 'html' | 'static' | 'json' {
  const p = path.split('?')[0] ?? '';
  // `*` (the asterisk form) is routed as `/`.
  if (p === '/' || p === '*' || /^\/(guide|book|demo)(\/|$)/.test(p)) return 'html';
  if (/^\/(kiosk|voice)\//.test(p)) return 'static';
  return 'json';
}

async function check(url: string, req: Req): Promise<void> {
  const where = `${req.method} ${JSON.stringify(req.path.slice(0, 120))} (${req.contentType}, ${req.body?.length ?? 0} bytes)`;
  // Raw non-ASCII bytes in the request line fail Node's HTTP parser before Fastify sees the request;
  // Fastify's default client-error reply is a bare 400, with a body even to a HEAD.
  const unparsable = /[^\x21-\x7e]/.test(req.path);
  let res: Res;
  try {
    res = await send1(url, req);
  } catch (error) {
    // A body over the limit may be cut off while it is still being sent: the refusal is the point.
    if ((req.body?.length ?? 0) > BODY_LIMIT || (unparsable && req.method === 'HEAD')) return;
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  assert.ok(res.status >= 200 && res.status < 500, `${where}: ${res.status} ${res.body.slice(0, 200)}`);
  if (unparsable) {
    assert.ok(res.status === 400 || res.status === 404, `${where}: ${res.status}`);
    return;
  }
  // engine.io answers its own path in its own format; that it stays below 500 is what counts.
  if (req.kind === 'engine' || req.method === 'HEAD') return;
  const answer = `${where}: ${res.status} ${res.body.slice(0, 200)}`;
  // Server pages answer in HTML (forms redirect with 303); a refusal before routing is the API's JSON error.
  if (family(req.path) === 'html' && /^text\/html/.test(res.contentType)) {
    assert.ok([200, 303, 400, 404, 409].includes(res.status), answer);
    return;
  }
  // The terminals' files come in their own types; a missing one is the API's JSON 404, a terminal not built an HTML 404.
  if (family(req.path) === 'static' && !/^application\/json/.test(res.contentType)) {
    assert.ok([200, 303, 404].includes(res.status), answer);
    return;
  }
  // A page request the router refused (bad escape, over-long token) gets the API's error instead of the page.
  if (req.kind === 'page' && req.method === 'GET' && res.status !== 400 && res.status !== 414) {
    assert.ok([200, 404].includes(res.status), answer);
    assert.match(res.contentType, /^text\/html/, answer);
    return;
  }
  assert.match(res.contentType, /^application\/json/, answer);
  const body = JSON.parse(res.body) as { ok?: unknown; error?: unknown };
  if (res.status === 200) {
    const schema = SUCCESS[req.kind];
    if (req.kind === 'logout') assert.deepEqual(body, { ok: true }, answer);
    else if (req.kind === 'api') assert.equal(body.ok, true, answer);
    else {
      assert.ok(schema, `${answer}: 200 from a route that should not exist`);
      schema.parse(body);
    }
  } else {
    assert.equal(body.ok, false, answer);
    ErrorBody.parse(body.error);
  }
}

async function healthy(url: string): Promise<void> {
  const res = await fetch(`${url}/api/health`);
  assert.equal(res.status, 200);
  HealthResponse.parse(await res.json());
}

test('malformed requests to every route: 4xx in the error shape or a valid 2xx, never a 5xx', async () => {
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  try {
    for (let batch = 0; batch < 8; batch++) {
      await fc.assert(
        fc.asyncProperty(requests, (req) => check(server.url, req)),
        { numRuns: 400, seed: 5000 + batch, includeErrorInReport: true },
      );
      await healthy(server.url);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }
  } finally {
    console.error = consoleError;
  }
  assert.deepEqual(errors, [], 'the server logged errors');
});

test('the real entry point in a child process: no 5xx and no stack trace', async () => {
  const childHall = createTestHall();
  const child = await startHallProcess(childHall.dbPath);
  try {
    await fc.assert(
      fc.asyncProperty(requests, (req) => check(child.url, req)),
      { numRuns: 600, seed: 5100, includeErrorInReport: true },
    );
    await healthy(child.url);
  } finally {
    assert.equal(await child.stop(), 0);
    removeTestHall(childHall);
  }
  assert.doesNotMatch(child.output(), /Error|\n\s+at |failed/);
});
