import {
  BAD_LEVELS,
  type BadRatingReason,
  CallbackPhone,
  type ErrorBody,
  RATING_SCALES,
  type RatingLevel,
  type RatingRules,
  zhCN,
} from '@yimen/protocol';

/**
 * The window pad's rating flow as a small explicit state machine: idle → rating (the
 * national levels, none pre-selected) → reason (bad ratings) → sending → thanks → idle. A
 * prompt that runs out records 未评价, never a default level. One rating per ticket: a
 * finished ticket is asked about once, and the hall refuses a second rating anyway. Pure:
 * `transition` returns the next state and the effects for the controller to perform.
 */

export type Channel = 'touch' | 'ratingPad' | 'callerBus';

/** The ticket a prompt is about. */
export interface Asked {
  readonly ticketId: string;
  readonly number: string;
}

export type Screen =
  | { readonly name: 'idle' }
  | { readonly name: 'rating'; readonly asked: Asked; readonly deadline: number }
  | {
      readonly name: 'reason';
      readonly asked: Asked;
      readonly deadline: number;
      readonly level: RatingLevel;
      readonly channel: Channel;
      readonly reason: BadRatingReason | null;
      readonly phone: string;
      readonly error: string | null;
    }
  | { readonly name: 'sending'; readonly asked: Asked; readonly level: RatingLevel }
  | { readonly name: 'thanks'; readonly bad: boolean; readonly until: number; readonly message: string };

export interface EvaluatorState {
  readonly screen: Screen;
  /** Tickets this pad already asked about: a replayed or repeated finish does not ask twice. */
  readonly asked: readonly string[];
}

export type EvaluatorEvent =
  /** A ticket finished at this window (live), or the clerk's 评价 key asked for one. */
  | { readonly type: 'ask'; readonly asked: Asked; readonly now: number }
  | { readonly type: 'choose'; readonly level: RatingLevel; readonly channel: Channel; readonly now: number }
  | { readonly type: 'pickReason'; readonly reason: BadRatingReason }
  | { readonly type: 'phoneKey'; readonly key: string }
  | { readonly type: 'phoneClear' }
  | { readonly type: 'submitReason' }
  | { readonly type: 'back' }
  | { readonly type: 'submitted'; readonly bad: boolean; readonly now: number }
  | { readonly type: 'failed'; readonly error: ErrorBody; readonly now: number }
  | { readonly type: 'tick'; readonly now: number };

export type Effect =
  | {
      readonly type: 'submit';
      readonly ticketId: string;
      readonly level: RatingLevel;
      readonly channel: Channel;
      readonly reason?: BadRatingReason;
      readonly phone?: string;
    }
  /** 未评价: the prompt ran out. */
  | { readonly type: 'expire'; readonly ticketId: string };

export interface Step {
  readonly state: EvaluatorState;
  readonly effects: readonly Effect[];
}

export const INITIAL: EvaluatorState = { screen: { name: 'idle' }, asked: [] };

const THANKS_MS = 5000;
/** Remembered asked tickets; a window serves far fewer between two of its own finishes. */
const ASKED_KEPT = 50;
const PHONE_MAX = 13;

export const isBad = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

/** The levels the hall's scale offers, best first. */
export const levelsOf = (rules: RatingRules): readonly RatingLevel[] => RATING_SCALES[rules.scale];

const stay = (state: EvaluatorState): Step => ({ state, effects: [] });
const to = (state: EvaluatorState, screen: Screen, effects: readonly Effect[] = []): Step => ({
  state: { ...state, screen },
  effects,
});

function thanks(state: EvaluatorState, bad: boolean, now: number, message?: string): Step {
  const text = message ?? (bad ? zhCN.evaluator.thanksBad : zhCN.evaluator.thanks);
  return to(state, { name: 'thanks', bad, until: now + THANKS_MS, message: text });
}

export function transition(state: EvaluatorState, event: EvaluatorEvent, rules: RatingRules): Step {
  const { screen } = state;
  switch (event.type) {
    case 'ask': {
      if (state.asked.includes(event.asked.ticketId)) return stay(state);
      // A new finish while another prompt is open: the open one ends unrated.
      const dropped: Effect[] =
        screen.name === 'rating' || screen.name === 'reason'
          ? [{ type: 'expire', ticketId: screen.asked.ticketId }]
          : [];
      if (screen.name === 'sending') return stay(state);
      return {
        state: {
          screen: { name: 'rating', asked: event.asked, deadline: event.now + rules.promptSeconds * 1000 },
          asked: [event.asked.ticketId, ...state.asked].slice(0, ASKED_KEPT),
        },
        effects: dropped,
      };
    }
    case 'choose': {
      if (screen.name !== 'rating' || !levelsOf(rules).includes(event.level)) return stay(state);
      if (isBad(event.level)) {
        return to(state, {
          name: 'reason',
          asked: screen.asked,
          // Explaining takes longer than a tap: the clock starts again.
          deadline: event.now + rules.promptSeconds * 1000,
          level: event.level,
          channel: event.channel,
          reason: null,
          phone: '',
          error: null,
        });
      }
      return to(state, { name: 'sending', asked: screen.asked, level: event.level }, [
        { type: 'submit', ticketId: screen.asked.ticketId, level: event.level, channel: event.channel },
      ]);
    }
    case 'pickReason':
      if (screen.name !== 'reason') return stay(state);
      return to(state, { ...screen, reason: event.reason, error: null });
    case 'phoneKey': {
      if (screen.name !== 'reason' || !/^[0-9-]$/.test(event.key) || screen.phone.length >= PHONE_MAX)
        return stay(state);
      return to(state, { ...screen, phone: screen.phone + event.key, error: null });
    }
    case 'phoneClear':
      if (screen.name !== 'reason') return stay(state);
      return to(state, { ...screen, phone: screen.phone.slice(0, -1), error: null });
    case 'submitReason': {
      if (screen.name !== 'reason') return stay(state);
      if (!screen.reason) return to(state, { ...screen, error: zhCN.ratingPage.reasonRequired });
      if (screen.phone !== '' && !CallbackPhone.safeParse(screen.phone).success) {
        return to(state, { ...screen, error: zhCN.evaluator.phoneBad });
      }
      return to(state, { name: 'sending', asked: screen.asked, level: screen.level }, [
        {
          type: 'submit',
          ticketId: screen.asked.ticketId,
          level: screen.level,
          channel: screen.channel,
          reason: screen.reason,
          ...(screen.phone ? { phone: screen.phone } : {}),
        },
      ]);
    }
    case 'back':
      if (screen.name !== 'reason') return stay(state);
      return to(state, { name: 'rating', asked: screen.asked, deadline: screen.deadline });
    case 'submitted':
      if (screen.name !== 'sending') return stay(state);
      return thanks(state, event.bad, event.now);
    case 'failed': {
      if (screen.name !== 'sending') return stay(state);
      if (event.error.code === 'ALREADY_RATED') return thanks(state, false, event.now, zhCN.evaluator.alreadyRated);
      // Anything else (the hall unreachable): the citizen may try again until the prompt runs out.
      return to(state, { name: 'rating', asked: screen.asked, deadline: event.now + rules.promptSeconds * 1000 });
    }
    case 'tick': {
      if ((screen.name === 'rating' || screen.name === 'reason') && event.now >= screen.deadline) {
        return to(state, { name: 'idle' }, [{ type: 'expire', ticketId: screen.asked.ticketId }]);
      }
      if (screen.name === 'thanks' && event.now >= screen.until) return to(state, { name: 'idle' });
      return stay(state);
    }
  }
}

/** Whole seconds left on a prompt, for the countdown. */
export function secondsLeft(screen: Screen, now: number): number | null {
  if (screen.name !== 'rating' && screen.name !== 'reason') return null;
  return Math.max(0, Math.ceil((screen.deadline - now) / 1000));
}
