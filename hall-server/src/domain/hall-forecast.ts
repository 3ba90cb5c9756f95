import type { WorkingCalendar } from './calendar';
import { type DayStats, observeArrival, observeNoShow, observeService, observeWaitEnd } from './day-stats';
import type { Changes, HallState, TicketRecord, WindowRecord } from './hall-state';
import { hoursOf, issuingEndsAt } from './hours';
import { type ForecastInput, type ForecastWindow, forecastQueue, type QueueForecast } from './wait-forecast';

/** The hall-server's side of the wait forecast: the hall as a command leaves it, and what the day learns from it. */

const MINUTE = 60_000;

/** The tickets once `changes` apply, without copying the hall: unchanged ones, then the changed ones still open. */
function* ticketsAfter(state: HallState, changes: Changes): Generator<TicketRecord> {
  if (changes.tickets.length === 0) {
    yield* state.tickets.values();
    return;
  }
  const changed = new Set(changes.tickets.map((t) => t.id));
  for (const t of state.tickets.values()) if (!changed.has(t.id)) yield t;
  yield* changes.tickets;
}

function windowsAfter(state: HallState, changes: Changes): Iterable<WindowRecord> {
  if (changes.windows.length === 0) return state.windows.values();
  const overlay = new Map(state.windows);
  for (const w of changes.windows) overlay.set(w.id, w);
  return overlay.values();
}

/** What the forecast needs of the hall after `changes`: waiting tickets, windows serving and whom they serve. */
export function forecastInputOf(
  state: HallState,
  changes: Changes,
  calendar: WorkingCalendar,
  now: number,
): ForecastInput {
  const waiting: TicketRecord[] = [];
  const current = new Map<string, TicketRecord>();
  for (const t of ticketsAfter(state, changes)) {
    if (t.status === 'waiting') waiting.push(t);
    else if ((t.status === 'called' || t.status === 'serving') && t.windowId) current.set(t.windowId, t);
  }
  const windows: ForecastWindow[] = [];
  for (const w of windowsAfter(state, changes)) {
    if (w.status !== 'open' || w.clerkId === null) continue;
    const busy = w.currentTicketId ? current.get(w.id) : undefined;
    windows.push({
      id: w.id,
      categoryIds: w.categoryIds,
      busy: busy && busy.id === w.currentTicketId ? { categoryId: busy.categoryId, since: busy.calledAt ?? now } : null,
    });
  }
  const priorServiceMin: Record<string, number> = {};
  const arrivalsEndAt: Record<string, number> = {};
  // Most queues keep the hall's hours: each set of hours is looked up once (zone arithmetic is not cheap).
  const ends = new Map<object, number>();
  for (const c of state.categories.values()) {
    priorServiceMin[c.id] = c.avgServiceMin;
    const hours = hoursOf(c, state.rules);
    let end = ends.get(hours);
    if (end === undefined) {
      end = issuingEndsAt(hours, calendar, now, state.rules.timeZone);
      ends.set(hours, end);
    }
    arrivalsEndAt[c.id] = end;
  }
  return {
    rules: state.rules,
    priorServiceMin,
    windows,
    waiting,
    streaks: changes.streaks ?? state.streaks,
    arrivalsEndAt,
  };
}

/** The forecast for the hall after `changes`, with what the day has taught. */
export function forecastAfter(
  state: HallState,
  changes: Changes,
  stats: DayStats,
  calendar: WorkingCalendar,
  now: number,
): QueueForecast {
  return forecastQueue(forecastInputOf(state, changes, calendar, now), stats, now);
}

/**
 * What a command's changes teach: a new ticket is an arrival, a call ends a wait, a
 * cancellation while waiting is a citizen who left, a finish is a served citizen's minutes
 * at that window (call to finish), a no-show the minutes the window waited in vain.
 */
export function observeChanges(stats: DayStats, state: HallState, changes: Changes, now: number): DayStats {
  let next = stats;
  for (const t of changes.tickets) {
    const old = state.tickets.get(t.id);
    if (!old) {
      if (t.status === 'waiting') next = observeArrival(next, arrivalOf(t));
      continue;
    }
    next = observeTransition(next, state, old, t, now);
  }
  return next;
}

const arrivalOf = (t: TicketRecord) => ({ categoryId: t.categoryId, priority: t.priority, at: t.issuedAt });

function observeTransition(
  stats: DayStats,
  state: HallState,
  old: TicketRecord,
  t: TicketRecord,
  now: number,
): DayStats {
  if (old.status === 'waiting' && t.status === 'called') {
    return observeWaitEnd(stats, ((t.calledAt ?? now) - old.issuedAt) / MINUTE, false);
  }
  if (old.status === 'waiting' && t.status === 'cancelled') {
    return observeWaitEnd(stats, (now - old.issuedAt) / MINUTE, true);
  }
  if (t.status === 'done' && old.calledAt !== null && old.windowId !== null) {
    const category = state.categories.get(t.categoryId);
    return observeService(stats, {
      categoryId: t.categoryId,
      windowId: old.windowId,
      minutes: ((t.finishedAt ?? now) - old.calledAt) / MINUTE,
      priorMin: category?.avgServiceMin ?? 5,
    });
  }
  if (old.status === 'called' && t.status === 'noShow' && old.calledAt !== null) {
    return observeNoShow(stats, (now - old.calledAt) / MINUTE);
  }
  return stats;
}

/**
 * The day so far from its stored tickets, for a server that restarts mid-day: arrivals,
 * waits, services; a no-show's minutes are not stored, so only its count is learnt again.
 */
export function statsFromDay(
  stats: DayStats,
  state: Pick<HallState, 'categories'>,
  tickets: readonly TicketRecord[],
): DayStats {
  let next = stats;
  for (const t of [...tickets].sort((a, b) => a.issuedAt - b.issuedAt)) {
    if (t.status === 'voided') continue;
    next = observeArrival(next, arrivalOf(t));
    if (t.calledAt !== null) next = observeWaitEnd(next, (t.calledAt - t.issuedAt) / MINUTE, false);
    else if (t.status === 'cancelled' && t.finishedAt !== null) {
      next = observeWaitEnd(next, (t.finishedAt - t.issuedAt) / MINUTE, true);
    }
    if (t.status === 'done' && t.calledAt !== null && t.finishedAt !== null && t.windowId !== null) {
      next = observeService(next, {
        categoryId: t.categoryId,
        windowId: t.windowId,
        minutes: (t.finishedAt - t.calledAt) / MINUTE,
        priorMin: state.categories.get(t.categoryId)?.avgServiceMin ?? 5,
      });
    }
    if (t.status === 'noShow') next = observeNoShow(next, null);
  }
  return next;
}
