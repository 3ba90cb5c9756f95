import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryPair, type MemoryTransport } from '../transport/memory';
import { delay, isDeviceError, waitForStatus } from '../transport/test-support';
import { ackPacket, DEFAULT_ADDRESS, decodeCommand, decodePacket, R30xError, u16Data } from './r30x-codec';
import {
  type EnrollStep,
  FingerprintRejectedError,
  FingerprintScanner,
  type FingerprintScannerOptions,
} from './scanner';
import { FingerprintSimulator, type FingerprintSimulatorOptions } from './simulator';

interface Rig {
  host: MemoryTransport;
  sim: FingerprintSimulator;
  scanner: FingerprintScanner;
}
interface RigOptions {
  sim?: FingerprintSimulatorOptions;
  scanner?: Partial<FingerprintScannerOptions>;
  expect?: 'ready' | 'fault';
}

/** A scanner on a memory link to a simulator, closed after `body`. */
async function withRig(options: RigOptions, body: (r: Rig) => Promise<void>): Promise<void> {
  const { host, device } = createMemoryPair();
  const sim = new FingerprintSimulator(device, options.sim);
  await sim.start();
  const scanner = new FingerprintScanner({
    createTransport: () => host,
    replyTimeoutMs: 150,
    pollIntervalMs: 5,
    probeIntervalMs: 0,
    backoffMs: { min: 10, max: 40 },
    ...options.scanner,
  });
  try {
    await waitForStatus(scanner, options.expect ?? 'ready');
    await body({ host, sim, scanner });
  } finally {
    await scanner.close();
    await sim.stop();
  }
}

test('opening verifies the password and reads the system parameters', async () => {
  await withRig({}, async (r) => {
    assert.deepEqual(r.sim.received.slice(0, 2), [{ name: 'vfyPwd', password: 0 }, { name: 'readSysPara' }]);
    assert.equal(r.scanner.systemParameters?.capacity, 300);
    assert.equal(r.scanner.systemParameters?.baudRate, 57600);
  });
});

test('identify: a stored finger is found with its page id and score, searching the whole library', async () => {
  await withRig({}, async (r) => {
    r.sim.storeTemplate(7, 'clerk-zhang');
    r.sim.pressFinger('clerk-zhang');
    assert.deepEqual(await r.scanner.identify({ timeoutMs: 1000 }), { kind: 'match', pageId: 7, score: 150 });
    const search = r.sim.received.at(-1);
    assert.deepEqual(search, { name: 'highSpeedSearch', buffer: 1, startPage: 0, pageCount: 300 });
  });
});

test('identify keeps polling GenImg until a finger arrives', async () => {
  await withRig({}, async (r) => {
    r.sim.storeTemplate(2, 'clerk-li');
    const started = r.sim.received.length;
    const result = r.scanner.identify({ timeoutMs: 2000 });
    await delay(60);
    r.sim.pressFinger('clerk-li');
    assert.deepEqual(await result, { kind: 'match', pageId: 2, score: 150 });
    const polls = r.sim.received.slice(started).filter((c) => c.name === 'genImg').length;
    assert.ok(polls >= 3, `polled ${polls} times`);
  });
});

test('identify: an unknown finger is a typed no match', async () => {
  await withRig({}, async (r) => {
    r.sim.storeTemplate(0, 'clerk-zhang');
    r.sim.pressFinger('visitor');
    assert.deepEqual(await r.scanner.identify({ timeoutMs: 1000 }), { kind: 'noMatch' });
  });
});

test('identify: no finger within the timeout ends with a timeout result', async () => {
  await withRig({}, async (r) => {
    const started = Date.now();
    assert.deepEqual(await r.scanner.identify({ timeoutMs: 120 }), { kind: 'timeout' });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 115 && elapsed < 1000, `took ${elapsed} ms`);
    assert.equal(r.scanner.status.state, 'ready');
  });
});

test('identify: a smudged press is a bad image, and an abort cancels the wait', async () => {
  await withRig({}, async (r) => {
    r.sim.pressFinger('clerk-zhang', 'messy');
    const bad = await r.scanner.identify({ timeoutMs: 1000 });
    assert.equal(bad.kind, 'badImage');
    assert.equal(bad.kind === 'badImage' && bad.confirmation.zh, '指纹图像太乱，无法生成特征');
    r.sim.liftFinger();
    const abort = new AbortController();
    const waiting = r.scanner.identify({ timeoutMs: 5000, signal: abort.signal });
    await delay(30);
    abort.abort();
    assert.deepEqual(await waiting, { kind: 'cancelled' });
  });
});

/** Plays the clerk: follows each progress step with the given fingers. */
function clerk(r: Rig, first: string, second: string, steps: EnrollStep[]) {
  return (step: EnrollStep) => {
    steps.push(step);
    if (step === 'press') setTimeout(() => r.sim.pressFinger(first), 20);
    if (step === 'lift') setTimeout(() => r.sim.liftFinger(), 20);
    if (step === 'pressAgain') setTimeout(() => r.sim.pressFinger(second), 20);
  };
}

test('enroll: two presses of the same finger store a template that identify then finds', async () => {
  await withRig({}, async (r) => {
    const steps: EnrollStep[] = [];
    const result = await r.scanner.enroll(3, {
      timeoutMs: 1000,
      onProgress: clerk(r, 'clerk-wang', 'clerk-wang', steps),
    });
    assert.deepEqual(result, { kind: 'enrolled', pageId: 3 });
    assert.deepEqual(steps, ['press', 'lift', 'pressAgain']);
    assert.equal(r.sim.library().get(3), 'clerk-wang');
    const names = r.sim.received.map((c) => c.name);
    assert.deepEqual(names.slice(-2), ['regModel', 'store']);
    assert.deepEqual(r.sim.received.at(-1), { name: 'store', buffer: 1, pageId: 3 });
    assert.ok(names.includes('img2Tz'));
    assert.equal(await r.scanner.count(), 1);
    assert.deepEqual(await r.scanner.identify({ timeoutMs: 1000 }), { kind: 'match', pageId: 3, score: 150 });
  });
});

test('enroll: two different fingers are a typed mismatch and store nothing', async () => {
  await withRig({}, async (r) => {
    const result = await r.scanner.enroll(4, { timeoutMs: 1000, onProgress: clerk(r, 'clerk-wang', 'clerk-zhao', []) });
    assert.equal(result.kind, 'mismatch');
    assert.equal(result.kind === 'mismatch' && result.confirmation.code, 0x0a);
    assert.equal(r.sim.library().size, 0);
    assert.equal(await r.scanner.count(), 0);
  });
});

test('enroll: a finger never lifted times out at the lift step', async () => {
  await withRig({}, async (r) => {
    r.sim.pressFinger('clerk-wang');
    assert.deepEqual(await r.scanner.enroll(1, { timeoutMs: 80 }), { kind: 'timeout', step: 'lift' });
  });
});

test('enroll: a page id outside the library is refused before anyone presses', async () => {
  await withRig({}, async (r) => {
    const before = r.sim.received.length;
    await assert.rejects(r.scanner.enroll(300), (e) => e instanceof R30xError && e.code === 'badArgument');
    assert.equal(r.sim.received.length, before);
  });
});

test('enroll: a progress listener that throws does not break the flow', async () => {
  await withRig({}, async (r) => {
    r.sim.pressFinger('clerk-wang');
    const steps: EnrollStep[] = [];
    const onProgress = (step: EnrollStep) => {
      clerk(r, 'clerk-wang', 'clerk-wang', steps)(step);
      throw new Error('listener bug');
    };
    const warned = new Promise((resolve) => process.once('warning', resolve));
    assert.deepEqual(await r.scanner.enroll(5, { timeoutMs: 1000, onProgress }), { kind: 'enrolled', pageId: 5 });
    assert.match(String(await warned), /listener bug/);
  });
});

test('delete, clear and count', async () => {
  await withRig({}, async (r) => {
    for (const [page, finger] of [
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
      [10, 'd'],
    ] as const) {
      r.sim.storeTemplate(page, finger);
    }
    assert.equal(await r.scanner.count(), 4);
    await r.scanner.delete(1);
    assert.deepEqual([...r.sim.library().keys()], [0, 2, 10]);
    await r.scanner.delete(0, 3);
    assert.equal(await r.scanner.count(), 1);
    await assert.rejects(r.scanner.delete(299, 5), (e) => {
      assert.ok(e instanceof FingerprintRejectedError);
      assert.equal(e.code, 'deleteFailed');
      assert.equal(e.confirmation.zh, '删除模板失败');
      return true;
    });
    await r.scanner.clear();
    assert.equal(await r.scanner.count(), 0);
  });
});

test('password: a wrong one is a fault, the right one opens', async () => {
  await withRig({ sim: { password: 0x1234 }, expect: 'fault' }, async (r) => {
    const status = r.scanner.status;
    assert.equal(status.state === 'fault' && /wrong password/.test(status.reason), true);
  });
  await withRig({ sim: { password: 0x1234 }, scanner: { password: 0x1234 } }, async (r) => {
    assert.equal(await r.scanner.count(), 0);
  });
});

test('a reply that never comes is a typed timeout; the module is reopened', async () => {
  await withRig({}, async (r) => {
    r.sim.injectFault({ kind: 'silent' });
    await assert.rejects(r.scanner.count(), isDeviceError('timeout'));
    assert.equal(r.scanner.status.state, 'absent');
    await waitForStatus(r.scanner, 'ready');
    assert.equal(await r.scanner.count(), 0);
  });
});

test('damaged, noisy and fragmented replies', async () => {
  await withRig({}, async (r) => {
    r.sim.storeTemplate(0, 'a');
    r.sim.injectFault({ kind: 'corruptChecksum' });
    await assert.rejects(r.scanner.count(), isDeviceError('protocol'));
    r.sim.injectFault({ kind: 'garbage', bytes: Uint8Array.of(0x55, 0xef, 0x00, 0xef) });
    assert.equal(await r.scanner.count(), 1);
    r.sim.injectFault({ kind: 'fragmented' });
    assert.equal(await r.scanner.count(), 1);
    r.sim.injectFault({ kind: 'confirmation', code: 0x18 });
    await assert.rejects(r.scanner.count(), (e) => e instanceof FingerprintRejectedError && e.code === 'flashError');
    assert.equal(r.scanner.status.state, 'ready');
  });
});

test('commands are queued: never more than one in flight', async () => {
  const { host, device } = createMemoryPair();
  await device.open();
  let outstanding = 0;
  let most = 0;
  device.onData((chunk) => {
    const command = decodeCommand(decodePacket(chunk).payload);
    outstanding++;
    most = Math.max(most, outstanding);
    const data =
      command.name === 'readSysPara'
        ? Uint8Array.of(0, 0, 0, 0, 0, 200, 0, 3, 0xff, 0xff, 0xff, 0xff, 0, 2, 0, 6)
        : command.name === 'templateNum'
          ? u16Data(9)
          : undefined;
    setTimeout(() => {
      outstanding--;
      void device.write(ackPacket(0, data, DEFAULT_ADDRESS));
    }, 15);
  });
  const scanner = new FingerprintScanner({ createTransport: () => host, probeIntervalMs: 0 });
  try {
    await waitForStatus(scanner, 'ready');
    const results = await Promise.all([scanner.count(), scanner.delete(1), scanner.clear(), scanner.count()]);
    assert.deepEqual(results, [9, undefined, undefined, 9]);
    assert.equal(most, 1);
    assert.equal(scanner.systemParameters?.capacity, 200);
  } finally {
    await scanner.close();
  }
});

test('unplugged: absent, commands fail typed; replugged: ready again', async () => {
  await withRig({}, async (r) => {
    r.host.unplug();
    await waitForStatus(r.scanner, 'absent');
    await assert.rejects(r.scanner.count(), isDeviceError('absent'));
    r.host.replug();
    await waitForStatus(r.scanner, 'ready');
    assert.equal(await r.scanner.count(), 0);
  });
});

test('an idle module that stops answering is noticed by the probe and comes back', async () => {
  await withRig({ scanner: { probeIntervalMs: 30 } }, async (r) => {
    await r.sim.stop();
    await waitForStatus(r.scanner, 'absent');
    await r.sim.start();
    await waitForStatus(r.scanner, 'ready');
    assert.equal(await r.scanner.count(), 0);
  });
});

test('templates: read from the module that enrolled the finger, written into another, which then knows it', async () => {
  await withRig({}, async (a) => {
    a.sim.storeTemplate(4, 'clerk-li');
    const template = await a.scanner.readTemplate(4);
    assert.equal(template.length, 512);
    assert.deepEqual(
      a.sim.received.slice(-2).map((c) => c.name),
      ['loadChar', 'upChar'],
    );
    await assert.rejects(
      a.scanner.readTemplate(5),
      (e) => e instanceof FingerprintRejectedError && e.code === 'templateReadFailed',
    );
    await withRig({}, async (b) => {
      await b.scanner.writeTemplate(9, template);
      assert.equal(b.sim.library().get(9), 'clerk-li');
      b.sim.pressFinger('clerk-li');
      assert.deepEqual(await b.scanner.identify({ timeoutMs: 1000 }), { kind: 'match', pageId: 9, score: 150 });
      // Bytes that are no template leave the buffer empty: Store refuses, nothing is stored.
      const garbage = new Uint8Array(512).fill(0x5a);
      await assert.rejects(b.scanner.writeTemplate(10, garbage), FingerprintRejectedError);
      assert.equal(b.sim.library().has(10), false);
      await assert.rejects(b.scanner.writeTemplate(11, template.subarray(0, 100)), R30xError);
    });
  });
});
