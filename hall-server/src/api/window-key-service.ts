import { type Ack, type ErrorBody, type Ticket, type WindowKey, type WindowView, zhCN } from '@yimen/protocol';
import * as domain from '../domain';
import type { ClerkActor, HallService } from './hall-service';
import type { RatingService } from './rating-service';

type KeyReply = Ack<{ window: WindowView; ticket: Ticket | null; waiting: number }>;

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/** The pause a keypad's 暂停 key sets: the keypad has no way to say why. */
export const KEYPAD_PAUSE_REASON = '暂停服务';

/**
 * The caller keypad on a clerk's desk, wired to the window's terminal: each key acts as the
 * clerk signed in at that window, through the same commands as the console. The terminal
 * sends only the key; which clerk and which ticket are the server's to decide, so the
 * citizen-facing pad can never choose either. With nobody signed in every key is refused.
 */
export class WindowKeyService {
  constructor(
    private readonly hall: HallService,
    private readonly ratings: RatingService,
  ) {}

  press(windowId: string | null, key: WindowKey): KeyReply {
    const window = windowId ? this.hall.queueState.windows.get(windowId) : undefined;
    if (!window) return failure('FORBIDDEN', '本终端未绑定窗口');
    if (!window.clerkId) return failure('NO_CLERK');
    const actor: ClerkActor = { role: 'clerk', clerkId: window.clerkId, windowId: window.id };
    const reply = this.act(actor, window, key);
    if (!reply.ok) return reply;
    const now = this.hall.queueState.windows.get(window.id) ?? window;
    return { ok: true, window: domain.toWindowView(now), ticket: reply.ticket, waiting: this.waitingFor(now) };
  }

  private act(actor: ClerkActor, window: domain.WindowRecord, key: WindowKey): Ack<{ ticket: Ticket | null }> {
    switch (key) {
      case 'call':
        return this.hall.callNext(actor);
      case 'recall': {
        if (!window.currentTicketId) return failure('ILLEGAL_TRANSITION', '当前没有已呼叫的号');
        return this.hall.recall(actor, window.currentTicketId);
      }
      case 'pause': {
        const result =
          window.status === 'paused'
            ? this.hall.resumeWindow(actor)
            : this.hall.pause(actor, { reason: KEYPAD_PAUSE_REASON });
        return result.ok ? { ok: true, ticket: null } : result;
      }
      case 'requestRating': {
        const ticketId = this.ratings.lastUnrated(window.id);
        const ticket = ticketId ? this.hall.ticketRecord(ticketId) : null;
        if (!ticket) return failure('NOT_FOUND', '没有待评价的号');
        return { ok: true, ticket: domain.toTicket(ticket) };
      }
    }
  }

  /** Waiting tickets of the window's queues: what the keypad's display shows beside the number. */
  private waitingFor(window: domain.WindowRecord): number {
    const waiting = this.hall.snapshotSummary().waiting;
    return window.categoryIds.reduce((sum, id) => sum + (waiting[id] ?? 0), 0);
  }
}
