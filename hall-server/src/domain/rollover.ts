import { businessDayOf } from './business-day';
import type { HallState, TicketRecord, WindowRecord } from './hall-state';
import { type Outcome, succeed } from './outcome';

/**
 * When the hall's local date moves on, the old day closes: tickets still open are cancelled,
 * windows close and lose their clerk (who signs in again in the morning), numbers start
 * again from 001. Null when the day has not moved forward: a clock stepped back must not
 * reopen or restart a day.
 */
export function rollover(state: HallState, now: number): Outcome<null> | null {
  const day = businessDayOf(now, state.rules.timeZone);
  // ISO dates order as strings.
  if (day <= state.businessDay) return null;
  const tickets: TicketRecord[] = [...state.tickets.values()].map((t) => ({
    ...t,
    status: 'cancelled',
    finishedAt: now,
  }));
  const windows: WindowRecord[] = [...state.windows.values()]
    .filter((w) => w.status !== 'closed' || w.currentTicketId !== null || w.clerkId !== null)
    .map((w) => ({ ...w, status: 'closed', pauseReason: null, clerkId: null, currentTicketId: null }));
  return succeed({ tickets, windows, lastNumber: {}, streaks: {}, businessDay: day }, null);
}
