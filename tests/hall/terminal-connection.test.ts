/**
 * The hall display's announcer over the terminals' real hall connection (shell's
 * HallConnection, in Node) and a real hall-server, through a cable the test pulls: calls made
 * while the display was away are shown when it is back (replayed), never announced late;
 * live calls and recalls are. No browser and no sound: a silent speech player. And a clerk
 * console whose session the hall ended learns it (the connection the server closed asks again).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import { DEFAULT_DISPLAY_SETTINGS, type IssuedTicket, type Ticket } from '@yimen/protocol';
import { Announcer } from '@yimen/queue-display/renderer/flow/announcer';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { Speaker } from '@yimen/shell/browser/speaker';
import { SilentPlayer } from '@yimen/shell/testing/silent-player';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let cable: TcpProxy;
const sockets: HallClient[] = [];

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall);
  cable = await startTcpProxy(server.port);
});
after(async () => {
  for (const s of sockets) s.close();
  await cable.close();
  await server.dispose();
  removeTestHall(hall);
});

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function issue(n: number): Promise<void> {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  for (let i = 0; i < n; i++) {
    const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
      categoryId: 'cat-a',
      idempotencyKey: `announce-${i}`,
    });
    assert.ok(ack.ok);
  }
  kiosk.close();
}

test('live calls and recalls are announced; what was missed while away is shown, not announced', async () => {
  await issue(3);
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  sockets.push(clerk);
  const display = new HallConnection({ url: cable.url, auth: { token: hall.token('display-1') } });
  const speaker = new Speaker({ clipBase: '/voice/', player: new SilentPlayer(true) });
  const announcer = new Announcer(speaker, () => display.displaySettings ?? DEFAULT_DISPLAY_SETTINGS);
  display.onLive((event) => announcer.heard(event));
  try {
    await until(() => display.state === 'online' && display.view !== null, 'online');
    assert.equal(announcer.queued.length, 0, 'the snapshot on connect is not announced');

    const a1 = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
    assert.ok(a1.ok);
    await until(() => announcer.queued.length === 2, 'the call announced twice');
    assert.ok((await send(clerk, 'ticket:recall', { ticketId: a1.ticket.id })).ok);
    await until(() => announcer.queued.length === 4, 'the recall announced again');

    cable.pull();
    await until(() => display.state === 'connecting', 'the loss noticed');
    assert.ok((await send(clerk, 'ticket:noShow', { ticketId: a1.ticket.id })).ok);
    const a2 = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
    assert.ok(a2.ok);
    cable.plugIn();
    await until(() => display.view?.recentCalls[0]?.ticketId === a2.ticket.id, 'the missed call shown', 15_000);
    assert.equal(display.state, 'online');
    assert.equal(announcer.queued.length, 4, 'the missed call is not announced late');

    assert.ok((await send(clerk, 'ticket:noShow', { ticketId: a2.ticket.id })).ok);
    const a3 = await send<{ ticket: Ticket }>(clerk, 'window:callNext', {});
    assert.ok(a3.ok);
    await until(() => announcer.queued.length === 6, 'live again');
    assert.equal(
      announcer.queued.at(-1),
      `请${a3.ticket.number.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)] ?? d)}号到一号窗口办理`,
    );
  } finally {
    display.close();
  }
});

test('a console whose window another clerk took over is told its session ended, not left connecting', async () => {
  const login = await fetch(`${server.url}/api/clerk/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffNo: 'T003', password: 'pw-T003', windowId: 'win-3' }),
  });
  const { session } = (await login.json()) as { session: string };
  const desk = new HallConnection({ url: server.url, auth: { session } });
  try {
    await until(() => desk.state === 'online', 'online');
    const { socket } = await clerkClient(server.url, 'T009', 'win-3');
    sockets.push(socket);
    await until(() => desk.state === 'unauthorized', 'the ended session seen');
  } finally {
    desk.close();
  }
});
