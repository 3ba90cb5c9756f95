/**
 * Kiosk bench: from a card on the reader to the ticket's print job handed to the printer
 * transport, through the software a citizen waits on — the kiosk's own flow and controller,
 * its bridge to the device agent over WebSocket, the hall-server's lookup and issue over
 * socket.io (committed with synchronous=FULL), and the ESC/POS rendering. The devices are
 * simulators on in-memory links, so no wire time is counted; the citizen taps the first
 * category the moment it can be tapped.
 *
 *   npm run bench:kiosk [-- --json] [-- --runs N]
 */

import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { DeviceHost } from '@yimen/drivers/agent/device-host';
import { startAgentServer } from '@yimen/drivers/agent/server';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import { IdCardSimulator } from '@yimen/drivers/idcard/simulator';
import { PrinterSimulator } from '@yimen/drivers/printer/simulator';
import { createMemoryPair } from '@yimen/drivers/transport/memory';
import { DEMO_HALL } from '@yimen/hall-server/demo/demo-hall';
import { ALWAYS_OPEN } from '@yimen/hall-server/domain';
import {
  createTestHall,
  removeTestHall,
  startTestServer,
  TEST_TERMINALS,
} from '@yimen/hall-server/testing/test-server';
import { KioskController } from '@yimen/kiosk/renderer/flow/kiosk-controller';
import { DEFAULT_RULES, idCheckChar } from '@yimen/protocol';
import { AgentPort, type WebSocketLike } from '@yimen/shell/browser/agent-port';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { BridgeClient } from '@yimen/shell/common/bridge-client';
import { WebSocket } from 'ws';
import { summarise } from '../realtime/stats';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '100' } },
});
const RUNS = Number(values.runs);
const WARMUP = 10;
const CATEGORY = 'cat-sb';

/** A made-up resident number per run, valid by GB 11643, so per-ID limits never interfere. */
function idNumber(n: number): string {
  const first17 = `32048119800101${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const hall = createTestHall({ ...DEMO_HALL, rules: { ...DEFAULT_RULES, issuingHours: ALWAYS_OPEN } }, TEST_TERMINALS);
  const server = await startTestServer(hall);
  const links = { idcard: createMemoryPair(), printer: createMemoryPair() };
  const reader = new IdCardSimulator(links.idcard.device);
  await reader.open();
  const printer = new PrinterSimulator();
  await printer.serve(links.printer.device);
  // The reader polls for cards; its interval is device cadence, not software time, and is left out.
  const host = new DeviceHost({
    idcard: { createTransport: () => links.idcard.host, pollIntervalMs: 20 },
    printer: { createTransport: () => links.printer.host, pollIntervalMs: 1000 },
  });
  const token = 'bench-kiosk-agent-token-0123456789';
  const agentServer = await startAgentServer({
    bridge: host,
    hello: { terminalId: 'kiosk-1', role: 'kiosk', simulated: true, devices: [...host.kinds] },
    token,
    port: 0,
  });
  const port = new AgentPort({
    url: `${agentServer.origin.replace('http:', 'ws:')}/bridge`,
    token,
    WebSocket: WebSocket as unknown as WebSocketLike,
  });
  const bridge = new BridgeClient(port);
  const connection = new HallConnection({ url: server.url, auth: { token: hall.token('kiosk-1') } });
  while (connection.state !== 'online' || !connection.config || !port.connected) await wait(20);

  const controller = new KioskController({
    hall: {
      request: connection.request.bind(connection),
      get online() {
        return connection.state === 'online';
      },
      onOnline: () => () => {},
    },
    bridge,
    speaker: { say: () => {}, silence: () => {} },
    config: () => connection.config,
    now: Date.now,
  });

  let cardAt = 0;
  let jobAt = 0;
  let lookupAt = 0;
  let issuedAt = 0;
  // The job's bytes arriving at the printer's transport: the end of the measured path.
  const write = links.printer.host.write.bind(links.printer.host);
  links.printer.host.write = async (data: Uint8Array) => {
    if (data.length > 200 && jobAt === 0) jobAt = performance.now();
    return write(data);
  };
  host.on('card', () => {
    cardAt = performance.now();
  });
  bridge.on('card', (event) => controller.card(event));
  controller.subscribe((state) => {
    const s = state.screen;
    if (s.name === 'card' && s.lookup && lookupAt === 0) {
      lookupAt = performance.now();
      controller.dispatch({ type: 'choose', categoryId: CATEGORY, idempotencyKey: `bench-${Math.random()}` });
    }
    if (s.name === 'printing' && issuedAt === 0) issuedAt = performance.now();
  });
  await bridge.idcard.start();

  const total: number[] = [];
  const parts = { lookup: [] as number[], issue: [] as number[], print: [] as number[] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    cardAt = jobAt = lookupAt = issuedAt = 0;
    reader.placeCard({ ...sampleCards.resident, idNumber: idNumber(i) });
    while (controller.state.screen.name !== 'done' && controller.state.screen.name !== 'failed') await wait(1);
    if (controller.state.screen.name === 'failed')
      throw new Error(`run ${i} failed: ${JSON.stringify(controller.state.screen)}`);
    if (i >= WARMUP) {
      total.push(jobAt - cardAt);
      parts.lookup.push(lookupAt - cardAt);
      parts.issue.push(issuedAt - lookupAt);
      parts.print.push(jobAt - issuedAt);
    }
    controller.dispatch({ type: 'idle' });
    reader.removeCard();
    await wait(60);
  }

  const result = {
    machine: {
      cpus: availableParallelism(),
      model: cpus()[0]?.model ?? 'unknown',
      memGiB: Math.round(totalmem() / 2 ** 30),
    },
    runs: RUNS,
    cardToPrintJobMs: summarise(total),
    cardToLookupMs: summarise(parts.lookup),
    lookupToIssuedMs: summarise(parts.issue),
    issuedToPrintJobMs: summarise(parts.print),
    goalP99Ms: 150,
  };
  controller.dispose();
  bridge.dispose();
  port.close();
  connection.close();
  await agentServer.close();
  await host.close();
  await reader.close();
  await server.dispose();
  removeTestHall(hall);
  if (values.json) console.log(JSON.stringify(result));
  else {
    const f = (s: { p50: number; p99: number; max: number }) => `median ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`;
    console.log(
      `kiosk: card placed → print job at the printer transport, ${RUNS} runs (${result.machine.cpus} × ${result.machine.model})`,
    );
    console.log(
      `  total                 ${f(result.cardToPrintJobMs)}   (goal p99 ≤ 150 ms: ${result.cardToPrintJobMs.p99 <= 150 ? 'met' : 'MISSED'})`,
    );
    console.log(`  card → lookup answered ${f(result.cardToLookupMs)}`);
    console.log(`  tap → ticket issued    ${f(result.lookupToIssuedMs)}`);
    console.log(`  issued → job handed    ${f(result.issuedToPrintJobMs)}`);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
