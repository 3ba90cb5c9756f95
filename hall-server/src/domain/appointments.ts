import type { AppointmentRules, Category, ErrorCode, SlotView } from '@yimen/protocol';
import { addDays, addWorkingDaysIn, isWorkingDay, type WorkingCalendar } from './calendar';
import { clockMinutes, localTime, zonedInstant } from './hours';

/** Real-name appointments: which slots exist, who may book, cancel and check in, and when. */

export interface Slot {
  readonly start: string;
  readonly end: string;
}

export interface BookedSlot {
  readonly day: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly status: 'booked' | 'cancelled' | 'checkedIn' | 'noShow';
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The day's slots of a category: each period cut into whole slots; a remainder too short for one is dropped. */
export function slotsOf(category: Category): Slot[] {
  const policy = category.appointments;
  if (!policy) return [];
  const slots: Slot[] = [];
  for (const period of policy.periods) {
    const end = clockMinutes(period.to);
    for (let t = clockMinutes(period.from); t + policy.slotMinutes <= end; t += policy.slotMinutes) {
      slots.push({ start: hhmm(t), end: hhmm(t + policy.slotMinutes) });
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Bookable days: today (slots not yet begun) and the next `horizonWorkingDays` working days;
 * for a category booking every day, today and the next that many days.
 */
export function bookableDays(
  rules: AppointmentRules,
  calendar: WorkingCalendar,
  today: string,
  category?: Category,
): string[] {
  if (category?.appointments?.days === 'everyDay') {
    return Array.from({ length: rules.horizonWorkingDays + 1 }, (_, n) => addDays(today, n));
  }
  const days = isWorkingDay(calendar, today) ? [today] : [];
  for (let n = 1; n <= rules.horizonWorkingDays; n++) days.push(addWorkingDaysIn(calendar, today, n));
  return days;
}

export interface SlotTimes {
  readonly startsAt: number;
  readonly checkInFrom: number;
  readonly checkInUntil: number;
  readonly cancelUntil: number;
}

export function slotTimes(rules: AppointmentRules, timeZone: string, day: string, slotStart: string): SlotTimes {
  const startsAt = zonedInstant(day, clockMinutes(slotStart), timeZone);
  return {
    startsAt,
    checkInFrom: startsAt - rules.checkInEarlyMin * 60_000,
    checkInUntil: startsAt + rules.checkInLateMin * 60_000,
    cancelUntil: startsAt - rules.cancelBeforeMin * 60_000,
  };
}

export interface SlotContext {
  readonly category: Category;
  readonly rules: AppointmentRules;
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  readonly now: number;
}

/** Each day's slots with what is left of them; a slot that has begun, or a day off, is not bookable. */
export function daySlots(ctx: SlotContext, day: string, bookedPerSlot: ReadonlyMap<string, number>): SlotView[] {
  const capacity = ctx.category.appointments?.capacity ?? 0;
  const today = localTime(ctx.now, ctx.timeZone).day;
  const inHorizon = bookableDays(ctx.rules, ctx.calendar, today, ctx.category).includes(day);
  return slotsOf(ctx.category).map((slot) => {
    const available = Math.max(0, capacity - (bookedPerSlot.get(slot.start) ?? 0));
    const begun = slotTimes(ctx.rules, ctx.timeZone, day, slot.start).startsAt <= ctx.now;
    return { start: slot.start, end: slot.end, capacity, available, bookable: inHorizon && !begun && available > 0 };
  });
}

export interface BookingFacts {
  readonly day: string;
  readonly slotStart: string;
  /** Live bookings (booked or checked in) of the slot. */
  readonly bookedInSlot: number;
  /** This ID's live bookings on that day, in any category. */
  readonly holderBookingsThatDay: number;
  /** Times of this ID's no-shows, any order. */
  readonly noShowTimes: readonly number[];
}

/** Whether the ID's no-shows bar it now: `noShowLimit` within `noShowWindowDays`, for `barDays` after the last. */
export function isBarred(rules: AppointmentRules, noShowTimes: readonly number[], now: number): boolean {
  const sorted = [...noShowTimes].sort((a, b) => a - b);
  const window = rules.noShowWindowDays * 86_400_000;
  for (let i = rules.noShowLimit - 1; i < sorted.length; i++) {
    const last = sorted[i] as number;
    const first = sorted[i - rules.noShowLimit + 1] as number;
    if (last - first <= window && now - last < rules.barDays * 86_400_000) return true;
  }
  return false;
}

/** Null when the booking may be made, else why not. */
export function bookingRefusal(ctx: SlotContext, facts: BookingFacts): ErrorCode | null {
  const slot = slotsOf(ctx.category).find((s) => s.start === facts.slotStart);
  const today = localTime(ctx.now, ctx.timeZone).day;
  if (!slot || !bookableDays(ctx.rules, ctx.calendar, today, ctx.category).includes(facts.day)) return 'BOOKING_CLOSED';
  if (slotTimes(ctx.rules, ctx.timeZone, facts.day, slot.start).startsAt <= ctx.now) return 'BOOKING_CLOSED';
  if (isBarred(ctx.rules, facts.noShowTimes, ctx.now)) return 'BOOKING_BARRED';
  if (facts.holderBookingsThatDay > 0) return 'BOOKING_LIMIT';
  if (facts.bookedInSlot >= (ctx.category.appointments?.capacity ?? 0)) return 'SLOT_FULL';
  return null;
}

export function cancelRefusal(times: SlotTimes, status: BookedSlot['status'], now: number): ErrorCode | null {
  if (status !== 'booked') return 'ILLEGAL_TRANSITION';
  return now > times.cancelUntil ? 'CANCEL_TOO_LATE' : null;
}

export function checkInRefusal(times: SlotTimes, status: BookedSlot['status'], now: number): ErrorCode | null {
  // A no-show is a booking whose check-in window has passed: its holder came too late.
  if (status === 'noShow') return 'CHECK_IN_TOO_LATE';
  if (status !== 'booked') return 'ILLEGAL_TRANSITION';
  if (now < times.checkInFrom) return 'CHECK_IN_TOO_EARLY';
  if (now > times.checkInUntil) return 'CHECK_IN_TOO_LATE';
  return null;
}

/** A booking nobody checked in for by the end of its check-in window is a no-show. */
export function isNoShow(times: SlotTimes, status: BookedSlot['status'], now: number): boolean {
  return status === 'booked' && now > times.checkInUntil;
}
