import type { LoggedEvent, QueueSnapshot } from '@yimen/protocol';
import { HallView } from '@yimen/shell/common/hall-view';

/**
 * The terminals' own view of the hall (shell's HallView), made strict for tests: a display
 * that misses an event throws instead of asking for it again.
 */
export class DisplayView {
  private constructor(private readonly view: HallView) {}

  static from(snapshot: QueueSnapshot): DisplayView {
    return new DisplayView(HallView.from(snapshot));
  }

  get seq(): number {
    return this.view.seq;
  }

  /** Applies the next event; false for one already applied, throws when one was missed. */
  apply(event: LoggedEvent): boolean {
    const result = this.view.apply(event);
    if (result === 'gap') throw new Error(`display missed events ${this.view.seq + 1}..${event.payload.seq - 1}`);
    return result === 'applied';
  }

  /** The view in a canonical form, comparable with the server's snapshot in the same form. */
  canonical() {
    const v = this.view;
    return canonical({
      seq: v.seq,
      businessDay: v.businessDay,
      ...v.summary,
      tickets: v.tickets,
      windows: v.windows,
      recentCalls: [...v.recentCalls],
      notice: v.notice,
    });
  }
}

/** A snapshot without its generation time, tickets and windows in id order (dispatch order is the server's business). */
export function canonical(s: Omit<QueueSnapshot, 'generatedAt'>) {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    seq: s.seq,
    businessDay: s.businessDay,
    waiting: s.waiting,
    estimatedWaitMin: s.estimatedWaitMin,
    availability: s.availability,
    windowsOpen: s.windowsOpen,
    tickets: [...s.tickets].sort(byId),
    windows: [...s.windows].sort(byId),
    recentCalls: s.recentCalls,
    notice: s.notice,
  };
}
