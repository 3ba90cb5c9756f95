import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerialTransport } from './serial';
import { collectBytes, isDeviceError, until, withPtyPair } from './test-support';
import type { DeviceError } from './transport';

test('serial transport carries bytes both ways over a socat pty pair', async () => {
  let host: SerialTransport | undefined;
  await withPtyPair(115200, async (pty) => {
    host = pty.hostSide();
    const device = pty.deviceSide();
    try {
      await host.open();
      await device.open();
      assert.equal(host.isOpen, true);
      const atDevice = collectBytes(device);
      const atHost = collectBytes(host);
      const request = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22]);
      await host.write(request);
      assert.deepEqual(await atDevice.waitFor(request.length), request);
      // A larger block checks that chunked arrival is reassembled in order.
      const block = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff));
      await device.write(block);
      assert.deepEqual(await atHost.waitFor(block.length), block);
    } finally {
      await host.close();
      await device.close();
    }
  });
  assert.equal(host?.isOpen, false);
});

test('opening a missing serial path rejects with DeviceError absent', async () => {
  const transport = new SerialTransport({ path: '/dev/ttyYIMEN-missing-0', baudRate: 9600 });
  await assert.rejects(transport.open(), (error: unknown) => {
    assert.ok(isDeviceError('absent')(error));
    assert.match((error as DeviceError).message, /ttyYIMEN-missing-0/);
    return true;
  });
  assert.equal(transport.isOpen, false);
});

test('a port another program holds is a fault (io), not an absent device', () =>
  withPtyPair(9600, async (pty) => {
    const first = pty.hostSide();
    await first.open();
    try {
      await assert.rejects(pty.hostSide().open(), (error: unknown) => {
        assert.ok(isDeviceError('io')(error), String(error));
        assert.match((error as DeviceError).message, /lock/i);
        return true;
      });
    } finally {
      await first.close();
    }
  }));

test('writing to a closed serial transport rejects with DeviceError closed', async () => {
  const transport = new SerialTransport({ path: '/dev/ttyYIMEN-missing-1', baudRate: 9600 });
  await assert.rejects(transport.write(Buffer.from([1])), isDeviceError('closed'));
});

test('killing socat mid-stream reports the link as lost', () =>
  withPtyPair(115200, async (pty) => {
    const host = pty.hostSide();
    const device = pty.deviceSide();
    await host.open();
    await device.open();
    const losses: DeviceError[] = [];
    host.onLost((error) => losses.push(error));
    const atHost = collectBytes(host);
    await device.write(Buffer.from([1, 2, 3]));
    await atHost.waitFor(3);
    await pty.pair.close();
    await until('onLost', () => losses.length > 0);
    assert.ok(isDeviceError('absent')(losses[0]));
    assert.equal(host.isOpen, false);
    await assert.rejects(host.write(Buffer.from([1])), isDeviceError('closed'));
    await device.close();
    await host.close();
  }));
