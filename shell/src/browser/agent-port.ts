import type { BridgeRequest } from '@yimen/protocol';
import type { BridgePort } from '../common/bridge-client';

/** The WebSocket constructor: the browser's own, or `ws` in Node tests. */
export type WebSocketLike = new (
  url: string,
) => {
  readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};

const OPEN = 1;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;
/** Close codes the agent uses to refuse a page: retrying cannot help, settings must change. */
const REFUSED = new Set([4401, 4403]);

export interface AgentPortOptions {
  /** ws://127.0.0.1:<port>/bridge */
  readonly url: string;
  readonly token: string;
  readonly WebSocket?: WebSocketLike;
  /** Called when the agent refuses the page (wrong token or origin). */
  readonly onRefused?: (code: number) => void;
}

/**
 * The browser's way to the device agent on 127.0.0.1: one WebSocket, reopened with backoff
 * whenever it drops (the agent restarted, the PC woke up), so no page ever needs F5.
 */
export class AgentPort implements BridgePort {
  private socket: InstanceType<WebSocketLike> | null = null;
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private retryMs = RETRY_MIN_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private isConnected = false;

  constructor(private readonly options: AgentPortOptions) {
    this.open();
  }

  get connected(): boolean {
    return this.isConnected;
  }

  send(request: BridgeRequest): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(request));
  }

  onMessage(listener: (message: unknown) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
    this.setConnected(false);
  }

  private open(): void {
    const Ctor = this.options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketLike);
    // Browsers cannot set headers on a WebSocket: the agent takes its token in the query, on loopback only.
    const url = `${this.options.url}?token=${encodeURIComponent(this.options.token)}`;
    const socket = new Ctor(url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = RETRY_MIN_MS;
      this.setConnected(true);
    };
    socket.onmessage = (ev) => {
      let message: unknown;
      try {
        message = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      for (const listener of this.messageListeners) listener(message);
    };
    socket.onerror = () => {};
    socket.onclose = (ev) => {
      this.socket = null;
      this.setConnected(false);
      if (this.closed) return;
      if (REFUSED.has(ev.code)) {
        this.options.onRefused?.(ev.code);
        return;
      }
      this.timer = setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    };
  }

  private setConnected(connected: boolean): void {
    if (connected === this.isConnected) return;
    this.isConnected = connected;
    for (const listener of this.connectionListeners) listener(connected);
  }
}
