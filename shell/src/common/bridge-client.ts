import {
  BRIDGE_EVENTS,
  BRIDGE_RESULTS,
  type BridgeError,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeMethod,
  type BridgeParams,
  type BridgeReply,
  BridgeReplyMessage,
  type BridgeRequest,
  type BridgeResults,
  type BridgeStatus,
  type FingerprintEnrollParams,
  type FingerprintWait,
  type LedRequest,
  type PrintJob,
  type TerminalBridge,
} from '@yimen/protocol';

/**
 * How a bridge client reaches the device layer: the device agent's WebSocket in a browser,
 * the preload's IPC in Electron. Messages are the agent's JSON envelopes either way.
 */
export interface BridgePort {
  send(request: BridgeRequest): void;
  /** Replies and pushed events, as received (validated by the client). */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Whether the device layer can be reached now; changes are reported. */
  readonly connected: boolean;
  onConnection(listener: (connected: boolean) => void): () => void;
}

/** Replies wait this long; a fingerprint flow waits for its own timeout and then some. */
const DEFAULT_TIMEOUT_MS = 15_000;
const FINGER_GRACE_MS = 5_000;

const failure = (code: BridgeError['code'], message: string, detail?: string): { ok: false; error: BridgeError } => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});

/** What every screen shows while the device layer is out of reach. */
export const UNREACHABLE_STATUS: BridgeStatus = { devices: {}, printer: null };

/**
 * The TerminalBridge a renderer uses, over either port: requests are correlated by id and
 * time out; replies and events are checked against the protocol's schemas, so a confused
 * device layer cannot hand the renderer a malformed result. Device failures stay values.
 */
export class BridgeClient implements TerminalBridge {
  readonly fingerprint: TerminalBridge['fingerprint'] = {
    identify: (options?: FingerprintWait) =>
      this.call('fingerprint.identify', options, (options?.timeoutMs ?? 10_000) + FINGER_GRACE_MS),
    enroll: (params: FingerprintEnrollParams) =>
      this.call('fingerprint.enroll', params, (params.timeoutMs ?? 10_000) * 3 + FINGER_GRACE_MS),
    cancel: () => this.call('fingerprint.cancel', {}),
    readTemplate: (params) => this.call('fingerprint.readTemplate', params),
    writeTemplate: (params) => this.call('fingerprint.writeTemplate', params),
    clear: () => this.call('fingerprint.clear', {}),
    delete: (params) => this.call('fingerprint.delete', params),
  };
  readonly caller: TerminalBridge['caller'] = {
    show: (request) => this.call('caller.show', request),
  };
  readonly idcard: TerminalBridge['idcard'] = {
    start: () => this.call('idcard.start', {}),
    stop: () => this.call('idcard.stop', {}),
  };

  private nextId = 1;
  private readonly pending = new Map<string, (reply: BridgeReply<unknown>) => void>();
  private readonly listeners = new Map<BridgeEventName, Set<(payload: never) => void>>();
  private readonly offMessage: () => void;
  private readonly offConnection: () => void;

  constructor(private readonly port: BridgePort) {
    this.offMessage = port.onMessage((message) => this.receive(message));
    this.offConnection = port.onConnection((connected) => {
      if (connected) return;
      // Whatever was asked of a device layer that went away will not be answered.
      for (const [id, resolve] of this.pending) {
        this.pending.delete(id);
        resolve(failure('absent', '设备服务已断开'));
      }
      this.emit('status', UNREACHABLE_STATUS);
    });
  }

  get connected(): boolean {
    return this.port.connected;
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    return this.port.onConnection(listener);
  }

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  status() {
    return this.call('status', {});
  }

  print(job: PrintJob) {
    // Paper feeds slowly and a cover may be reopened mid-job: a print gets longer than other calls.
    return this.call('print', job, 30_000);
  }

  led(request: LedRequest) {
    return this.call('led', request);
  }

  dispose(): void {
    this.offMessage();
    this.offConnection();
    for (const resolve of this.pending.values()) resolve(failure('absent', '设备服务已关闭'));
    this.pending.clear();
  }

  private call<M extends BridgeMethod>(
    method: M,
    params: BridgeParams[M],
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<BridgeReply<BridgeResults[M]>> {
    if (!this.port.connected) return Promise.resolve(failure('absent', '设备服务未连接'));
    const id = `r${this.nextId++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(failure('timeout', '设备无响应', `${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (!reply.ok) return resolve(reply);
        const result = BRIDGE_RESULTS[method].safeParse(reply.result);
        resolve(
          result.success
            ? { ok: true, result: result.data as BridgeResults[M] }
            : failure('protocol', '设备服务返回了无法识别的结果', `${method}: ${result.error.message}`),
        );
      });
      this.port.send({ id, method, params });
    });
  }

  private receive(message: unknown): void {
    const event = message as { event?: unknown; payload?: unknown } | null;
    if (event && typeof event.event === 'string') {
      if (!Object.hasOwn(BRIDGE_EVENTS, event.event)) return;
      const name = event.event as BridgeEventName;
      const parsed = BRIDGE_EVENTS[name].safeParse(event.payload);
      if (parsed.success) this.emit(name, parsed.data as BridgeEvents[typeof name]);
      return;
    }
    const reply = BridgeReplyMessage.safeParse(message);
    if (!reply.success || reply.data.id === null) return;
    const resolve = this.pending.get(String(reply.data.id));
    if (!resolve) return;
    this.pending.delete(String(reply.data.id));
    resolve(reply.data.ok ? { ok: true, result: reply.data.result } : { ok: false, error: reply.data.error });
  }

  private emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (p: BridgeEvents[E]) => void)(payload);
      } catch (error) {
        console.error(`[bridge] ${event} listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
