import { randomUUID } from 'node:crypto';
import {
  type Ack,
  type AppointmentView,
  type BookableCategory,
  type BookingRequest,
  type Category,
  type CheckInRequest,
  type CheckInState,
  type DaySlots,
  type ErrorBody,
  type ErrorCode,
  type IssuedTicket,
  maskPhone,
  zhCN,
} from '@yimen/protocol';
import * as domain from '../domain';
import { AppointmentRepo, type AppointmentRow } from '../store/appointment-repo';
import type { Db } from '../store/db';
import { readableCode } from './credentials';
import { FieldCipher } from './field-crypto';
import type { HallService } from './hall-service';
import { holderFacts } from './holder';

/** The first booking by the order of statuses given. */
function pickBooking(rows: readonly AppointmentRow[], order: readonly AppointmentRow['status'][]) {
  for (const status of order) {
    const row = rows.find((r) => r.status === status);
    if (row) return row;
  }
  return null;
}

/** A check-in refusal as the kiosk shows it; other refusals (already checked in) show nothing. */
const CHECK_IN_STATES: Partial<Record<ErrorCode, CheckInState>> = {
  CHECK_IN_TOO_EARLY: 'early',
  CHECK_IN_TOO_LATE: 'late',
};

const DAY_MS = 86_400_000;

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/**
 * Real-name appointments: slots and bookings for the public booking page and a provincial
 * platform, cancellation, the no-show sweep, and check-in at a kiosk, which issues an
 * appointment-class ticket in the same transaction that marks the booking used.
 */
export class AppointmentService {
  private readonly repo: AppointmentRepo;
  private readonly phones: FieldCipher;

  constructor(
    private readonly db: Db,
    private readonly hall: HallService,
    private readonly idKey: Buffer,
  ) {
    this.repo = new AppointmentRepo(db);
    this.phones = new FieldCipher(idKey, 'appointment-phone');
  }

  categories(): BookableCategory[] {
    const { items } = this.hall.config;
    return this.bookable().map((c) => ({
      id: c.id,
      name: c.name,
      itemNames: items.filter((i) => i.categoryId === c.id).map((i) => i.name),
    }));
  }

  slots(categoryId: string): Ack<{ categoryId: string; days: DaySlots[] }> {
    const category = this.bookable().find((c) => c.id === categoryId);
    if (!category) return failure('NOT_FOUND', '该类业务不接受预约');
    const ctx = this.context(category);
    const days = domain
      .bookableDays(ctx.rules, ctx.calendar, this.today(), category)
      .map((day) => ({ day, slots: domain.daySlots(ctx, day, this.repo.bookedPerSlot(category.id, day)) }));
    return { ok: true, categoryId, days };
  }

  book(req: BookingRequest, source: AppointmentRow['source']): Ack<{ appointment: AppointmentView }> {
    const category = this.bookable().find((c) => c.id === req.categoryId);
    if (!category) return failure('NOT_FOUND', '该类业务不接受预约');
    const holder = holderFacts({ idNumber: req.idNumber, name: req.name }, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD', '身份证号码有误，请核对');
    const ctx = this.context(category);
    const slot = domain.slotsOf(category).find((s) => s.start === req.slotStart);
    const now = this.hall.clock();
    // Checked and written in one transaction: two phones cannot both take the last place.
    const result = this.db.transaction((): Ack<{ appointment: AppointmentView }> => {
      const refusal = domain.bookingRefusal(ctx, {
        day: req.day,
        slotStart: req.slotStart,
        bookedInSlot: this.repo.bookedPerSlot(category.id, req.day).get(req.slotStart) ?? 0,
        holderBookingsThatDay: this.repo.liveForHolderOn(holder.idHash, req.day).length,
        noShowTimes: this.repo.noShowTimes(
          holder.idHash,
          now - (ctx.rules.noShowWindowDays + ctx.rules.barDays) * DAY_MS,
        ),
      });
      if (refusal || !slot) return failure(refusal ?? 'BOOKING_CLOSED');
      const row: AppointmentRow = {
        id: randomUUID(),
        code: readableCode(10),
        categoryId: category.id,
        day: req.day,
        slotStart: slot.start,
        slotEnd: slot.end,
        status: 'booked',
        idHash: holder.idHash,
        idMasked: holder.idMasked,
        nameMasked: holder.nameMasked,
        phoneSealed: this.phones.seal(req.phone),
        phoneMasked: maskPhone(req.phone),
        source,
        createdAt: now,
        updatedAt: now,
        ticketId: null,
        checkInKey: null,
      };
      this.repo.insert(row);
      return { ok: true, appointment: this.view(row) };
    })();
    return result;
  }

  byCode(code: string): AppointmentView | null {
    const row = this.repo.byCode(code);
    return row ? this.view(row) : null;
  }

  cancel(code: string): Ack<{ appointment: AppointmentView }> {
    const row = this.repo.byCode(code);
    if (!row) return failure('NOT_FOUND', '未找到该预约');
    const now = this.hall.clock();
    const refusal = domain.cancelRefusal(this.times(row), row.status, now);
    if (refusal) return failure(refusal, refusal === 'ILLEGAL_TRANSITION' ? '该预约已取消、已签到或已过期' : undefined);
    this.repo.setStatus(row.id, 'cancelled', now);
    return { ok: true, appointment: this.view({ ...row, status: 'cancelled', updatedAt: now }) };
  }

  /**
   * Today's booking of a card holder, for the kiosk: one still to check in first, else one
   * checked in, else one missed, so a late-comer is told so rather than told of nothing.
   */
  todayFor(idHash: string): { appointment: AppointmentView; checkIn: CheckInState | null } | null {
    const row = pickBooking(this.repo.keptOrMissedOn(idHash, this.today()), ['booked', 'checkedIn', 'noShow']);
    if (!row) return null;
    // By the hall's clock, so a kiosk whose own clock drifts says the same as the hall decides.
    const refusal = domain.checkInRefusal(this.times(row), row.status, this.hall.clock());
    const checkIn = refusal === null ? 'open' : (CHECK_IN_STATES[refusal] ?? null);
    return { appointment: this.view(row), checkIn };
  }

  /** 预约签到: today's booking, inside its check-in window, becomes an appointment-class ticket. */
  checkIn(
    terminalId: string,
    req: CheckInRequest,
  ): Ack<{ ticket: IssuedTicket; appointment: AppointmentView; replayed: boolean }> {
    const holder = holderFacts(req.idCard, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD');
    const rows = this.repo.keptOrMissedOn(holder.idHash, this.today());
    const replay = rows.find((r) => r.status === 'checkedIn' && r.checkInKey === req.idempotencyKey && r.ticketId);
    if (replay?.ticketId) {
      const ticket = this.hall.ticketRecord(replay.ticketId);
      if (ticket)
        return { ok: true, ticket: this.hall.issuedView(ticket), appointment: this.view(replay), replayed: true };
    }
    const row = pickBooking(rows, ['booked', 'noShow']);
    if (!row) return failure('NOT_FOUND', '未找到您今天的预约');
    const now = this.hall.clock();
    // Decided before the sweep: the sweep would turn a late booking into a no-show, and a
    // late-comer must hear "too late", not "no booking".
    const refusal = domain.checkInRefusal(this.times(row), row.status, now);
    this.sweepNoShows();
    if (refusal) return failure(refusal);
    const ids = this.hall.newTicketIds();
    const counts = this.hall.issuedTodayFor(holder.idHash);
    const result = this.hall.execute(
      (state) =>
        domain.issueTicket(
          state,
          {
            categoryId: row.categoryId,
            priority: 'appointment',
            holder,
            issuedTodayForId: counts[row.categoryId] ?? 0,
            terminalId,
            idempotencyKey: req.idempotencyKey,
            selfService: null,
          },
          ids,
        ),
      () => this.repo.markCheckedIn(row.id, ids.ticketId, req.idempotencyKey, now),
    );
    if (!result.ok) return result;
    const appointment = this.view({ ...row, status: 'checkedIn', ticketId: ids.ticketId, updatedAt: now });
    return { ok: true, ticket: this.hall.issuedView(result.reply), appointment, replayed: false };
  }

  /** Bookings whose check-in window has passed become no-shows; returns how many. */
  sweepNoShows(): number {
    const now = this.hall.clock();
    const due = this.repo.bookedUpTo(this.today()).filter((r) => domain.isNoShow(this.times(r), r.status, now));
    if (due.length > 0) {
      this.db.transaction(() => {
        for (const r of due) this.repo.setStatus(r.id, 'noShow', now);
      })();
    }
    return due.length;
  }

  private bookable(): Category[] {
    return this.hall.config.categories.filter((c) => c.appointments !== undefined);
  }

  private today(): string {
    return this.hall.businessDay;
  }

  private context(category: Category): domain.SlotContext {
    const rules = this.hall.config.rules;
    return {
      category,
      rules: rules.appointments,
      timeZone: rules.timeZone,
      calendar: this.hall.calendar,
      now: this.hall.clock(),
    };
  }

  private times(row: AppointmentRow): domain.SlotTimes {
    const rules = this.hall.config.rules;
    return domain.slotTimes(rules.appointments, rules.timeZone, row.day, row.slotStart);
  }

  private view(row: AppointmentRow): AppointmentView {
    const times = this.times(row);
    const category = this.hall.config.categories.find((c) => c.id === row.categoryId);
    const ticket = row.ticketId ? this.hall.ticketRecord(row.ticketId) : null;
    return {
      code: row.code,
      categoryId: row.categoryId,
      categoryName: category?.name ?? '',
      day: row.day,
      slotStart: row.slotStart,
      slotEnd: row.slotEnd,
      status: row.status,
      nameMasked: row.nameMasked ?? '',
      idMasked: row.idMasked ?? '',
      phoneMasked: row.phoneMasked ?? '',
      checkInFrom: times.checkInFrom,
      checkInUntil: times.checkInUntil,
      cancelUntil: times.cancelUntil,
      ticketNumber: ticket?.number ?? null,
    };
  }
}
