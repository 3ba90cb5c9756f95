import {
  type Category,
  FINAL_STATUSES,
  type LoggedEventName,
  type LoggedEvents,
  type QueueRules,
  type Ticket,
  type TicketStatus,
  type Window,
  type WindowStatus,
  type WindowView,
} from '@yimen/protocol';

/** A ticket as the server keeps it: the public ticket plus what never leaves the server. */
export interface TicketRecord extends Ticket {
  /** Keyed hash of the holder's ID number, for per-ID limits; never sent out. */
  readonly idHash: string | null;
  /** Secret of the ticket's public status page. */
  readonly statusToken: string;
  /** The queue it was issued for; per-ID limits and idempotent retries refer to it. */
  readonly issueCategoryId: string;
  /** Issuing terminal and its idempotency key. */
  readonly terminalId: string | null;
  readonly idempotencyKey: string | null;
}

/** A window's configuration plus its live state. */
export interface WindowRecord extends Window {
  readonly status: WindowStatus;
  readonly pauseReason: string | null;
  readonly clerkId: string | null;
  readonly currentTicketId: string | null;
}

/** Everything the queue logic decides on. Open tickets only: final ones leave the state. */
export interface HallState {
  readonly businessDay: string;
  readonly rules: QueueRules;
  readonly categories: ReadonlyMap<string, Category>;
  readonly windows: ReadonlyMap<string, WindowRecord>;
  readonly tickets: ReadonlyMap<string, TicketRecord>;
  /** Last number issued today per category. */
  readonly lastNumber: Readonly<Record<string, number>>;
  /** Consecutive priority calls per category (see dispatch.ts). */
  readonly streaks: Readonly<Record<string, number>>;
}

/** An event before the store gives it its seq. */
export type PendingEvent = {
  [K in LoggedEventName]: { name: K; payload: Omit<LoggedEvents[K], 'seq'> };
}[LoggedEventName];

/** What a command changes; the shell persists it in one transaction, then applies it. */
export interface Changes {
  readonly tickets: readonly TicketRecord[];
  readonly windows: readonly WindowRecord[];
  readonly lastNumber?: Readonly<Record<string, number>>;
  readonly streaks?: Readonly<Record<string, number>>;
  readonly businessDay?: string;
}

/** A command (or tick) that changes nothing. */
export const NO_CHANGES: Changes = { tickets: [], windows: [] };

export function toTicket(record: TicketRecord): Ticket {
  const { idHash: _h, statusToken: _s, issueCategoryId: _c, terminalId: _t, idempotencyKey: _k, ...ticket } = record;
  return ticket;
}

export function toWindowView(w: WindowRecord): WindowView {
  return {
    id: w.id,
    number: w.number,
    name: w.name,
    status: w.status,
    pauseReason: w.pauseReason,
    clerkId: w.clerkId,
    currentTicketId: w.currentTicketId,
  };
}

/** A ticket as public screens (displays, evaluators, phones) get it: no holder, not even masked, and no staff note. */
export function publicTicket(ticket: Ticket): Ticket {
  return { ...ticket, holder: null, transferNote: null };
}

const isOpen = (status: TicketStatus): boolean => !FINAL_STATUSES.includes(status);

/** The state after a command's changes: final tickets drop out, the rest replace their old versions. */
export function applyChanges(state: HallState, changes: Changes): HallState {
  return applyChangesInPlace({ ...state, tickets: new Map(state.tickets), windows: new Map(state.windows) }, changes);
}

export function waitingCounts(state: HallState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of state.categories.keys()) counts[id] = 0;
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting') counts[t.categoryId] = (counts[t.categoryId] ?? 0) + 1;
  }
  return counts;
}

/**
 * applyChanges for the state's one owner (the hall service): the ticket and window maps are
 * updated in place, so a command costs what it changes, not the size of the hall. Nothing
 * may keep a reference to the state it is given.
 */
export function applyChangesInPlace(state: HallState, changes: Changes): HallState {
  const tickets = state.tickets as Map<string, TicketRecord>;
  for (const t of changes.tickets) {
    if (isOpen(t.status)) tickets.set(t.id, t);
    else tickets.delete(t.id);
  }
  const windows = state.windows as Map<string, WindowRecord>;
  for (const w of changes.windows) windows.set(w.id, w);
  return {
    ...state,
    lastNumber: changes.lastNumber ?? state.lastNumber,
    streaks: changes.streaks ?? state.streaks,
    businessDay: changes.businessDay ?? state.businessDay,
  };
}
