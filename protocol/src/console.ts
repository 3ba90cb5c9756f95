import { z } from 'zod';
import { Id } from './hall';
import { BusinessDay } from './ticket';

/** A window's work of the business day, as the clerk console shows it; computed by the hall-server. */
export const WindowStats = z.object({
  windowId: Id,
  businessDay: BusinessDay,
  /** Tickets finished (办结) at the window today. */
  served: z.number().int().min(0),
  /** Mean time from start to finish of those, in seconds; null before the first. */
  avgHandlingSec: z.number().min(0).nullable(),
});
export type WindowStats = z.infer<typeof WindowStats>;
