import { z } from 'zod';
import { Id } from './hall';
import { CategoryAvailability } from './hours';
import { BusinessDay, Ticket } from './ticket';

export const WindowStatus = z.enum(['open', 'paused', 'closed']);
export type WindowStatus = z.infer<typeof WindowStatus>;

/** A window's live state, as displays and consoles see it. */
export const WindowView = z.object({
  id: Id,
  number: z.number().int(),
  name: z.string(),
  status: WindowStatus,
  pauseReason: z.string().nullable(),
  clerkId: Id.nullable(),
  currentTicketId: Id.nullable(),
});
export type WindowView = z.infer<typeof WindowView>;

export const WaitingCounts = z.record(z.string(), z.number().int().min(0));
export type WaitingCounts = z.infer<typeof WaitingCounts>;

/**
 * What a kiosk shows on each category's button: waiting tickets, the wait a new ticket can
 * expect (minutes), and whether one can be taken now.
 */
export const QueueSummary = z.object({
  waiting: WaitingCounts,
  estimatedWaitMin: z.record(z.string(), z.number().min(0)),
  availability: z.record(z.string(), CategoryAvailability),
  /** Whether any window serving the category is open now: when none is, no wait can be promised. */
  windowsOpen: z.record(z.string(), z.boolean()),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const CallRecord = z.object({
  ticketId: Id,
  number: z.string(),
  /** The ticket's queue when called: displays limited to some categories filter on it. */
  categoryId: Id,
  windowId: Id,
  windowNumber: z.number().int(),
  at: z.number(),
  voiceText: z.string(),
});
export type CallRecord = z.infer<typeof CallRecord>;

/** Everything a terminal needs to draw the hall from scratch. */
export const QueueSnapshot = z.object({
  seq: z.number().int().min(0),
  businessDay: BusinessDay,
  generatedAt: z.number(),
  waiting: WaitingCounts,
  estimatedWaitMin: QueueSummary.shape.estimatedWaitMin,
  availability: QueueSummary.shape.availability,
  windowsOpen: QueueSummary.shape.windowsOpen,
  /** Open tickets of the day (waiting, called, serving, held, no-show), in dispatch order per category. */
  tickets: z.array(Ticket),
  windows: z.array(WindowView),
  recentCalls: z.array(CallRecord),
  /** The notice line the hall manager set for the displays; empty for none. */
  notice: z.string(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

/**
 * True when the window may call this ticket at all: one transferred to a window only there,
 * the others at every window serving its queue. The dispatcher and the clerk console's
 * waiting list share this one rule.
 */
export function isEligible(
  ticket: { readonly categoryId: string; readonly targetWindowId: string | null },
  window: { readonly id: string; readonly categoryIds: readonly string[] },
): boolean {
  if (ticket.targetWindowId !== null) return ticket.targetWindowId === window.id;
  return window.categoryIds.includes(ticket.categoryId);
}
