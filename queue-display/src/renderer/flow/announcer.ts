import type { DisplaySettings, LoggedEvent } from '@yimen/protocol';
import { CHIME, prompts, textOf, type Utterance } from '@yimen/shell/common/voice';
import { shows } from './board';

/** What the announcer needs of the speaker: a queue that plays each utterance to its end, in order. */
export interface Voice {
  say(utterance: Utterance): void;
}

/** The announcements a display keeps a record of, for the service engineer (and the tests). */
const KEPT = 50;

/**
 * The hall display's announcements: each call this display shows, as it happens, after the
 * chime and then twice — "请A零一二号到三号窗口办理" — queued behind the ones before it,
 * never cutting one off; a recall is a call again. Fed only live events: what a display
 * missed while away comes back as a replay and is shown, never announced.
 */
export class Announcer {
  private readonly log: string[] = [];

  constructor(
    private readonly voice: Voice,
    private readonly settings: () => DisplaySettings,
  ) {}

  /** A live event; true when it was announced. */
  heard(event: LoggedEvent): boolean {
    if (event.name !== 'ticket:called') return false;
    const { ticket, window } = event.payload;
    if (!shows(this.settings(), { categoryId: ticket.categoryId, windowId: window.id })) return false;
    const call = prompts.call(ticket.number, window.number);
    this.queue([CHIME, ...call]);
    this.queue(call);
    return true;
  }

  /** The texts queued, oldest first (the last fifty). */
  get queued(): readonly string[] {
    return this.log;
  }

  private queue(utterance: Utterance): void {
    this.log.push(textOf(utterance));
    if (this.log.length > KEPT) this.log.shift();
    this.voice.say(utterance);
  }
}
