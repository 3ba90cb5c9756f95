import type { Policy, SimTicket } from '@yimen/hall-server/domain/simulation/policy';

/** The baselines Yimen is judged against; Yimen itself is the hall-server's dispatcher (`yimen`). */

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
