import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HealthResponse, type IssuedTicket, PublicConfig, QueueSnapshot, TicketStatusView } from '@yimen/protocol';
import {
  clerkClient,
  clerkPassword,
  connectClient,
  createTestHall,
  removeTestHall,
  send,
  startTestServer,
  type TestHall,
} from '../testing/test-server';

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall);
});

after(async () => {
  await server.dispose();
  removeTestHall(hall);
});

const post = (path: string, body: unknown, raw = false) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });

test('health, config and queue answer in their schemas', async () => {
  const health = HealthResponse.parse(await (await fetch(`${server.url}/api/health`)).json());
  assert.equal(health.ok, true);
  const config = PublicConfig.parse(await (await fetch(`${server.url}/api/config`)).json());
  assert.equal(config.hallName, '测试县政务服务中心');
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.equal(config.categories.length, 3);
  assert.ok(!JSON.stringify(config).includes('password'));
  const queue = QueueSnapshot.parse(await (await fetch(`${server.url}/api/queue`)).json());
  assert.equal(queue.windows.length, 4);
});

test('clerk login: wrong password, unknown window and malformed bodies are refused', async () => {
  assert.equal((await post('/api/clerk/login', { staffNo: 'T001', password: 'wrong', windowId: 'win-1' })).status, 401);
  assert.equal((await post('/api/clerk/login', { staffNo: 'T404', password: 'x', windowId: 'win-1' })).status, 401);
  assert.equal(
    (await post('/api/clerk/login', { staffNo: 'T001', password: clerkPassword('T001'), windowId: 'win-404' })).status,
    404,
  );
  const bad = await post('/api/clerk/login', '{"staffNo":', true);
  assert.equal(bad.status, 400);
  const body = (await bad.json()) as { ok: boolean; error: { code: string } };
  assert.deepEqual([body.ok, body.error.code], [false, 'BAD_REQUEST']);
  assert.equal((await post('/api/clerk/login', [1, 2, 3])).status, 400);
  const ok = await post('/api/clerk/login', { staffNo: 'T001', password: clerkPassword('T001'), windowId: 'win-1' });
  assert.equal(ok.status, 200);
  const login = (await ok.json()) as { session: string; window: { status: string; clerkId: string } };
  assert.equal(login.window.status, 'open');
  assert.equal(login.window.clerkId, 'clerk-1');
  assert.equal((await post('/api/clerk/logout', { session: login.session })).status, 200);
  assert.equal((await post('/api/clerk/logout', { session: login.session })).status, 401);
  await assert.rejects(connectClient(server.url, { session: login.session }), /UNAUTHORIZED/);
});

test('the ticket status page shows position and wait, and no personal data', async () => {
  const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
  const idCard = { idNumber: '110105199003071239', name: '王小明' };
  const issue = (k: string, card?: typeof idCard) =>
    send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', { categoryId: 'cat-a', idempotencyKey: k, idCard: card });
  const first = await issue('status-page-1');
  const second = await issue('status-page-2', idCard);
  assert.ok(first.ok && second.ok);
  const token = second.ticket.statusUrl.split('/t/')[1] as string;

  const view = TicketStatusView.parse(await (await fetch(`${server.url}/api/tickets/${token}/status`)).json());
  assert.equal(view.number, second.ticket.number);
  assert.equal(view.aheadCount, 1);
  assert.equal(view.position, 2);
  assert.ok((view.estimatedWaitMin ?? 0) > 0);
  assert.equal(view.windowsOpen, false, 'nobody signed in yet');

  const page = await fetch(`${server.url}/t/${token}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<html lang="zh-CN">/);
  assert.ok(html.includes(second.ticket.number));
  assert.ok(html.includes('前面等候'));
  assert.ok(html.includes('<dd id="wait">窗口暂未开放'), 'no wait is promised while no window serves the queue');
  for (const secret of ['王', '**', '1239', '1101']) assert.ok(!html.includes(secret), `page shows ${secret}`);

  const { socket: clerk } = await clerkClient(server.url, 'T001', 'win-1');
  const served = await (await fetch(`${server.url}/t/${token}`)).text();
  assert.match(served, /预计等候<\/dt><dd id="wait">约 \d+ 分钟/);
  await send(clerk, 'window:callNext', {});
  await send(clerk, 'window:callNext', {});
  const called = TicketStatusView.parse(await (await fetch(`${server.url}/api/tickets/${token}/status`)).json());
  assert.ok(called.status === 'called' || called.status === 'waiting');
  assert.equal((await fetch(`${server.url}/t/not-a-real-token-but-long-enough`)).status, 404);
  assert.equal((await fetch(`${server.url}/t/%3Cscript%3E`)).status, 404);
  clerk.close();
  kiosk.close();
});

test('unknown routes answer 404 in the error shape', async () => {
  const res = await fetch(`${server.url}/api/nope`);
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
});
