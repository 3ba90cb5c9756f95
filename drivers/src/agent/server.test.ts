import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { BRIDGE_CLOSE_CODES } from '@yimen/protocol';
import { type AgentServer, startAgentServer } from './server';
import type { ControlAction } from './simulate';
import { FakeBridge, TestClient } from './test-support';

const TOKEN = 'test-token-0123456789abcdef';
const HELLO = { terminalId: 'kiosk-test', role: 'kiosk', simulated: true, devices: ['printer' as const] };

let bridge: FakeBridge;
let server: AgentServer;
const actions: ControlAction[] = [];

before(async () => {
  bridge = new FakeBridge();
  server = await startAgentServer({
    bridge,
    hello: HELLO,
    token: TOKEN,
    port: 0,
    allowedOrigins: ['http://hall.test:3000'],
    control: {
      act: async (action) => {
        actions.push(action);
      },
      state: () => ({ devices: [], card: null, finger: null, printer: null, led: null, keypad: null, printouts: [] }),
      printoutPng: () => null,
    },
  });
});

after(() => server.close());

const bridgeUrl = (query = `?token=${TOKEN}`) => `ws://127.0.0.1:${server.port}/bridge${query}`;

/** A raw HTTP request, so headers such as Host can be set the way a browser never would. */
function http(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

test('a client with the token and an allowed origin gets hello, status, replies and events', async () => {
  const client = TestClient.open(bridgeUrl(), { origin: 'http://hall.test:3000' });
  await client.opened();
  assert.deepEqual((await client.event('hello')).payload, HELLO);
  assert.deepEqual((await client.event('status')).payload, bridge.statusValue);
  const reply = await client.request('{"id": 1, "method": "status"}', 1);
  assert.deepEqual(reply, { id: 1, ok: true, result: bridge.statusValue });
  bridge.emit('rating', { level: 'satisfied', source: 'ratingPad', at: 5 });
  assert.deepEqual((await client.event('rating')).payload, { level: 'satisfied', source: 'ratingPad', at: 5 });
  client.close();
  await client.closed;
  await waitFor(() => bridge.listenerCount('rating') === 0, 'unsubscribed after close');
});

test('a wrong or missing token is refused with 4401, a foreign origin with 4403', async () => {
  for (const query of ['', '?token=', '?token=wrong-token-0123456789abcdef']) {
    const client = TestClient.open(bridgeUrl(query));
    const closed = await client.closed;
    assert.equal(closed.code, BRIDGE_CLOSE_CODES.unauthorized, `query ${query || '(none)'}`);
    assert.equal(closed.reason, 'unauthorized');
    assert.deepEqual(client.messages, [], 'nothing is sent to an unauthorized client');
  }
  const foreign = TestClient.open(bridgeUrl(), { origin: 'https://evil.example' });
  const closed = await foreign.closed;
  assert.equal(closed.code, BRIDGE_CLOSE_CODES.forbiddenOrigin);
  assert.deepEqual(foreign.messages, []);
});

test('the token also works as a bearer header', async () => {
  const { WebSocket } = await import('ws');
  const client = new TestClient(new WebSocket(bridgeUrl(''), { headers: { Authorization: `Bearer ${TOKEN}` } }));
  await client.opened();
  assert.ok(await client.event('hello'));
  client.close();
});

test('malformed messages get error replies and the connection keeps working', async () => {
  const client = TestClient.open(bridgeUrl());
  await client.opened();
  const broken = await client.request('this is not json', null);
  assert.equal((broken.error as { code: string }).code, 'badRequest');
  const unknown = await client.request('{"id": 2, "method": "selfDestruct"}', 2);
  assert.equal((unknown.error as { code: string }).code, 'unknownMethod');
  const badParams = await client.request('{"id": 3, "method": "fingerprint.enroll", "params": {"pageId": -1}}', 3);
  assert.equal((badParams.error as { code: string }).code, 'badRequest');
  const thrown = await client.request('{"id": 4, "method": "led", "params": {"type": "idle"}}', 4);
  assert.equal((thrown.error as { code: string }).code, 'internal');
  client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
  const binary = await client.next((m) => m.ok === false && m.id === null && client.messages.indexOf(m) > 3);
  assert.equal((binary.error as { code: string }).code, 'badRequest');
  const ok = await client.request('{"id": 5, "method": "fingerprint.enroll", "params": {"pageId": 3}}', 5);
  assert.deepEqual(ok.result, { kind: 'enrolled', pageId: 3 });
  client.close();
});

test('an oversized message closes only that connection; the agent keeps serving', async () => {
  const big = TestClient.open(bridgeUrl());
  await big.opened();
  big.socket.send('x'.repeat(300 * 1024));
  assert.equal((await big.closed).code, 1009);
  const next = TestClient.open(bridgeUrl());
  await next.opened();
  assert.equal((await next.request('{"id": 1, "method": "status"}', 1)).ok, true);
  next.close();
});

test('a request through a foreign Host name is refused (DNS rebinding)', async () => {
  const page = await http('/', { headers: { Host: `evil.example:${server.port}` } });
  assert.equal(page.status, 403);
  const upgrade = await http('/bridge', {
    headers: {
      Host: `evil.example:${server.port}`,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    },
  });
  assert.equal(upgrade.status, 403);
});

test('pages are served with a content security policy; the control API needs the token', async () => {
  const page = await http('/');
  assert.equal(page.status, 200);
  assert.match(page.body, /终端设备检测/);
  assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal((await http('/control')).status, 200);
  assert.equal((await http('/control/api/state')).status, 401);
  const state = await http('/control/api/state', { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(state.status, 200);
  assert.deepEqual(JSON.parse(state.body).status, bridge.statusValue);

  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const act = (body: string, extra: Record<string, string> = {}) =>
    http('/control/api/action', { method: 'POST', headers: { ...headers, ...extra }, body });
  assert.equal((await act('{"action":"card.remove"}')).status, 200);
  assert.equal((await act('{"action":"card.remove"}', { Origin: 'https://evil.example' })).status, 401);
  assert.equal((await act('{"action":"self.destruct"}')).status, 400);
  assert.equal((await act('not json')).status, 400);
  assert.equal((await act('{"action":"card.remove"}', { 'Content-Type': 'text/plain' })).status, 415);
  assert.deepEqual(actions, [{ action: 'card.remove' }]);
  assert.equal((await http('/control/printouts/1.png', { headers: { Authorization: `Bearer ${TOKEN}` } })).status, 404);
});

async function waitFor(check: () => boolean, what: string, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
