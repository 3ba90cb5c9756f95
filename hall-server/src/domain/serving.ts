import type { Actor } from './actor';
import type { HallState, TicketRecord, WindowRecord } from './hall-state';
import { fail, type Outcome, succeed } from './outcome';
import { canTransition, type TicketAction } from './ticket-machine';

type Found = { ticket: TicketRecord; window: WindowRecord | null };

/**
 * Finds the ticket and checks the actor may act on it: a clerk only on the ticket at (or
 * held by) their own window; an admin on any.
 */
function acting(state: HallState, ticketId: string, actor: Actor, action: TicketAction): Found | Outcome<never> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return fail('NOT_FOUND', '未找到该号');
  if (actor.role === 'kiosk') return fail('FORBIDDEN');
  if (actor.role === 'clerk' && ticket.windowId !== actor.windowId) return fail('FORBIDDEN', '该号不在本窗口');
  if (!canTransition(ticket.status, action)) return fail('ILLEGAL_TRANSITION');
  const window = ticket.windowId ? (state.windows.get(ticket.windowId) ?? null) : null;
  return { ticket, window };
}

/** The window is free again when the ticket it was busy with moves on. */
function release(window: WindowRecord | null, ticketId: string): WindowRecord[] {
  if (!window || window.currentTicketId !== ticketId) return [];
  return [{ ...window, currentTicketId: null }];
}

export function start(state: HallState, ticketId: string, actor: Actor, now: number): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'start');
  if ('ok' in found) return found;
  const serving: TicketRecord = { ...found.ticket, status: 'serving', startedAt: now };
  return succeed({ tickets: [serving] }, serving);
}

export function finish(state: HallState, ticketId: string, actor: Actor, now: number): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'finish');
  if ('ok' in found) return found;
  const done: TicketRecord = { ...found.ticket, status: 'done', finishedAt: now };
  return succeed({ tickets: [done], windows: release(found.window, ticketId) }, done);
}

/** 过号: the citizen did not come. The ticket stays (re-queue possible) but frees the window. */
export function noShow(state: HallState, ticketId: string, actor: Actor): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'noShow');
  if ('ok' in found) return found;
  const missed: TicketRecord = { ...found.ticket, status: 'noShow' };
  return succeed({ tickets: [missed], windows: release(found.window, ticketId) }, missed);
}

/** 挂起: set aside while the citizen fetches a paper; the window may serve others meanwhile. */
export function hold(state: HallState, ticketId: string, actor: Actor): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'hold');
  if ('ok' in found) return found;
  const held: TicketRecord = { ...found.ticket, status: 'held' };
  return succeed({ tickets: [held], windows: release(found.window, ticketId) }, held);
}

export type TransferTarget = { readonly toCategoryId: string } | { readonly toWindowId: string };

/**
 * To another queue or one window, keeping its number and original issue time (rank). The
 * clerk's note (or none) and the window it came from go with it to the receiving window.
 */
export function transfer(
  state: HallState,
  ticketId: string,
  target: TransferTarget,
  actor: Actor,
  note: string | null = null,
): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'transfer');
  if ('ok' in found) return found;
  const { ticket } = found;
  let moved: TicketRecord;
  if ('toCategoryId' in target) {
    if (!state.categories.has(target.toCategoryId)) return fail('NOT_FOUND', '没有这一类业务');
    moved = { ...ticket, categoryId: target.toCategoryId, targetWindowId: null };
  } else {
    const to = state.windows.get(target.toWindowId);
    if (!to) return fail('NOT_FOUND', '没有这个窗口');
    if (to.status === 'closed') return fail('WINDOW_NOT_OPEN', '目标窗口未开放，不能转入');
    if (actor.role === 'clerk' && target.toWindowId === actor.windowId) return fail('BAD_REQUEST', '不能转给本窗口');
    moved = { ...ticket, targetWindowId: target.toWindowId };
  }
  moved = {
    ...moved,
    status: 'waiting',
    windowId: null,
    calledAt: null,
    startedAt: null,
    recallCount: 0,
    transferCount: ticket.transferCount + 1,
    transferNote: note || null,
    transferFromWindowId: ticket.windowId,
  };
  return succeed({ tickets: [moved], windows: release(found.window, ticketId) }, moved);
}

export function cancel(state: HallState, ticketId: string, actor: Actor, now: number): Outcome<TicketRecord> {
  const found = acting(state, ticketId, actor, 'cancel');
  if ('ok' in found) return found;
  const cancelled: TicketRecord = { ...found.ticket, status: 'cancelled', finishedAt: now };
  return succeed({ tickets: [cancelled], windows: release(found.window, ticketId) }, cancelled);
}
