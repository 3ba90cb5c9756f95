import { z } from 'zod';
import { RatingLevel } from './devices';
import { Id } from './hall';
import { BusinessDay } from './ticket';

/**
 * 好差评 at the window: the national five levels, or the four some halls use (no
 * 非常不满意). The bottom levels count as bad ratings (差评) and open a rectification case.
 */
export const RatingScale = z.enum(['five', 'four']);
export type RatingScale = z.infer<typeof RatingScale>;

export const RATING_SCALES: Record<RatingScale, readonly RatingLevel[]> = {
  five: ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied'],
  four: ['verySatisfied', 'satisfied', 'basic', 'dissatisfied'],
};

export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied'];

/** The short list a citizen picks a bad rating's reason from. */
export const BadRatingReason = z.enum(['attitude', 'slow', 'unclear', 'runAround', 'irregular', 'other']);
export type BadRatingReason = z.infer<typeof BadRatingReason>;

/** Where a rating was given: the pad's screen, its HID keys, an RS-485 evaluator, the ticket's phone page. */
export const RatingChannel = z.enum(['touch', 'ratingPad', 'callerBus', 'phone']);
export type RatingChannel = z.infer<typeof RatingChannel>;

/** Mobile or landline, digits with an optional area-code dash; shown masked, kept encrypted. */
export const CallbackPhone = z.string().regex(/^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, '请输入正确的手机或固话号码');

export const RatingRules = z.object({
  scale: RatingScale,
  /** Seconds the pad waits for a rating before recording 未评价. */
  promptSeconds: z.number().int().min(10).max(300),
  /** Working days to close a bad rating's rectification (verify → rectify → call back → close). */
  rectificationWorkingDays: z.number().int().min(1).max(60),
  /** A citizen may rate from the phone page until this many hours after the ticket was finished. */
  phoneRatingHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type RatingRules = z.infer<typeof RatingRules>;

export const DEFAULT_RATING_RULES: RatingRules = {
  scale: 'five',
  promptSeconds: 30,
  rectificationWorkingDays: 15,
  phoneRatingHours: 72,
};

export const SubmitRatingRequest = z
  .object({
    ticketId: Id,
    level: RatingLevel,
    channel: z.enum(['touch', 'ratingPad', 'callerBus']),
    reason: BadRatingReason.optional(),
    phone: CallbackPhone.optional(),
  })
  .strict();
export type SubmitRatingRequest = z.infer<typeof SubmitRatingRequest>;

/** What the public (phone page, results page) and the pad may see of a rating: no personal data. */
export const RatingView = z.object({
  id: Id,
  ticketId: Id,
  ticketNumber: z.string(),
  businessDay: BusinessDay,
  level: RatingLevel,
  reason: BadRatingReason.nullable(),
  channel: RatingChannel,
  clerkId: Id.nullable(),
  windowId: Id.nullable(),
  categoryId: Id,
  departmentId: Id.nullable(),
  /** The item, when the service was of exactly one. */
  itemId: Id.nullable(),
  /** Every item the service was of: the case's (or cases') items, else the queue's only one; empty when unknown. */
  itemIds: z.array(Id),
  at: z.number(),
  /** 138****5678, when the citizen left a number for the call-back. */
  phoneMasked: z.string().nullable(),
});
export type RatingView = z.infer<typeof RatingView>;

/** A finished ticket's rating as its window's clerk sees it: still awaited, run out (未评价), or given. */
export const TicketRatingState = z.discriminatedUnion('state', [
  z.object({ ticketId: Id, state: z.literal('awaiting') }),
  z.object({ ticketId: Id, state: z.literal('unrated') }),
  z.object({ ticketId: Id, state: z.literal('rated'), level: RatingLevel }),
]);
export type TicketRatingState = z.infer<typeof TicketRatingState>;

// ---- rectification (整改) of a bad rating ----

export const RECTIFICATION_STATUSES = [
  'verifying',
  'rectifying',
  'callingBack',
  'awaitingClose',
  'closed',
  'appealed',
] as const;
export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

/** verify → rectify → call back → close, each by someone at some time; appeal and its decision beside them. */
export const RectificationAction = z.enum([
  'verify',
  'rectify',
  'callBack',
  'close',
  'appeal',
  'upholdAppeal',
  'rejectAppeal',
  'escalate',
]);
export type RectificationAction = z.infer<typeof RectificationAction>;

export const RectificationStep = z.object({
  action: RectificationAction,
  by: z.string(),
  at: z.number(),
  note: z.string(),
});
export type RectificationStep = z.infer<typeof RectificationStep>;

export const RectificationView = z.object({
  id: Id,
  ratingId: Id,
  status: RectificationStatus,
  /** How the case ended: handled (整改完成) or annulled by an upheld appeal (申诉成立). */
  outcome: z.enum(['rectified', 'appealUpheld']).nullable(),
  openedAt: z.number(),
  dueDay: BusinessDay,
  escalatedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  steps: z.array(RectificationStep),
});
export type RectificationView = z.infer<typeof RectificationView>;

/** An admin's step on a case (REST); `by` names the person, the terminal is recorded too. */
export const RectificationActRequest = z
  .object({
    action: z.enum(['verify', 'rectify', 'callBack', 'close', 'upholdAppeal', 'rejectAppeal']),
    by: z.string().trim().min(1).max(40),
    note: z.string().trim().min(1).max(1000),
  })
  .strict();
export type RectificationActRequest = z.infer<typeof RectificationActRequest>;

/** A clerk's appeal (申诉复核) of a rating they think misjudged or malicious. */
export const AppealRequest = z.object({ caseId: Id, note: z.string().trim().min(1).max(1000) }).strict();
export type AppealRequest = z.infer<typeof AppealRequest>;

/** Satisfaction over a group: satisfied = the top three levels; appeals upheld are left out. */
export const SatisfactionRow = z.object({
  key: z.string(),
  name: z.string(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  bad: z.number().int(),
  /** 0..1, null with no ratings. */
  rate: z.number().nullable(),
  counts: z.record(RatingLevel, z.number().int()),
});
export type SatisfactionRow = z.infer<typeof SatisfactionRow>;

export const SatisfactionGroup = z.enum(['clerk', 'window', 'department', 'item']);
export type SatisfactionGroup = z.infer<typeof SatisfactionGroup>;
