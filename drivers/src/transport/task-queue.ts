/**
 * Runs async tasks one after another. Device links take one command at a time, so every
 * device class that can be asked for several things at once queues them here.
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; a task that fails does not stop the next. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}
