import {
  type CallerKeyEvent,
  DEFAULT_RATING_RULES,
  type LedRequest,
  type LoggedEvent,
  type PublicConfig,
  type RatingEvent,
  type RatingRules,
  type TerminalBridge,
  type Ticket,
  type WindowKey,
  type WindowView,
} from '@yimen/protocol';
import type { HallConnection } from '@yimen/shell/browser/hall-connection';
import type { HallView } from '@yimen/shell/common/hall-view';
import { type Effect, type EvaluatorEvent, type EvaluatorState, INITIAL, transition } from './evaluator-flow';
import { type DeskNotice, FingerprintDesk } from './fingerprint-desk';
import { ledFor } from './led';

/** What the controller needs of the hall connection. */
export interface HallLink {
  readonly request: HallConnection['request'];
  readonly onLive: HallConnection['onLive'];
  readonly onServer: HallConnection['onServer'];
  readonly onChange: HallConnection['onChange'];
  readonly view: () => HallView | null;
  readonly config: () => PublicConfig | null;
  readonly online: () => boolean;
}

export interface EvaluatorDeps {
  readonly hall: HallLink;
  readonly bridge: Pick<TerminalBridge, 'led' | 'fingerprint' | 'caller' | 'on'>;
  readonly windowId: string;
  readonly now: () => number;
}

/** Keypad keys the window acts on; the others are refused on the keypad. */
const KEYS: Partial<Record<CallerKeyEvent['action'], WindowKey>> = {
  call: 'call',
  recall: 'recall',
  pause: 'pause',
  requestRating: 'requestRating',
};

const NOTICE_MS = 5000;
/** A frame that did not reach the bar is sent again after this long. */
const LED_RETRY_MS = 5000;

/**
 * The imperative shell around the pad's flow: the hall's live events and the devices' events
 * become flow events, the flow's effects become hall commands. It also keeps the window's
 * LED bar in step with the window, answers the caller keypad (as the clerk signed in here,
 * decided by the hall), and runs the fingerprint module for the hall and for punches.
 */
export class EvaluatorController {
  private current: EvaluatorState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private readonly desk: FingerprintDesk;
  private readonly ticker: ReturnType<typeof setInterval>;
  private lastLed: string | null = null;
  private ledFailedAt = 0;
  private wasOnline = false;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The latest punch or enrolment step, for the pad to show a moment. */
  deskNotice: DeskNotice | null = null;

  constructor(private readonly deps: EvaluatorDeps) {
    const { hall, bridge } = deps;
    this.desk = new FingerprintDesk({
      request: hall.request,
      bridge,
      notify: (notice) => {
        this.deskNotice = notice.kind === 'done' ? null : notice;
        if (this.noticeTimer) clearTimeout(this.noticeTimer);
        // A punch is greeted for a moment; an enrolment step stays until the next one.
        if (notice.kind === 'punched' || notice.kind === 'unknown') {
          this.noticeTimer = setTimeout(() => {
            this.deskNotice = null;
            this.changed();
          }, NOTICE_MS);
        }
        this.changed();
      },
    });
    this.offs.push(
      hall.onLive((event) => this.live(event)),
      hall.onChange(() => this.hallChanged()),
      hall.onServer('fingerprint:templates', (change) => this.desk.templates(change)),
      hall.onServer('fingerprint:enrol', (job) => this.desk.enrol(job)),
      hall.onServer('fingerprint:identify', (job) => this.desk.identify(job)),
      hall.onServer('fingerprint:identifyCancelled', ({ requestId }) => this.desk.cancelSignIn(requestId)),
      bridge.on('rating', (event) => this.padRating(event)),
      bridge.on('callerKey', (event) => void this.key(event)),
      bridge.on('status', () => this.syncLed(true)),
    );
    this.ticker = setInterval(() => {
      this.dispatch({ type: 'tick', now: deps.now() });
      if (this.lastLed === null && deps.now() - this.ledFailedAt >= LED_RETRY_MS) this.syncLed(false);
    }, 500);
    this.hallChanged();
  }

  get state(): EvaluatorState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(event: EvaluatorEvent): void {
    const step = transition(this.current, event, this.rules());
    if (step.state !== this.current) {
      this.current = step.state;
      this.changed();
    }
    for (const effect of step.effects) void this.perform(effect);
  }

  /** The window as the hall sees it now, and its current ticket. */
  window(): { window: WindowView | undefined; ticket: Ticket | undefined } {
    const view = this.deps.hall.view();
    const window = view?.window(this.deps.windowId);
    const ticket = window?.currentTicketId ? view?.ticket(window.currentTicketId) : undefined;
    return { window, ticket };
  }

  rules(): RatingRules {
    return this.deps.hall.config()?.ratings ?? DEFAULT_RATING_RULES;
  }

  dispose(): void {
    clearInterval(this.ticker);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    for (const off of this.offs.splice(0)) off();
    this.desk.dispose();
    this.listeners.clear();
  }

  private async perform(effect: Effect): Promise<void> {
    const { hall, now } = this.deps;
    if (effect.type === 'expire') {
      await hall.request('rating:expire', { ticketId: effect.ticketId });
      return;
    }
    const { type: _type, ...request } = effect;
    const ack = await hall.request('rating:submit', request);
    this.dispatch(
      ack.ok
        ? { type: 'submitted', bad: ack.rectificationId !== null, now: now() }
        : { type: 'failed', error: ack.error, now: now() },
    );
  }

  /** A ticket finished at this window, live (a replayed finish is old news): ask for its rating. */
  private live(event: LoggedEvent): void {
    if (event.name !== 'ticket:changed') return;
    const { ticket } = event.payload;
    if (ticket.status !== 'done' || ticket.windowId !== this.deps.windowId) return;
    this.dispatch({ type: 'ask', asked: { ticketId: ticket.id, number: ticket.number }, now: this.deps.now() });
  }

  private padRating(event: RatingEvent): void {
    this.dispatch({ type: 'choose', level: event.level, channel: event.source, now: this.deps.now() });
  }

  private async key(event: CallerKeyEvent): Promise<void> {
    const { hall, bridge, now } = this.deps;
    const key = KEYS[event.action];
    const ack = key ? await hall.request('window:key', { key }) : null;
    if (!ack?.ok) {
      await bridge.caller.show({ kind: 'refused', address: event.address });
      return;
    }
    const ticket = ack.window.currentTicketId ? this.deps.hall.view()?.ticket(ack.window.currentTicketId) : undefined;
    const shown = key === 'call' || key === 'recall' ? (ack.ticket?.number ?? null) : (ticket?.number ?? null);
    await bridge.caller.show({ kind: 'ticket', address: event.address, ticket: shown, waiting: ack.waiting });
    if (key === 'requestRating' && ack.ticket) {
      this.dispatch({ type: 'ask', asked: { ticketId: ack.ticket.id, number: ack.ticket.number }, now: now() });
    }
  }

  private hallChanged(): void {
    const online = this.deps.hall.online();
    if (online && !this.wasOnline) this.desk.loadLibrary();
    this.wasOnline = online;
    this.syncLed(false);
    this.changed();
  }

  /** Sends the bar its frame when the window's picture changed (or always, after the bar came back). */
  private syncLed(force: boolean): void {
    if (!this.deps.hall.view()) return;
    const { window, ticket } = this.window();
    const frame: LedRequest = ledFor(window, ticket);
    const key = JSON.stringify(frame);
    if (!force && key === this.lastLed) return;
    this.lastLed = key;
    void this.deps.bridge.led(frame).then((reply) => {
      if (reply.ok || this.lastLed !== key) return;
      // Not shown: forget it, so the ticker or the next change sends it again.
      this.lastLed = null;
      this.ledFailedAt = this.deps.now();
    });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
