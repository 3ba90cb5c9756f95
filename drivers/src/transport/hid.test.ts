import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import {
  createHidTransport,
  type HidDeviceInfo,
  type HidDeviceLike,
  HidTransport,
  type NodeHidModule,
  openNodeHidDevice,
  selectHidDevice,
} from './hid';
import { isDeviceError } from './test-support';
import { DeviceError } from './transport';

class FakeDevice extends EventEmitter implements HidDeviceLike {
  readonly writes: Buffer[] = [];
  closed = 0;
  failWrites = false;
  write(data: number[] | Buffer): number {
    if (this.failWrites) throw new Error('write failed');
    this.writes.push(Buffer.from(data));
    return data.length;
  }
  async close(): Promise<void> {
    this.closed++;
  }
}

function transportOver(device: FakeDevice): HidTransport {
  return new HidTransport({ description: 'hid test', openDevice: async () => device });
}

test('reports arrive as one data chunk each; writes go to the device', async () => {
  const device = new FakeDevice();
  const transport = transportOver(device);
  const chunks: Buffer[] = [];
  transport.onData((chunk) => chunks.push(chunk));
  await transport.open();
  assert.equal(transport.isOpen, true);
  device.emit('data', Buffer.from([0x01, 0x03, 0x00]));
  device.emit('data', Buffer.from([0x01, 0x00, 0x00]));
  assert.deepEqual(chunks, [Buffer.from([0x01, 0x03, 0x00]), Buffer.from([0x01, 0x00, 0x00])]);
  await transport.write(Uint8Array.of(0x00, 0x42));
  assert.deepEqual(device.writes, [Buffer.from([0x00, 0x42])]);
});

test('a device error is a loss: onLost with DeviceError absent, the device closed, later data ignored', async () => {
  const device = new FakeDevice();
  const transport = transportOver(device);
  const lost: DeviceError[] = [];
  const chunks: Buffer[] = [];
  transport.onLost((error) => lost.push(error));
  transport.onData((chunk) => chunks.push(chunk));
  await transport.open();
  device.emit('error', new Error('could not read from HID device'));
  assert.equal(lost.length, 1);
  assert.equal(lost[0]?.kind, 'absent');
  assert.match(lost[0]?.message ?? '', /could not read/);
  assert.equal(transport.isOpen, false);
  assert.equal(device.closed, 1);
  device.emit('data', Buffer.from([1]));
  assert.deepEqual(chunks, []);
  await assert.rejects(transport.write(Uint8Array.of(0)), isDeviceError('closed'));
});

test('close() closes the device without reporting a loss, and the transport can reopen', async () => {
  const device = new FakeDevice();
  const transport = transportOver(device);
  let lost = 0;
  transport.onLost(() => lost++);
  await transport.open();
  await assert.rejects(transport.open(), isDeviceError('io'));
  await transport.close();
  assert.equal(device.closed, 1);
  assert.equal(transport.isOpen, false);
  await transport.close();
  assert.equal(device.closed, 1);
  const chunks: Buffer[] = [];
  transport.onData((chunk) => chunks.push(chunk));
  await transport.open();
  assert.equal(transport.isOpen, true);
  // The first open's listeners are still on the same device object: one chunk, not two.
  device.emit('data', Buffer.from([7]));
  assert.deepEqual(chunks, [Buffer.from([7])]);
  assert.equal(lost, 0);
});

test('open and write failures become DeviceErrors', async () => {
  const failing = new HidTransport({
    description: 'hid test',
    openDevice: async () => {
      throw new Error('cannot open device');
    },
  });
  await assert.rejects(failing.open(), isDeviceError('absent'));
  const device = new FakeDevice();
  const transport = transportOver(device);
  await transport.open();
  device.failWrites = true;
  await assert.rejects(transport.write(Uint8Array.of(0)), isDeviceError('io'));
});

const PAD = { vendorId: 0x1209, productId: 0x0001 };
const entry = (extra: Partial<HidDeviceInfo>): HidDeviceInfo => ({ ...PAD, path: '/dev/hidraw0', ...extra });

test('device lookup by vendor/product, picking the usage page when asked', () => {
  const devices = [
    entry({ vendorId: 0x046d, path: '/dev/hidraw9' }),
    entry({ path: '/dev/hidraw1', usagePage: 0x0c, usage: 1 }),
    entry({ path: '/dev/hidraw2', usagePage: 0xff00, usage: 1 }),
  ];
  assert.equal(selectHidDevice(devices, PAD).path, '/dev/hidraw1');
  assert.equal(selectHidDevice(devices, { ...PAD, usagePage: 0xff00 }).path, '/dev/hidraw2');
  assert.throws(() => selectHidDevice(devices, { ...PAD, productId: 2 }), isDeviceError('absent'));
  assert.throws(() => selectHidDevice(devices, { ...PAD, usagePage: 0xff01 }), isDeviceError('absent'));
});

test('a pad that only shows up as a keyboard is unsupported, with a zh-CN and English message', () => {
  const keyboard = [entry({ usagePage: 0x01, usage: 0x06 })];
  assert.throws(
    () => selectHidDevice(keyboard, { ...PAD, usagePage: 0xff00 }),
    (error: unknown) => {
      assert.ok(error instanceof DeviceError);
      assert.equal(error.kind, 'unsupported');
      assert.match(error.message, /键盘模式/);
      assert.match(error.message, /HID（非键盘）模式/);
      assert.match(error.message, /keyboard mode/);
      assert.match(error.message, /switch the pad to HID \(non-keyboard\) mode/i);
      assert.match(error.message, /1209:0001/);
      return true;
    },
  );
});

function fakeModule(devices: HidDeviceInfo[], open: (path: string) => Promise<HidDeviceLike>) {
  const drivers: string[] = [];
  const module: NodeHidModule = {
    setDriverType: (type) => drivers.push(type),
    devicesAsync: async () => devices,
    HIDAsync: { open },
  };
  return { module, drivers };
}

test('the node-hid factory selects hidraw, enumerates and opens the chosen path', async () => {
  const device = new FakeDevice();
  const opened: string[] = [];
  const { module, drivers } = fakeModule([entry({ path: '/dev/hidraw3', usagePage: 0xff00 })], async (path) => {
    opened.push(path);
    return device;
  });
  const transport = createHidTransport({ ...PAD, usagePage: 0xff00 }, module);
  assert.equal(transport.description, 'hid 1209:0001');
  await transport.open();
  assert.deepEqual(drivers, ['hidraw']);
  assert.deepEqual(opened, ['/dev/hidraw3']);
});

test('the node-hid factory reports keyboard mode and open failures as typed errors', async () => {
  const { module } = fakeModule([entry({ usagePage: 0x01, usage: 0x06 })], async () => new FakeDevice());
  await assert.rejects(openNodeHidDevice(PAD, module), isDeviceError('unsupported'));
  const denied = fakeModule([entry({})], async () => {
    throw new Error('cannot open device with path /dev/hidraw0');
  });
  await assert.rejects(openNodeHidDevice(PAD, denied.module), (error: unknown) => {
    assert.ok(isDeviceError('io')(error));
    assert.match((error as Error).message, /udev/);
    return true;
  });
});

test('the real node-hid module loads and reports a missing pad as absent', async () => {
  await assert.rejects(openNodeHidDevice({ vendorId: 0x1209, productId: 0xfffe }), isDeviceError('absent'));
});
