import {
  type CallRecord,
  FINAL_STATUSES,
  type LoggedEvent,
  type QueueSnapshot,
  type QueueSummary,
  type Ticket,
  type WindowView,
} from '@yimen/protocol';

/** The "recently called" list the server keeps in its snapshot. */
const RECENT_CALLS = 20;

export type ApplyResult = 'applied' | 'stale' | 'gap';

/**
 * What a terminal knows of the hall: the last snapshot, with every later event applied in
 * seq order. A terminal that missed nothing holds exactly the server's snapshot. Pure data:
 * the connection decides what to do about a gap (ask for what it missed).
 */
export class HallView {
  private constructor(
    public seq: number,
    public businessDay: string,
    public summary: QueueSummary,
    private readonly ticketMap: Map<string, Ticket>,
    private readonly windowMap: Map<string, WindowView>,
    private calls: CallRecord[],
    private readonly partial: boolean,
    /** The displays' notice line; empty for none. */
    public notice: string,
  ) {}

  /**
   * `partial`: the hall sends this terminal only the events that concern it (a window's pad
   * sees its window's), so seqs skip by design and a skip is no loss.
   */
  static from(snapshot: QueueSnapshot, partial = false): HallView {
    return new HallView(
      snapshot.seq,
      snapshot.businessDay,
      {
        waiting: { ...snapshot.waiting },
        estimatedWaitMin: { ...snapshot.estimatedWaitMin },
        availability: { ...snapshot.availability },
        windowsOpen: { ...snapshot.windowsOpen },
      },
      new Map(snapshot.tickets.map((t) => [t.id, t])),
      new Map(snapshot.windows.map((w) => [w.id, w])),
      [...snapshot.recentCalls],
      partial,
      snapshot.notice,
    );
  }

  get tickets(): Ticket[] {
    return [...this.ticketMap.values()];
  }

  get windows(): WindowView[] {
    return [...this.windowMap.values()];
  }

  get recentCalls(): readonly CallRecord[] {
    return this.calls;
  }

  ticket(id: string): Ticket | undefined {
    return this.ticketMap.get(id);
  }

  window(id: string): WindowView | undefined {
    return this.windowMap.get(id);
  }

  /**
   * Applies the next event. One at or below the view's seq was already applied (a replay
   * overlapping what arrived live): `stale`, skipped. One beyond the next seq: `gap`, not
   * applied (a partial view applies it: on one connection nothing arrives out of order).
   */
  apply(event: LoggedEvent): ApplyResult {
    const { seq } = event.payload;
    if (seq <= this.seq) return 'stale';
    if (seq !== this.seq + 1 && !this.partial) return 'gap';
    this.seq = seq;
    switch (event.name) {
      case 'ticket:called': {
        const { ticket, window, voiceText } = event.payload;
        this.putTicket(ticket);
        this.calls.unshift({
          ticketId: ticket.id,
          number: ticket.number,
          categoryId: ticket.categoryId,
          windowId: window.id,
          windowNumber: window.number,
          at: ticket.calledAt ?? 0,
          voiceText,
        });
        this.calls.length = Math.min(this.calls.length, RECENT_CALLS);
        break;
      }
      case 'ticket:changed':
        this.putTicket(event.payload.ticket);
        break;
      case 'window:changed':
        this.windowMap.set(event.payload.window.id, event.payload.window);
        break;
      case 'queue:changed': {
        // The server forgets the day's calls when the business day rolls over.
        if (event.payload.businessDay !== this.businessDay) this.calls = [];
        const { waiting, estimatedWaitMin, availability, windowsOpen } = event.payload;
        this.businessDay = event.payload.businessDay;
        this.summary = {
          waiting: { ...waiting },
          estimatedWaitMin: { ...estimatedWaitMin },
          availability: { ...availability },
          windowsOpen: { ...windowsOpen },
        };
        break;
      }
      case 'notice:changed':
        this.notice = event.payload.text;
        break;
    }
    return 'applied';
  }

  private putTicket(ticket: Ticket): void {
    if (FINAL_STATUSES.includes(ticket.status)) this.ticketMap.delete(ticket.id);
    else this.ticketMap.set(ticket.id, ticket);
  }
}
