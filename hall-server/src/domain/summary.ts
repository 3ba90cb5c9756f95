import type { QueueChangedEvent, QueueSummary } from '@yimen/protocol';
import type { WorkingCalendar } from './calendar';
import { configuredWaitMin, servedNow } from './estimate';
import type { Changes, HallState, WindowRecord } from './hall-state';
import { categoryAvailability } from './hours';
import type { QueueForecast } from './wait-forecast';

/** The waiting count of each category once `changes` apply: the old count moved by the changed tickets only. */
export function waitingAfter(state: HallState, changes: Changes, before: Readonly<Record<string, number>>) {
  const after: Record<string, number> = { ...before };
  for (const t of changes.tickets) {
    const old = state.tickets.get(t.id);
    if (old?.status === 'waiting') after[old.categoryId] = (after[old.categoryId] ?? 0) - 1;
    if (t.status === 'waiting') after[t.categoryId] = (after[t.categoryId] ?? 0) + 1;
  }
  return after;
}

/**
 * What kiosks show per category: waiting count, a new ticket's expected wait (the day's
 * forecast, in whole minutes; the configured estimate where no open window serves the
 * queue), whether one can be taken, and whether an open window serves it now.
 */
export function queueSummary(
  state: Pick<HallState, 'categories' | 'windows' | 'rules' | 'lastNumber'>,
  waiting: Readonly<Record<string, number>>,
  forecast: Pick<QueueForecast, 'newTicketWaitMin'>,
  calendar: WorkingCalendar,
  now: number,
): QueueSummary {
  const summary: QueueSummary = { waiting: {}, estimatedWaitMin: {}, availability: {}, windowsOpen: {} };
  for (const category of state.categories.values()) {
    const count = waiting[category.id] ?? 0;
    summary.waiting[category.id] = count;
    const forecastMin = forecast.newTicketWaitMin[category.id];
    summary.estimatedWaitMin[category.id] =
      forecastMin === undefined ? configuredWaitMin(state, category.id, count) : Math.round(forecastMin);
    summary.windowsOpen[category.id] = servedNow(state, category.id);
    summary.availability[category.id] = categoryAvailability(
      category,
      state.rules,
      calendar,
      state.lastNumber[category.id] ?? 0,
      now,
    );
  }
  return summary;
}

function sameSummary(a: QueueSummary, b: QueueSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The `queue:changed` event a command (or the passing of time) owes the terminals: the
 * summary after its changes, when it differs from the last one sent or the day moved on.
 * Windows come from the changes laid over the state, so no copy of the hall is made.
 */
export function summaryEvent(
  state: HallState,
  changes: Changes,
  previous: { readonly businessDay: string; readonly summary: QueueSummary },
  forecast: Pick<QueueForecast, 'newTicketWaitMin'>,
  calendar: WorkingCalendar,
  now: number,
): { event: { name: 'queue:changed'; payload: Omit<QueueChangedEvent, 'seq'> }; summary: QueueSummary } | null {
  const businessDay = changes.businessDay ?? state.businessDay;
  const dayMoved = businessDay !== previous.businessDay;
  const waiting = waitingAfter(state, changes, dayMoved ? {} : previous.summary.waiting);
  let windows: ReadonlyMap<string, WindowRecord> = state.windows;
  if (changes.windows.length > 0) {
    const overlay = new Map(state.windows);
    for (const w of changes.windows) overlay.set(w.id, w);
    windows = overlay;
  }
  const summary = queueSummary(
    { categories: state.categories, rules: state.rules, windows, lastNumber: changes.lastNumber ?? state.lastNumber },
    waiting,
    forecast,
    calendar,
    now,
  );
  if (!dayMoved && sameSummary(summary, previous.summary)) return null;
  return { event: { name: 'queue:changed', payload: { businessDay, ...summary } }, summary };
}
