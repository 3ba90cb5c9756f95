/** A ticket finished at a window: when its service started and ended. */
export interface FinishedService {
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
}

/**
 * Tickets served at a window today and the mean handling time (start → finish) in whole
 * seconds. A ticket without both times (never started: impossible for a finished one, but
 * old rows are not trusted) counts as served and is left out of the mean.
 */
export function servingStats(finished: readonly FinishedService[]): { served: number; avgHandlingSec: number | null } {
  let total = 0;
  let timed = 0;
  for (const t of finished) {
    if (t.startedAt === null || t.finishedAt === null || t.finishedAt < t.startedAt) continue;
    total += t.finishedAt - t.startedAt;
    timed++;
  }
  return { served: finished.length, avgHandlingSec: timed === 0 ? null : Math.round(total / timed / 1000) };
}
