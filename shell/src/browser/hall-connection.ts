import {
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type DisplaySettings,
  LOGGED_EVENT_NAMES,
  type LoggedEvent,
  type LoggedEventName,
  type PublicConfig,
  type ReplayEvent,
  type ServerToClientEvents,
  type SnapshotEvent,
  zhCN,
} from '@yimen/protocol';
import { io, type Socket } from 'socket.io-client';
import { HallView } from '../common/hall-view';

/** online: connected and up to date; connecting: on the way (first time or again); unauthorized: the token no longer works. */
export type HallState = 'connecting' | 'online' | 'unauthorized';

type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Payload<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];
type Reply<K extends CommandName> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0];

type DirectEventName = Exclude<keyof ServerToClientEvents, LoggedEventName | 'hall:snapshot' | 'hall:replay'>;

export interface HallConnectionOptions {
  /** The hall-server's origin. */
  readonly url: string;
  readonly auth: { readonly token: string } | { readonly session: string };
  /** The hall sends this terminal only the events that concern it (see HallView.from). */
  readonly partialEvents?: boolean;
  /** Commands without an answer in this time fail with UNREACHABLE (the terminal decides whether to retry). */
  readonly commandTimeoutMs?: number;
}

const unreachable = (): { ok: false; error: { code: 'UNREACHABLE'; message: string } } => ({
  ok: false,
  error: { code: 'UNREACHABLE', message: zhCN.errorMessage.UNREACHABLE },
});

/**
 * A terminal's link to the hall: socket.io with its token, reconnecting by itself and
 * resuming from its last seq (a replay of what it missed, or a fresh snapshot), so a
 * screen is never stale and never needs F5. Live events and replayed ones are told apart:
 * only live calls are announced.
 */
export class HallConnection {
  view: HallView | null = null;
  config: PublicConfig | null = null;
  state: HallState = 'connecting';
  /** A display's layout and filters, as the hall last sent them; null for other terminals. */
  displaySettings: DisplaySettings | null = null;
  private readonly socket: HallSocket;
  private readonly changeListeners = new Set<() => void>();
  private readonly liveListeners = new Set<(event: LoggedEvent) => void>();
  private syncing = false;

  constructor(private readonly options: HallConnectionOptions) {
    this.socket = io(options.url, {
      transports: ['websocket'],
      // A function, so every reconnect tells the server where this terminal left off.
      auth: (cb) => cb({ ...options.auth, ...(this.view ? { lastSeq: this.view.seq } : {}) }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      void this.loadConfig();
    });
    this.socket.on('disconnect', (reason) => {
      this.setState('connecting');
      // The server closed us (session ended, terminal enrolled again): socket.io would stay down; asking
      // again either resumes or ends in UNAUTHORIZED, which the screen shows.
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHORIZED') {
        this.setState('unauthorized');
        this.socket.disconnect();
      } else this.setState('connecting');
    });
    this.socket.on('hall:snapshot', (e: SnapshotEvent) => {
      this.view = HallView.from(e.snapshot, options.partialEvents);
      this.state = 'online';
      this.changed();
    });
    this.socket.on('display:settings', (settings) => {
      this.displaySettings = settings;
      this.changed();
    });
    this.socket.on('hall:replay', (e: ReplayEvent) => {
      for (const event of e.events) this.view?.apply(event);
      this.state = 'online';
      this.changed();
    });
    for (const name of LOGGED_EVENT_NAMES) {
      (this.socket.on as (n: string, l: (p: unknown) => void) => void)(name, (payload) =>
        this.live({ name, payload } as LoggedEvent),
      );
    }
  }

  /** Called whenever the view, the config or the state changes. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Events as they happen (not replays): what a display announces. */
  onLive(listener: (event: LoggedEvent) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** Events the hall sends this terminal alone, outside the event log (e.g. a fingerprint job). */
  onServer<K extends DirectEventName>(name: K, listener: ServerToClientEvents[K]): () => void {
    (this.socket.on as (n: string, l: unknown) => void)(name, listener);
    return () => (this.socket.off as (n: string, l: unknown) => void)(name, listener);
  }

  /** Sends a command and resolves with its ack, or UNREACHABLE when offline or unanswered. */
  request<K extends CommandName>(name: K, payload: Payload<K>): Promise<Reply<K>> {
    if (!this.socket.connected) return Promise.resolve(unreachable() as Reply<K>);
    const timeout = this.options.commandTimeoutMs ?? 8000;
    return new Promise((resolve) => {
      (this.socket.timeout(timeout).emit as (n: string, p: unknown, cb: (err: unknown, ack: unknown) => void) => void)(
        name,
        payload,
        (err, ack) => resolve((err ? unreachable() : ack) as Reply<K>),
      );
    });
  }

  close(): void {
    this.socket.disconnect();
    this.changeListeners.clear();
    this.liveListeners.clear();
  }

  private live(event: LoggedEvent): void {
    if (!this.view) return;
    const result = this.view.apply(event);
    if (result === 'gap') {
      void this.resync();
      return;
    }
    if (result !== 'applied') return;
    for (const listener of this.liveListeners) listener(event);
    this.changed();
  }

  /** A missed event: ask for everything after our seq, then carry on live. */
  private async resync(): Promise<void> {
    if (this.syncing || !this.view) return;
    this.syncing = true;
    const ack = (await this.request('hall:sync', { lastSeq: this.view.seq })) as Ack<
      { mode: 'events'; events: LoggedEvent[] } | { mode: 'snapshot'; snapshot: SnapshotEvent['snapshot'] }
    >;
    this.syncing = false;
    if (!ack.ok) return;
    if (ack.mode === 'snapshot') this.view = HallView.from(ack.snapshot, this.options.partialEvents);
    else for (const e of ack.events) this.view?.apply(e);
    this.changed();
  }

  private async loadConfig(): Promise<void> {
    try {
      const response = await fetch(`${this.options.url}/api/config`);
      if (response.ok) {
        this.config = (await response.json()) as PublicConfig;
        this.changed();
      }
    } catch {
      // The socket's own reconnect will bring us back here.
    }
  }

  private setState(state: HallState): void {
    if (this.state === state) return;
    this.state = state;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
