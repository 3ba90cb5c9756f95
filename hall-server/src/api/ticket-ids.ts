import { randomBytes } from 'node:crypto';

/**
 * Ticket ids that sort in issue order: 12 hex digits of milliseconds, 4 of a counter within
 * the millisecond, 8 random. Dispatch breaks ties between tickets of equal rank by id, so two
 * tickets issued in the same millisecond are still served first come, first served.
 */
export function timeOrderedIds(now: () => number): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const ms = now();
    counter = ms === lastMs ? counter + 1 : 0;
    lastMs = ms;
    return ms.toString(16).padStart(12, '0') + counter.toString(16).padStart(4, '0') + randomBytes(4).toString('hex');
  };
}
