import { handleMessage } from '@yimen/drivers/agent/dispatch';
import { BRIDGE_EVENTS, type BridgeEventName, type TerminalBridge } from '@yimen/protocol';
import { IPC } from '../common/ipc-channels';

/** The part of Electron's ipcMain used here; a fake one stands in for it in tests. */
export interface MainIpc {
  handle(
    channel: string,
    listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Where main pushes events: the terminal window's webContents. */
export interface EventSink {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * Serves the terminal's device host to its window over IPC, with the very dispatch the
 * device agent uses over WebSocket (envelope and params checked by the protocol's schemas):
 * one device layer, two transports. Requests from frames outside the app's origin are refused.
 */
export function serveBridgeOverIpc(
  ipc: MainIpc,
  host: TerminalBridge,
  sink: EventSink,
  isAppFrame: (url: string) => boolean,
): () => void {
  ipc.handle(IPC.bridgeRequest, (event, request) => {
    if (!event.senderFrame || !isAppFrame(event.senderFrame.url)) {
      return { id: null, ok: false, error: { code: 'badRequest', message: '请求来源不被允许' } };
    }
    return handleMessage(host, JSON.stringify(request ?? null));
  });
  const unsubscribe = (Object.keys(BRIDGE_EVENTS) as BridgeEventName[]).map((name) =>
    host.on(name, (payload) => {
      if (!sink.isDestroyed()) sink.send(IPC.bridgeEvent, { event: name, payload });
    }),
  );
  return () => {
    ipc.removeHandler(IPC.bridgeRequest);
    for (const off of unsubscribe) off();
  };
}
