import { z } from 'zod';
import { Id } from './hall';
import { ClockTime } from './hours';
import { BusinessDay } from './ticket';

/** Real-name appointments (预约): booked on the phone page or a provincial platform, checked in at a kiosk. */

export const AppointmentStatus = z.enum(['booked', 'cancelled', 'checkedIn', 'noShow']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** Mainland mobile numbers and landlines with area code (0519-86120000). */
export const PhoneNumber = z.string().regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号码或固定电话');

/** A booking as anyone outside the hall's staff sees it: masked holder, masked phone. */
export const AppointmentView = z.object({
  code: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  day: BusinessDay,
  slotStart: ClockTime,
  slotEnd: ClockTime,
  status: AppointmentStatus,
  nameMasked: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  /** Check-in at a kiosk is possible from … until (epoch ms). */
  checkInFrom: z.number(),
  checkInUntil: z.number(),
  /** Cancellation is possible until (epoch ms). */
  cancelUntil: z.number(),
  ticketNumber: z.string().nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const SlotView = z.object({
  start: ClockTime,
  end: ClockTime,
  capacity: z.number().int(),
  available: z.number().int().min(0),
  /** False once the slot has begun or its day is out of the booking horizon. */
  bookable: z.boolean(),
});
export type SlotView = z.infer<typeof SlotView>;

export const DaySlots = z.object({ day: BusinessDay, slots: z.array(SlotView) });
export type DaySlots = z.infer<typeof DaySlots>;

export const BookableCategory = z.object({ id: Id, name: z.string(), itemNames: z.array(z.string()) });
export type BookableCategory = z.infer<typeof BookableCategory>;

export const BookingCategoriesResponse = z.object({ ok: z.literal(true), categories: z.array(BookableCategory) });
export const SlotsQuery = z.object({ categoryId: Id });
export const SlotsResponse = z.object({ ok: z.literal(true), categoryId: Id, days: z.array(DaySlots) });

export const BookingRequest = z.object({
  categoryId: Id,
  day: BusinessDay,
  slotStart: ClockTime,
  idNumber: z.string().regex(/^\d{17}[\dXx]$/, '请填写18位居民身份证号码'),
  name: z.string().trim().min(1).max(60),
  phone: PhoneNumber,
});
export type BookingRequest = z.infer<typeof BookingRequest>;

/** Booking codes: 10 characters of an alphabet without look-alikes (0/O, 1/I/L). */
export const BookingCode = z.string().regex(/^[2-9A-HJKMNP-Z]{10}$/);

export const AppointmentResponse = z.object({ ok: z.literal(true), appointment: AppointmentView });
export type AppointmentResponse = z.infer<typeof AppointmentResponse>;
