import { zhCN } from '@yimen/protocol';
import { isEligible, pickNext } from './dispatch';
import { type HallState, type PendingEvent, type TicketRecord, toTicket, type WindowRecord } from './hall-state';
import { type Failed, fail, type Outcome, succeed } from './outcome';
import { canTransition } from './ticket-machine';

export interface CallReply {
  readonly ticket: TicketRecord;
  readonly voiceText: string;
}

/** A window may call only when it is open, has a clerk, and is not busy with another ticket. */
export function readyToCall(state: HallState, windowId: string): WindowRecord | Failed {
  const window = state.windows.get(windowId);
  if (!window) return fail('NOT_FOUND', '没有这个窗口');
  if (window.status !== 'open' || window.clerkId === null) return fail('WINDOW_NOT_OPEN');
  const current = window.currentTicketId ? state.tickets.get(window.currentTicketId) : undefined;
  if (current && (current.status === 'called' || current.status === 'serving')) return fail('WINDOW_BUSY');
  return window;
}

function calledEvent(ticket: TicketRecord, window: WindowRecord, recall: number, outOfOrder: boolean): PendingEvent {
  return {
    name: 'ticket:called',
    payload: {
      ticket: toTicket(ticket),
      window: { id: window.id, number: window.number, name: window.name },
      voiceText: zhCN.voiceText(ticket.number, window.number),
      recall,
      outOfOrder,
      clerkId: window.clerkId,
    },
  };
}

function call(
  window: WindowRecord,
  ticket: TicketRecord,
  now: number,
  outOfOrder: boolean,
  streaks?: Record<string, number>,
): Outcome<CallReply> {
  const called: TicketRecord = {
    ...ticket,
    status: 'called',
    windowId: window.id,
    targetWindowId: null,
    calledAt: now,
    recallCount: 0,
  };
  const busy: WindowRecord = { ...window, currentTicketId: called.id };
  const reply = { ticket: called, voiceText: zhCN.voiceText(called.number, window.number) };
  return succeed({ tickets: [called], windows: [busy], ...(streaks ? { streaks } : {}) }, reply, [
    calledEvent(called, window, 0, outOfOrder),
  ]);
}

export function callNext(state: HallState, windowId: string, now: number): Outcome<CallReply> {
  const window = readyToCall(state, windowId);
  if ('ok' in window) return window;
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const picked = pickNext({ window, waiting, rules: state.rules, now, streaks: state.streaks });
  if (!picked) return fail('QUEUE_EMPTY');
  return call(window, picked.ticket, now, false, picked.streaks);
}

/** 特呼: the clerk calls one waiting ticket out of order; the call is logged as such. */
export function callSpecific(state: HallState, windowId: string, ticketId: string, now: number): Outcome<CallReply> {
  const window = readyToCall(state, windowId);
  if ('ok' in window) return window;
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return fail('NOT_FOUND', '未找到该号');
  if (!canTransition(ticket.status, 'call')) return fail('ILLEGAL_TRANSITION');
  if (!isEligible(ticket, window)) return fail('FORBIDDEN', '该号不属于本窗口办理的业务');
  return call(window, ticket, now, true);
}

/** 重呼: announce the called ticket again, at most `maxRecalls` times. */
export function recall(state: HallState, windowId: string, ticketId: string): Outcome<CallReply> {
  const ticket = state.tickets.get(ticketId);
  const window = state.windows.get(windowId);
  if (!ticket || !window) return fail('NOT_FOUND', '未找到该号');
  if (ticket.windowId !== windowId) return fail('FORBIDDEN', '该号不在本窗口');
  if (!canTransition(ticket.status, 'recall')) return fail('ILLEGAL_TRANSITION');
  if (ticket.recallCount >= state.rules.maxRecalls) return fail('RECALL_LIMIT');
  const recalled: TicketRecord = { ...ticket, recallCount: ticket.recallCount + 1 };
  const reply = { ticket: recalled, voiceText: zhCN.voiceText(recalled.number, window.number) };
  return succeed({ tickets: [recalled] }, reply, [calledEvent(recalled, window, recalled.recallCount, false)]);
}

/** A held ticket comes back to the window that held it, announced again. */
export function resume(state: HallState, windowId: string, ticketId: string, now: number): Outcome<CallReply> {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return fail('NOT_FOUND', '未找到该号');
  if (ticket.windowId !== windowId) return fail('FORBIDDEN', '该号不在本窗口挂起');
  if (!canTransition(ticket.status, 'resume')) return fail('ILLEGAL_TRANSITION');
  const window = readyToCall(state, windowId);
  if ('ok' in window) return window;
  return call(window, ticket, now, false);
}
