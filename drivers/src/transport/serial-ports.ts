/**
 * Lists serial ports. serialport's Linux list runs `udevadm info -e`, which is missing or
 * empty in containers and minimal images; then the ports are read from /sys/class/tty.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SerialPort } from 'serialport';

export interface SerialPortEntry {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

export interface SerialPortList {
  ports: SerialPortEntry[];
  /** Where the list came from. */
  source: 'udev' | 'sysfs' | 'none';
  /** Why the list is empty or came from the fallback, for the operator. */
  note?: string;
}

export interface ListDeps {
  list: () => Promise<SerialPortEntry[]>;
  sysClassTty: string;
}

const SERIAL_NAME = /^(tty(S|WCH|ACM|USB|AMA|MFD|O|XRUSB)\d+|rfcomm\d+)$/;
const defaults: ListDeps = { list: () => SerialPort.list(), sysClassTty: '/sys/class/tty' };

async function readAttr(dir: string, name: string): Promise<string | undefined> {
  try {
    const value = (await readFile(join(dir, name), 'utf8')).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** USB ids live a few levels above the tty's device node (interface, then the USB device). */
async function usbAttributes(deviceDir: string): Promise<Omit<SerialPortEntry, 'path'>> {
  let dir = deviceDir;
  for (let level = 0; level < 4 && dir !== '/'; level++) {
    const vendorId = await readAttr(dir, 'idVendor');
    if (vendorId) {
      const entry: Omit<SerialPortEntry, 'path'> = { vendorId };
      const productId = await readAttr(dir, 'idProduct');
      const manufacturer = await readAttr(dir, 'manufacturer');
      const serialNumber = await readAttr(dir, 'serial');
      if (productId) entry.productId = productId;
      if (manufacturer) entry.manufacturer = manufacturer;
      if (serialNumber) entry.serialNumber = serialNumber;
      return entry;
    }
    dir = dirname(dir);
  }
  return {};
}

async function listFromSysfs(sysClassTty: string): Promise<SerialPortEntry[]> {
  const ports: SerialPortEntry[] = [];
  for (const name of (await readdir(sysClassTty)).sort()) {
    if (!SERIAL_NAME.test(name)) continue;
    let deviceDir: string;
    try {
      deviceDir = await realpath(join(sysClassTty, name, 'device'));
    } catch {
      continue; // no backing hardware (virtual console, pty)
    }
    // 8250 UARTs exist for every legacy slot; type 0 means no UART behind it.
    if ((await readAttr(join(sysClassTty, name), 'type')) === '0') continue;
    ports.push({ path: `/dev/${name}`, ...(await usbAttributes(deviceDir)) });
  }
  return ports;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Never rejects: a missing udevadm or sysfs gives an empty list with a note. */
export async function listSerialPorts(deps: Partial<ListDeps> = {}): Promise<SerialPortList> {
  const { list, sysClassTty } = { ...defaults, ...deps };
  let udevNote: string;
  try {
    const ports = await list();
    if (ports.length > 0) return { ports: ports.map(clean), source: 'udev' };
    udevNote = 'udev listed no serial ports';
  } catch (error) {
    udevNote = `udev listing failed (${describe(error)})`;
  }
  try {
    const ports = await listFromSysfs(sysClassTty);
    if (ports.length > 0) return { ports, source: 'sysfs', note: `${udevNote}; listed from ${sysClassTty}` };
    return { ports: [], source: 'none', note: `${udevNote}; no serial ports in ${sysClassTty}` };
  } catch (error) {
    return { ports: [], source: 'none', note: `${udevNote}; ${sysClassTty} unreadable (${describe(error)})` };
  }
}

/** serialport fills absent fields with undefined; keep only the ones it knows. */
function clean(port: SerialPortEntry): SerialPortEntry {
  const entry: SerialPortEntry = { path: port.path };
  if (port.vendorId) entry.vendorId = port.vendorId;
  if (port.productId) entry.productId = port.productId;
  if (port.manufacturer) entry.manufacturer = port.manufacturer;
  if (port.serialNumber) entry.serialNumber = port.serialNumber;
  return entry;
}
