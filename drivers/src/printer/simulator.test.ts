import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMemoryPair } from '../transport/memory';
import { PrinterSimulator } from './simulator';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

async function connected(simulator: PrinterSimulator) {
  const { host, device } = createMemoryPair();
  await simulator.serve(device);
  await host.open();
  const replies: number[] = [];
  host.onData((chunk) => replies.push(...chunk));
  return { host, replies };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('documents are split at cuts; text after the last cut stays pending', async () => {
  const simulator = new PrinterSimulator();
  const { host } = await connected(simulator);
  await host.write(hex('41 0A 1D 56 00 42 0A 1D 56 42 00 43 0A'));
  await tick();
  assert.deepEqual(
    simulator.documents.map((d) => d.lines.map((l) => l.text)),
    [['A'], ['B']],
  );
  assert.deepEqual(simulator.documents[1]?.items.at(-1), { kind: 'cut', partial: true });
  assert.deepEqual(simulator.pendingItems, [
    { kind: 'line', text: 'C', align: 'left', width: 1, height: 1, bold: false },
  ]);
});

test('DLE EOT is answered from the settable state with the reference bytes', async () => {
  const simulator = new PrinterSimulator();
  const { host, replies } = await connected(simulator);
  const ask = async () => {
    replies.length = 0;
    await host.write(hex('10 04 01 10 04 02 10 04 04'));
    await tick();
    return [...replies];
  };
  assert.deepEqual(await ask(), [0x12, 0x12, 0x12]);
  simulator.setPaper('nearEnd');
  assert.deepEqual(await ask(), [0x12, 0x12, 0x1e]);
  simulator.setPaper('out');
  assert.deepEqual(await ask(), [0x1a, 0x32, 0x72]);
  simulator.setPaper('ok');
  simulator.setCoverOpen(true);
  assert.deepEqual(await ask(), [0x1a, 0x16, 0x12]);
  simulator.setCoverOpen(false);
  simulator.setOffline(true);
  assert.deepEqual(await ask(), [0x1a, 0x12, 0x12]);
});

test('a printer that cannot print drops what it is sent', async () => {
  const simulator = new PrinterSimulator({ state: { paper: 'out' } });
  const { host } = await connected(simulator);
  await host.write(hex('41 0A 1D 56 00'));
  await tick();
  assert.equal(simulator.documents.length, 0);
  assert.equal(simulator.dropped, 2);
});

test('malformed bytes are recorded, not fatal', async () => {
  const simulator = new PrinterSimulator();
  const { host } = await connected(simulator);
  await host.write(hex('1B 99 41 0A 1D 56 00'));
  await tick();
  assert.equal(simulator.issues[0]?.code, 'unknownCommand');
  assert.equal(simulator.documents[0]?.lines[0]?.text, 'A');
});

test('with pngDir each document is drawn to a PNG file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'yimen-printer-'));
  try {
    const simulator = new PrinterSimulator({ pngDir: dir, paperWidth: 58 });
    const { host } = await connected(simulator);
    const next = simulator.nextDocument();
    await host.write(Buffer.concat([hex('1B 40 1C 26 B2 E2 CA D4 0A 1D 56 00')]));
    const document = await next;
    assert.equal(document.pngError, undefined);
    assert.equal(document.png, join(dir, 'printout-1.png'));
    assert.ok(existsSync(document.png));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a link served again after disconnect is answered once per status query, not once per serve', async () => {
  const simulator = new PrinterSimulator();
  const { host, device } = createMemoryPair();
  await simulator.serve(device);
  await host.open();
  const replies: number[] = [];
  host.onData((chunk) => replies.push(...chunk));
  await simulator.disconnect();
  await simulator.serve(device);
  await simulator.serve(device);
  await host.write(hex('10 04 01'));
  await tick();
  assert.deepEqual(replies, [0x12]);
});
