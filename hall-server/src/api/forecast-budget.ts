import { performance } from 'node:perf_hooks';

/**
 * Keeps the wait forecast (one run for the whole queue) to a share of the server's time.
 * A command may run it only when the time since the last run is at least its cost divided
 * by the share; otherwise the command reuses the last forecast (a second or so old at
 * worst) and one refresh is scheduled for when the budget allows. In a quiet hall, where a
 * forecast costs a fraction of a millisecond, every command gets a fresh one; in a burst
 * of commands over a long queue, the forecast stops multiplying with them.
 */
export class ForecastBudget {
  private cost = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Share of the time the forecast may take. */
    private readonly share: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Milliseconds until a forecast may run again; 0 when it may now. */
  wait(): number {
    return Math.max(0, this.cost / this.share - (this.clock() - this.lastEnd));
  }

  /** Runs the forecast and books its cost. */
  timed<T>(run: () => T): T {
    const start = this.clock();
    const result = run();
    this.lastEnd = this.clock();
    this.cost = this.lastEnd - start;
    return result;
  }

  /** Runs `refresh` once the budget allows, unless a refresh is already due. */
  later(refresh: () => void): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      refresh();
    }, Math.ceil(this.wait()));
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
