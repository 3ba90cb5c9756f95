/**
 * The satisfaction rating pad at a window: one `rating` event per key press, with the level
 * and the time. Status (ready / absent / fault, e.g. keyboard mode) comes from the supervisor.
 */
import type { DeviceStatus, RatingLevel } from '@yimen/protocol';
import { createHidTransport } from '../transport/hid';
import { DeviceSupervisor } from '../transport/supervisor';
import { Listeners, type Transport } from '../transport/transport';
import { DEFAULT_RATING_PAD_PROFILE, type RatingPadProfile } from './profile';
import { INITIAL_RATING_PAD_STATE, type RatingReportError, stepRatingReport } from './reports';

export interface RatingEvent {
  level: RatingLevel;
  /** The pad's key code, for logs. */
  key: number;
  at: Date;
}

export interface RatingPadOptions {
  name?: string;
  profile?: RatingPadProfile;
  /** Defaults to node-hid for the profile's vendor/product id. */
  createTransport?: () => Transport;
  backoffMs?: { min: number; max: number };
  now?: () => number;
}

export class RatingPad {
  readonly profile: RatingPadProfile;
  private readonly supervisor: DeviceSupervisor;
  private readonly ratings = new Listeners<RatingEvent>();
  private readonly problems = new Listeners<RatingReportError>();
  private readonly now: () => number;

  constructor(options: RatingPadOptions = {}) {
    const profile = options.profile ?? DEFAULT_RATING_PAD_PROFILE;
    this.profile = profile;
    this.now = options.now ?? Date.now;
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'ratingPad',
      createTransport: options.createTransport ?? (() => createHidTransport(profile)),
      backoffMs: options.backoffMs,
      onOpen: async (transport, scope) => {
        // A fresh link starts with no key down: a key held across a replug counts once more.
        let state = INITIAL_RATING_PAD_STATE;
        scope.defer(
          transport.onData((report) => {
            const step = stepRatingReport(profile, state, report);
            state = step.state;
            if (step.event?.type === 'press') this.emitRating(step.event.level, step.event.key);
            else if (step.event) this.problems.emit(step.event.error);
          }),
        );
      },
    });
  }

  get status(): DeviceStatus {
    return this.supervisor.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.supervisor.onStatus(listener);
  }

  onRating(listener: (event: RatingEvent) => void): () => void {
    return this.ratings.add(listener);
  }

  /** Reports the pad sent that made no sense (wrong report id, unknown key): reported, never thrown. */
  onProblem(listener: (error: RatingReportError) => void): () => void {
    return this.problems.add(listener);
  }

  stop(): Promise<void> {
    return this.supervisor.stop();
  }

  private emitRating(level: RatingLevel, key: number): void {
    this.ratings.emit({ level, key, at: new Date(this.now()) });
  }
}
