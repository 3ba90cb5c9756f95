import type { Ack, DailyAttendance, LeaveRequest, Punch } from '@yimen/protocol';
import * as domain from '../domain';
import { AttendanceRepo } from '../store/attendance-repo';
import type { Db } from '../store/db';
import type { HallService } from './hall-service';

/** Daily attendance of every clerk from the punches, the leave and the hall's rules and calendar. */
export class AttendanceService {
  private readonly repo: AttendanceRepo;

  constructor(
    private readonly db: Db,
    private readonly hall: HallService,
  ) {
    this.repo = new AttendanceRepo(db);
  }

  /** The attendance day now: before the day's start time it is still yesterday's. */
  today(): string {
    const { timeZone, attendance } = this.hall.config.rules;
    return domain.attendanceDayOf(this.hall.clock(), timeZone, attendance.dayStartsAt);
  }

  punches(day: string): Punch[] {
    return this.repo.punchesOn(day);
  }

  daily(day: string): DailyAttendance[] {
    const { rules, clerks } = this.hall.config;
    const punches = this.repo.punchesOn(day);
    const leaves = this.repo.leavesOn(day);
    return clerks.map((clerk) =>
      domain.dailyAttendance(
        {
          clerkId: clerk.id,
          day,
          punches: punches.filter((p) => p.clerkId === clerk.id).map((p) => p.at),
          leave: leaves.get(clerk.id) ?? null,
        },
        rules.attendance,
        this.hall.calendar,
        rules.timeZone,
      ),
    );
  }

  /** The department leaders' week in the hall, from its Monday. */
  leaders(anyDayOfWeek: string) {
    const { attendance } = this.hall.config.rules;
    const monday = domain.weekStart(anyDayOfWeek);
    const week = Array.from({ length: 7 }, (_, i) => this.daily(domain.addDays(monday, i)));
    return attendance.leaderClerkIds.map((clerkId) => ({
      clerkId,
      weekStart: monday,
      ...domain.leaderWeek(
        week.flatMap((day) => day.filter((r) => r.clerkId === clerkId)),
        attendance.leaderDaysPerWeek,
      ),
    }));
  }

  addLeave(req: LeaveRequest): Ack {
    if (!this.hall.clerk(req.clerkId)) return { ok: false, error: { code: 'NOT_FOUND', message: '没有这位工作人员' } };
    this.db.transaction(() => this.repo.putLeave(req.clerkId, req.day, req.kind, req.note ?? null))();
    return { ok: true };
  }
}
