import type { LedRequest, Ticket, WindowView } from '@yimen/protocol';
import { zhCN } from '@yimen/protocol';

/**
 * What the window's LED bar shows for the window as the hall sees it: the ticket being
 * called or served, 暂停服务 when paused, the window's name otherwise (open and free, or
 * closed). Pure, so every change of the window maps to one frame.
 */
export function ledFor(window: WindowView | undefined, ticket: Ticket | undefined): LedRequest {
  if (!window) return { type: 'idle' };
  if (window.status === 'paused') {
    // The bar prefixes 暂停服务 itself; a reason that only says so again is left out.
    const reason = window.pauseReason && window.pauseReason !== zhCN.led.paused ? window.pauseReason : null;
    return reason ? { type: 'paused', reason } : { type: 'paused' };
  }
  if (ticket && ticket.windowId === window.id && (ticket.status === 'called' || ticket.status === 'serving')) {
    return { type: 'ticket', ticket: ticket.number, window: String(window.number) };
  }
  return { type: 'text', text: window.name };
}
