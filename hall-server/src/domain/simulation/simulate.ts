import type { Policy, SimTicket, SimWindow } from './policy';
import { openMinutes, type Scenario } from './scenario';
import type { Arrival } from './trace';

export type Outcome =
  | { readonly kind: 'served'; readonly arrival: Arrival; readonly waitMin: number; readonly windowId: string }
  | { readonly kind: 'noShow'; readonly arrival: Arrival; readonly waitMin: number; readonly windowId: string }
  | { readonly kind: 'abandoned'; readonly arrival: Arrival };

export interface DayResult {
  readonly outcomes: Outcome[];
  /** Busy minutes per window over the minutes the hall is open. */
  readonly utilisation: number;
}

/** Binary min-heap of events by time; ties keep insertion order so runs are deterministic. */
class EventQueue<T> {
  private readonly heap: { at: number; n: number; value: T }[] = [];
  private n = 0;
  get size(): number {
    return this.heap.length;
  }
  push(at: number, value: T): void {
    const h = this.heap;
    h.push({ at, n: this.n++, value });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): { at: number; value: T } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
    return top;
  }
  private less(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.n < b.n);
  }
}

type Event = { kind: 'arrive'; arrival: Arrival } | { kind: 'free'; window: number };

/**
 * One day of the hall: citizens arrive, free windows ask the policy whom to call, served
 * citizens occupy the window for their service time, no-shows for the grace time, and
 * citizens not called within their patience leave. Windows serve out the queue at the end
 * of each session; nobody arrives between sessions.
 */
export function simulateDay(
  scenario: Pick<Scenario, 'sessions' | 'noShowGraceMin'>,
  windows: readonly SimWindow[],
  trace: readonly Arrival[],
  policy: Policy,
): DayResult {
  const events = new EventQueue<Event>();
  for (const arrival of trace) events.push(arrival.at, { kind: 'arrive', arrival });
  /** Minute each window became free; null while it is busy. */
  const freeSince: (number | null)[] = windows.map(() => Number.NEGATIVE_INFINITY);
  let waiting: SimTicket[] = [];
  const outcomes: Outcome[] = [];
  let busyMin = 0;

  const assign = (now: number) => {
    waiting = waiting.filter((t) => {
      if (t.arrival.at + t.arrival.patienceMin >= now) return true;
      outcomes.push({ kind: 'abandoned', arrival: t.arrival });
      return false;
    });
    if (waiting.length === 0) return;
    // Free windows ask in turn: those with a citizen of their home category waiting first,
    // then the longest free (a clerk who has been idle presses "next" first).
    const homeWaiting = new Set(waiting.map((t) => t.categoryId));
    const asking = windows
      .map((window, w) => ({ window, w, since: freeSince[w] }))
      .filter((x): x is { window: SimWindow; w: number; since: number } => x.since !== null)
      .sort(
        (a, b) =>
          Number(!homeWaiting.has(a.window.categoryIds[0] as string)) -
            Number(!homeWaiting.has(b.window.categoryIds[0] as string)) ||
          a.since - b.since ||
          a.w - b.w,
      );
    for (const { window, w } of asking) {
      if (waiting.length === 0) break;
      const ticket = policy.pick(window, waiting, now);
      if (!ticket) continue;
      waiting.splice(waiting.indexOf(ticket), 1);
      const a = ticket.arrival;
      const holdMin = a.noShow ? scenario.noShowGraceMin : a.serviceMin;
      outcomes.push({ kind: a.noShow ? 'noShow' : 'served', arrival: a, waitMin: now - a.at, windowId: window.id });
      busyMin += holdMin;
      freeSince[w] = null;
      events.push(now + holdMin, { kind: 'free', window: w });
    }
  };

  for (let e = events.pop(); e; e = events.pop()) {
    if (e.value.kind === 'arrive') {
      const a = e.value.arrival;
      const ms = a.at * 60_000;
      waiting.push({
        id: a.id,
        categoryId: a.categoryId,
        priority: a.priority,
        rankAt: ms,
        issuedAt: ms,
        targetWindowId: null,
        arrival: a,
      });
    } else {
      freeSince[e.value.window] = e.at;
    }
    assign(e.at);
  }
  for (const t of waiting) outcomes.push({ kind: 'abandoned', arrival: t.arrival });

  return { outcomes, utilisation: busyMin / (openMinutes(scenario) * windows.length) };
}
