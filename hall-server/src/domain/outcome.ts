import { type ErrorBody, type ErrorCode, zhCN } from '@yimen/protocol';
import {
  type Changes,
  type PendingEvent,
  type TicketRecord,
  toTicket,
  toWindowView,
  type WindowRecord,
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
 * every other changed ticket and `window:changed` for changed windows. `queue:changed` is
 * the shell's to add (see summary.ts): it depends on the clock and the calendar too.
 */
export function succeed<R>(
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
  return { ok: true, changes: full, events, reply };
}
