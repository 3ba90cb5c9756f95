import type { ErrorBody, RectificationAction, RectificationStatus } from '@yimen/protocol';
import { addWorkingDaysIn, type WorkingCalendar } from './calendar';
import { fail } from './outcome';

/** A bad rating's rectification case (差评整改) as the store keeps it. */
export interface RectificationRecord {
  readonly id: string;
  readonly ratingId: string;
  readonly status: RectificationStatus;
  readonly outcome: 'rectified' | 'appealUpheld' | null;
  readonly openedAt: number;
  /** The last working day to close it on. */
  readonly dueDay: string;
  readonly escalatedAt: number | null;
  readonly closedAt: number | null;
  /** Where an appeal that is rejected sends the case back to. */
  readonly statusBeforeAppeal: RectificationStatus | null;
  readonly appealed: boolean;
}

/** Who takes a step: a person's name and the role they act in. */
export interface RectificationActor {
  readonly role: 'admin' | 'clerk' | 'system';
  readonly name: string;
}

export function openRectification(
  id: string,
  ratingId: string,
  now: number,
  today: string,
  calendar: WorkingCalendar,
  workingDays: number,
): RectificationRecord {
  return {
    id,
    ratingId,
    status: 'verifying',
    outcome: null,
    openedAt: now,
    dueDay: addWorkingDaysIn(calendar, today, workingDays),
    escalatedAt: null,
    closedAt: null,
    statusBeforeAppeal: null,
    appealed: false,
  };
}

/** The hall manager's steps, in order; each moves the case one status on. */
const FORWARD: Partial<Record<RectificationAction, { from: RectificationStatus; to: RectificationStatus }>> = {
  verify: { from: 'verifying', to: 'rectifying' },
  rectify: { from: 'rectifying', to: 'callingBack' },
  callBack: { from: 'callingBack', to: 'awaitingClose' },
  close: { from: 'awaitingClose', to: 'closed' },
};

/** A clerk may appeal once, while the case is still being verified or rectified. */
const APPEALABLE: readonly RectificationStatus[] = ['verifying', 'rectifying'];

export type RectificationStep =
  | { readonly ok: true; readonly next: RectificationRecord }
  | { readonly ok: false; readonly error: ErrorBody };

/**
 * One step of verify → rectify → call back → close, an appeal (申诉复核) by the clerk, the
 * hall manager's decision on it, or the escalation of a late case. Pure: the shell records
 * who and when beside the new state.
 */
export function actOnRectification(
  c: RectificationRecord,
  action: RectificationAction,
  actor: RectificationActor,
  now: number,
): RectificationStep {
  const illegal = () => fail('ILLEGAL_TRANSITION', `当前状态不能${action === 'appeal' ? '申诉' : '执行此步骤'}`);
  if (action === 'appeal') {
    if (actor.role !== 'clerk') return fail('FORBIDDEN');
    if (c.appealed || !APPEALABLE.includes(c.status)) return illegal();
    return { ok: true, next: { ...c, status: 'appealed', statusBeforeAppeal: c.status, appealed: true } };
  }
  if (action === 'escalate') {
    if (actor.role !== 'system' || c.status === 'closed' || c.escalatedAt !== null) return illegal();
    return { ok: true, next: { ...c, escalatedAt: now } };
  }
  if (actor.role !== 'admin') return fail('FORBIDDEN');
  if (action === 'upholdAppeal' || action === 'rejectAppeal') {
    if (c.status !== 'appealed') return illegal();
    if (action === 'upholdAppeal') {
      return {
        ok: true,
        next: { ...c, status: 'closed', outcome: 'appealUpheld', closedAt: now, statusBeforeAppeal: null },
      };
    }
    return { ok: true, next: { ...c, status: c.statusBeforeAppeal ?? 'verifying', statusBeforeAppeal: null } };
  }
  const step = FORWARD[action];
  if (!step || c.status !== step.from) return illegal();
  const closed = step.to === 'closed';
  return {
    ok: true,
    next: { ...c, status: step.to, ...(closed ? { outcome: 'rectified' as const, closedAt: now } : {}) },
  };
}

/** Open past its last working day and not yet escalated: the shell escalates it (督办). */
export function isRectificationOverdue(c: RectificationRecord, today: string): boolean {
  return c.status !== 'closed' && c.escalatedAt === null && today > c.dueDay;
}
