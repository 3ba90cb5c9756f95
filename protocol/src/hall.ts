import { z } from 'zod';
import { IssuingHours, Period } from './hours';

/** Hall configuration entities: what a hall manager sets up. */

export const Id = z.string().min(1).max(64);

export const Department = z.object({
  id: Id,
  name: z.string().min(1),
  shortName: z.string().min(1),
});
export type Department = z.infer<typeof Department>;

export const Material = z.object({
  name: z.string().min(1),
  /** Needed for the case; optional ones are brought only when they apply (e.g. a proxy's authority). */
  required: z.boolean(),
  /**
   * A needed paper the case may be accepted without, brought later under a pledge (容缺受理 /
   * 先办后补) when the item allows supplementing; mandatory papers without it must be in to accept.
   */
  supplementable: z.boolean().optional(),
  form: z.enum(['original', 'copy', 'originalAndCopy', 'form']),
  copies: z.number().int().min(1),
  note: z.string().optional(),
});
export type Material = z.infer<typeof Material>;

/** 即办件 is done on the spot; 承诺件 within a promised number of working days. */
export const ItemKind = z.enum(['immediate', 'promised']);
export type ItemKind = z.infer<typeof ItemKind>;

/** A service item with its 五公开 guide: conditions, materials, procedure, time limit, fee. */
export const ServiceItem = z.object({
  id: Id,
  code: z.string().min(1),
  name: z.string().min(1),
  departmentId: Id,
  categoryId: Id,
  kind: ItemKind,
  conditions: z.array(z.string()),
  materials: z.array(Material),
  steps: z.array(z.string()).min(1),
  statutoryDays: z.number().int().min(0),
  promisedDays: z.number().int().min(0),
  fee: z.object({ amountYuan: z.number().min(0), basis: z.string() }),
  selfService: z.boolean(),
  supplementLater: z.boolean(),
  /**
   * Working days a 容缺 pledge may run for a 即办件, whose promised limit is the day itself;
   * a 承诺件's pledge runs no later than its promised limit.
   */
  supplementDays: z.number().int().min(1).max(60).optional(),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

/** A queue: the unit a citizen takes a ticket for. */
export const Category = z.object({
  id: Id,
  name: z.string().min(1),
  /** One or two letters: a hall with more than 26 queues uses two. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  departmentId: Id.nullable(),
  itemIds: z.array(Id),
  /** Expected minutes per case, used for wait estimates until real figures exist. */
  avgServiceMin: z.number().positive(),
  /** Tickets per business day; at most 999 because numbers have three digits. */
  dailyCap: z.number().int().min(1).max(999),
  /** Tickets only with a resident ID card read at the kiosk (e.g. real-name services); default false. */
  requiresIdCard: z.boolean().optional(),
  /** This category's own issuing hours; the hall's when absent. */
  issuingHours: IssuingHours.optional(),
  /** Bookable slots (预约); none when absent. */
  appointments: z
    .object({
      /** Length of one slot in minutes. */
      slotMinutes: z.number().int().min(10).max(240),
      /** Bookings per slot. */
      capacity: z.number().int().min(1).max(200),
      /** When slots run on a working day, e.g. 09:00-11:30 and 14:00-16:30. */
      periods: z.array(Period).min(1).max(6),
      /**
       * Working days only (default), or every day; with every day, the booking horizon
       * counts days rather than working days (the demo hall, open around the clock).
       */
      days: z.enum(['workingDays', 'everyDay']).optional(),
    })
    .optional(),
});
export type Category = z.infer<typeof Category>;

export const WindowKind = z.enum(['dedicated', 'comprehensive']);
export type WindowKind = z.infer<typeof WindowKind>;

export const Window = z.object({
  id: Id,
  number: z.number().int().min(1),
  name: z.string().min(1),
  kind: WindowKind,
  departmentId: Id.nullable(),
  /** Categories served, most preferred first. */
  categoryIds: z.array(Id).min(1),
});
export type Window = z.infer<typeof Window>;

/** What a citizen may see of a clerk (evaluator card, window sign). */
export const Clerk = z.object({
  id: Id,
  staffNo: z.string().min(1),
  name: z.string().min(1),
  position: z.string(),
  departmentId: Id,
  photoUrl: z.string(),
  phone: z.string(),
});
export type Clerk = z.infer<typeof Clerk>;
