import type { QueueRules } from '@yimen/protocol';
import { pickNext, type Streaks } from '../dispatch';
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
  /** The dispatcher's streaks as of now, for a policy that keeps them (what a wait forecast plays on from). */
  streaks?(): Streaks;
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
    streaks: () => streaks,
  };
}
