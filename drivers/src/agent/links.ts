/**
 * From config to driver options: how each configured device is reached. With hardware that is
 * the configured serial port, TCP address or HID device; simulate mode passes its own links.
 */
import type { DeviceKind } from '@yimen/protocol';
import { DEFAULT_RATING_PAD_PROFILE, type RatingPadProfile } from '../rating-pad/profile';
import { createHidTransport } from '../transport/hid';
import { SerialTransport } from '../transport/serial';
import { TcpTransport } from '../transport/tcp';
import type { Transport } from '../transport/transport';
import type { DevicesConfig, LinkConfig } from './config';
import type { HostDevices } from './device-host';

/** Returns the transport factory a driver reopens its device with. */
export type LinkFor = (kind: DeviceKind, link: LinkConfig) => () => Transport;

export const hardwareLink: LinkFor = (_kind, link) => {
  switch (link.type) {
    case 'serial':
      return () => new SerialTransport({ path: link.path, baudRate: link.baudRate });
    case 'tcp':
      return () => new TcpTransport({ host: link.host, port: link.port });
    case 'hid':
      return () => createHidTransport(link);
  }
};

/** The pad's profile: the configured selector, with the report layout of the config or the default. */
export function ratingPadProfile(config: NonNullable<DevicesConfig['ratingPad']>): RatingPadProfile {
  const { vendorId, productId, usagePage } = config.transport;
  const layout = config.profile;
  return {
    vendorId,
    productId,
    ...(usagePage === undefined ? {} : { usagePage }),
    reportId: layout?.reportId ?? DEFAULT_RATING_PAD_PROFILE.reportId,
    keyByteIndex: layout?.keyByteIndex ?? DEFAULT_RATING_PAD_PROFILE.keyByteIndex,
    keys: layout
      ? Object.fromEntries(Object.entries(layout.keys).map(([code, level]) => [Number(code), level]))
      : DEFAULT_RATING_PAD_PROFILE.keys,
  };
}

export function hostDevicesFromConfig(devices: DevicesConfig, linkFor: LinkFor = hardwareLink): HostDevices {
  const host: HostDevices = {};
  const { idcard, fingerprint, printer, ratingPad, callerBus, led } = devices;
  if (idcard) {
    host.idcard = {
      createTransport: linkFor('idcard', idcard.transport),
      withFingerprint: idcard.withFingerprint,
    };
  }
  if (fingerprint) {
    host.fingerprint = {
      createTransport: linkFor('fingerprint', fingerprint.transport),
      ...(fingerprint.address === undefined ? {} : { address: fingerprint.address }),
      ...(fingerprint.password === undefined ? {} : { password: fingerprint.password }),
    };
  }
  if (printer) {
    host.printer = { createTransport: linkFor('printer', printer.transport), paperWidth: printer.paperWidth };
  }
  if (ratingPad) {
    host.ratingPad = {
      createTransport: linkFor('ratingPad', ratingPad.transport),
      profile: ratingPadProfile(ratingPad),
    };
  }
  if (callerBus) {
    host.callerBus = {
      createTransport: linkFor('callerBus', callerBus.transport),
      ...(callerBus.checksum ? { checksum: callerBus.checksum } : {}),
    };
  }
  if (led) host.led = { createTransport: linkFor('led', led.transport), address: led.address };
  return host;
}
