import {
  type CallRecord,
  FINAL_STATUSES,
  type LoggedEvent,
  type QueueSnapshot,
  type QueueSummary,
  type Ticket,
  type WindowView,
} from '@yimen/protocol';

/** The "recently called" list the server keeps in its snapshot (hall-service.ts). */
const RECENT_CALLS = 20;

/**
 * What a display knows of the hall: the last snapshot it got, with every later event applied
 * in seq order. A display that missed nothing holds exactly the server's snapshot.
 */
export class DisplayView {
  private constructor(
    public seq: number,
    public businessDay: string,
    public summary: QueueSummary,
    private readonly tickets: Map<string, Ticket>,
    private readonly windows: Map<string, WindowView>,
    private recentCalls: CallRecord[],
  ) {}

  static from(snapshot: QueueSnapshot): DisplayView {
    return new DisplayView(
      snapshot.seq,
      snapshot.businessDay,
      {
        waiting: { ...snapshot.waiting },
        estimatedWaitMin: { ...snapshot.estimatedWaitMin },
        availability: { ...snapshot.availability },
      },
      new Map(snapshot.tickets.map((t) => [t.id, t])),
      new Map(snapshot.windows.map((w) => [w.id, w])),
      [...snapshot.recentCalls],
    );
  }

  /**
   * Applies the next event. An event at or below the view's seq was already applied (a replay
   * overlapping what arrived live) and is skipped; one beyond the next seq means an event was
   * lost, which throws.
   */
  apply(event: LoggedEvent): boolean {
    const { seq } = event.payload;
    if (seq <= this.seq) return false;
    if (seq !== this.seq + 1) throw new Error(`display missed events ${this.seq + 1}..${seq - 1}`);
    this.seq = seq;
    switch (event.name) {
      case 'ticket:called': {
        const { ticket, window, voiceText } = event.payload;
        this.putTicket(ticket);
        this.recentCalls.unshift({
          ticketId: ticket.id,
          number: ticket.number,
          windowId: window.id,
          windowNumber: window.number,
          at: ticket.calledAt as number,
          voiceText,
        });
        this.recentCalls.length = Math.min(this.recentCalls.length, RECENT_CALLS);
        break;
      }
      case 'ticket:changed':
        this.putTicket(event.payload.ticket);
        break;
      case 'window:changed':
        this.windows.set(event.payload.window.id, event.payload.window);
        break;
      case 'queue:changed':
        // The server forgets the day's calls when the business day rolls over.
        if (event.payload.businessDay !== this.businessDay) this.recentCalls = [];
        this.businessDay = event.payload.businessDay;
        this.summary = {
          waiting: { ...event.payload.waiting },
          estimatedWaitMin: { ...event.payload.estimatedWaitMin },
          availability: { ...event.payload.availability },
        };
        break;
    }
    return true;
  }

  private putTicket(ticket: Ticket): void {
    if (FINAL_STATUSES.includes(ticket.status)) this.tickets.delete(ticket.id);
    else this.tickets.set(ticket.id, ticket);
  }

  /** The view in a canonical form, comparable with the server's snapshot in the same form. */
  canonical() {
    return canonical({
      seq: this.seq,
      businessDay: this.businessDay,
      ...this.summary,
      tickets: [...this.tickets.values()],
      windows: [...this.windows.values()],
      recentCalls: this.recentCalls,
    });
  }
}

/** A snapshot without its generation time, tickets and windows in id order (dispatch order is the server's business). */
export function canonical(s: Omit<QueueSnapshot, 'generatedAt'>) {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    seq: s.seq,
    businessDay: s.businessDay,
    waiting: s.waiting,
    estimatedWaitMin: s.estimatedWaitMin,
    availability: s.availability,
    tickets: [...s.tickets].sort(byId),
    windows: [...s.windows].sort(byId),
    recentCalls: s.recentCalls,
  };
}
