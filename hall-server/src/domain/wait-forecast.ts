import { PRIORITY_CLASSES, type PriorityClass, type QueueRules } from '@yimen/protocol';
import { arrivalsPerMin, type DayStats, expectedHoldMin, leaveRatePerMin } from './day-stats';
import { before, categoryKey, type DispatchTicket, type DispatchWindow, pickNext, type Streaks } from './dispatch';
import { MinHeap } from './min-heap';

/**
 * When will each waiting ticket be called? The hall is played forward from now with the
 * real dispatcher (`pickNext`, with the day's streaks): each open window becomes free when
 * its citizen is likely done, calls whom the dispatcher would call, and is held for that
 * queue's expected minutes at that window, as the day has measured them (day-stats.ts),
 * times the chance the citizen is still there. Priority citizens who will arrive meanwhile
 * (at the rates the day has seen) are played in too, since their head start lets them pass.
 * One run answers for the whole queue, and for a new ticket of every queue (a probe that
 * takes no time), so a command pays for it once.
 *
 * Written by hand: it must follow the dispatcher's own rules, which no queueing formula
 * does (head starts, interleaving, windows serving several queues, transfers to a window).
 */

export interface ForecastWindow extends DispatchWindow {
  /** The citizen the window is busy with (their queue, called when) or null when it is free. */
  readonly busy: { readonly categoryId: string; readonly since: number } | null;
}

export interface ForecastInput {
  readonly rules: QueueRules;
  /** The configured minutes per case of each queue: the estimate until the day has taught better. */
  readonly priorServiceMin: Readonly<Record<string, number>>;
  /** Windows serving now (open, with a clerk). */
  readonly windows: readonly ForecastWindow[];
  readonly waiting: Iterable<DispatchTicket>;
  readonly streaks: Streaks;
  /** Per queue, the instant after which no more tickets are issued today; absent: arrivals go on. */
  readonly arrivalsEndAt?: Readonly<Record<string, number>>;
}

export interface QueueForecast {
  /** Minutes until each waiting ticket is likely called; absent for a ticket no open window can call. */
  readonly waitMin: ReadonlyMap<string, number>;
  /** Minutes a new ordinary ticket of each queue would likely wait; absent when no open window serves the queue. */
  readonly newTicketWaitMin: Readonly<Record<string, number>>;
}

const MINUTE = 60_000;
/**
 * A busy window is likely free after its citizen's expected minutes less those already
 * spent, but not sooner than this share of them: a case running long tends to go on. A
 * quarter gave the smallest error with the least bias on the queue bench's county and surge
 * days (a half: +0.7 min bias on the surge day; a tenth: −0.2 min on the county day).
 */
export const RESIDUAL_FLOOR = 0.25;
/** Sorts after any real ticket id at an equal rank, so probes and future arrivals queue behind real tickets. */
const LAST = '\uffff';

interface Entry {
  readonly ticket: DispatchTicket;
  readonly key: number;
  readonly kind: 'real' | 'probe' | 'future';
  done: boolean;
}

interface Stream {
  readonly categoryId: string;
  readonly priority: PriorityClass;
  readonly gap: number;
  readonly end: number;
  next: number;
}

const byDispatchOrder = (a: Entry, b: Entry) => before(a.key, a.ticket, b.key, b.ticket);

export function forecastQueue(input: ForecastInput, stats: DayStats, now: number): QueueForecast {
  const { rules, windows } = input;
  const prior = (categoryId: string) => input.priorServiceMin[categoryId] ?? 5;
  const served = new Set(windows.flatMap((w) => w.categoryIds));
  const openIds = new Set(windows.map((w) => w.id));
  const queues = new Map<string, { all: MinHeap<Entry>; ordinary: MinHeap<Entry> }>();
  const targeted = new Map<string, Entry[]>();
  const queueOf = (categoryId: string) => {
    let q = queues.get(categoryId);
    if (!q) {
      q = { all: new MinHeap(byDispatchOrder), ordinary: new MinHeap(byDispatchOrder) };
      queues.set(categoryId, q);
    }
    return q;
  };
  const admit = (entry: Entry) => {
    const t = entry.ticket;
    if (t.targetWindowId !== null) {
      const list = targeted.get(t.targetWindowId) ?? [];
      list.push(entry);
      targeted.set(t.targetWindowId, list);
      return;
    }
    const q = queueOf(t.categoryId);
    q.all.push(entry);
    if (t.priority === 'ordinary') q.ordinary.push(entry);
  };

  let open = 0;
  let waitedMin = 0;
  for (const ticket of input.waiting) {
    waitedMin += Math.max(0, now - ticket.issuedAt) / MINUTE;
    const callable =
      ticket.targetWindowId !== null ? openIds.has(ticket.targetWindowId) : served.has(ticket.categoryId);
    if (!callable) continue;
    admit({ ticket, key: categoryKey(ticket, rules), kind: 'real', done: false });
    open++;
  }
  for (const categoryId of served) {
    const ticket: DispatchTicket = {
      id: `${LAST}probe:${categoryId}`,
      categoryId,
      priority: 'ordinary',
      rankAt: now,
      issuedAt: now,
      targetWindowId: null,
    };
    admit({ ticket, key: categoryKey(ticket, rules), kind: 'probe', done: false });
    open++;
  }

  // Citizens still to come who may pass those waiting: priority classes (their head start),
  // and every class when windows handicap their other queues.
  const streams: Stream[] = [];
  for (const categoryId of served) {
    for (const priority of PRIORITY_CLASSES) {
      if (priority === 'ordinary' && rules.preferencePenaltyMinutes === 0) continue;
      const rate = arrivalsPerMin(stats, categoryId, priority, now);
      const end = input.arrivalsEndAt?.[categoryId] ?? Number.POSITIVE_INFINITY;
      if (rate <= 0 || end <= now) continue;
      const gap = MINUTE / rate;
      streams.push({ categoryId, priority, gap, end, next: now + gap / 2 });
    }
  }
  let futureSeq = 0;
  const nextOf = (s: Stream) => (s.next <= s.end ? s.next : Number.POSITIVE_INFINITY);
  let nextArrival = Math.min(...streams.map(nextOf));
  const arriveUntil = (t: number) => {
    if (t < nextArrival) return;
    for (const s of streams) {
      for (; s.next <= t && s.next <= s.end; s.next += s.gap) {
        const ticket: DispatchTicket = {
          id: `${LAST}${futureSeq++}`,
          categoryId: s.categoryId,
          priority: s.priority,
          rankAt: s.next,
          issuedAt: s.next,
          targetWindowId: null,
        };
        admit({ ticket, key: categoryKey(ticket, rules), kind: 'future', done: false });
      }
    }
    nextArrival = Math.min(...streams.map(nextOf));
  };
  const nextArrivalFor = (window: ForecastWindow): number | null => {
    let next: number | null = null;
    for (const s of streams) {
      if (s.next <= s.end && window.categoryIds.includes(s.categoryId) && (next === null || s.next < next))
        next = s.next;
    }
    return next;
  };

  const head = (heap: MinHeap<Entry>) => {
    while (heap.peek()?.done) heap.pop();
    return heap.peek();
  };
  const found: Entry[] = [];
  const tickets: DispatchTicket[] = [];
  const overdue = rules.interleave.ordinaryWaitThresholdMin * MINUTE;
  const gather = (window: ForecastWindow, at: number) => {
    found.length = 0;
    for (const e of targeted.get(window.id) ?? []) if (!e.done) found.push(e);
    for (const categoryId of window.categoryIds) {
      const q = queues.get(categoryId);
      if (!q) continue;
      // The dispatcher calls the best of each queue, or, interleaving after priority
      // calls, that queue's longest-waiting ordinary ticket once it is overdue: those are
      // all it needs to see.
      const best = head(q.all);
      if (!best) continue;
      found.push(best);
      if (best.ticket.priority === 'ordinary') continue;
      const ordinary = head(q.ordinary);
      if (ordinary && at - ordinary.ticket.rankAt >= overdue) found.push(ordinary);
    }
    tickets.length = 0;
    for (const e of found) tickets.push(e.ticket);
  };

  const leave = leaveRatePerMin(stats, waitedMin);
  // Each window's expected minutes per queue, worked out once per forecast.
  const holds = windows.map(() => new Map<string, number>());
  const holdMs = (categoryId: string, w: number) => {
    const cache = holds[w] as Map<string, number>;
    let hold = cache.get(categoryId);
    if (hold === undefined) {
      hold = expectedHoldMin(stats, categoryId, (windows[w] as ForecastWindow).id, prior(categoryId)) * MINUTE;
      cache.set(categoryId, hold);
    }
    return hold;
  };
  const free = new MinHeap<{ at: number; w: number }>((a, b) => a.at < b.at || (a.at === b.at && a.w < b.w));
  windows.forEach((window, w) => {
    const hold = window.busy ? holdMs(window.busy.categoryId, w) : 0;
    const left = window.busy ? Math.max(hold - (now - window.busy.since), RESIDUAL_FLOOR * hold) : 0;
    free.push({ at: now + left, w });
  });

  const waitMin = new Map<string, number>();
  const newTicketWaitMin: Record<string, number> = {};
  let streaks = input.streaks;
  while (open > 0) {
    const slot = free.pop();
    if (!slot) break;
    const window = windows[slot.w] as ForecastWindow;
    arriveUntil(slot.at);
    gather(window, slot.at);
    if (found.length === 0) {
      const next = nextArrivalFor(window);
      if (next !== null) free.push({ at: next, w: slot.w });
      continue;
    }
    const picked = pickNext({ window, waiting: tickets, rules, now: slot.at, streaks });
    const entry = found[tickets.indexOf(picked?.ticket as DispatchTicket)] as Entry;
    entry.done = true;
    const ticket = entry.ticket;
    if (entry.kind === 'probe') {
      // A probe only asks when its turn would come; it takes no window time and changes no streak.
      newTicketWaitMin[ticket.categoryId] = (slot.at - now) / MINUTE;
      open--;
      free.push(slot);
      continue;
    }
    streaks = (picked as NonNullable<typeof picked>).streaks;
    if (entry.kind === 'real') {
      waitMin.set(ticket.id, (slot.at - now) / MINUTE);
      open--;
    }
    const stillThere = Math.exp((-leave * (slot.at - Math.max(now, ticket.issuedAt))) / MINUTE);
    free.push({ at: slot.at + holdMs(ticket.categoryId, slot.w) * stillThere, w: slot.w });
  }
  return { waitMin, newTicketWaitMin };
}

/** A forecast made at `at` as it reads at `now`: the new tickets' waits shortened by the time gone by. */
export function agedForecast(
  forecast: QueueForecast,
  at: number,
  now: number,
): Pick<QueueForecast, 'newTicketWaitMin'> {
  const gone = Math.max(0, now - at) / MINUTE;
  const newTicketWaitMin: Record<string, number> = {};
  for (const [c, w] of Object.entries(forecast.newTicketWaitMin)) newTicketWaitMin[c] = Math.max(0, w - gone);
  return { newTicketWaitMin };
}
