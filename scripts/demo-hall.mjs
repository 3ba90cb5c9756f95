// The demo hall on one machine: the hall-server with its seeded demo database, and a device
// agent in simulate mode for each demo terminal that has devices. Prints one address.
// Usage: node scripts/demo-hall.mjs   (PORT, default 8080; YIMEN_DB, default data/hall.db)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const dbPath = resolve(root, process.env.YIMEN_DB ?? 'data/hall.db');
const dataDir = dirname(dbPath);
const agentsDir = join(dataDir, 'demo-agents');
mkdirSync(agentsDir, { recursive: true });

/** A window's devices on its pad: rating keys, LED bar, the clerk's caller keypad, fingerprint module. */
const WINDOW_DEVICES = {
  ratingPad: {
    transport: { type: 'hid', vendorId: 0x1209, productId: 0x0001, usagePage: 0xff00 },
    profile: {
      reportId: 1,
      keyByteIndex: 1,
      keys: { 1: 'verySatisfied', 2: 'satisfied', 3: 'basic', 4: 'dissatisfied', 5: 'veryDissatisfied' },
    },
  },
  led: { transport: { type: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 }, address: 1 },
  callerBus: { transport: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 9600 } },
  fingerprint: { transport: { type: 'serial', path: '/dev/ttyUSB1', baudRate: 57600 } },
};

/** The demo's terminals with devices; each gets an agent with simulators on its own port. */
const TERMINALS = [
  {
    id: 'kiosk-1',
    role: 'kiosk',
    port: 17321,
    devices: {
      idcard: { transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } },
      printer: { transport: { type: 'tcp', host: '127.0.0.1', port: 9100 }, paperWidth: 80 },
    },
  },
  // The pads of windows 1 and 2 (社保), where the demo's first clerks sit.
  { id: 'evaluator-win-01', role: 'evaluator', port: 17322, devices: WINDOW_DEVICES },
  { id: 'evaluator-win-02', role: 'evaluator', port: 17323, devices: WINDOW_DEVICES },
];

function lanAddress() {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

const lan = lanAddress();
const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(lan ? [`http://${lan}:${port}`] : [])];

/** Agent configs keep their token between runs, so enrolled demo terminals stay paired. */
function agentConfig(t) {
  const path = join(agentsDir, `${t.id}.json`);
  let token = randomBytes(24).toString('base64url');
  if (existsSync(path)) token = JSON.parse(readFileSync(path, 'utf8')).agent.token;
  const config = {
    terminal: { id: t.id, role: t.role },
    agent: { port: t.port, token, allowedOrigins: origins },
    devices: t.devices,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return { path, token };
}

const children = [];
function start(name, args, env, ready) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    const onData = (chunk) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolveStart({ child, match, output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      onData(chunk);
      if (process.env.YIMEN_DEMO_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
    });
    child.once('exit', (code) => {
      reject(new Error(`${name} exited with ${code}:\n${out}`));
      shutdown(code ?? 1);
    });
  });
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const agents = [];
for (const t of TERMINALS) {
  const { path, token } = agentConfig(t);
  const agent = await start(
    `agent ${t.id}`,
    ['drivers/src/agent/main.ts', '--config', path, '--simulate'],
    {},
    /bridge:\s+(\S+)/,
  );
  const bridgeUrl = agent.match[1].split('?')[0];
  const control = /control page:\s+(\S+)/.exec(agent.output())?.[1] ?? '';
  agents.push({ terminalId: t.id, bridgeUrl, token, controlUrl: control });
}
const agentsPath = join(dataDir, 'demo-agents.json');
writeFileSync(agentsPath, `${JSON.stringify(agents, null, 2)}\n`, { mode: 0o600 });

const hall = await start(
  'hall-server',
  ['hall-server/src/main.ts'],
  { PORT: String(port), YIMEN_DB: dbPath, YIMEN_DEMO_AGENTS: agentsPath },
  /listening on port (\d+)/,
);
hall.child.stdout.on('data', (chunk) => process.stdout.write(chunk));
const lines = [
  '',
  '  一门 Yimen · 演示大厅 demo hall',
  `  打开 open  http://localhost:${hall.match[1]}/`,
  ...(lan ? [`  局域网 LAN http://${lan}:${hall.match[1]}/`] : []),
  '  Ctrl+C 停止 to stop',
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
