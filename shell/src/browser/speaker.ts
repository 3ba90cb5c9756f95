import { PlaybackBlocked, type SpeechPlayer } from '../common/speech-player';
import { clipFile, isTone, pickVoice, SpeechQueue, textOf, type Utterance } from '../common/voice';

export interface SpeakerOptions {
  /** Where the recorded clips are served, e.g. /voice/ (a folder next to the app in Electron). */
  readonly clipBase: string;
  /** Called with each utterance's words as it starts: the page mirrors it in a live region for screen readers. */
  readonly onSpeak?: (text: string) => void;
  /** The browser blocks sound until someone touches the page: the screen asks for that touch. */
  readonly onBlocked?: () => void;
  readonly player?: SpeechPlayer;
}

/**
 * Speaks utterances one after another (SpeechQueue), each to its end: with the browser's own
 * Mandarin voice where there is one, otherwise by playing the build's clips fragment by
 * fragment, joined in order. Tones (the chime) are always clips.
 */
export class Speaker {
  private readonly queue = new SpeechQueue();
  private readonly player: SpeechPlayer;
  private generation = 0;

  constructor(private readonly options: SpeakerOptions) {
    this.player = options.player ?? new BrowserPlayer();
  }

  say(utterance: Utterance, times = 1): void {
    if (this.queue.enqueue(utterance, times)) this.playNext();
  }

  /** Stops what is playing and drops what waits (the screen went home). */
  silence(): void {
    this.queue.clearWaiting();
    this.generation++;
    this.player.stop();
    this.queue.finished();
  }

  /** True while an utterance is sounding or waiting. */
  get busy(): boolean {
    return this.queue.current !== null || this.queue.waiting.length > 0;
  }

  private playNext(): void {
    const utterance = this.queue.next();
    if (!utterance) return;
    const generation = this.generation;
    const text = textOf(utterance);
    if (text) this.options.onSpeak?.(text);
    void this.play(utterance, generation).finally(() => {
      if (generation !== this.generation) return;
      this.queue.finished();
      this.playNext();
    });
  }

  /** Tones as clips; the words in runs, each run spoken whole by the voice or clip by clip. */
  private async play(utterance: Utterance, generation: number): Promise<void> {
    const voice = this.player.hasVoice();
    let words: string[] = [];
    const flushWords = async () => {
      if (words.length > 0 && voice) await this.player.speak(words.join(''));
      words = [];
    };
    for (const fragment of utterance) {
      if (generation !== this.generation) return;
      if (voice && !isTone(fragment)) {
        words.push(fragment);
        continue;
      }
      await flushWords();
      await this.clip(fragment);
    }
    await flushWords();
  }

  private async clip(fragment: string): Promise<void> {
    try {
      await this.player.playClip(`${this.options.clipBase}${clipFile(fragment)}`);
    } catch (error) {
      if (error instanceof PlaybackBlocked) this.options.onBlocked?.();
    }
  }
}

/** A clip or a spoken text that never reports its end (a stalled file, a speech engine bug) must not stop the queue. */
const CLIP_LIMIT_MS = 5_000;
const SPEECH_LIMIT_MS_PER_CHAR = 700;

/** Web Speech and audio elements; the clips are cached once loaded, so the fragments follow each other closely. */
class BrowserPlayer implements SpeechPlayer {
  private voice: SpeechSynthesisVoice | null = null;
  private readonly clips = new Map<string, HTMLAudioElement>();
  private playing: HTMLAudioElement | null = null;

  constructor() {
    const synth = globalThis.speechSynthesis;
    if (synth) {
      const pick = () => {
        this.voice = pickVoice(synth.getVoices());
      };
      pick();
      synth.addEventListener?.('voiceschanged', pick);
    }
  }

  hasVoice(): boolean {
    return this.voice !== null;
  }

  speak(text: string): Promise<void> {
    const voice = this.voice;
    if (!voice) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(3000, text.length * SPEECH_LIMIT_MS_PER_CHAR));
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 0.9;
      u.onend = done;
      u.onerror = done;
      speechSynthesis.speak(u);
    });
  }

  playClip(url: string): Promise<void> {
    let audio = this.clips.get(url);
    if (!audio) {
      audio = new Audio(url);
      audio.preload = 'auto';
      this.clips.set(url, audio);
    }
    const clip = audio;
    clip.currentTime = 0;
    this.playing = clip;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(finish, CLIP_LIMIT_MS);
      function finish() {
        clearTimeout(timer);
        clip.onended = null;
        clip.onerror = null;
        resolve();
      }
      clip.onended = finish;
      clip.onerror = finish;
      clip.play().catch((error: unknown) => {
        clearTimeout(timer);
        if (error instanceof DOMException && error.name === 'NotAllowedError') reject(new PlaybackBlocked());
        else finish();
      });
    });
  }

  stop(): void {
    globalThis.speechSynthesis?.cancel();
    this.playing?.pause();
    this.playing = null;
  }
}
