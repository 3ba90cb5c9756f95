import type { BridgeRequest } from '@yimen/protocol';
import type { TerminalRecord } from './terminal-record';

/**
 * What an Electron terminal's preload puts on `window.yimen`: the device bridge's two
 * directions, the settings file, and the way out of kiosk mode. Only these, typed, through
 * contextBridge: the renderer gets no Node, no ipcRenderer, no file system.
 */
export interface TerminalApi {
  readonly bridge: {
    /** Sends a request envelope; the reply arrives through `subscribe` like the events. */
    send(request: BridgeRequest): void;
    subscribe(listener: (message: unknown) => void): () => void;
  };
  readonly config: {
    load(): Promise<TerminalRecord | null>;
    save(record: TerminalRecord): Promise<void>;
    clear(): Promise<void>;
  };
  quit(): void;
}

export const TERMINAL_API_KEY = 'yimen';
