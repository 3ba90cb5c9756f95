import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { DEFAULT_BAUD_RATE } from './r30x-codec';
import { type EnrollStep, FingerprintScanner } from './scanner';
import { FingerprintSimulator } from './simulator';
import { waitForStatus } from './test-support';

interface PtyRig {
  sim: FingerprintSimulator;
  scanner: FingerprintScanner;
}

/** Scanner and simulator on the two ends of a socat pty pair, each through the real serialport. */
async function withPtyRig(body: (r: PtyRig) => Promise<void>): Promise<void> {
  const pair = await createPtyPair();
  const sim = new FingerprintSimulator(new SerialTransport({ path: pair.devicePath, baudRate: DEFAULT_BAUD_RATE }));
  await sim.start();
  const scanner = new FingerprintScanner({
    createTransport: () => new SerialTransport({ path: pair.hostPath, baudRate: DEFAULT_BAUD_RATE }),
    replyTimeoutMs: 500,
    pollIntervalMs: 10,
    probeIntervalMs: 100,
    backoffMs: { min: 50, max: 200 },
  });
  try {
    await waitForStatus(scanner, 'ready');
    await body({ sim, scanner });
  } finally {
    await scanner.close();
    await sim.stop();
    await pair.close();
  }
}

test('over a real pty pair: enroll with two presses, then identify', async () => {
  await withPtyRig(async ({ sim, scanner }) => {
    const steps: EnrollStep[] = [];
    const enrolled = await scanner.enroll(12, {
      timeoutMs: 2000,
      onProgress: (step) => {
        steps.push(step);
        setTimeout(() => (step === 'lift' ? sim.liftFinger() : sim.pressFinger('clerk-chen')), 30);
      },
    });
    assert.deepEqual(enrolled, { kind: 'enrolled', pageId: 12 });
    assert.deepEqual(steps, ['press', 'lift', 'pressAgain']);
    assert.equal(sim.library().get(12), 'clerk-chen');

    assert.deepEqual(await scanner.identify({ timeoutMs: 2000 }), { kind: 'match', pageId: 12, score: 150 });
    sim.pressFinger('stranger');
    assert.deepEqual(await scanner.identify({ timeoutMs: 2000 }), { kind: 'noMatch' });
    assert.equal(await scanner.count(), 1);
  });
});

test('over a real pty pair: simulator closed → absent, reopened → ready', async () => {
  await withPtyRig(async ({ sim, scanner }) => {
    sim.storeTemplate(4, 'clerk-chen');
    await sim.stop();
    const absent = await waitForStatus(scanner, 'absent');
    assert.match(absent.state === 'absent' ? (absent.reason ?? '') : '', /no reply|no answer/);
    await sim.start();
    await waitForStatus(scanner, 'ready');
    sim.pressFinger('clerk-chen');
    assert.deepEqual(await scanner.identify({ timeoutMs: 2000 }), { kind: 'match', pageId: 4, score: 150 });
  });
});
