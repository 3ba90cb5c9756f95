import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPtyPair } from './pty-pair';
import { SerialTransport } from './serial';
import { DeviceError } from './transport';

function collect(transport: SerialTransport): { bytes: () => Buffer; waitFor: (n: number) => Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const waiters: (() => void)[] = [];
  transport.onData((chunk) => {
    chunks.push(chunk);
    for (const wake of waiters.splice(0)) wake();
  });
  const bytes = () => Buffer.concat(chunks);
  return {
    bytes,
    async waitFor(n) {
      const deadline = Date.now() + 3000;
      while (bytes().length < n) {
        if (Date.now() > deadline) throw new Error(`only ${bytes().length} of ${n} bytes arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return bytes();
    },
  };
}

test('serial transport carries bytes both ways over a socat pty pair', async () => {
  const pair = await createPtyPair();
  const host = new SerialTransport({ path: pair.hostPath, baudRate: 115200 });
  const device = new SerialTransport({ path: pair.devicePath, baudRate: 115200 });
  try {
    await host.open();
    await device.open();
    assert.equal(host.isOpen, true);
    const atDevice = collect(device);
    const atHost = collect(host);
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
    await pair.close();
  }
  assert.equal(host.isOpen, false);
});

test('opening a missing serial path rejects with DeviceError absent', async () => {
  const transport = new SerialTransport({ path: '/dev/ttyYIMEN-missing-0', baudRate: 9600 });
  await assert.rejects(transport.open(), (error: unknown) => {
    assert.ok(error instanceof DeviceError);
    assert.equal(error.kind, 'absent');
    assert.match(error.message, /ttyYIMEN-missing-0/);
    return true;
  });
  assert.equal(transport.isOpen, false);
});

test('writing to a closed serial transport rejects with DeviceError closed', async () => {
  const transport = new SerialTransport({ path: '/dev/ttyYIMEN-missing-1', baudRate: 9600 });
  await assert.rejects(transport.write(Buffer.from([1])), (error: unknown) => {
    assert.ok(error instanceof DeviceError);
    assert.equal(error.kind, 'closed');
    return true;
  });
});

test('killing socat mid-stream reports the link as lost', async () => {
  const pair = await createPtyPair();
  const host = new SerialTransport({ path: pair.hostPath, baudRate: 115200 });
  const device = new SerialTransport({ path: pair.devicePath, baudRate: 115200 });
  await host.open();
  await device.open();
  const lost = new Promise<DeviceError>((resolve) => host.onLost(resolve));
  const atHost = collect(host);
  await device.write(Buffer.from([1, 2, 3]));
  await atHost.waitFor(3);
  await pair.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const error = await Promise.race([
    lost,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no onLost within 3 s')), 3000);
    }),
  ]).finally(() => clearTimeout(timer));
  assert.ok(error instanceof DeviceError);
  assert.equal(error.kind, 'absent');
  assert.equal(host.isOpen, false);
  await assert.rejects(host.write(Buffer.from([1])), { name: 'DeviceError' });
  await device.close();
  await host.close();
});
