import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@yimen/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { type Credentials, provisionHall, type TerminalSpec } from '../api/provision';
import { type HallServer, type HallServerOptions, startHallServer } from '../api/server';
import type { HallConfig } from '../store/config-repo';
import { type Db, openDb } from '../store/db';
import { SMALL_HALL } from './small-hall';

export type HallClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const TEST_TERMINALS: TerminalSpec[] = [
  { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', windowId: null },
  { id: 'kiosk-2', name: '2号取号机', role: 'kiosk', windowId: null },
  { id: 'display-1', name: '综合屏', role: 'display', windowId: null },
  { id: 'evaluator-win-1', name: '1号窗口评价器', role: 'evaluator', windowId: 'win-1' },
  { id: 'admin-1', name: '管理', role: 'admin', windowId: null },
];

export const TEST_ID_KEY = Buffer.alloc(32, 7);

/** A registered agent (代办员) of the test hall. */
export const TEST_GREEN_CARD = { cardNo: 'LK-0001', idNumber: '320102198506123454', name: '李代办' };

/** Every test clerk's password is `pw-<staffNo>`. */
export const clerkPassword = (staffNo: string) => `pw-${staffNo}`;

export interface TestHall {
  readonly dir: string;
  readonly dbPath: string;
  readonly credentials: Credentials;
  token(terminalId: string): string;
}

/** Provisions a hall (the small test hall unless told) into a fresh temporary database. */
export function createTestHall(
  config: HallConfig = SMALL_HALL,
  terminals: readonly TerminalSpec[] = TEST_TERMINALS,
): TestHall {
  const dir = mkdtempSync(join(tmpdir(), 'yimen-test-'));
  const dbPath = join(dir, 'hall.db');
  const db = openDb(dbPath);
  const credentials = provisionHall(db, config, terminals, {
    passwords: new Map(config.clerks.map((c) => [c.staffNo, clerkPassword(c.staffNo)])),
    greenCards: [TEST_GREEN_CARD],
    idKey: TEST_ID_KEY,
  });
  db.close();
  return {
    dir,
    dbPath,
    credentials,
    token(terminalId) {
      const t = credentials.terminals.find((x) => x.id === terminalId);
      if (!t) throw new Error(`no terminal ${terminalId}`);
      return t.token;
    },
  };
}

/** An in-process hall-server on 127.0.0.1 and a free port; `options` as a demo hall or with other terminal folders. */
export async function startTestServer(
  hall: TestHall,
  now?: () => number,
  options: Pick<HallServerOptions, 'demo' | 'terminalRoots' | 'photosDir'> = {},
): Promise<HallServer & { db: Db; dispose(): Promise<void> }> {
  const db = openDb(hall.dbPath);
  const server = await startHallServer({
    db,
    idKey: TEST_ID_KEY,
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://hall.test',
    ...(now ? { now } : {}),
    ...options,
  });
  return {
    ...server,
    db,
    async dispose() {
      await server.close();
      db.close();
    },
  };
}

export function removeTestHall(hall: TestHall): void {
  rmSync(hall.dir, { recursive: true, force: true });
}

/** A connected socket.io client; rejects on a refused handshake. */
export function connectClient(
  url: string,
  auth: Record<string, unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: each caller knows the payloads it listens for.
  onAny?: (event: string, payload: any) => void,
): Promise<HallClient> {
  const socket: HallClient = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  // Listening before the handshake catches what the server sends on connect (snapshot, replay).
  if (onAny) socket.onAny(onAny);
  return new Promise((resolve, reject) => {
    // A server that dies mid-handshake closes the connection without a connect_error.
    const dropped = (reason: string) => {
      socket.close();
      reject(new Error(`disconnected during the handshake: ${reason}`));
    };
    socket.once('disconnect', dropped);
    socket.once('connect', () => {
      socket.off('disconnect', dropped);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Sends a command and resolves with its ack; rejects if the socket drops or no ack comes in time. */
export function send<T extends object = Record<string, unknown>>(
  socket: HallClient,
  event: string,
  payload?: unknown,
  timeoutMs = 10_000,
): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return reject(new Error(`${event}: socket not connected`));
    const fail = (why: string) => () => {
      clearTimeout(timer);
      reject(new Error(`${event}: ${why}`));
    };
    const onDisconnect = fail('disconnected before the ack');
    const timer = setTimeout(() => {
      socket.off('disconnect', onDisconnect);
      reject(new Error(`${event}: no ack within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('disconnect', onDisconnect);
    (socket.emit as (e: string, ...args: unknown[]) => void)(event, payload, (ack: Ack<T>) => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(ack);
    });
  });
}

/** Signs a clerk in over REST and connects with the session. */
export async function clerkClient(url: string, staffNo: string, windowId: string, lastSeq?: number) {
  const res = await fetch(`${url}/api/clerk/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffNo, password: clerkPassword(staffNo), windowId }),
  });
  const body = (await res.json()) as { ok: boolean; session: string };
  if (!body.ok) throw new Error(`login failed: ${JSON.stringify(body)}`);
  const socket = await connectClient(url, { session: body.session, ...(lastSeq === undefined ? {} : { lastSeq }) });
  return { socket, session: body.session };
}

/** Resolves with the next payload of an event. */
export function nextEvent<T>(socket: HallClient, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket.once as (e: string, fn: (p: T) => void) => void)(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
