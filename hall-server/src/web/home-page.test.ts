import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestHall, removeTestHall, startTestServer } from '../testing/test-server';
import { type DemoInfo, renderHome } from './home-page';

const demo: DemoInfo = {
  agents: [{ terminalId: 'kiosk-1', bridgeUrl: 'ws://127.0.0.1:1/bridge', token: 'agent-token', controlUrl: '/c' }],
  clerks: [
    { staffNo: 'T001', name: '测试员1', password: 'pw-T001', windowId: 'win-1' },
    { staffNo: 'T002', name: '测试员2', password: 'pw-T002', windowId: null },
  ],
  fingerClerks: ['T001'],
  identities: [],
};
const terminals = [
  { id: 'kiosk-1', name: '1号取号机', role: 'kiosk', path: '/kiosk/' },
  { id: 'kiosk-2', name: '2号取号机', role: 'kiosk', path: '/kiosk/' },
  { id: 'display-1', name: '1号综合屏', role: 'display', path: '/display/' },
  { id: 'evaluator-win-1', name: '1号窗口评价器', role: 'evaluator', path: null },
];

test('the demo’s home lists what a person can walk through: kiosk, console with its logins, displays', () => {
  const page = renderHome({
    hallName: '测试县政务服务中心',
    demo,
    terminals,
    consolePath: '/console/',
    windowNames: new Map([['win-1', '1号窗口 社保']]),
  });
  assert.ok(page.includes('href="/demo/enrol/kiosk-1"'), 'a kiosk with its device agent');
  assert.equal(page.includes('/demo/enrol/kiosk-2'), false, 'a kiosk without an agent has no devices to show');
  assert.ok(page.includes('href="/demo/enrol/display-1"'), 'a display needs no agent');
  assert.equal(page.includes('evaluator-win-1'), false, 'nothing that is not built');
  assert.ok(page.includes('href="/console/"'));
  assert.ok(page.includes('<code>pw-T001</code>') && page.includes('1号窗口 社保'));
  assert.ok(page.includes('F1 呼叫') && page.includes('F7 办结'));
  assert.ok(page.includes('指纹登录'));
  const rows = page.match(/<tr><td>T00\d<\/td>.*?<\/tr>/g) ?? [];
  assert.deepEqual(
    rows.map((r) => r.includes('已录入')),
    [true, false],
    'who can try the fingerprint sign-in',
  );
});

test('a real hall’s home holds no code, no token, no password', () => {
  const page = renderHome({
    hallName: '测试县政务服务中心',
    demo: null,
    terminals,
    consolePath: '/console/',
    windowNames: new Map(),
  });
  assert.equal(page.includes('pw-T001'), false);
  assert.equal(page.includes('/demo/enrol'), false);
});

test('a display’s demo link enrols it with a fresh code and no agent; other terminals need theirs', async () => {
  const hall = createTestHall();
  const server = await startTestServer(hall, undefined, {
    demo,
    terminalRoots: { display: hall.dir, kiosk: hall.dir },
  });
  try {
    const display = await fetch(`${server.url}/demo/enrol/display-1`, { redirect: 'manual' });
    assert.equal(display.status, 302);
    const fragment = new URLSearchParams(new URL(display.headers.get('location') ?? '', server.url).hash.slice(1));
    assert.match(fragment.get('enrol') ?? '', /^\d{8}$/);
    assert.equal(fragment.get('agent'), null);
    const enrolled = await fetch(`${server.url}/api/terminals/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: fragment.get('enrol') }),
    });
    assert.equal(((await enrolled.json()) as { terminal: { role: string } }).terminal.role, 'display');
    const kiosk = await fetch(`${server.url}/demo/enrol/kiosk-1`, { redirect: 'manual' });
    assert.match(kiosk.headers.get('location') ?? '', /agentToken=agent-token/);
    for (const id of ['kiosk-2', 'admin-1', 'nobody']) {
      assert.equal((await fetch(`${server.url}/demo/enrol/${id}`, { redirect: 'manual' })).status, 404, id);
    }
  } finally {
    await server.dispose();
    removeTestHall(hall);
  }
});
