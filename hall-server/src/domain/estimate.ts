import type { Category, QueueRules, TicketStatus } from '@yimen/protocol';
import { before, categoryKey, type DispatchTicket } from './dispatch';
import type { WindowRecord } from './hall-state';

type QueuedTicket = DispatchTicket & { readonly status: TicketStatus };
/** What the capacity of a queue needs of a window. */
type ServingWindow = { readonly categoryIds: readonly string[]; readonly status: WindowRecord['status'] };

/** Waiting tickets of the same category that will be called before this one. */
export function aheadOf(
  state: { readonly rules: QueueRules; readonly tickets: ReadonlyMap<string, QueuedTicket> },
  ticket: DispatchTicket,
): number {
  const key = categoryKey(ticket, state.rules);
  let ahead = 0;
  for (const other of state.tickets.values()) {
    if (other.id === ticket.id || other.status !== 'waiting' || other.categoryId !== ticket.categoryId) continue;
    if (before(categoryKey(other, state.rules), other, key, ticket)) ahead++;
  }
  return ahead;
}

/** `aheadOf` for every waiting ticket at once: one sort per category instead of a pass per ticket. */
export function queuePositions(rules: QueueRules, waiting: Iterable<DispatchTicket>): Map<string, number> {
  const byCategory = new Map<string, { ticket: DispatchTicket; key: number }[]>();
  for (const ticket of waiting) {
    const list = byCategory.get(ticket.categoryId) ?? [];
    list.push({ ticket, key: categoryKey(ticket, rules) });
    byCategory.set(ticket.categoryId, list);
  }
  const ahead = new Map<string, number>();
  for (const list of byCategory.values()) {
    list.sort((a, b) =>
      before(a.key, a.ticket, b.key, b.ticket) ? -1 : before(b.key, b.ticket, a.key, a.ticket) ? 1 : 0,
    );
    list.forEach((entry, i) => {
      ahead.set(entry.ticket.id, i);
    });
  }
  return ahead;
}

/**
 * Windows' worth of service a category gets: each window counts 1/k when it serves k
 * categories. Open windows when any are open, otherwise all windows (before opening time).
 */
export function serviceCapacity(
  state: { readonly windows: ReadonlyMap<string, ServingWindow> },
  categoryId: string,
): number {
  const serving = [...state.windows.values()].filter((w) => w.categoryIds.includes(categoryId));
  const open = serving.filter((w) => w.status === 'open');
  const pool = open.length > 0 ? open : serving;
  return pool.reduce((sum, w) => sum + 1 / w.categoryIds.length, 0);
}

/** Whether any window serving the category is open (signed in and not paused). */
export function servedNow(
  state: { readonly windows: ReadonlyMap<string, ServingWindow> },
  categoryId: string,
): boolean {
  for (const w of state.windows.values()) if (w.status === 'open' && w.categoryIds.includes(categoryId)) return true;
  return false;
}

/**
 * The estimate from configuration alone: people ahead × the category's configured minutes
 * per case ÷ the windows serving it, rounded up. What halls show today; Yimen gives it only
 * where the day's forecast (wait-forecast.ts) has no answer, i.e. no open window serves
 * the queue, and the queue bench judges the forecast against it.
 */
export function configuredWaitMin(
  state: {
    readonly categories: ReadonlyMap<string, Pick<Category, 'avgServiceMin'>>;
    readonly windows: ReadonlyMap<string, ServingWindow>;
  },
  categoryId: string,
  ahead: number,
): number {
  const category = state.categories.get(categoryId);
  if (!category || ahead === 0) return 0;
  const capacity = Math.max(serviceCapacity(state, categoryId), 0.25);
  return Math.ceil((ahead * category.avgServiceMin) / capacity);
}
