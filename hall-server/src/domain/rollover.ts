import { businessDayOf } from './business-day';
import type { HallState, TicketRecord, WindowRecord } from './hall-state';
import { type Outcome, succeed } from './outcome';

/**
 * When the hall's local date changes, the old day closes: tickets still open are cancelled,
 * windows drop their current ticket, numbers start again from 001. Null when the day is
 * unchanged.
 */
export function rollover(state: HallState, now: number): Outcome<null> | null {
  const day = businessDayOf(now, state.rules.timeZone);
  if (day === state.businessDay) return null;
  const tickets: TicketRecord[] = [...state.tickets.values()].map((t) => ({
    ...t,
    status: 'cancelled',
    finishedAt: now,
  }));
  const windows: WindowRecord[] = [...state.windows.values()]
    .filter((w) => w.currentTicketId !== null)
    .map((w) => ({ ...w, currentTicketId: null }));
  return succeed(state, { tickets, windows, lastNumber: {}, streaks: {}, businessDay: day }, null);
}
