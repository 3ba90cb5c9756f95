import { type CaseAlert, type CaseView, FINAL_CASE_STATUSES } from '@yimen/protocol';
import { type WorkingCalendar, workingDaysBetween } from './calendar';
import { outstandingDeferred } from './case-materials';

/** Working days from `today` to `date`: 0 on the day, negative once past. */
export function workingDaysLeft(calendar: WorkingCalendar, today: string, date: string): number {
  return date >= today ? workingDaysBetween(calendar, today, date) : -workingDaysBetween(calendar, date, today);
}

/** How close (in working days) a deadline or a pledge date must be to raise a yellow flag or a reminder. */
export interface AlertThresholds {
  readonly deadlineNearDays: number;
  readonly supplementRemindDays: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { deadlineNearDays: 1, supplementRemindDays: 1 };

/**
 * Supervision flags of one case on a day (电子监察): its deadline near (yellow) or past (red),
 * deferred papers due soon (remind the applicant) or overdue, a referral's reply late, a
 * joint step late. Computed, never stored: the monitor and the consoles ask for them.
 */
export function caseAlerts(
  c: CaseView,
  today: string,
  calendar: WorkingCalendar,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): CaseAlert[] {
  if (FINAL_CASE_STATUSES.includes(c.status)) return [];
  const alerts: CaseAlert[] = [];
  const add = (kind: CaseAlert['kind'], date: string) =>
    alerts.push({
      caseId: c.id,
      number: c.number,
      kind,
      date,
      workingDaysLeft: workingDaysLeft(calendar, today, date),
    });
  const running = c.status === 'accepted' || c.status === 'referred';
  if (running && c.deadline) {
    const left = workingDaysLeft(calendar, today, c.deadline);
    if (c.deadline < today) add('deadlineOverdue', c.deadline);
    else if (left <= thresholds.deadlineNearDays) add('deadlineNear', c.deadline);
  }
  if (c.pledge && outstandingDeferred(c.materials).length > 0) {
    const left = workingDaysLeft(calendar, today, c.pledge.dueDate);
    if (c.pledge.dueDate < today) add('supplementOverdue', c.pledge.dueDate);
    else if (left <= thresholds.supplementRemindDays) add('supplementDue', c.pledge.dueDate);
  }
  if (c.status === 'referred' && c.referral && !c.referral.reply && c.referral.replyBy < today) {
    add('replyOverdue', c.referral.replyBy);
  }
  for (const step of c.steps)
    if (step.status === 'pending' && running && step.deadline < today) add('stepOverdue', step.deadline);
  return alerts;
}
