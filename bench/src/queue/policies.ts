import { pickNext } from '@yimen/hall-server/domain/dispatch';
import type { QueueRules } from '@yimen/protocol';
import type { Arrival } from './trace';

export interface SimWindow {
  readonly id: string;
  readonly kind: 'dedicated' | 'comprehensive';
  readonly categoryIds: readonly string[];
}

/** A waiting citizen in the shape the hall-server's dispatcher takes (times in ms). */
export interface SimTicket {
  readonly id: string;
  readonly categoryId: string;
  readonly priority: Arrival['priority'];
  readonly rankAt: number;
  readonly issuedAt: number;
  readonly targetWindowId: null;
  readonly arrival: Arrival;
}

/** Chooses the ticket a free window calls; a policy may keep state across calls of one day. */
export interface Policy {
  readonly name: string;
  pick(window: SimWindow, waiting: readonly SimTicket[], nowMin: number): SimTicket | null;
}

function earliest(tickets: Iterable<SimTicket>): SimTicket | null {
  let best: SimTicket | null = null;
  for (const t of tickets) if (!best || t.arrival.at < best.arrival.at) best = t;
  return best;
}

/** The traditional hall: every window serves only its own category, first come first served. */
export function dedicatedFifo(): Policy {
  return {
    name: 'dedicatedFifo',
    pick: (window, waiting) => earliest(waiting.filter((t) => t.categoryId === window.categoryIds[0])),
  };
}

/** Any priority ticket before any ordinary one, then first come first served, over the window's categories. */
export function strictPriority(): Policy {
  return {
    name: 'strictPriority',
    pick(window, waiting) {
      const mine = waiting.filter((t) => window.categoryIds.includes(t.categoryId));
      return earliest(mine.filter((t) => t.priority !== 'ordinary')) ?? earliest(mine);
    },
  };
}

/** The very dispatcher the hall-server runs, with its streaks carried from call to call. */
export function yimen(rules: QueueRules): Policy {
  let streaks: Record<string, number> = {};
  return {
    name: 'yimen',
    pick(window, waiting, nowMin) {
      const result = pickNext({ window, waiting, rules, now: nowMin * 60_000, streaks });
      if (!result) return null;
      streaks = result.streaks;
      return result.ticket;
    },
  };
}
