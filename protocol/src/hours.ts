import { z } from 'zod';

/** A clock time in the hall's zone, `HH:MM`, 00:00 to 24:00. */
export const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export type ClockTime = z.infer<typeof ClockTime>;

export const Period = z
  .object({ from: ClockTime, to: ClockTime })
  .refine((p) => p.from < p.to, { message: '开始时间须早于结束时间' });
export type Period = z.infer<typeof Period>;

/**
 * When tickets are issued: on working days (the hall's calendar) or every day, in one or
 * more periods, e.g. 08:30-11:45 and 13:30-16:45 (halls stop issuing before the windows close).
 */
export const IssuingHours = z.object({
  days: z.enum(['workingDays', 'everyDay']),
  periods: z.array(Period).min(1).max(6),
});
export type IssuingHours = z.infer<typeof IssuingHours>;

/** Whether a new ticket can be taken for a category now, and if not, why and until when. */
export const CategoryAvailability = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  /** Outside issuing hours or on a day off; `reopensAt` is the next opening (epoch ms), null if none is known. */
  z.object({ state: z.literal('closed'), reopensAt: z.number().nullable() }),
  /** The daily cap is reached; numbers start again on the next issuing day. */
  z.object({ state: z.literal('full'), reopensAt: z.number().nullable() }),
]);
export type CategoryAvailability = z.infer<typeof CategoryAvailability>;
