import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppointmentView, ErrorBody, IssuedTicket, KioskLookup } from '@yimen/protocol';
import { CATEGORIES, SMALL_HALL } from '../testing/small-hall';
import { connectClient, createTestHall, removeTestHall, send, startTestServer } from '../testing/test-server';

/** The small hall with 不动产登记 bookable in half-hour slots through the morning. */
const BOOKABLE_HALL = {
  ...SMALL_HALL,
  categories: CATEGORIES.map((c) =>
    c.id === 'cat-b'
      ? { ...c, appointments: { slotMinutes: 30, capacity: 2, periods: [{ from: '09:00', to: '11:30' }] } }
      : c,
  ),
};

const card = { idNumber: '110105199003071239', name: '王小明' };
/** Thursday 3 December 2026 in Shanghai. */
const at = (hh: number, mm: number) => Date.UTC(2026, 11, 3, hh - 8, mm);

test('a late check-in is refused as too late, not as no booking, before and after the no-show sweep', async () => {
  const hall = createTestHall(BOOKABLE_HALL);
  let now = at(9, 45);
  const server = await startTestServer(hall, () => now);
  try {
    const booked = server.services.appointments.book(
      { categoryId: 'cat-b', day: '2026-12-03', slotStart: '10:00', ...card, phone: '13800138000' },
      'web',
    );
    assert.ok(booked.ok);
    const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
    const checkIn = (key: string) =>
      send<{ ticket: IssuedTicket }>(kiosk, 'appointment:checkIn', { idCard: card, idempotencyKey: key });

    now = at(10, 16); // the window closed at 10:15
    const lookup = await send<{ lookup: KioskLookup }>(kiosk, 'kiosk:lookup', { idCard: card });
    assert.ok(lookup.ok);
    assert.equal(lookup.lookup.appointment?.code, booked.appointment.code, 'the kiosk still sees the booking');
    assert.equal(lookup.lookup.checkIn, 'late', 'and that it is too late for it');
    const late = await checkIn('late-check-in-1');
    assert.equal(late.ok, false);
    assert.equal((late as { error: ErrorBody }).error.code, 'CHECK_IN_TOO_LATE');
    assert.equal(server.services.appointments.byCode(booked.appointment.code)?.status, 'noShow', 'swept afterwards');

    // Once marked, the booking still answers the same way, at the reader and to a second try.
    const again = await send<{ lookup: KioskLookup }>(kiosk, 'kiosk:lookup', { idCard: card });
    assert.ok(again.ok);
    assert.equal((again.lookup.appointment as AppointmentView).status, 'noShow');
    assert.equal(again.lookup.checkIn, 'late');
    const retry = await checkIn('late-check-in-2');
    assert.equal((retry as { error: ErrorBody }).error.code, 'CHECK_IN_TOO_LATE');
    const tickets = server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
    assert.equal(tickets.n, 0, 'no ticket for a refused check-in');
    kiosk.close();
  } finally {
    await server.dispose();
    removeTestHall(hall);
  }
});

test('an early check-in is refused as too early and the booking stays', async () => {
  const hall = createTestHall(BOOKABLE_HALL);
  const now = at(9, 0);
  const server = await startTestServer(hall, () => now);
  try {
    const booked = server.services.appointments.book(
      { categoryId: 'cat-b', day: '2026-12-03', slotStart: '11:00', ...card, phone: '13800138000' },
      'web',
    );
    assert.ok(booked.ok);
    const kiosk = await connectClient(server.url, { token: hall.token('kiosk-1') });
    const lookup = await send<{ lookup: KioskLookup }>(kiosk, 'kiosk:lookup', { idCard: card });
    assert.equal(lookup.ok && lookup.lookup.checkIn, 'early');
    const early = await send(kiosk, 'appointment:checkIn', { idCard: card, idempotencyKey: 'early-check-in' });
    assert.equal((early as { error: ErrorBody }).error.code, 'CHECK_IN_TOO_EARLY');
    assert.equal(server.services.appointments.byCode(booked.appointment.code)?.status, 'booked');
    kiosk.close();
  } finally {
    await server.dispose();
    removeTestHall(hall);
  }
});
