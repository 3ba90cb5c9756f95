import { MinHeap } from '../min-heap';
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

type Event = { kind: 'arrive'; arrival: Arrival } | { kind: 'free'; window: number };

/** A window's citizen: since when (minute) and for how long the window is held. */
export interface WindowBusy {
  readonly arrival: Arrival;
  readonly since: number;
  readonly holdMin: number;
}

/** What one event of the day brought about. */
export type Happening =
  | { readonly kind: 'arrived'; readonly ticket: SimTicket }
  | { readonly kind: 'called'; readonly arrival: Arrival; readonly windowId: string }
  | { readonly kind: 'freed'; readonly windowId: string; readonly busy: WindowBusy }
  | { readonly kind: 'left'; readonly arrival: Arrival };

/** The hall after an event, for an observer of the day (the bench's judge of wait estimates). */
export interface DayMoment {
  readonly now: number;
  readonly happened: readonly Happening[];
  readonly waiting: readonly SimTicket[];
  readonly windows: readonly SimWindow[];
  /** Per window (same order), its citizen or null when free. */
  readonly busy: readonly (WindowBusy | null)[];
}

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
  watch?: (moment: DayMoment) => void,
): DayResult {
  // Ties keep insertion order, so runs are deterministic.
  let n = 0;
  const events = new MinHeap<{ at: number; n: number; value: Event }>(
    (a, b) => a.at < b.at || (a.at === b.at && a.n < b.n),
  );
  const schedule = (at: number, value: Event) => events.push({ at, n: n++, value });
  for (const arrival of trace) schedule(arrival.at, { kind: 'arrive', arrival });
  /** Minute each window became free; null while it is busy. */
  const freeSince: (number | null)[] = windows.map(() => Number.NEGATIVE_INFINITY);
  let waiting: SimTicket[] = [];
  const outcomes: Outcome[] = [];
  let busyMin = 0;
  const busy: (WindowBusy | null)[] = windows.map(() => null);
  let happened: Happening[] = [];

  const assign = (now: number) => {
    waiting = waiting.filter((t) => {
      if (t.arrival.at + t.arrival.patienceMin >= now) return true;
      outcomes.push({ kind: 'abandoned', arrival: t.arrival });
      if (watch) happened.push({ kind: 'left', arrival: t.arrival });
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
      busy[w] = { arrival: a, since: now, holdMin };
      if (watch) happened.push({ kind: 'called', arrival: a, windowId: window.id });
      schedule(now + holdMin, { kind: 'free', window: w });
    }
  };

  for (let e = events.pop(); e; e = events.pop()) {
    if (e.value.kind === 'arrive') {
      const a = e.value.arrival;
      const ms = a.at * 60_000;
      const ticket: SimTicket = {
        id: a.id,
        categoryId: a.categoryId,
        priority: a.priority,
        rankAt: ms,
        issuedAt: ms,
        targetWindowId: null,
        arrival: a,
      };
      waiting.push(ticket);
      if (watch) happened.push({ kind: 'arrived', ticket });
    } else {
      const w = e.value.window;
      const done = busy[w];
      if (watch && done) happened.push({ kind: 'freed', windowId: (windows[w] as SimWindow).id, busy: done });
      freeSince[w] = e.at;
      busy[w] = null;
    }
    assign(e.at);
    if (watch) {
      watch({ now: e.at, happened, waiting, windows, busy });
      happened = [];
    }
  }
  for (const t of waiting) outcomes.push({ kind: 'abandoned', arrival: t.arrival });

  return { outcomes, utilisation: busyMin / (openMinutes(scenario) * windows.length) };
}
