import { z } from 'zod';
import { Id } from './hall';

/** Ordinary first; the rest are priority classes, each with its own head start in dispatch. */
export const PRIORITY_CLASSES = [
  'ordinary',
  'elderly',
  'disabled',
  'military',
  'appointment',
  'agent',
  'special',
] as const;
export const PriorityClass = z.enum(PRIORITY_CLASSES);
export type PriorityClass = z.infer<typeof PriorityClass>;

/**
 * Classes a kiosk may request. Elderly is derived from the ID card; agent needs a registered
 * green card; appointment and special are set by staff until bookings exist.
 */
export const KioskPriorityClass = z.enum(['ordinary', 'disabled', 'military', 'agent']);
export type KioskPriorityClass = z.infer<typeof KioskPriorityClass>;

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'held',
  'noShow',
  'done',
  'cancelled',
  'voided',
] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses a ticket never leaves. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['done', 'cancelled', 'voided'];

export const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Masked holder data: the only personal data that ever leaves the hall-server. */
export const Holder = z.object({
  nameMasked: z.string(),
  idMasked: z.string(),
});
export type Holder = z.infer<typeof Holder>;

/** A ticket as terminals see it. Times are epoch milliseconds. */
export const Ticket = z.object({
  id: Id,
  number: z.string().regex(/^[A-Z]{1,2}\d{3}$/),
  businessDay: BusinessDay,
  categoryId: Id,
  priority: PriorityClass,
  status: TicketStatus,
  issuedAt: z.number(),
  /** The time the ticket ranks by: its issue time, kept across transfers, moved back on re-queue. */
  rankAt: z.number(),
  windowId: Id.nullable(),
  /** Set when a ticket was transferred to one window rather than to a queue. */
  targetWindowId: Id.nullable(),
  calledAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  recallCount: z.number().int().min(0),
  requeueCount: z.number().int().min(0),
  transferCount: z.number().int().min(0),
  /** Slips printed again for the holder at a kiosk (each an acknowledged, logged command). */
  reprintCount: z.number().int().min(0),
  holder: Holder.nullable(),
  /** The clerk's note with the last transfer, for the window that receives the ticket; staff only. */
  transferNote: z.string().nullable(),
  /** The window the ticket was last transferred from (null: never, or moved while waiting). */
  transferFromWindowId: Id.nullable(),
});
export type Ticket = z.infer<typeof Ticket>;
