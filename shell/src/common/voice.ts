import { zhCN } from '@yimen/protocol';

/**
 * Speech as a list of fragments, each either a phrase from the strings module or a single
 * letter or numeral character: spoken whole by a speech voice, or clip by clip from the
 * recordings made at build time. Nothing here touches audio.
 */
export type Utterance = readonly string[];

const V = zhCN.voice;

/**
 * The two-note chime before a call: a tone, not a word. Its clip is synthesised at build time
 * and played even where a speech voice speaks the words; it is not part of the text.
 */
export const CHIME = V.chime;

export const isTone = (fragment: string): boolean => fragment === CHIME;

/** A012 → A 零 一 二: letters and digits one by one, so nobody hears "A twelve". */
export function spellTicket(number: string): string[] {
  return [...number].map((c) => (/\d/.test(c) ? (zhCN.digitWords[Number(c)] as string) : c.toUpperCase()));
}

/** 0 → 零, 12 → 十二, 105 → 一百零五, 2010 → 二千零一十: as a number, for counts and window numbers. */
export function sayNumber(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`cannot say ${n}`);
  if (n === 0) return [zhCN.digitWords[0]];
  const units = [zhCN.thousandWord, zhCN.hundredWord, zhCN.tenWord, ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  const words: string[] = [];
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = words.length > 0;
      return;
    }
    if (zero) words.push(zhCN.digitWords[0]);
    zero = false;
    // 十二 not 一十二, but 一百一十 keeps its 一.
    if (!(d === 1 && i === 2 && words.length === 0)) words.push(zhCN.digitWords[d] as string);
    if (units[i]) words.push(units[i] as string);
  });
  return words;
}

export const prompts = {
  swipeCard: (): Utterance => [V.swipeCard],
  chooseCategory: (): Utterance => [V.chooseCategory],
  elderWelcome: (): Utterance => [V.elderWelcome, V.swipeCard],
  /** 您已领取A005号，前面还有3人 */
  issued: (number: string, ahead: number): Utterance => [
    V.youHold,
    ...spellTicket(number),
    V.hao,
    V.aheadBefore,
    ...sayNumber(ahead),
    V.people,
  ],
  checkedIn: (number: string, ahead: number): Utterance => [V.checkedIn, ...prompts.issued(number, ahead)],
  takeTicket: (): Utterance => [V.takeTicket],
  printFailed: (): Utterance => [V.printFailed],
  noTicketsHere: (): Utterance => [V.noTicketsHere],
  /** 请A零一二号到3号窗口办理 */
  call: (number: string, windowNumber: number): Utterance => [
    V.please,
    ...spellTicket(number),
    V.hao,
    V.to,
    ...sayNumber(windowNumber),
    V.windowServe,
  ],
};

/** What is said, as text: the words without the tones. */
export function textOf(utterance: Utterance): string {
  return utterance.filter((f) => !isTone(f)).join('');
}

/**
 * The speech voice to use: Mandarin of the mainland first (zh-CN, cmn), then other Mandarin
 * (zh-TW, zh-SG); never Cantonese (zh-HK, yue); null when there is none.
 */
export function pickVoice<V extends { readonly lang: string }>(voices: readonly V[]): V | null {
  const lang = (v: V) => v.lang.toLowerCase().replace('_', '-');
  return (
    voices.find((v) => lang(v) === 'zh-cn' || lang(v).startsWith('cmn')) ??
    voices.find((v) => /^zh(-|$)/.test(lang(v)) && !/-(hk|mo)$/.test(lang(v)) && !lang(v).includes('yue')) ??
    null
  );
}

/** Every fragment a clip must exist for: the phrases, the numerals and the letters. */
export function clipFragments(): string[] {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return [
    ...new Set([
      ...Object.values(V),
      ...zhCN.digitWords,
      zhCN.tenWord,
      zhCN.hundredWord,
      zhCN.thousandWord,
      ...letters,
    ]),
  ];
}

/** The clip file of a fragment: its UTF-8 bytes in hex, so any phrase has a safe, stable name. */
export function clipFile(fragment: string): string {
  return `${[...new TextEncoder().encode(fragment)].map((b) => b.toString(16).padStart(2, '0')).join('')}.wav`;
}

/**
 * The order speech is played in: one utterance at a time, each to its end, repeats
 * queued behind it, never one cutting another off. Pure: the speaker asks it what is next.
 */
export class SpeechQueue {
  private readonly queue: Utterance[] = [];
  private speaking: Utterance | null = null;

  /** Queues an utterance `times` times; returns true when the speaker should start now. */
  enqueue(utterance: Utterance, times = 1): boolean {
    for (let i = 0; i < times; i++) this.queue.push(utterance);
    return this.speaking === null;
  }

  /** The next utterance to play, now marked as playing; null when nothing waits or one is playing. */
  next(): Utterance | null {
    if (this.speaking !== null) return null;
    this.speaking = this.queue.shift() ?? null;
    return this.speaking;
  }

  /** The playing utterance ended (or failed): the next may start. */
  finished(): void {
    this.speaking = null;
  }

  /** Drops what waits (the kiosk went home); the one playing finishes. */
  clearWaiting(): void {
    this.queue.length = 0;
  }

  get waiting(): readonly Utterance[] {
    return this.queue;
  }

  get current(): Utterance | null {
    return this.speaking;
  }
}
