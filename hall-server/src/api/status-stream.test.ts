import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IssuedTicket, TicketStatusView } from '@yimen/protocol';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '../testing/test-server';
import { STREAM_LIMITS } from './status-stream';

/** An open `/t/<token>/events` stream, read as Server-Sent Events. */
async function watch(url: string, path: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}${path}/events`, { signal: controller.signal });
  const events: { event: string; data: string }[] = [];
  let ended = false;
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) events.push({ event, data });
          }
          wake();
        }
      } catch {
        // aborted by the test
      }
      ended = true;
      wake();
    })();
  }
  return {
    res,
    events,
    get ended() {
      return ended;
    },
    /** Resolves once `n` events have come (or the stream ended). */
    async until(n: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n && !ended) {
        if (Date.now() > deadline) throw new Error(`only ${events.length} of ${n} events`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return events;
    },
    close: () => controller.abort(),
  };
}

const view = (e: { data: string }) => JSON.parse(e.data) as TicketStatusView;

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
let kiosk: HallClient;
let keys = 0;
let clock = Date.UTC(2026, 10, 21, 2, 0);

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall, () => clock);
  kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
});

after(async () => {
  kiosk.close();
  await server.dispose();
  removeTestHall(hall);
});

const issue = async (categoryId = 'cat-a') => {
  const r = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId,
    idempotencyKey: `status-stream-${++keys}`,
  });
  assert.ok(r.ok, JSON.stringify(r));
  return { ticket: r.ticket, path: new URL(r.ticket.statusUrl).pathname };
};

test('a watcher gets its ticket’s view, then each change of it once, until the ticket is done', async () => {
  const ahead = await issue();
  const mine = await issue();
  const stream = await watch(server.url, mine.path);
  assert.equal(stream.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const [first] = await stream.until(1);
  assert.ok(first);
  assert.equal(view(first).aheadCount, 1);
  assert.equal(view(first).number, mine.ticket.number);
  assert.equal(JSON.stringify(view(first)).includes('holder'), false);

  // The clerk signs in (the estimate now counts on an open window), another queue's ticket
  // leaves this view as it was, then the ticket ahead is called.
  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  await issue('cat-b');
  const called = await send<{ ticket: { id: string } }>(clerk, 'window:callNext', {});
  assert.ok(called.ok && called.ticket.id === ahead.ticket.id);
  const nextAhead = async () => {
    for (let n = stream.events.length + 1; ; n++) {
      const last = (await stream.until(n)).at(-1);
      if (last && view(last).aheadCount === 0) return;
    }
  };
  await nextAhead();
  assert.ok((await send(clerk, 'ticket:noShow', { ticketId: ahead.ticket.id })).ok);
  assert.ok((await send(clerk, 'window:callNext', {})).ok);
  const calledView = view((await stream.until(stream.events.length + 1)).at(-1) as { data: string });
  assert.equal(calledView.status, 'called');
  assert.equal(calledView.windowNumber, 1);
  assert.ok((await send(clerk, 'ticket:start', { ticketId: mine.ticket.id })).ok);
  assert.ok((await send(clerk, 'ticket:finish', { ticketId: mine.ticket.id })).ok);
  const events = await stream.until(20);
  assert.equal(events.at(-1) && view(events.at(-1) as { data: string }).status, 'done');
  assert.equal(stream.ended, true, 'the stream ends with the ticket');
  // Each view sent once: never the same one twice in a row.
  for (let i = 1; i < events.length; i++) assert.notEqual(events[i]?.data, events[i - 1]?.data);
  clerk.close();
});

test('unknown tokens get a plain 404; a ticket’s watchers are capped', async () => {
  const unknown = await fetch(`${server.url}/t/${'x'.repeat(30)}/events`);
  assert.equal(unknown.status, 404);
  assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  assert.equal((await fetch(`${server.url}/t/bad%20token/events`)).status, 404);

  const { path } = await issue();
  const streams = [];
  for (let i = 0; i < STREAM_LIMITS.perTicket; i++) {
    const s = await watch(server.url, path);
    await s.until(1);
    streams.push(s);
  }
  const refused = await fetch(`${server.url}${path}/events`);
  assert.equal(refused.status, 429);
  assert.match(((await refused.json()) as { error: { message: string } }).error.message, /设备过多/);
  for (const s of streams) s.close();
  // Closed watchers free their places.
  const deadline = Date.now() + 5000;
  while (server.statusStreams.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(server.statusStreams.size, 0);
  const again = await watch(server.url, path);
  assert.equal(again.res.status, 200);
  again.close();
});

test('when the day closes, a watcher is told its ticket is gone and the stream ends', async () => {
  const { path } = await issue();
  const stream = await watch(server.url, path);
  await stream.until(1);
  clock = Date.UTC(2026, 10, 21, 16, 30); // 00:30 on the 22nd in Shanghai
  // The tick closes the day and refreshes the forecast, which has the streams look again.
  server.service.tick();
  const events = await stream.until(5);
  assert.equal(events.at(-1)?.event, 'gone');
  assert.equal(stream.ended, true);
  const page = await fetch(`${server.url}${path}`);
  assert.match(await page.text(), /未找到该号/);
});
