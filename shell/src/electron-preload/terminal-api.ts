import type { BridgeRequest } from '@yimen/protocol';
import { IPC } from '../common/ipc-channels';
import type { TerminalApi } from '../common/terminal-api';
import type { TerminalRecord } from '../common/terminal-record';

/** The part of Electron's ipcRenderer the preload uses; a fake one stands in for it in tests. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

/** Builds `window.yimen` over IPC; replies come back on the same stream as events. */
export function createTerminalApi(ipc: RendererIpc): TerminalApi {
  const listeners = new Set<(message: unknown) => void>();
  const deliver = (message: unknown) => {
    for (const listener of listeners) listener(message);
  };
  ipc.on(IPC.bridgeEvent, (_event, message) => deliver(message));
  return {
    bridge: {
      send(request: BridgeRequest) {
        ipc.invoke(IPC.bridgeRequest, request).then(deliver, (error: unknown) =>
          deliver({
            id: request.id,
            ok: false,
            error: { code: 'internal', message: '设备服务内部错误', detail: String(error) },
          }),
        );
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    config: {
      load: () => ipc.invoke(IPC.configLoad) as Promise<TerminalRecord | null>,
      save: async (record) => {
        await ipc.invoke(IPC.configSave, record);
      },
      clear: async () => {
        await ipc.invoke(IPC.configSave, null);
      },
    },
    quit: () => ipc.send(IPC.quit),
  };
}
