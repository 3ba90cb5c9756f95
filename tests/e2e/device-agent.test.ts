import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = `${root}.tmp`;

interface Agent {
  child: ChildProcess;
  origin: string;
  token: string;
  stderr: () => string;
}

/** Starts `main.ts --simulate` as a person would and reads its URLs from stdout. */
async function startAgentProcess(): Promise<Agent> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'drivers/src/agent/main.ts', '--simulate', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const bridge = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start:\n${stdout}\n${stderr}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`agent exited (${code}):\n${stderr}`)));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = /bridge:\s+(ws:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  const url = new URL(bridge);
  return {
    child,
    origin: `http://${url.host}`,
    token: url.searchParams.get('token') ?? '',
    stderr: () => stderr,
  };
}

let agent: Agent;
let browser: Browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  [agent, browser] = await Promise.all([startAgentProcess(), launchChromium()]);
});

after(async () => {
  await browser?.close();
  if (agent?.child.exitCode === null) agent.child.kill('SIGKILL');
});

async function control(action: object): Promise<void> {
  const response = await fetch(`${agent.origin}/control/api/action`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${agent.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(action),
  });
  assert.equal(response.status, 200, await response.text());
}

test('a page served by the agent gets a simulated card over the bridge and shows it masked', {
  timeout: 30_000,
}, async () => {
  const card = sampleCards.resident;
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
  await page.goto(`${agent.origin}/#token=${agent.token}`);
  await page.locator('#connection', { hasText: '已连接' }).waitFor();
  await page.locator('[data-kind="idcard"] .state', { hasText: '就绪' }).waitFor({ timeout: 10_000 });
  await page.locator('[data-kind="printer"] .state', { hasText: '就绪' }).waitFor({ timeout: 10_000 });

  await control({ action: 'card.place', sample: 'resident' });
  await page.locator('#card-name', { hasText: '王*试' }).waitFor({ timeout: 5000 });
  const masked = `${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(-4)}`;
  assert.equal(await page.locator('#card-number').textContent(), masked);
  const dom = await page.content();
  assert.ok(!dom.includes(card.idNumber), 'the full ID number never reaches the DOM');
  assert.ok(!dom.includes(card.name), 'the full name never reaches the DOM');

  await page.getByRole('button', { name: '打印取号单' }).click();
  await page.locator('#print-result', { hasText: '已打印' }).waitFor({ timeout: 5000 });
  await page.screenshot({ path: `${shots}/device-agent-check.png` });

  await control({ action: 'printer.paper', paper: 'out' });
  await page.getByRole('button', { name: '打印取号单' }).click();
  await page.locator('#print-result', { hasText: '缺纸' }).waitFor({ timeout: 5000 });

  const controlPage = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  await controlPage.goto(`${agent.origin}/control#token=${agent.token}`);
  await controlPage.locator('#card', { hasText: '王*试' }).waitFor({ timeout: 5000 });
  const printout = controlPage.locator('.printout img').first();
  await printout.waitFor({ timeout: 10_000 });
  await controlPage.waitForFunction(() => {
    const img = document.querySelector('.printout img') as HTMLImageElement | null;
    return img?.complete === true && img.naturalWidth > 0;
  });
  assert.ok(!(await controlPage.content()).includes(card.idNumber));
  await controlPage.screenshot({ path: `${shots}/device-agent-control.png`, fullPage: true });

  const intruder = await browser.newPage();
  await intruder.goto(`${agent.origin}/#token=not-the-token-at-all`);
  await intruder.locator('#connection', { hasText: '令牌无效' }).waitFor({ timeout: 5000 });
  assert.equal(await intruder.locator('#card').textContent(), '请将证件放在阅读器上');
});

test('SIGTERM stops the agent cleanly and takes its socat processes with it', { timeout: 15_000 }, async () => {
  const pid = String(agent.child.pid);
  const socats = spawnSync('pgrep', ['-P', pid, 'socat'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  assert.equal(socats.length, 4);
  const exited = new Promise<number | null>((resolve) => agent.child.once('exit', (code) => resolve(code)));
  agent.child.kill('SIGTERM');
  assert.equal(await exited, 0, agent.stderr());
  for (const socat of socats) {
    assert.notEqual(spawnSync('kill', ['-0', socat]).status, 0, `socat ${socat} is gone`);
  }
  assert.ok(!agent.stderr().includes(sampleCards.resident.idNumber), 'the log holds no full ID number');
  assert.match(agent.stderr(), /idcard: card 王\*试/);
});
