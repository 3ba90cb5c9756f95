/**
 * A rating pad without hardware: a HID device that sends the input reports of a profile when
 * a test or the agent's control page presses a key, and can be unplugged and replugged.
 */
import { EventEmitter } from 'node:events';
import type { RatingLevel } from '@yimen/protocol';
import { type HidDeviceLike, HidTransport, hidId } from '../transport/hid';
import { DeviceError } from '../transport/transport';
import { DEFAULT_RATING_PAD_PROFILE, type RatingPadProfile } from './profile';
import { keyForLevel, ratingReport } from './reports';

class SimulatedHidDevice extends EventEmitter implements HidDeviceLike {
  closed = false;
  readonly writes: Buffer[] = [];

  write(data: number[] | Buffer): number {
    if (this.closed) throw new Error('device is closed');
    this.writes.push(Buffer.from(data));
    return data.length;
  }

  close(): void {
    this.closed = true;
    this.removeAllListeners();
  }
}

export class RatingPadSimulator {
  private device: SimulatedHidDevice | null = null;
  private plugged = true;

  constructor(readonly profile: RatingPadProfile = DEFAULT_RATING_PAD_PROFILE) {}

  /** A transport over this simulated pad, for `RatingPad({ createTransport })`. */
  createTransport(): HidTransport {
    return new HidTransport({
      description: `simulated hid ${hidId(this.profile)}`,
      openDevice: async () => {
        if (!this.plugged) throw new DeviceError('absent', `simulated pad ${hidId(this.profile)} unplugged`);
        this.device = new SimulatedHidDevice();
        return this.device;
      },
    });
  }

  /** Whether a host has the pad open. */
  get isOpen(): boolean {
    return this.device !== null && !this.device.closed;
  }

  /** Key down then key up, as a person presses. */
  press(level: RatingLevel): void {
    this.hold(level);
    this.release();
  }

  /** Key down, repeated `repeats` times as a pad does while the key is held. */
  hold(level: RatingLevel, repeats = 1): void {
    const key = keyForLevel(this.profile, level);
    if (key === undefined) throw new DeviceError('unsupported', `profile has no key for ${level}`);
    for (let i = 0; i < repeats; i++) this.sendReport(ratingReport(this.profile, key));
  }

  release(): void {
    this.sendReport(ratingReport(this.profile, 0));
  }

  /** Any raw report, e.g. garbage for tests. Dropped while nobody has the pad open. */
  sendReport(report: Uint8Array): void {
    if (this.isOpen) this.device?.emit('data', Buffer.from(report));
  }

  /** The pad disappears: an open host sees a read error, opens fail until replug. */
  unplug(): void {
    this.plugged = false;
    const device = this.device;
    this.device = null;
    if (device && !device.closed) device.emit('error', new Error('could not read from HID device'));
  }

  replug(): void {
    this.plugged = true;
  }
}
