import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceStatus } from '@yimen/protocol';
import { createHidTransport, type HidDeviceInfo } from '../transport/hid';
import { waitForStatus } from '../transport/test-support';
import { DEFAULT_RATING_PAD_PROFILE } from './profile';
import { type RatingEvent, RatingPad } from './rating-pad';
import { RatingReportError } from './reports';
import { RatingPadSimulator } from './simulator';

function setup() {
  const simulator = new RatingPadSimulator();
  let clock = 1_700_000_000_000;
  const pad = new RatingPad({
    createTransport: () => simulator.createTransport(),
    backoffMs: { min: 10, max: 20 },
    now: () => clock++,
  });
  const ratings: RatingEvent[] = [];
  const problems: RatingReportError[] = [];
  pad.onRating((e) => ratings.push(e));
  pad.onProblem((e) => problems.push(e));
  return { simulator, pad, ratings, problems };
}

test('each press is one rating event with its level and time, however long the key is held', async () => {
  const { simulator, pad, ratings } = setup();
  try {
    await waitForStatus(pad, 'ready');
    simulator.press('verySatisfied');
    simulator.hold('dissatisfied', 5);
    simulator.release();
    assert.deepEqual(
      ratings.map((r) => [r.level, r.key, r.at.getTime()]),
      [
        ['verySatisfied', 1, 1_700_000_000_000],
        ['dissatisfied', 4, 1_700_000_000_001],
      ],
    );
  } finally {
    await pad.stop();
  }
});

test('garbage reports are problems; the pad keeps working', async () => {
  const { simulator, pad, ratings, problems } = setup();
  try {
    await waitForStatus(pad, 'ready');
    simulator.sendReport(Uint8Array.of(0x01, 0x0a));
    simulator.sendReport(Uint8Array.of(0x07, 0x01));
    simulator.sendReport(new Uint8Array(0));
    simulator.release();
    simulator.press('basic');
    assert.deepEqual(
      problems.map((p) => p.code),
      ['unknown-key', 'report-id', 'short'],
    );
    assert.ok(problems.every((p) => p instanceof RatingReportError));
    assert.deepEqual(
      ratings.map((r) => r.level),
      ['basic'],
    );
  } finally {
    await pad.stop();
  }
});

test('unplugged → absent, replugged → ready and rating again', async () => {
  const { simulator, pad, ratings } = setup();
  const statuses: DeviceStatus[] = [];
  pad.onStatus((s) => statuses.push(s));
  try {
    await waitForStatus(pad, 'ready');
    simulator.unplug();
    await waitForStatus(pad, 'absent');
    simulator.press('satisfied');
    assert.equal(ratings.length, 0);
    simulator.replug();
    await waitForStatus(pad, 'ready');
    simulator.press('satisfied');
    assert.deepEqual(
      ratings.map((r) => r.level),
      ['satisfied'],
    );
    const states = statuses.map((s) => s.state);
    assert.deepEqual(states.slice(0, 2), ['ready', 'absent']);
    assert.equal(states.at(-1), 'ready');
  } finally {
    await pad.stop();
  }
});

test('a pad in keyboard mode shows as a fault that tells the clerk to switch it to HID mode', async () => {
  const keyboard: HidDeviceInfo = {
    vendorId: DEFAULT_RATING_PAD_PROFILE.vendorId,
    productId: DEFAULT_RATING_PAD_PROFILE.productId,
    path: '/dev/hidraw0',
    usagePage: 0x01,
    usage: 0x06,
  };
  const pad = new RatingPad({
    createTransport: () =>
      createHidTransport(DEFAULT_RATING_PAD_PROFILE, {
        setDriverType: () => {},
        devicesAsync: async () => [keyboard],
        HIDAsync: {
          open: async () => assert.fail('a keyboard must not be opened'),
        },
      }),
    backoffMs: { min: 1000, max: 1000 },
  });
  try {
    await waitForStatus(pad, 'fault');
    const status = pad.status;
    assert.ok(status.state === 'fault');
    assert.match(status.reason, /键盘模式/);
    assert.match(status.reason, /non-keyboard/);
  } finally {
    await pad.stop();
  }
});
