import assert from 'node:assert/strict';
import { PlaybackBlocked, type SpeechPlayer } from '../common/speech-player';

/** Lets promise chains run until they wait for something again. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A speech player without sound, for tests: records what it is asked to sound and lets each
 * sound end only when the test says so, so overlapping (a call cut off) would show.
 */
export class SilentPlayer implements SpeechPlayer {
  readonly log: string[] = [];
  private pending: (() => void)[] = [];
  /** Sounds refused as a browser refuses them before anyone touched the page. */
  blocked = false;

  constructor(private readonly voice: boolean) {}

  hasVoice() {
    return this.voice;
  }

  speak(text: string) {
    this.log.push(`say:${text}`);
    return new Promise<void>((resolve) => this.pending.push(resolve));
  }

  playClip(url: string) {
    this.log.push(`clip:${url}`);
    if (this.blocked) return Promise.reject(new PlaybackBlocked());
    return new Promise<void>((resolve) => this.pending.push(resolve));
  }

  stop() {
    this.log.push('stop');
  }

  /** How many sounds are playing (at most one, unless something cut in). */
  get playing(): number {
    return this.pending.length;
  }

  /** The sound playing now comes to its end. */
  async end(): Promise<void> {
    const next = this.pending.shift();
    assert.ok(next, 'something is playing');
    next();
    await settle();
  }

  async endAll(): Promise<void> {
    while (this.pending.length > 0) await this.end();
  }
}
