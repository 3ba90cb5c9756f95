import { clipFile, SpeechQueue, textOf, type Utterance } from '../common/voice';

export interface SpeakerOptions {
  /** Where the recorded clips are served, e.g. /voice/ (a folder next to the app in Electron). */
  readonly clipBase: string;
  /** Called with each utterance as it starts: the page mirrors it in a live region for screen readers. */
  readonly onSpeak?: (text: string) => void;
}

/**
 * Speaks utterances one after another (SpeechQueue): with the browser's own zh-CN voice
 * where there is one, otherwise by playing the build's clips fragment by fragment.
 */
export class Speaker {
  private readonly queue = new SpeechQueue();
  private voice: SpeechSynthesisVoice | null = null;
  private audio: HTMLAudioElement | null = null;
  private generation = 0;

  constructor(private readonly options: SpeakerOptions) {
    const synth = globalThis.speechSynthesis;
    if (synth) {
      const pick = () => {
        this.voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh')) ?? null;
      };
      pick();
      synth.addEventListener?.('voiceschanged', pick);
    }
  }

  say(utterance: Utterance, times = 1): void {
    if (this.queue.enqueue(utterance, times)) this.playNext();
  }

  /** Stops what is playing and drops what waits (the screen went home). */
  silence(): void {
    this.queue.clearWaiting();
    this.generation++;
    globalThis.speechSynthesis?.cancel();
    this.audio?.pause();
    this.audio = null;
    this.queue.finished();
  }

  private playNext(): void {
    const utterance = this.queue.next();
    if (!utterance) return;
    const generation = this.generation;
    this.options.onSpeak?.(textOf(utterance));
    const done = () => {
      if (generation !== this.generation) return;
      this.queue.finished();
      this.playNext();
    };
    if (this.voice) this.speakWithVoice(utterance, this.voice, done);
    else void this.playClips(utterance, generation).finally(done);
  }

  private speakWithVoice(utterance: Utterance, voice: SpeechSynthesisVoice, done: () => void): void {
    const u = new SpeechSynthesisUtterance(textOf(utterance));
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    u.onend = done;
    u.onerror = done;
    speechSynthesis.speak(u);
  }

  private async playClips(utterance: Utterance, generation: number): Promise<void> {
    for (const fragment of utterance) {
      if (generation !== this.generation) return;
      const audio = new Audio(`${this.options.clipBase}${clipFile(fragment)}`);
      this.audio = audio;
      await new Promise<void>((resolve) => {
        audio.onended = () => resolve();
        audio.onerror = () => resolve();
        audio.play().catch(() => resolve());
      });
    }
  }
}
