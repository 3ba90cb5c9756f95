import type { BridgeRequest } from '@yimen/protocol';
import type { BridgePort } from '../common/bridge-client';
import type { TerminalApi } from '../common/terminal-api';

/** The device bridge in Electron: main owns the devices; IPC is up as long as the window lives. */
export class ElectronPort implements BridgePort {
  readonly connected = true;

  constructor(private readonly api: TerminalApi) {}

  send(request: BridgeRequest): void {
    this.api.bridge.send(request);
  }

  onMessage(listener: (message: unknown) => void): () => void {
    return this.api.bridge.subscribe(listener);
  }

  onConnection(): () => void {
    return () => {};
  }
}
