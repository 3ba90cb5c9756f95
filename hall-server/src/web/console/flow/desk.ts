import { isEligible, type Ticket, type Window, type WindowView } from '@yimen/protocol';

/**
 * The window as its clerk works it, read from the hall's view: the ticket called or being
 * served there, the ones held there, and the waiting ones it may call.
 */
export interface Desk {
  readonly window: WindowView;
  readonly current: Ticket | null;
  readonly held: readonly Ticket[];
  /** Tickets transferred to this window first, then in issue order (their rank). */
  readonly waiting: readonly Ticket[];
}

const byRank = (a: Ticket, b: Ticket) => a.rankAt - b.rankAt || a.issuedAt - b.issuedAt || a.id.localeCompare(b.id);

export function deskOf(tickets: readonly Ticket[], window: WindowView, config: Window): Desk {
  const current = window.currentTicketId ? tickets.find((t) => t.id === window.currentTicketId) : undefined;
  const held: Ticket[] = [];
  const waiting: Ticket[] = [];
  for (const t of tickets) {
    if (t.status === 'held' && t.windowId === window.id) held.push(t);
    else if (t.status === 'waiting' && isEligible(t, config)) waiting.push(t);
  }
  const targeted = (t: Ticket) => (t.targetWindowId === window.id ? 0 : 1);
  return {
    window,
    current: current && (current.status === 'called' || current.status === 'serving') ? current : null,
    held: held.sort(byRank),
    waiting: waiting.sort((a, b) => targeted(a) - targeted(b) || byRank(a, b)),
  };
}
