/**
 * The agent's HTTP + WebSocket server, on 127.0.0.1 only. `/bridge` serves the TerminalBridge:
 * requests `{id, method, params}` get replies `{id, ok, result | error}`, events are pushed as
 * `{event, payload}`. `/` is the device check page; in simulate mode `/control` drives the
 * simulators. A bad message gets an error reply; nothing a client sends stops the agent.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BRIDGE_CLOSE_CODES,
  BRIDGE_EVENTS,
  type BridgeEventName,
  type BridgeHello,
  type BridgeStatus,
  type TerminalBridge,
} from '@yimen/protocol';
import { WebSocket, WebSocketServer } from 'ws';
import { SAMPLE_MATERIALS_LIST, SAMPLE_NOTICE, SAMPLE_TICKET } from '../printer/samples';
import { hostAllowed, originAllowed, ownOrigins, requestToken, tokenMatches } from './auth';
import { handleMessage } from './dispatch';
import { bridgeError } from './errors';
import { ControlAction, ControlError, type ControlState } from './simulate';

/** What the control page needs of a simulation. */
export interface ControlTarget {
  act(action: ControlAction): Promise<void>;
  state(): ControlState;
  printoutPng(n: number): string | null;
}

export interface AgentServerOptions {
  bridge: TerminalBridge;
  hello: BridgeHello;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Origins of pages, besides the agent's own, that may use the bridge. */
  allowedOrigins?: readonly string[];
  /** Set in simulate mode: serves the control page and its API. */
  control?: ControlTarget;
  log?: (line: string) => void;
}

export interface AgentServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_CONTROL_BODY = 16 * 1024;
const EVENT_NAMES = Object.keys(BRIDGE_EVENTS) as BridgeEventName[];

async function loadPages() {
  const read = (name: string) => readFile(new URL(`./pages/${name}`, import.meta.url), 'utf8');
  const [check, control, common, style] = await Promise.all([
    read('check.html'),
    read('control.html'),
    read('common.js'),
    read('style.css'),
  ]);
  return { check, control, common, style };
}

const SAMPLE_JOBS = JSON.stringify({
  ticket: { template: 'ticket', ticket: SAMPLE_TICKET },
  materialsList: { template: 'materialsList', list: SAMPLE_MATERIALS_LIST },
  notice: { template: 'notice', notice: SAMPLE_NOTICE },
});

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const { bridge, control, token } = options;
  const log = options.log ?? (() => {});
  const pages = await loadPages();
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ host: '127.0.0.1', port: options.port }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const allowed = new Set([...ownOrigins(port), ...(options.allowedOrigins ?? [])]);
  const wsSources = ownOrigins(port)
    .map((origin) => origin.replace('http:', 'ws:'))
    .join(' ');
  const pageHeaders = {
    'Content-Security-Policy': `default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self' ${wsSources}; frame-ancestors 'none'`,
  };

  const authorized = (req: IncomingMessage, url: URL) =>
    originAllowed(req.headers.origin, allowed) && tokenMatches(token, requestToken(url, req.headers));

  async function controlApi(req: IncomingMessage, res: ServerResponse, url: URL, target: ControlTarget) {
    if (!authorized(req, url)) return sendJson(res, 401, { ok: false, error: '令牌无效或来源不被允许' });
    if (url.pathname === '/control/api/state' && req.method === 'GET') {
      const status = await bridge.status();
      const devices: BridgeStatus = status.ok ? status.result : { devices: {}, printer: null };
      return sendJson(res, 200, { ...target.state(), status: devices });
    }
    if (url.pathname === '/control/api/action' && req.method === 'POST') {
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, { ok: false, error: '请求须为 JSON' });
      }
      const body = await readBody(req, MAX_CONTROL_BODY);
      let value: unknown;
      try {
        value = JSON.parse(body ?? '');
      } catch {
        return sendJson(res, 400, { ok: false, error: '请求格式错误' });
      }
      const action = ControlAction.safeParse(value);
      if (!action.success) return sendJson(res, 400, { ok: false, error: '不支持的操作' });
      try {
        await target.act(action.data);
      } catch (error) {
        const status = error instanceof ControlError && error.code === 'notConfigured' ? 409 : 500;
        return sendJson(res, status, { ok: false, error: (error as Error).message });
      }
      log(`control: ${action.data.action}`);
      return sendJson(res, 200, { ok: true });
    }
    const printout = /^\/control\/printouts\/(\d{1,6})\.png$/.exec(url.pathname);
    const png = printout && req.method === 'GET' ? target.printoutPng(Number(printout[1])) : null;
    if (!png) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    res.writeHead(200, { 'Content-Type': 'image/png' });
    createReadStream(png)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/control/')) {
      if (!control) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return controlApi(req, res, url, control);
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    switch (url.pathname) {
      case '/':
        return send(res, 200, 'text/html; charset=utf-8', pages.check, pageHeaders);
      case '/control':
        if (!control) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
        return send(res, 200, 'text/html; charset=utf-8', pages.control, pageHeaders);
      case '/assets/common.js':
        return send(res, 200, 'text/javascript; charset=utf-8', pages.common);
      case '/assets/style.css':
        return send(res, 200, 'text/css; charset=utf-8', pages.style);
      case '/samples.json':
        return send(res, 200, 'application/json; charset=utf-8', SAMPLE_JOBS);
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
  }

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      log(`http: ${req.method} ${req.url?.split('?')[0]} failed: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: '设备服务内部错误' });
      else res.destroy();
    });
  });

  function serve(ws: WebSocket): void {
    const push = (message: unknown) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    push({ event: 'hello', payload: options.hello });
    void bridge.status().then((status) => status.ok && push({ event: 'status', payload: status.result }));
    const unsubscribe = EVENT_NAMES.map((event) => bridge.on(event, (payload) => push({ event, payload })));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        push({
          id: null,
          ok: false,
          error: bridgeError('badRequest', '请求格式错误', 'binary messages are not accepted'),
        });
        return;
      }
      void handleMessage(bridge, data.toString()).then(push);
    });
    ws.on('close', () => {
      for (const off of unsubscribe) off();
    });
  }

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/bridge' || !hostAllowed(req.headers.host, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // A client that breaks the protocol (oversized frame, bad masking) is closed by ws itself.
      ws.on('error', () => {});
      if (!originAllowed(req.headers.origin, allowed)) {
        log(`bridge: refused origin ${req.headers.origin}`);
        ws.close(BRIDGE_CLOSE_CODES.forbiddenOrigin, 'origin not allowed');
        return;
      }
      if (!tokenMatches(token, requestToken(url, req.headers))) {
        log('bridge: refused a connection without a valid token');
        ws.close(BRIDGE_CLOSE_CODES.unauthorized, 'unauthorized');
        return;
      }
      log(`bridge: connected${req.headers.origin ? ` from ${req.headers.origin}` : ''}`);
      serve(ws);
    });
  });

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      for (const client of wss.clients) client.close(1001, 'agent stopping');
      // A client that does not answer the closing handshake is cut off.
      const cutOff = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 500);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cutOff);
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}
