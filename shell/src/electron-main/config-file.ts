import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TerminalRecord } from '../common/terminal-record';

/**
 * The terminal's settings file in Electron's user-data folder: written whole to a temporary
 * file and renamed over the old one (a power cut leaves the old or the new, never half),
 * readable by the terminal's own user only. A file that fails its schema counts as absent.
 */
export class ConfigFile {
  readonly path: string;

  constructor(userDataDir: string, name = 'terminal.json') {
    this.path = join(userDataDir, name);
  }

  async load(): Promise<TerminalRecord | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = TerminalRecord.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(record: TerminalRecord | null): Promise<void> {
    if (record === null) {
      await rm(this.path, { force: true });
      return;
    }
    const valid = TerminalRecord.parse(record);
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }
}
