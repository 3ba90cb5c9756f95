/** The browser refused to play sound before anyone touched the page (autoplay policy). */
export class PlaybackBlocked extends Error {}

/** What makes the sound: the browser's speech voice and audio elements, or a stand-in in tests. */
export interface SpeechPlayer {
  /** A Mandarin speech voice is available. */
  hasVoice(): boolean;
  /** Speaks the text; resolves when it has been said (or could not be). */
  speak(text: string): Promise<void>;
  /** Plays one clip to its end; rejects with PlaybackBlocked when the browser will not play yet. */
  playClip(url: string): Promise<void>;
  /** Stops what is sounding now. */
  stop(): void;
}
