import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listSerialPorts } from './serial-ports';

/** A fake /sys/class/tty: a USB adapter, a real UART, an empty UART slot and a virtual console. */
function fakeSysfs(): string {
  const root = mkdtempSync(join(tmpdir(), 'yimen-sysfs-'));
  const usbDevice = join(root, 'devices/usb1/1-1');
  const usbTty = join(usbDevice, '1-1:1.0/ttyUSB0');
  mkdirSync(usbTty, { recursive: true });
  writeFileSync(join(usbDevice, 'idVendor'), '1a86\n');
  writeFileSync(join(usbDevice, 'idProduct'), '7523\n');
  writeFileSync(join(usbDevice, 'manufacturer'), 'QinHeng\n');
  const uart = join(root, 'devices/pnp0/00:01');
  mkdirSync(uart, { recursive: true });
  const cls = join(root, 'class/tty');
  for (const name of ['ttyUSB0', 'ttyS0', 'ttyS1', 'tty1']) mkdirSync(join(cls, name), { recursive: true });
  symlinkSync(usbTty, join(cls, 'ttyUSB0/device'));
  symlinkSync(uart, join(cls, 'ttyS0/device'));
  writeFileSync(join(cls, 'ttyS0/type'), '4\n');
  symlinkSync(uart, join(cls, 'ttyS1/device'));
  writeFileSync(join(cls, 'ttyS1/type'), '0\n');
  return root;
}

test('a missing udevadm falls back to sysfs with a note', async () => {
  const root = fakeSysfs();
  try {
    const missing = Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
    const result = await listSerialPorts({ list: () => Promise.reject(missing), sysClassTty: join(root, 'class/tty') });
    assert.equal(result.source, 'sysfs');
    assert.match(result.note ?? '', /udevadm ENOENT/);
    assert.deepEqual(result.ports, [
      { path: '/dev/ttyS0' },
      { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an empty udev list also falls back to sysfs', async () => {
  const root = fakeSysfs();
  try {
    const result = await listSerialPorts({ list: async () => [], sysClassTty: join(root, 'class/tty') });
    assert.equal(result.source, 'sysfs');
    assert.equal(result.ports.length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('udev results are used as they are when present', async () => {
  const result = await listSerialPorts({
    list: async () => [{ path: '/dev/ttyUSB3', vendorId: '0403', productId: undefined }],
    sysClassTty: '/nonexistent',
  });
  assert.deepEqual(result, { ports: [{ path: '/dev/ttyUSB3', vendorId: '0403' }], source: 'udev' });
});

test('no udev and no sysfs gives an empty list with a clear note, not a crash', async () => {
  const result = await listSerialPorts({
    list: () => Promise.reject(new Error('spawn udevadm ENOENT')),
    sysClassTty: '/nonexistent/class/tty',
  });
  assert.equal(result.source, 'none');
  assert.deepEqual(result.ports, []);
  assert.match(result.note ?? '', /udevadm ENOENT.*\/nonexistent\/class\/tty unreadable/);
});

test('the real machine lists without throwing', async () => {
  const result = await listSerialPorts();
  assert.ok(['udev', 'sysfs', 'none'].includes(result.source));
  for (const port of result.ports) assert.match(port.path, /^\/dev\//);
});
