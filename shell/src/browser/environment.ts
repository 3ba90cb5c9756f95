import { BridgeClient } from '../common/bridge-client';
import type { TerminalApi } from '../common/terminal-api';
import { TERMINAL_API_KEY } from '../common/terminal-api';
import type { TerminalRecord, TerminalStore } from '../common/terminal-record';
import { AgentPort } from './agent-port';
import { ElectronPort } from './electron-port';
import { LocalStore } from './local-store';

/** Where a terminal runs: Electron (main owns the devices, settings in a file) or a browser (device agent, localStorage). */
export interface Environment {
  readonly electron: TerminalApi | null;
  readonly store: TerminalStore;
  /** The hall-server's origin when it served this page; Electron asks for it at enrolment. */
  readonly servedBy: string | null;
  /** Where the speech clips are. */
  readonly clipBase: string;
}

class ElectronStore implements TerminalStore {
  constructor(private readonly api: TerminalApi) {}
  load(): Promise<TerminalRecord | null> {
    return this.api.config.load();
  }
  save(record: TerminalRecord): Promise<void> {
    return this.api.config.save(record);
  }
  clear(): Promise<void> {
    return this.api.config.clear();
  }
}

export function detectEnvironment(): Environment {
  const api = (window as unknown as Record<string, TerminalApi | undefined>)[TERMINAL_API_KEY] ?? null;
  if (api) return { electron: api, store: new ElectronStore(api), servedBy: null, clipBase: './voice/' };
  return { electron: null, store: new LocalStore(), servedBy: window.location.origin, clipBase: '/voice/' };
}

/**
 * The terminal's devices: through Electron main's IPC, or the device agent its record names.
 * Only the record's agent matters: a caller keeps one bridge for as long as that stays the same.
 */
export function createBridge(
  env: Environment,
  record: Pick<TerminalRecord, 'agent'>,
  onRefused: () => void,
): BridgeClient {
  if (env.electron) return new BridgeClient(new ElectronPort(env.electron));
  const agent = record.agent ?? { url: 'ws://127.0.0.1:17321/bridge', token: 'no-agent-configured' };
  return new BridgeClient(new AgentPort({ url: agent.url, token: agent.token, onRefused }));
}
