import { TerminalRecord, type TerminalStore } from '../common/terminal-record';

const KEY = 'yimen.terminal';

/** Browser mode: the terminal's record in this origin's localStorage; never in the URL. */
export class LocalStore implements TerminalStore {
  constructor(private readonly storage: Storage = globalThis.localStorage) {}

  async load(): Promise<TerminalRecord | null> {
    const text = this.storage.getItem(KEY);
    if (!text) return null;
    try {
      const parsed = TerminalRecord.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(record: TerminalRecord): Promise<void> {
    this.storage.setItem(KEY, JSON.stringify(TerminalRecord.parse(record)));
  }

  async clear(): Promise<void> {
    this.storage.removeItem(KEY);
  }
}
