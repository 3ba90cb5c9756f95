import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One day that breaks the week's pattern: a public holiday (放假) on a weekday, or a make-up
 * working day (调休上班) on a weekend. A hall adds its own (a local holiday, a closure).
 */
export const CalendarException = z.object({
  date: IsoDate,
  kind: z.enum(['holiday', 'workday']),
  /** e.g. 春节, 春节调休上班 */
  name: z.string().min(1).max(40),
});
export type CalendarException = z.infer<typeof CalendarException>;
