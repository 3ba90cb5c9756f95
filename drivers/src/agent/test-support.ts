/** Helpers shared by the agent's tests: a scripted bridge and a WebSocket client that waits. */
import type {
  BridgeEventName,
  BridgeEvents,
  BridgeReply,
  BridgeStatus,
  PrintJob,
  PrintResult,
  TerminalBridge,
} from '@yimen/protocol';
import { WebSocket } from 'ws';

/** A bridge whose answers a test scripts; records calls and emits events on demand. */
export class FakeBridge implements TerminalBridge {
  readonly calls: { method: string; params: unknown }[] = [];
  printReply: BridgeReply<PrintResult> = { ok: true, result: { template: 'ticket', printedAt: 1 } };
  statusValue: BridgeStatus = { devices: { printer: { state: 'ready' } }, printer: null };
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly fingerprint: TerminalBridge['fingerprint'] = {
    identify: async (options) => {
      this.calls.push({ method: 'fingerprint.identify', params: options });
      return { ok: true, result: { kind: 'noMatch' } };
    },
    enroll: async (params) => {
      this.calls.push({ method: 'fingerprint.enroll', params });
      return { ok: true, result: { kind: 'enrolled', pageId: params.pageId } };
    },
    cancel: async () => ({ ok: true, result: null }),
    readTemplate: async (params) => {
      this.calls.push({ method: 'fingerprint.readTemplate', params });
      return { ok: true, result: { template: 'AAAA' } };
    },
    writeTemplate: async (params) => {
      this.calls.push({ method: 'fingerprint.writeTemplate', params });
      return { ok: true, result: null };
    },
    clear: async () => ({ ok: true, result: null }),
    delete: async () => ({ ok: true, result: null }),
  };
  readonly caller: TerminalBridge['caller'] = {
    show: async (request) => {
      this.calls.push({ method: 'caller.show', params: request });
      return { ok: true, result: null };
    },
  };
  readonly idcard: TerminalBridge['idcard'] = {
    start: async () => {
      this.calls.push({ method: 'idcard.start', params: undefined });
      return { ok: true, result: null };
    },
    stop: async () => ({ ok: true, result: null }),
  };

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** How many listeners an event has, to see that closed connections unsubscribe. */
  listenerCount(event: BridgeEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  async status(): Promise<BridgeReply<BridgeStatus>> {
    return { ok: true, result: this.statusValue };
  }

  async print(job: PrintJob): Promise<BridgeReply<PrintResult>> {
    this.calls.push({ method: 'print', params: job });
    return this.printReply;
  }

  async led(): Promise<BridgeReply<null>> {
    throw new Error('led blew up');
  }
}

/** A connected test client: collects every message and waits for the one it wants. */
export class TestClient {
  readonly messages: Record<string, unknown>[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: { match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] =
    [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      this.messages.push(message);
      for (const waiter of this.waiters.filter((w) => w.match(message))) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      }
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: `${reason}` })),
    );
  }

  static open(url: string, options: { origin?: string } = {}): TestClient {
    return new TestClient(new WebSocket(url, options.origin ? { origin: options.origin } : {}));
  }

  opened(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', (code) => reject(new Error(`closed with ${code} before opening`)));
    });
  }

  /** The first message from index `from` on (already received or still to come) that matches, within `ms`. */
  next(match: (m: Record<string, unknown>) => boolean, ms = 3000, from = 0): Promise<Record<string, unknown>> {
    const seen = this.messages.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms`)), ms);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  event(name: string, ms?: number): Promise<Record<string, unknown>> {
    return this.next((m) => m.event === name, ms);
  }

  /** Sends raw text and waits for the next reply with `id` (null for replies to broken messages). */
  request(text: string, id: unknown, ms?: number): Promise<Record<string, unknown>> {
    const from = this.messages.length;
    this.socket.send(text);
    return this.next((m) => 'ok' in m && m.id === id, ms, from);
  }

  close(): void {
    this.socket.close();
  }
}
