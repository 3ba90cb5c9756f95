/**
 * HID link through node-hid (hidraw on Linux). Each input report arrives as one data chunk,
 * so report parsers can treat a chunk as a report. The device is injected as a small
 * interface, so everything above node-hid is tested without /dev/uhid.
 */
import { DeviceError, Listeners, type Transport, toDeviceError } from './transport';

/** The part of node-hid's HID / HIDAsync device this transport uses. */
export interface HidDeviceLike {
  /** The first byte is the report id, or 0x00 for a device without numbered reports. */
  write(data: number[] | Buffer): unknown;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): unknown;
}

/** One entry of node-hid's `devices()` list. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
  product?: string;
}

export interface HidSelector {
  vendorId: number;
  productId: number;
  /** Picks the interface when a device has several (vendor pages are 0xFF00..0xFFFF). */
  usagePage?: number;
}

const GENERIC_DESKTOP = 0x01;
const USAGE_MOUSE = 0x02;
const USAGE_KEYBOARD = 0x06;

export function hidId(selector: HidSelector): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `${hex(selector.vendorId)}:${hex(selector.productId)}`;
}

export function keyboardModeError(selector: HidSelector): DeviceError {
  return new DeviceError(
    'unsupported',
    `评价器 ${hidId(selector)} 处于键盘模式，由操作系统占用，无法读取：请将评价器切换为 HID（非键盘）模式。` +
      ` (The rating pad ${hidId(selector)} is in keyboard mode: the operating system owns it and node-hid` +
      ' cannot open it. Switch the pad to HID (non-keyboard) mode.)',
  );
}

function isKeyboardOrMouse(device: HidDeviceInfo): boolean {
  return device.usagePage === GENERIC_DESKTOP && (device.usage === USAGE_KEYBOARD || device.usage === USAGE_MOUSE);
}

/**
 * Picks the interface to open from an enumeration: the one on the wanted usage page, else
 * the first that is not a keyboard or mouse. Only keyboard/mouse interfaces → keyboard mode.
 */
export function selectHidDevice(devices: readonly HidDeviceInfo[], selector: HidSelector): HidDeviceInfo {
  const matches = devices.filter((d) => d.vendorId === selector.vendorId && d.productId === selector.productId);
  const usable = matches.filter((d) => d.path !== undefined && !isKeyboardOrMouse(d));
  const chosen = selector.usagePage === undefined ? usable[0] : usable.find((d) => d.usagePage === selector.usagePage);
  if (chosen) return chosen;
  if (matches.some(isKeyboardOrMouse)) throw keyboardModeError(selector);
  const detail =
    matches.length > 0 && selector.usagePage !== undefined
      ? `, but not on usage page ${selector.usagePage.toString(16)}`
      : '';
  throw new DeviceError('absent', `未找到 HID 设备 (no HID device ${hidId(selector)}${detail})`);
}

export interface HidTransportOptions {
  description: string;
  /** Opens the device, rejecting with a DeviceError when it cannot. */
  openDevice: () => Promise<HidDeviceLike>;
}

export class HidTransport implements Transport {
  readonly description: string;
  /** One object per open, so events of an earlier open of the same device are ignored. */
  private session: { device: HidDeviceLike } | null = null;
  private readonly data = new Listeners<Buffer>();
  private readonly lost = new Listeners<DeviceError>();

  constructor(private readonly options: HidTransportOptions) {
    this.description = options.description;
  }

  get isOpen(): boolean {
    return this.session !== null;
  }

  async open(): Promise<void> {
    if (this.session) throw new DeviceError('io', `${this.description}: already open`);
    let device: HidDeviceLike;
    try {
      device = await this.options.openDevice();
    } catch (error) {
      throw toDeviceError(error, 'absent', `${this.description}: open`);
    }
    const session = { device };
    this.session = session;
    device.on('data', (report: Buffer) => {
      if (this.session === session) this.data.emit(Buffer.from(report));
    });
    // node-hid reports a failed read (the pad unplugged) as an error and stops reading.
    device.on('error', (error: unknown) => {
      if (this.session !== session) return;
      this.session = null;
      void closeQuietly(device);
      this.lost.emit(toDeviceError(error, 'absent', `${this.description}: lost`));
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.session?.device;
    if (!device) throw new DeviceError('closed', `${this.description}: not open`);
    try {
      await device.write(Buffer.from(data));
    } catch (error) {
      throw toDeviceError(error, 'io', `${this.description}: write`);
    }
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await closeQuietly(session.device);
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onLost(listener: (error: DeviceError) => void): () => void {
    return this.lost.add(listener);
  }
}

async function closeQuietly(device: HidDeviceLike): Promise<void> {
  try {
    await device.close();
  } catch {
    // Closing a device that is already gone fails; it is closed either way.
  }
}

/** The part of the node-hid module the real factory uses; injectable for tests. */
export interface NodeHidModule {
  setDriverType(type: 'hidraw' | 'libusb'): void;
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidDeviceLike> };
}

async function loadNodeHid(): Promise<NodeHidModule> {
  try {
    const loaded = (await import('node-hid')) as unknown as NodeHidModule & { default?: NodeHidModule };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new DeviceError('unsupported', `node-hid is not available: ${String(error)}`, { cause: error });
  }
}

/** Enumerates, picks the interface for `selector` and opens it with node-hid over hidraw. */
export async function openNodeHidDevice(selector: HidSelector, hid?: NodeHidModule): Promise<HidDeviceLike> {
  const module = hid ?? (await loadNodeHid());
  let devices: HidDeviceInfo[];
  try {
    module.setDriverType('hidraw');
    devices = await module.devicesAsync();
  } catch (error) {
    throw new DeviceError('io', `HID enumeration failed: ${String(error)}`, { cause: error });
  }
  const info = selectHidDevice(devices, selector);
  try {
    return await module.HIDAsync.open(info.path as string);
  } catch (error) {
    throw new DeviceError(
      'io',
      `无法打开 HID 设备 ${hidId(selector)} (cannot open ${info.path}: ${String(error)};` +
        ' on Linux, grant access to its hidraw node with a udev rule)',
      { cause: error },
    );
  }
}

/** The production transport for a HID device, opened through node-hid. */
export function createHidTransport(selector: HidSelector, hid?: NodeHidModule): HidTransport {
  return new HidTransport({
    description: `hid ${hidId(selector)}`,
    openDevice: () => openNodeHidDevice(selector, hid),
  });
}
