import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitForStatus, withPtyPair } from '../transport/test-support';
import { DEFAULT_BAUD_RATE } from './r30x-codec';
import { type EnrollStep, FingerprintScanner } from './scanner';
import { FingerprintSimulator } from './simulator';

interface PtyRig {
  sim: FingerprintSimulator;
  scanner: FingerprintScanner;
}

/** Scanner and simulator on the two ends of a socat pty pair, each through the real serialport. */
function withPtyRig(body: (r: PtyRig) => Promise<void>): Promise<void> {
  return withPtyPair(DEFAULT_BAUD_RATE, async (pty) => {
    const sim = new FingerprintSimulator(pty.deviceSide());
    await sim.start();
    const scanner = new FingerprintScanner({
      createTransport: pty.hostSide,
      replyTimeoutMs: 250,
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
    }
  });
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
