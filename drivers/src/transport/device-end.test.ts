import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeviceEnd } from './device-end';
import { createMemoryPair } from './memory';
import { delay } from './test-support';

test('a device end reopened any number of times hears each byte once, and nothing once closed', async () => {
  const { host, device } = createMemoryPair();
  const heard: number[] = [];
  const end = new DeviceEnd(device, (chunk) => heard.push(...chunk));
  await host.open();
  await end.open();
  await end.open();
  await host.write(Uint8Array.of(1));
  await delay(1);
  await end.close();
  await end.open();
  await host.write(Uint8Array.of(2));
  await delay(1);
  assert.deepEqual(heard, [1, 2]);
  await end.close();
  await host.write(Uint8Array.of(3));
  await delay(1);
  assert.deepEqual(heard, [1, 2]);
});

test('sending into a link nobody listens on is no error', async () => {
  const { device } = createMemoryPair();
  const end = new DeviceEnd(device, () => {});
  end.send(Uint8Array.of(0x06));
  await delay(1);
  assert.equal(device.isOpen, false);
});
