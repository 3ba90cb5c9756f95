import { categoryKey } from './dispatch';
import type { HallState, TicketRecord } from './hall-state';

/** Waiting tickets of the same category that will be called before this one. */
export function aheadOf(state: HallState, ticket: TicketRecord): number {
  const key = categoryKey(ticket, state.rules);
  let ahead = 0;
  for (const other of state.tickets.values()) {
    if (other.id === ticket.id || other.status !== 'waiting' || other.categoryId !== ticket.categoryId) continue;
    const otherKey = categoryKey(other, state.rules);
    if (
      otherKey < key ||
      (otherKey === key && (other.rankAt < ticket.rankAt || (other.rankAt === ticket.rankAt && other.id < ticket.id)))
    ) {
      ahead++;
    }
  }
  return ahead;
}

/**
 * Windows' worth of service a category gets: each window counts 1/k when it serves k
 * categories. Open windows when any are open, otherwise all windows (before opening time).
 */
export function serviceCapacity(state: Pick<HallState, 'windows'>, categoryId: string): number {
  const serving = [...state.windows.values()].filter((w) => w.categoryIds.includes(categoryId));
  const open = serving.filter((w) => w.status === 'open');
  const pool = open.length > 0 ? open : serving;
  return pool.reduce((sum, w) => sum + 1 / w.categoryIds.length, 0);
}

/** Whether any window serving the category is open (signed in and not paused). */
export function servedNow(state: Pick<HallState, 'windows'>, categoryId: string): boolean {
  for (const w of state.windows.values()) if (w.status === 'open' && w.categoryIds.includes(categoryId)) return true;
  return false;
}

/** Minutes until the ticket is likely called, rounded up to whole minutes. */
export function estimateWaitMin(state: HallState, ticket: TicketRecord, ahead: number): number {
  const category = state.categories.get(ticket.categoryId);
  if (!category || ahead === 0) return 0;
  const capacity = Math.max(serviceCapacity(state, ticket.categoryId), 0.25);
  return Math.ceil((ahead * category.avgServiceMin) / capacity);
}

/** Minutes a ticket issued now (ordinary, behind everyone waiting) can expect to wait. */
export function newTicketWaitMin(
  state: Pick<HallState, 'categories' | 'windows'>,
  categoryId: string,
  waitingCount: number,
): number {
  const category = state.categories.get(categoryId);
  if (!category || waitingCount === 0) return 0;
  const capacity = Math.max(serviceCapacity(state, categoryId), 0.25);
  return Math.ceil((waitingCount * category.avgServiceMin) / capacity);
}
