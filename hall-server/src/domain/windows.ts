import type { HallState, WindowRecord } from './hall-state';
import { fail, type Outcome, succeed } from './outcome';

function get(state: HallState, windowId: string): WindowRecord | null {
  return state.windows.get(windowId) ?? null;
}

/** A window with a citizen called or being served cannot be left: that ticket would be stranded. */
function busy(state: HallState, window: WindowRecord): boolean {
  const ticket = window.currentTicketId ? state.tickets.get(window.currentTicketId) : undefined;
  return ticket?.status === 'called' || ticket?.status === 'serving';
}

/**
 * A clerk signs in to a window: it opens with that clerk. Another clerk's sign-in takes
 * over; a window the clerk sat at before closes, since a clerk is at one window at a time.
 */
export function signIn(state: HallState, windowId: string, clerkId: string): Outcome<WindowRecord> {
  const window = get(state, windowId);
  if (!window) return fail('NOT_FOUND', '没有这个窗口');
  const previous = [...state.windows.values()].filter((w) => w.clerkId === clerkId && w.id !== windowId);
  if (previous.some((w) => busy(state, w)))
    return fail('WINDOW_BUSY', '您在原窗口还有未办结的号，请先办结、过号或挂起');
  const open: WindowRecord = { ...window, status: 'open', pauseReason: null, clerkId };
  const left: WindowRecord[] = previous.map((w) => ({ ...w, status: 'closed', pauseReason: null, clerkId: null }));
  return succeed({ windows: [open, ...left] }, open);
}

export function signOut(state: HallState, windowId: string, clerkId: string): Outcome<WindowRecord> {
  const window = get(state, windowId);
  if (!window) return fail('NOT_FOUND', '没有这个窗口');
  if (window.clerkId !== clerkId) return fail('FORBIDDEN');
  if (busy(state, window)) return fail('WINDOW_BUSY');
  const closed: WindowRecord = { ...window, status: 'closed', pauseReason: null, clerkId: null };
  return succeed({ windows: [closed] }, closed);
}

/** 暂停服务 with a reason shown on the LED bar and the display. */
export function pauseWindow(state: HallState, windowId: string, reason: string): Outcome<WindowRecord> {
  const window = get(state, windowId);
  if (!window) return fail('NOT_FOUND', '没有这个窗口');
  if (window.status !== 'open') return fail('ILLEGAL_TRANSITION', '窗口未在服务中，不能暂停');
  const paused: WindowRecord = { ...window, status: 'paused', pauseReason: reason };
  return succeed({ windows: [paused] }, paused);
}

export function resumeWindow(state: HallState, windowId: string): Outcome<WindowRecord> {
  const window = get(state, windowId);
  if (!window) return fail('NOT_FOUND', '没有这个窗口');
  if (window.status !== 'paused') return fail('ILLEGAL_TRANSITION', '窗口未暂停');
  const open: WindowRecord = { ...window, status: 'open', pauseReason: null };
  return succeed({ windows: [open] }, open);
}
