import type { Category, KioskLookup } from '@yimen/protocol';

/** How many queues elder mode offers before 更多业务. */
export const ELDER_CHOICES = 4;

/**
 * Elder mode offers fewer, larger choices: the hall's most used queues, taken as those with
 * the largest daily caps (a hall sizes each cap by its demand), in the hall's own order so
 * the tiles never move while someone reads them; plus any queue the card holder already
 * holds a ticket in (its reprint) or booked today (its ordinary ticket, when too early or late).
 */
export function elderCategories(categories: readonly Category[], lookup: KioskLookup | null): Category[] {
  const busiest = new Set(
    [...categories]
      .sort((a, b) => b.dailyCap - a.dailyCap)
      .slice(0, ELDER_CHOICES)
      .map((c) => c.id),
  );
  const own = (id: string) => lookup?.categories[id]?.state === 'holding' || lookup?.appointment?.categoryId === id;
  return categories.filter((c) => busiest.has(c.id) || own(c.id));
}
