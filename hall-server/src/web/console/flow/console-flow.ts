import {
  type Ack,
  type Clerk,
  type ClientToServerEvents,
  type Ticket,
  type TicketRatingState,
  type WindowStats,
  type WindowView,
  zhCN,
} from '@yimen/protocol';
import type { Desk } from './desk';

/**
 * The clerk console's flow as a small explicit state machine: signed out ⇄ at the desk,
 * each action checked against the window's state, sent as one command, and its result
 * (or the refusal) shown at once. Pure: `transition` returns the next state and the effects
 * to perform; the controller performs them and feeds their outcomes back as events.
 */

const C = zhCN.clerkConsole;
const U = C.unavailable;
const F = C.fingerprint;

/** A clerk signed in to a window; kept in the browser so a reload or a server restart keeps the desk. */
export interface ClerkSession {
  readonly session: string;
  readonly clerk: Clerk;
  readonly windowId: string;
}

export type TransferTarget = { readonly toCategoryId: string } | { readonly toWindowId: string };

/** What the clerk asks of the hall. */
export type Action =
  | { readonly kind: 'callNext' }
  | { readonly kind: 'recall' }
  | { readonly kind: 'callSpecific'; readonly ticketId: string }
  | { readonly kind: 'noShow' }
  | { readonly kind: 'start' }
  | { readonly kind: 'finish' }
  | { readonly kind: 'hold' }
  | { readonly kind: 'resume'; readonly ticketId: string }
  | {
      readonly kind: 'transfer';
      readonly target: TransferTarget;
      /** The queue's or window's name, for the result line. */
      readonly targetName: string;
      readonly note: string;
    }
  | { readonly kind: 'pause'; readonly reason: string }
  | { readonly kind: 'resumeWindow' };

/** The console's controls, each on a button and a function key as hall caller software has them. */
export const CONTROLS = [
  'callNext',
  'recall',
  'callSpecific',
  'noShow',
  'start',
  'finish',
  'holdOrResume',
  'transfer',
  'pauseOrResume',
] as const;
export type Control = (typeof CONTROLS)[number];

/** F5 stays the browser's reload (harmless: the session survives it); F11 and F12 stay the browser's too. */
export const KEY_OF: Record<Control, string> = {
  callNext: 'F1',
  recall: 'F2',
  callSpecific: 'F3',
  noShow: 'F4',
  start: 'F6',
  finish: 'F7',
  holdOrResume: 'F8',
  transfer: 'F9',
  pauseOrResume: 'F10',
};
const CONTROL_OF_KEY = new Map(CONTROLS.map((c) => [KEY_OF[c], c]));

/** The keys the console takes from the browser: its function keys, and Esc to close a dialog. */
export const isShortcut = (key: string): boolean => CONTROL_OF_KEY.has(key) || key === 'Escape';

export type Dialog = 'callSpecific' | 'transfer' | 'pause';

/**
 * A sign-in by the finger on the window's module: asked for, then waited on. The request's
 * id is this console's alone; its code shows here and on the window's pad.
 */
export type FingerprintSignIn =
  | { readonly phase: 'starting'; readonly windowId: string }
  | {
      readonly phase: 'waiting';
      readonly windowId: string;
      readonly requestId: string;
      readonly code: string;
      /** When the request lapses, by this console's clock. */
      readonly until: number;
    };

export type Screen =
  | {
      readonly name: 'signIn';
      readonly busy: boolean;
      readonly message: string | null;
      readonly fingerprint: FingerprintSignIn | null;
    }
  | { readonly name: 'desk'; readonly session: ClerkSession };

export interface ConsoleState {
  readonly screen: Screen;
  /** The action whose command is on its way; others wait for its answer. */
  readonly pending: Action['kind'] | 'signOut' | null;
  /** The last action's outcome, shown at once. */
  readonly result: { readonly ok: boolean; readonly text: string } | null;
  readonly dialog: Dialog | null;
  /** The ticket this console finished last: shown where the current one was, with its rating as it comes. */
  readonly lastFinished: Ticket | null;
  readonly lastRating: TicketRatingState | null;
  readonly stats: WindowStats | null;
}

export type ActionReply = Ack<{ ticket?: Ticket; window?: WindowView }>;

export type ConsoleEvent =
  | { readonly type: 'signIn'; readonly staffNo: string; readonly password: string; readonly windowId: string }
  | { readonly type: 'signedIn'; readonly session: ClerkSession }
  | { readonly type: 'signInFailed'; readonly message: string }
  /** Sign in by the finger on this window's module. */
  | { readonly type: 'fingerprint'; readonly windowId: string; readonly now: number }
  | {
      readonly type: 'fingerprintStarted';
      readonly requestId: string;
      readonly code: string;
      readonly expiresInMs: number;
      readonly now: number;
    }
  | { readonly type: 'fingerprintAnswered'; readonly requestId: string; readonly reply: SignInReply }
  | { readonly type: 'fingerprintCancel' }
  /** A session kept in the browser, at start. */
  | { readonly type: 'restored'; readonly session: ClerkSession }
  /** The hall no longer knows the session (taken over, signed out elsewhere, the day closed). */
  | { readonly type: 'sessionEnded' }
  | { readonly type: 'signOut' }
  | { readonly type: 'signedOut' }
  | { readonly type: 'signOutFailed'; readonly message: string }
  | { readonly type: 'press'; readonly control: Control }
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'act'; readonly action: Action }
  /** 特呼 by number, as typed in its dialog. */
  | { readonly type: 'callNumber'; readonly number: string }
  | { readonly type: 'acked'; readonly action: Action; readonly reply: ActionReply }
  | { readonly type: 'closeDialog' }
  | { readonly type: 'online' }
  | { readonly type: 'stats'; readonly stats: WindowStats }
  /** How a ticket finished here was rated: asked for after the finish, then told live. */
  | { readonly type: 'rating'; readonly rating: TicketRatingState };

/** What a sign-in (by password or finger) answers: the session, or why not. */
export type SignInReply =
  | { readonly ok: true; readonly session: ClerkSession }
  | { readonly ok: false; readonly message: string };

type Payload<K extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[K]>[0];
export type Command = {
  [K in keyof ClientToServerEvents]: { readonly name: K; readonly payload: Payload<K> };
}[keyof ClientToServerEvents];

export type Effect =
  | { readonly type: 'login'; readonly staffNo: string; readonly password: string; readonly windowId: string }
  | { readonly type: 'logout'; readonly session: string }
  | { readonly type: 'keep'; readonly session: ClerkSession }
  | { readonly type: 'forget' }
  | { readonly type: 'connect'; readonly session: ClerkSession }
  | { readonly type: 'disconnect' }
  | { readonly type: 'send'; readonly action: Action; readonly command: Command }
  | { readonly type: 'fetchStats' }
  | { readonly type: 'fetchRating'; readonly ticketId: string }
  | { readonly type: 'fingerprintStart'; readonly windowId: string }
  | { readonly type: 'fingerprintWait'; readonly requestId: string }
  | { readonly type: 'fingerprintCancel'; readonly requestId: string };

export interface Step {
  readonly state: ConsoleState;
  readonly effects: readonly Effect[];
}

export const INITIAL: ConsoleState = {
  screen: { name: 'signIn', busy: false, message: null, fingerprint: null },
  pending: null,
  result: null,
  dialog: null,
  lastFinished: null,
  lastRating: null,
  stats: null,
};

const stay = (state: ConsoleState): Step => ({ state, effects: [] });
const refuse = (state: ConsoleState, text: string): Step => ({
  state: { ...state, result: { ok: false, text } },
  effects: [],
});

function signedOut(message: string | null): ConsoleState {
  return { ...INITIAL, screen: { name: 'signIn', busy: false, message, fingerprint: null } };
}

function signedIn(session: ClerkSession): Step {
  return {
    state: atDesk(session),
    effects: [
      { type: 'keep', session },
      { type: 'connect', session },
    ],
  };
}

/** The sign-in screen's steps by fingerprint: ask, wait, the answer (only the current request's counts), or give up. */
function fingerprintStep(state: ConsoleState, event: ConsoleEvent): Step {
  const { screen } = state;
  if (screen.name !== 'signIn') return stay(state);
  const pending = screen.fingerprint;
  const on = (fingerprint: FingerprintSignIn | null, message: string | null = null): ConsoleState => ({
    ...state,
    screen: { ...screen, busy: fingerprint !== null, message, fingerprint },
  });
  switch (event.type) {
    case 'fingerprint':
      if (screen.busy) return stay(state);
      if (!event.windowId) return { state: on(null, F.chooseWindow), effects: [] };
      return {
        state: on({ phase: 'starting', windowId: event.windowId }),
        effects: [{ type: 'fingerprintStart', windowId: event.windowId }],
      };
    case 'fingerprintStarted':
      // Given up while it was being asked for: the pad is told to stop at once.
      if (pending?.phase !== 'starting') {
        return { state, effects: [{ type: 'fingerprintCancel', requestId: event.requestId }] };
      }
      return {
        state: on({
          phase: 'waiting',
          windowId: pending.windowId,
          requestId: event.requestId,
          code: event.code,
          until: event.now + event.expiresInMs,
        }),
        effects: [{ type: 'fingerprintWait', requestId: event.requestId }],
      };
    case 'fingerprintAnswered':
      if (pending?.phase !== 'waiting' || pending.requestId !== event.requestId) return stay(state);
      return event.reply.ok ? signedIn(event.reply.session) : { state: on(null, event.reply.message), effects: [] };
    case 'fingerprintCancel':
      if (!pending) return stay(state);
      return {
        state: on(null, F.cancelled),
        effects: pending.phase === 'waiting' ? [{ type: 'fingerprintCancel', requestId: pending.requestId }] : [],
      };
    default:
      return stay(state);
  }
}

function atDesk(session: ClerkSession): ConsoleState {
  return { ...INITIAL, screen: { name: 'desk', session } };
}

/** Why the action cannot be done at the window now, or null when it can. */
export function refusalFor(action: Action, desk: Desk): string | null {
  const { window, current } = desk;
  const calling = () => {
    if (window.status === 'paused') return U.paused;
    if (current) return zhCN.errorMessage.WINDOW_BUSY;
    return null;
  };
  switch (action.kind) {
    case 'callNext':
      return calling();
    case 'callSpecific':
      return calling();
    case 'resume':
      return desk.held.some((t) => t.id === action.ticketId) ? calling() : U.noHeld;
    case 'recall':
    case 'noShow':
    case 'start':
      if (!current) return U.noCurrent;
      return current.status === 'called' ? null : U.serving;
    case 'finish':
      if (!current) return U.noCurrent;
      return current.status === 'serving' ? null : U.notServing;
    case 'hold':
    case 'transfer':
      return current ? null : U.noCurrent;
    case 'pause':
      return window.status === 'paused' ? U.alreadyPaused : null;
    case 'resumeWindow':
      return window.status === 'paused' ? null : U.notPaused;
  }
}

/** The command an action sends; only called once refusalFor found nothing against it. */
export function commandFor(action: Action, desk: Desk): Command {
  const current = desk.current?.id ?? '';
  switch (action.kind) {
    case 'callNext':
      return { name: 'window:callNext', payload: {} };
    case 'callSpecific':
      return { name: 'ticket:callSpecific', payload: { ticketId: action.ticketId } };
    case 'resume':
      return { name: 'ticket:resume', payload: { ticketId: action.ticketId } };
    case 'recall':
      return { name: 'ticket:recall', payload: { ticketId: current } };
    case 'noShow':
      return { name: 'ticket:noShow', payload: { ticketId: current } };
    case 'start':
      return { name: 'ticket:start', payload: { ticketId: current } };
    case 'finish':
      return { name: 'ticket:finish', payload: { ticketId: current } };
    case 'hold':
      return { name: 'ticket:hold', payload: { ticketId: current } };
    case 'transfer': {
      const note = action.note.trim();
      return { name: 'ticket:transfer', payload: { ticketId: current, ...action.target, ...(note ? { note } : {}) } };
    }
    case 'pause':
      return { name: 'window:pause', payload: { reason: action.reason } };
    case 'resumeWindow':
      return { name: 'window:resume', payload: {} };
  }
}

function resultText(action: Action, reply: ActionReply & { ok: true }): string {
  const n = reply.ticket?.number ?? '';
  switch (action.kind) {
    case 'callNext':
    case 'callSpecific':
      return C.results.called(n);
    case 'recall':
      return C.results.recalled(n, reply.ticket?.recallCount ?? 0);
    case 'noShow':
      return C.results.noShow(n);
    case 'start':
      return C.results.started(n);
    case 'finish':
      return C.results.finished(n);
    case 'hold':
      return C.results.held(n);
    case 'resume':
      return C.results.resumed(n);
    case 'transfer':
      return C.results.transferred(n, action.targetName);
    case 'pause':
      return C.results.paused(action.reason);
    case 'resumeWindow':
      return C.results.resumedWindow;
  }
}

function act(state: ConsoleState, action: Action, desk: Desk | null): Step {
  if (state.screen.name !== 'desk' || !desk) return stay(state);
  if (state.pending) return refuse(state, U.pending);
  const refusal = refusalFor(action, desk);
  if (refusal) return refuse(state, C.refused(refusal));
  return {
    state: { ...state, pending: action.kind, dialog: null, result: { ok: true, text: C.working } },
    effects: [{ type: 'send', action, command: commandFor(action, desk) }],
  };
}

/** Why a dialog would be no use now (nothing could be done from it), or null. */
function dialogRefusal(dialog: Dialog, desk: Desk): string | null {
  switch (dialog) {
    case 'callSpecific':
      return refusalFor({ kind: 'callNext' }, desk);
    case 'transfer':
      return desk.current ? null : U.noCurrent;
    case 'pause':
      return desk.window.status === 'paused' ? U.alreadyPaused : null;
  }
}

/** A button or its key: most act at once; 特呼, 转移 and 暂停 ask first; 挂起/恢复 and 暂停/恢复 toggle. */
function press(state: ConsoleState, control: Control, desk: Desk | null): Step {
  if (!desk) return stay(state);
  const ask = (dialog: Dialog): Step => {
    const refusal = state.pending ? U.pending : dialogRefusal(dialog, desk);
    return refusal ? refuse(state, C.refused(refusal)) : { state: { ...state, dialog, result: null }, effects: [] };
  };
  switch (control) {
    case 'callNext':
    case 'recall':
    case 'noShow':
    case 'start':
    case 'finish':
      return act(state, { kind: control }, desk);
    case 'callSpecific':
    case 'transfer':
      return ask(control);
    case 'holdOrResume': {
      const held = desk.held[0];
      if (!desk.current && held) return act(state, { kind: 'resume', ticketId: held.id }, desk);
      return act(state, { kind: 'hold' }, desk);
    }
    case 'pauseOrResume':
      if (desk.window.status === 'paused') return act(state, { kind: 'resumeWindow' }, desk);
      return ask('pause');
  }
}

export function transition(state: ConsoleState, event: ConsoleEvent, desk: Desk | null): Step {
  const { screen } = state;
  switch (event.type) {
    case 'signIn':
      if (screen.name !== 'signIn' || screen.busy) return stay(state);
      return {
        state: { ...state, screen: { name: 'signIn', busy: true, message: null, fingerprint: null } },
        effects: [{ type: 'login', staffNo: event.staffNo, password: event.password, windowId: event.windowId }],
      };
    case 'signInFailed':
      if (screen.name !== 'signIn') return stay(state);
      return { state: signedOut(event.message), effects: [] };
    case 'signedIn':
      return signedIn(event.session);
    case 'fingerprint':
    case 'fingerprintStarted':
    case 'fingerprintAnswered':
    case 'fingerprintCancel':
      return fingerprintStep(state, event);
    case 'restored':
      if (screen.name !== 'signIn') return stay(state);
      return { state: atDesk(event.session), effects: [{ type: 'connect', session: event.session }] };
    case 'sessionEnded':
      if (screen.name !== 'desk') return stay(state);
      return { state: signedOut(C.sessionEnded), effects: [{ type: 'forget' }, { type: 'disconnect' }] };
    case 'signOut':
      if (screen.name !== 'desk' || state.pending) return stay(state);
      return {
        state: { ...state, pending: 'signOut', dialog: null },
        effects: [{ type: 'logout', session: screen.session.session }],
      };
    case 'signedOut':
      if (screen.name !== 'desk') return stay(state);
      return { state: signedOut(C.signedOut), effects: [{ type: 'forget' }, { type: 'disconnect' }] };
    case 'signOutFailed':
      return { state: { ...state, pending: null, result: { ok: false, text: C.refused(event.message) } }, effects: [] };
    case 'key': {
      if (event.key === 'Escape')
        return state.dialog ? { state: { ...state, dialog: null }, effects: [] } : stay(state);
      const control = CONTROL_OF_KEY.get(event.key);
      // While a dialog is open the keys belong to it.
      if (!control || state.dialog) return stay(state);
      return press(state, control, desk);
    }
    case 'press':
      return press(state, event.control, desk);
    case 'act':
      return act(state, event.action, desk);
    case 'callNumber': {
      if (!desk) return stay(state);
      const number = event.number.trim().toUpperCase();
      const ticket = desk.waiting.find((t) => t.number === number);
      if (!ticket) return refuse(state, C.refused(C.specialNotFound(number)));
      return act(state, { kind: 'callSpecific', ticketId: ticket.id }, desk);
    }
    case 'acked': {
      if (state.pending !== event.action.kind) return stay(state);
      const reply = event.reply;
      if (!reply.ok) {
        return {
          state: { ...state, pending: null, result: { ok: false, text: C.refused(reply.error.message) } },
          effects: [],
        };
      }
      const finished = event.action.kind === 'finish' ? (reply.ticket ?? null) : null;
      return {
        state: {
          ...state,
          pending: null,
          result: { ok: true, text: resultText(event.action, reply) },
          lastFinished: finished ?? state.lastFinished,
          lastRating: finished ? { ticketId: finished.id, state: 'awaiting' } : state.lastRating,
        },
        // The rating may have come before this answer: asked for once, then told live.
        effects: finished ? [{ type: 'fetchStats' }, { type: 'fetchRating', ticketId: finished.id }] : [],
      };
    }
    case 'rating':
      if (screen.name !== 'desk' || state.lastFinished?.id !== event.rating.ticketId) return stay(state);
      return { state: { ...state, lastRating: event.rating }, effects: [] };
    case 'closeDialog':
      return { state: { ...state, dialog: null }, effects: [] };
    case 'online': {
      if (screen.name !== 'desk') return stay(state);
      // Back after a break: what was rated meanwhile is asked for again.
      const last = state.lastFinished;
      return {
        state,
        effects: [{ type: 'fetchStats' }, ...(last ? [{ type: 'fetchRating', ticketId: last.id } as const] : [])],
      };
    }
    case 'stats':
      return screen.name === 'desk' ? { state: { ...state, stats: event.stats }, effects: [] } : stay(state);
  }
}
