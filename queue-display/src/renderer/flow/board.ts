import type { CallRecord, Category, DisplaySettings, PublicConfig, Ticket, Window, WindowView } from '@yimen/protocol';

/**
 * What the hall display shows, worked out from the hall's view and the display's own
 * settings: the latest call large, the calls before it, the waiting counts, and a column per
 * window. Pure, so the filters are tested without a screen.
 */

/** A display limited to some queues or windows shows (and announces) only their calls. */
export function shows(settings: DisplaySettings, call: { readonly categoryId: string; readonly windowId: string }) {
  return (
    (settings.categoryIds === null || settings.categoryIds.includes(call.categoryId)) &&
    (settings.windowIds === null || settings.windowIds.includes(call.windowId))
  );
}

export interface WaitingCount {
  readonly category: Category;
  readonly count: number;
}

export interface WindowColumn {
  readonly window: Window;
  readonly status: WindowView['status'];
  /** The ticket called or being served there now. */
  readonly ticket: Ticket | null;
}

export interface Board {
  readonly current: CallRecord | null;
  /** The calls before the current one, newest first, one per ticket. */
  readonly recent: readonly CallRecord[];
  readonly waiting: readonly WaitingCount[];
  readonly columns: readonly WindowColumn[];
}

export interface HallPicture {
  readonly recentCalls: readonly CallRecord[];
  readonly waiting: Readonly<Record<string, number>>;
  readonly windows: readonly WindowView[];
  ticket(id: string): Ticket | undefined;
}

/** How many earlier calls the hall view lists beside the current one. */
export const RECENT = 8;

export function boardOf(hall: HallPicture, config: PublicConfig, settings: DisplaySettings): Board {
  const windows = config.windows.filter(
    (w) =>
      (settings.windowIds === null || settings.windowIds.includes(w.id)) &&
      (settings.categoryIds === null || w.categoryIds.some((c) => settings.categoryIds?.includes(c))),
  );
  const served = new Set(windows.flatMap((w) => w.categoryIds));
  const categories = config.categories.filter(
    (c) =>
      (settings.categoryIds === null || settings.categoryIds.includes(c.id)) &&
      (settings.windowIds === null || served.has(c.id)),
  );
  // A recall repeats its ticket's call: the list names each ticket once, at its latest call.
  const seen = new Set<string>();
  const calls = hall.recentCalls.filter((c) => {
    if (!shows(settings, c) || seen.has(c.ticketId)) return false;
    seen.add(c.ticketId);
    return true;
  });
  const live = new Map(hall.windows.map((w) => [w.id, w]));
  return {
    current: calls[0] ?? null,
    recent: calls.slice(1, RECENT + 1),
    waiting: categories.map((category) => ({ category, count: hall.waiting[category.id] ?? 0 })),
    columns: windows.map((window) => {
      const state = live.get(window.id);
      const ticket = state?.currentTicketId ? (hall.ticket(state.currentTicketId) ?? null) : null;
      const active = ticket && (ticket.status === 'called' || ticket.status === 'serving') ? ticket : null;
      return { window, status: state?.status ?? 'closed', ticket: active };
    }),
  };
}
