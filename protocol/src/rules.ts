import { z } from 'zod';
import { AttendanceRules, DEFAULT_ATTENDANCE_RULES } from './attendance';
import { IssuingHours } from './hours';
import { DEFAULT_RATING_RULES, RatingRules } from './ratings';
import { PRIORITY_CLASSES, type PriorityClass } from './ticket';

/** The hall's stock hours: mornings and afternoons of working days, stopping 15 minutes before the windows. */
export const DEFAULT_ISSUING_HOURS: IssuingHours = {
  days: 'workingDays',
  periods: [
    { from: '08:30', to: '11:45' },
    { from: '13:30', to: '16:45' },
  ],
};

/** Booking rules (real-name appointments, as halls publish them). */
export const AppointmentRules = z.object({
  /** Booking opens this many working days ahead, today not counted. */
  horizonWorkingDays: z.number().int().min(0).max(30),
  /** Cancellation is possible until this many minutes before the slot starts. */
  cancelBeforeMin: z.number().int().min(0),
  /** Check-in at the kiosk from this many minutes before the slot starts … */
  checkInEarlyMin: z.number().int().min(0),
  /** … until this many minutes after it starts. */
  checkInLateMin: z.number().int().min(0),
  /** This many no-shows within `noShowWindowDays` bar an ID from booking for `barDays`. */
  noShowLimit: z.number().int().min(1),
  noShowWindowDays: z.number().int().min(1),
  barDays: z.number().int().min(1),
});
export type AppointmentRules = z.infer<typeof AppointmentRules>;

export const DEFAULT_APPOINTMENT_RULES: AppointmentRules = {
  horizonWorkingDays: 5,
  cancelBeforeMin: 120,
  checkInEarlyMin: 30,
  checkInLateMin: 15,
  noShowLimit: 3,
  noShowWindowDays: 30,
  barDays: 30,
};

/** The hall's queue rules: every number a hall manager may tune. */
export const QueueRules = z.object({
  /** IANA zone of the hall; the business day and its reset follow it. */
  timeZone: z.string().min(1),
  /** Age (full years on the day of issue) from which a card holder ranks as elderly. */
  elderlyAge: z.number().int().min(50).max(120),
  /** Tickets one ID may take per category per business day (anti-tout, 防黄牛). */
  perIdDailyLimit: z.number().int().min(1),
  /** The same limit for agents holding a green card (代办员), who act for many people. */
  agentDailyLimit: z.number().int().min(1),
  /** Recalls (重呼) allowed per call. */
  maxRecalls: z.number().int().min(0),
  /** A late-comer after a no-show goes back behind this many waiting tickets. */
  noShowRequeueBehind: z.number().int().min(0),
  /** How many times a no-show ticket may be re-queued. */
  maxRequeues: z.number().int().min(0),
  /**
   * Head start of each class in minutes: a ticket ranks as if issued this much earlier.
   * Because the head start is bounded, waiting tickets age past it and nothing starves.
   */
  boostMinutes: z.record(z.enum(PRIORITY_CLASSES), z.number().min(0)),
  /**
   * Handicap, in minutes, of a window's other categories against its first (home) one: a
   * window calls from another of its queues only when that ticket has waited this much
   * longer. Flat, not per step. The default is 0 (windows pool their queues): in the queue
   * simulation any handicap only added waiting (bench/README.md); a hall whose clerks are
   * faster on their home queue may set one.
   */
  preferencePenaltyMinutes: z.number().min(0),
  /** At most this many priority tickets in a row in a category while an ordinary one waits past the threshold. */
  interleave: z.object({
    maxConsecutivePriority: z.number().int().min(1),
    ordinaryWaitThresholdMin: z.number().min(0),
  }),
  /** When kiosks issue tickets; a category may have its own. */
  issuingHours: IssuingHours.default(() => DEFAULT_ISSUING_HOURS),
  /** Reprints of an open ticket a holder may ask for at a kiosk (lost or unreadable slip). */
  maxReprints: z.number().int().min(0).max(10).default(2),
  appointments: AppointmentRules.default(() => DEFAULT_APPOINTMENT_RULES),
  /** The hall's complaint line (监督电话, e.g. 12345), shown beside each clerk on the window pads. */
  complaintPhone: z.string().max(40).default('12345'),
  /** 好差评: the scale, the pad's wait, the rectification deadline. */
  ratings: RatingRules.default(() => DEFAULT_RATING_RULES),
  /** Clerk attendance: seasonal hours, grace, lunch, leaders' days in the hall. */
  attendance: AttendanceRules.default(() => DEFAULT_ATTENDANCE_RULES),
});
export type QueueRules = z.infer<typeof QueueRules>;

const boost: Record<PriorityClass, number> = {
  ordinary: 0,
  elderly: 15,
  disabled: 20,
  military: 15,
  appointment: 20,
  agent: 10,
  special: 60,
};

export const DEFAULT_RULES: QueueRules = {
  timeZone: 'Asia/Shanghai',
  elderlyAge: 70,
  perIdDailyLimit: 2,
  agentDailyLimit: 20,
  maxRecalls: 3,
  noShowRequeueBehind: 3,
  maxRequeues: 1,
  boostMinutes: boost,
  preferencePenaltyMinutes: 0,
  interleave: { maxConsecutivePriority: 2, ordinaryWaitThresholdMin: 10 },
  issuingHours: DEFAULT_ISSUING_HOURS,
  maxReprints: 2,
  appointments: DEFAULT_APPOINTMENT_RULES,
  complaintPhone: '12345',
  ratings: DEFAULT_RATING_RULES,
  attendance: DEFAULT_ATTENDANCE_RULES,
};
