import {
  type Ack,
  type CardEvent,
  type ErrorBody,
  type IssuedTicket,
  type PrintJob,
  type PublicConfig,
  type TerminalBridge,
  zhCN,
} from '@yimen/protocol';
import type { HallConnection } from '@yimen/shell/browser/hall-connection';
import type { Utterance } from '@yimen/shell/common/voice';
import { type Effect, INITIAL, type IssueRequest, type KioskEvent, type KioskState, transition } from './kiosk-flow';
import { materialsJob, ticketJob } from './print-jobs';

/** What the controller needs of the hall connection. */
export interface HallLink {
  readonly request: HallConnection['request'];
  readonly online: boolean;
  onOnline(listener: () => void): () => void;
}

export interface KioskDeps {
  readonly hall: HallLink;
  readonly bridge: Pick<TerminalBridge, 'print'>;
  readonly speaker: { say(utterance: Utterance): void; silence(): void };
  readonly config: () => PublicConfig | null;
  readonly now: () => number;
  /** Whether a ticket could be printed now (printer ready, hall reachable); absent: assume so. */
  readonly canIssue?: () => boolean;
}

const RESIDENT_NUMBER = /^\d{17}[\dX]$/;

/** A card event as the flow holds it; cards without an 18-character number cannot take tickets here. */
export function heldCard(event: CardEvent) {
  const idNumber = event.card.idNumber.toUpperCase();
  if (!RESIDENT_NUMBER.test(idNumber)) return null;
  return {
    input: { idNumber, name: (event.card.name || event.card.nameEn || '').slice(0, 60) || '—' },
    masked: event.masked,
  };
}

/**
 * The imperative shell around the kiosk's flow: performs each effect (hall commands, the
 * printer, speech) and feeds the outcome back. It keeps the promise the hall makes: a
 * number whose slip did not print is voided, and a request left behind while the hall was
 * unreachable is settled once it is back — issued then voided, so nobody's number waits unheld.
 */
export class KioskController {
  private current: KioskState = INITIAL;
  private readonly listeners = new Set<(state: KioskState) => void>();
  /** Work owed to the hall once it answers again: abandoned issues, voids that did not get through. */
  private readonly owed: (() => Promise<boolean>)[] = [];
  private readonly offOnline: () => void;

  constructor(private readonly deps: KioskDeps) {
    this.offOnline = deps.hall.onOnline(() => {
      this.dispatch({ type: 'hallOnline' });
      void this.settle();
    });
  }

  get state(): KioskState {
    return this.current;
  }

  subscribe(listener: (state: KioskState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(event: KioskEvent): void {
    const step = transition(this.current, event);
    if (step.state !== this.current) {
      this.current = step.state;
      for (const listener of this.listeners) listener(step.state);
    }
    for (const effect of step.effects) void this.perform(effect);
  }

  /** A card from the reader. */
  card(event: CardEvent): void {
    const card = heldCard(event);
    if (card) this.dispatch({ type: 'cardRead', card });
    else this.dispatch({ type: 'cardRejected', message: zhCN.kiosk.cardUnreadable });
  }

  dispose(): void {
    this.offOnline();
    this.listeners.clear();
  }

  private async perform(effect: Effect): Promise<void> {
    const { hall, bridge, speaker } = this.deps;
    switch (effect.type) {
      case 'lookup': {
        const ack = await hall.request('kiosk:lookup', { idCard: effect.card });
        const canIssue = this.deps.canIssue?.() ?? true;
        this.dispatch(
          ack.ok ? { type: 'lookupDone', lookup: ack.lookup, canIssue } : { type: 'lookupFailed', error: ack.error },
        );
        return;
      }
      case 'send': {
        const ack = await this.send(effect.request);
        this.dispatch(ack.ok ? { type: 'issued', ticket: ack.ticket } : { type: 'issueFailed', error: ack.error });
        return;
      }
      case 'print': {
        const config = this.deps.config();
        if (!config) {
          this.dispatch({ type: 'printFailed', message: zhCN.errorMessage.UNREACHABLE });
          return;
        }
        const reply = await bridge.print(ticketJob(effect.ticket, config));
        this.dispatch(reply.ok ? { type: 'printed' } : { type: 'printFailed', message: reply.error.message });
        return;
      }
      case 'void':
        await this.voidOrOwe(effect.ticketId, `打印失败：${effect.reason}`);
        return;
      case 'abandon':
        this.owed.push(() => this.settleAbandoned(effect.request));
        if (hall.online) await this.settle();
        return;
      case 'printGuide': {
        const job = this.guideJob(effect.itemId);
        const reply = job ? await bridge.print(job) : null;
        this.dispatch({ type: 'notice', message: reply?.ok ? zhCN.kiosk.printedList : zhCN.kiosk.printerDown });
        return;
      }
      case 'findCases': {
        const ack = await hall.request('case:progress', effect.query);
        this.dispatch(ack.ok ? { type: 'casesFound', cases: ack.cases } : { type: 'casesFailed', error: ack.error });
        return;
      }
      case 'speak':
        speaker.say(effect.utterance);
        return;
      case 'silence':
        speaker.silence();
        return;
    }
  }

  private send(request: IssueRequest): Promise<Ack<{ ticket: IssuedTicket }>> {
    const { hall } = this.deps;
    switch (request.kind) {
      case 'issue':
        return hall.request('ticket:issue', {
          categoryId: request.categoryId,
          idempotencyKey: request.idempotencyKey,
          ...(request.idCard ? { idCard: request.idCard } : {}),
          ...(request.agent ? { priority: 'agent' as const } : {}),
        });
      case 'reprint':
        return hall.request('ticket:reprint', { ticketId: request.ticketId, idCard: request.idCard });
      case 'checkIn':
        return hall.request('appointment:checkIn', { idCard: request.idCard, idempotencyKey: request.idempotencyKey });
    }
  }

  private guideJob(itemId: string): PrintJob | null {
    const config = this.deps.config();
    const item = config?.items.find((i) => i.id === itemId);
    return config && item ? materialsJob(item, config, this.deps.now()) : null;
  }

  /** True when done (or nothing is left to do); false to try again when the hall is back. */
  private async settleAbandoned(request: IssueRequest): Promise<boolean> {
    if (request.kind === 'reprint') return true;
    const ack = await this.send(request);
    if (!ack.ok) return ack.error.code !== 'UNREACHABLE';
    return this.tryVoid(ack.ticket.id, '取号未完成：网络中断时离开');
  }

  private async voidOrOwe(ticketId: string, reason: string): Promise<void> {
    if (!(await this.tryVoid(ticketId, reason))) this.owed.push(() => this.tryVoid(ticketId, reason));
  }

  private async tryVoid(ticketId: string, reason: string): Promise<boolean> {
    const ack = await this.deps.hall.request('ticket:void', { ticketId, reason: reason.slice(0, 200) });
    return ack.ok || !isRetryable(ack.error);
  }

  private async settle(): Promise<void> {
    const work = this.owed.splice(0);
    for (const job of work) if (!(await job())) this.owed.push(job);
  }
}

function isRetryable(error: ErrorBody): boolean {
  return error.code === 'UNREACHABLE' || error.code === 'STORAGE';
}
