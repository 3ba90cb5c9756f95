import type { TicketStatus } from '@yimen/protocol';

/** The ticket state machine: which actions a ticket in each status allows, and where they lead. */
export const TRANSITIONS = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  noShow: { from: ['called'], to: 'noShow' },
  hold: { from: ['called', 'serving'], to: 'held' },
  resume: { from: ['held'], to: 'called' },
  transfer: { from: ['waiting', 'called', 'serving', 'held'], to: 'waiting' },
  requeue: { from: ['noShow'], to: 'waiting' },
  cancel: { from: ['waiting', 'called', 'serving', 'held', 'noShow'], to: 'cancelled' },
  void: { from: ['waiting'], to: 'voided' },
  closeDay: { from: ['waiting', 'called', 'serving', 'held', 'noShow'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type TicketAction = keyof typeof TRANSITIONS;

export function canTransition(status: TicketStatus, action: TicketAction): boolean {
  return (TRANSITIONS[action].from as readonly TicketStatus[]).includes(status);
}
