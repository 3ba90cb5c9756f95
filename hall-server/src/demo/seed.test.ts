import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_APPOINTMENT_RULES, DEFAULT_RULES } from '@yimen/protocol';
import {
  bookingRefusal,
  checkInRefusal,
  daySlots,
  localTime,
  NATIONAL_CALENDAR,
  type SlotContext,
  slotTimes,
} from '../domain';
import { DEMO_HALL } from './demo-hall';
import { demoHallConfig } from './seed';

/** Instants in Shanghai: a Sunday night, a working afternoon, late on a Saturday, National Day. */
const MOMENTS = {
  sundayNight: Date.UTC(2026, 11, 5, 18, 10),
  thursdayAfternoon: Date.UTC(2026, 11, 3, 5, 50),
  saturdayLate: Date.UTC(2026, 11, 5, 15, 20),
  nationalDay: Date.UTC(2026, 9, 1, 3, 0),
};

function context(config: ReturnType<typeof demoHallConfig>, categoryId: string, now: number): SlotContext {
  const category = config.categories.find((c) => c.id === categoryId);
  assert.ok(category);
  return {
    category,
    rules: config.rules.appointments,
    timeZone: config.rules.timeZone,
    calendar: NATIONAL_CALENDAR,
    now,
  };
}

test('in the demo hall a booking can be made and checked in straight away at any hour of any day', () => {
  const config = demoHallConfig();
  for (const [name, now] of Object.entries(MOMENTS)) {
    for (const categoryId of ['cat-gjj', 'cat-bdc', 'cat-qy']) {
      const ctx = context(config, categoryId, now);
      const today = localTime(now, ctx.timeZone).day;
      const slot = daySlots(ctx, today, new Map()).find((s) => s.bookable);
      assert.ok(slot, `${name} ${categoryId}: a slot to book today`);
      const facts = { day: today, slotStart: slot.start, bookedInSlot: 0, holderBookingsThatDay: 0, noShowTimes: [] };
      assert.equal(bookingRefusal(ctx, facts), null);
      const times = slotTimes(ctx.rules, ctx.timeZone, today, slot.start);
      assert.equal(checkInRefusal(times, 'booked', now), null, `${name} ${categoryId}: checked in at once`);
    }
  }
});

test('the demo’s round-the-clock booking is its own: the stock rules and the hall’s queues keep working days', () => {
  assert.equal(DEFAULT_RULES.appointments.horizonWorkingDays, DEFAULT_APPOINTMENT_RULES.horizonWorkingDays);
  const stock = { ...DEMO_HALL, rules: DEFAULT_RULES };
  const ctx = context(stock, 'cat-bdc', MOMENTS.sundayNight);
  const today = localTime(MOMENTS.sundayNight, ctx.timeZone).day;
  assert.deepEqual(
    daySlots(ctx, today, new Map()).filter((s) => s.bookable),
    [],
    'no booking on a Sunday',
  );
  const marriage = context(demoHallConfig(), 'cat-hy', MOMENTS.sundayNight);
  assert.equal(marriage.category.appointments?.days, undefined, '婚姻登记 keeps its office hours in the demo too');
});
