/**
 * Keeps one device link alive: opens it, runs the device's handshake, reports a protocol
 * DeviceStatus and reopens with exponential back-off after an open failure or a loss, so
 * every device has the same ready / absent / fault behaviour.
 */
import type { DeviceStatus } from '@yimen/protocol';
import { DeviceError, Listeners, type Transport } from './transport';

/** Clean-ups tied to one opened link, run when that link is dropped (loss, failure, stop). */
export interface OpenScope {
  defer(dispose: () => void): void;
}

export interface SupervisorOptions {
  /** Device name for status reasons and logs, e.g. `idcard`. */
  name: string;
  /** Called for every attempt; may return a fresh transport or the same one again. */
  createTransport: () => Transport;
  /** The handshake after open; rejecting marks the attempt failed. Subscribe to data here. */
  onOpen: (transport: Transport, scope: OpenScope) => Promise<void>;
  backoffMs?: { min: number; max: number };
  /** Open plus handshake must finish within this, or the device counts as not answering. */
  openTimeoutMs?: number;
}

const DEFAULT_BACKOFF = { min: 500, max: 10_000 };
const DEFAULT_OPEN_TIMEOUT_MS = 5000;

/** Not there or not answering → absent; there but answering wrongly or failing → fault. */
export function statusForError(error: unknown): DeviceStatus {
  if (error instanceof DeviceError) {
    if (error.kind === 'absent' || error.kind === 'timeout' || error.kind === 'closed') {
      return { state: 'absent', reason: error.message };
    }
    return { state: 'fault', reason: error.message };
  }
  return { state: 'fault', reason: error instanceof Error ? error.message : String(error) };
}

export function sameDeviceStatus(a: DeviceStatus, b: DeviceStatus): boolean {
  return a.state === b.state && (a.state === 'ready' || a.reason === (b as { reason?: string }).reason);
}

/** A clean-up that throws must not keep the others from running. */
function runQuietly(dispose: () => void): void {
  try {
    dispose();
  } catch {
    // Nothing to do: the link is being dropped anyway.
  }
}

export class DeviceSupervisor {
  private state: DeviceStatus;
  private readonly listeners = new Listeners<DeviceStatus>();
  private transport: Transport | null = null;
  private ready = false;
  private disposers: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  /** Bumped whenever an attempt ends, so late callbacks of an old attempt are ignored. */
  private generation = 0;
  private readonly backoff: { min: number; max: number };

  constructor(private readonly options: SupervisorOptions) {
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF;
    this.state = { state: 'absent', reason: `${options.name}: opening` };
    void this.attempt();
  }

  get status(): DeviceStatus {
    return this.state;
  }

  get name(): string {
    return this.options.name;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The open, handshaken transport, or null while the device is not ready. */
  current(): Transport | null {
    return this.ready ? this.transport : null;
  }

  /**
   * The device class found the open link unusable (timeouts, garbage): drop it, report the
   * status for `error`, and reopen after back-off.
   */
  fail(error: unknown): void {
    if (this.transport) this.failed(this.generation, this.transport, error);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const transport = this.release();
    this.setStatus({ state: 'absent', reason: `${this.options.name}: stopped` });
    if (transport) await transport.close().catch(() => {});
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const generation = ++this.generation;
    let transport: Transport;
    try {
      transport = this.options.createTransport();
    } catch (error) {
      this.failed(generation, null, error);
      return;
    }
    this.transport = transport;
    this.disposers.push(transport.onLost((error) => this.failed(generation, transport, error)));
    const scope: OpenScope = {
      // A handshake still running after its attempt ended (timeout, loss, stop) cleans up at once.
      defer: (dispose) => {
        if (generation === this.generation) this.disposers.push(dispose);
        else runQuietly(dispose);
      },
    };
    const opening = (async () => {
      await transport.open();
      await this.options.onOpen(transport, scope);
    })();
    try {
      await this.withTimeout(opening);
    } catch (error) {
      this.failed(generation, transport, error);
      // An open that completes after its deadline must not leave the link open.
      opening.then(
        () => this.closeIfStale(transport),
        () => {},
      );
      return;
    }
    if (generation !== this.generation) {
      // Ended meanwhile (stop, loss); a link that opened late must not stay open.
      this.closeIfStale(transport);
      return;
    }
    this.failures = 0;
    this.ready = true;
    this.setStatus({ state: 'ready' });
  }

  private failed(generation: number, transport: Transport | null, error: unknown): void {
    if (generation !== this.generation || this.stopped) {
      if (transport) this.closeIfStale(transport);
      return;
    }
    this.generation++;
    this.release();
    if (transport) void transport.close().catch(() => {});
    this.setStatus(statusForError(error));
    const delay = Math.min(this.backoff.max, this.backoff.min * 2 ** this.failures);
    this.failures++;
    this.timer = setTimeout(() => void this.attempt(), delay);
  }

  /** Forgets the current link and runs its clean-ups; returns it for closing. */
  private release(): Transport | null {
    const transport = this.transport;
    this.transport = null;
    this.ready = false;
    const disposers = this.disposers;
    this.disposers = [];
    for (const dispose of disposers) runQuietly(dispose);
    return transport;
  }

  /** Closes a link the supervisor no longer uses (the same object may be in use again). */
  private closeIfStale(transport: Transport): void {
    if (this.transport !== transport) void transport.close().catch(() => {});
  }

  private async withTimeout(run: Promise<void>): Promise<void> {
    const ms = this.options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeviceError('timeout', `${this.options.name}: no answer within ${ms} ms`)),
        ms,
      );
    });
    try {
      await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private setStatus(status: DeviceStatus): void {
    if (sameDeviceStatus(this.state, status)) return;
    this.state = status;
    this.listeners.emit(status);
  }
}
