import { type ErrorBody, type ErrorCode, zhCN } from '@yimen/protocol';
import {
  type Changes,
  type HallState,
  type PendingEvent,
  type TicketRecord,
  toTicket,
  toWindowView,
  type WindowRecord,
  waitingCounts,
} from './hall-state';

export type Outcome<R> =
  | { readonly ok: true; readonly changes: Changes; readonly events: readonly PendingEvent[]; readonly reply: R }
  | { readonly ok: false; readonly error: ErrorBody };

export type Failed = { readonly ok: false; readonly error: ErrorBody };

export function fail(code: ErrorCode, message: string = zhCN.errorMessage[code]): Failed {
  return { ok: false, error: { code, message } };
}

/**
 * Builds a successful outcome: the given events first (calls), then `ticket:changed` for
 * every other changed ticket, `window:changed` for changed windows, and `queue:changed`
 * when any waiting count moved.
 */
export function succeed<R>(
  state: HallState,
  changes: Partial<Changes> & { tickets?: readonly TicketRecord[]; windows?: readonly WindowRecord[] },
  reply: R,
  leadingEvents: readonly PendingEvent[] = [],
): Outcome<R> {
  const full: Changes = { ...changes, tickets: changes.tickets ?? [], windows: changes.windows ?? [] };
  const events: PendingEvent[] = [...leadingEvents];
  const announced = new Set(leadingEvents.flatMap((e) => (e.name === 'ticket:called' ? [e.payload.ticket.id] : [])));
  for (const t of full.tickets) {
    if (!announced.has(t.id)) events.push({ name: 'ticket:changed', payload: { ticket: toTicket(t) } });
  }
  for (const w of full.windows) events.push({ name: 'window:changed', payload: { window: toWindowView(w) } });

  // The counts move only with the changed tickets: no copy of the whole hall per command.
  const before = waitingCounts(state);
  const now = { ...before };
  for (const t of full.tickets) {
    const old = state.tickets.get(t.id);
    if (old?.status === 'waiting') now[old.categoryId] = (now[old.categoryId] ?? 0) - 1;
    if (t.status === 'waiting') now[t.categoryId] = (now[t.categoryId] ?? 0) + 1;
  }
  const businessDay = full.businessDay ?? state.businessDay;
  const moved = businessDay !== state.businessDay || Object.keys(now).some((id) => now[id] !== before[id]);
  if (moved) events.push({ name: 'queue:changed', payload: { businessDay, waiting: now } });
  return { ok: true, changes: full, events, reply };
}
