import { Clerk, ClerkLoginResponse, type ErrorBody, FingerprintLoginStarted, Id, zhCN } from '@yimen/protocol';
import type { HallConnection } from '@yimen/shell/browser/hall-connection';
import { z } from 'zod';
import {
  type ActionReply,
  type ClerkSession,
  type ConsoleEvent,
  type ConsoleState,
  type Effect,
  INITIAL,
  type SignInReply,
  transition,
} from './console-flow';
import { type Desk, deskOf } from './desk';

const KEY = 'yimen.clerk';
const KeptSession = z.object({ session: z.string().min(16).max(200), clerk: Clerk, windowId: Id });

export interface ConsoleDeps {
  /** The hall-server's origin (the console is its own page). */
  readonly hallUrl: string;
  readonly storage: Storage;
  readonly connect: (session: string) => HallConnection;
  readonly now: () => number;
}

const unreachable: ErrorBody = { code: 'UNREACHABLE', message: zhCN.errorMessage.UNREACHABLE };

/** A sign-in's answer (by password or finger): the session with who and where, or the hall's reason. */
function signInReply(reply: { ok: boolean; error?: ErrorBody }): SignInReply {
  const parsed = ClerkLoginResponse.safeParse(reply);
  if (!parsed.success) return { ok: false, message: reply.error?.message ?? zhCN.errorMessage.INTERNAL };
  const { session, clerk, window } = parsed.data;
  return { ok: true, session: { session, clerk, windowId: window.id } };
}

async function post(url: string, body: unknown): Promise<{ ok: boolean; error?: ErrorBody } & Record<string, unknown>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean };
  } catch {
    return { ok: false, error: unreachable };
  }
}

/**
 * The imperative shell around the console's flow: signs in and out over REST, keeps the
 * session in the browser (a reload or a server restart keeps the desk), holds the hall
 * connection with the session, sends each action's command and feeds the answer back.
 */
export class ConsoleController {
  private current: ConsoleState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private connection: HallConnection | null = null;
  private offConnection: (() => void) | null = null;

  constructor(private readonly deps: ConsoleDeps) {
    const kept = this.kept();
    if (kept) this.dispatch({ type: 'restored', session: kept });
  }

  get state(): ConsoleState {
    return this.current;
  }

  get hall(): HallConnection | null {
    return this.connection;
  }

  /** The window as the hall's view shows it now; null until the first picture of the hall arrived. */
  get desk(): Desk | null {
    const { screen } = this.current;
    const view = this.connection?.view;
    const config = this.connection?.config;
    if (screen.name !== 'desk' || !view || !config) return null;
    const window = view.window(screen.session.windowId);
    const setup = config.windows.find((w) => w.id === screen.session.windowId);
    return window && setup ? deskOf(view.tickets, window, setup) : null;
  }

  /** Called on every change of the flow or of the hall. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(event: ConsoleEvent): void {
    const step = transition(this.current, event, this.desk);
    if (step.state !== this.current) {
      this.current = step.state;
      this.changed();
    }
    for (const effect of step.effects) void this.perform(effect);
  }

  dispose(): void {
    this.close();
    this.listeners.clear();
  }

  private async perform(effect: Effect): Promise<void> {
    const { hallUrl, storage } = this.deps;
    switch (effect.type) {
      case 'login': {
        const { staffNo, password, windowId } = effect;
        const reply = signInReply(await post(`${hallUrl}/api/clerk/login`, { staffNo, password, windowId }));
        this.dispatch(
          reply.ok ? { type: 'signedIn', session: reply.session } : { type: 'signInFailed', message: reply.message },
        );
        return;
      }
      case 'fingerprintStart': {
        const reply = await post(`${hallUrl}/api/clerk/fingerprint-login`, { windowId: effect.windowId });
        const started = FingerprintLoginStarted.safeParse(reply);
        if (started.success) {
          const { requestId, code, expiresInMs } = started.data;
          this.dispatch({ type: 'fingerprintStarted', requestId, code, expiresInMs, now: this.deps.now() });
        } else this.dispatch({ type: 'signInFailed', message: reply.error?.message ?? zhCN.errorMessage.INTERNAL });
        return;
      }
      case 'fingerprintWait': {
        const { requestId } = effect;
        const reply = signInReply(await post(`${hallUrl}/api/clerk/fingerprint-login/wait`, { requestId }));
        this.dispatch({ type: 'fingerprintAnswered', requestId, reply });
        return;
      }
      case 'fingerprintCancel':
        await post(`${hallUrl}/api/clerk/fingerprint-login/cancel`, { requestId: effect.requestId });
        return;
      case 'logout': {
        const reply = await post(`${hallUrl}/api/clerk/logout`, { session: effect.session });
        // A session the hall already ended is as good as signed out.
        if (reply.ok || reply.error?.code === 'UNAUTHORIZED') this.dispatch({ type: 'signedOut' });
        else this.dispatch({ type: 'signOutFailed', message: reply.error?.message ?? zhCN.errorMessage.INTERNAL });
        return;
      }
      case 'keep':
        storage.setItem(KEY, JSON.stringify(effect.session));
        return;
      case 'forget':
        storage.removeItem(KEY);
        return;
      case 'connect':
        this.open(effect.session);
        return;
      case 'disconnect':
        this.close();
        return;
      case 'send': {
        const hall = this.connection;
        // Every command an action sends answers with the ticket or the window it moved.
        const request = hall?.request.bind(hall) as
          | ((name: string, payload: unknown) => Promise<ActionReply>)
          | undefined;
        const reply = request
          ? await request(effect.command.name, effect.command.payload)
          : ({ ok: false, error: unreachable } as const);
        this.dispatch({ type: 'acked', action: effect.action, reply });
        return;
      }
      case 'fetchStats': {
        const reply = await this.connection?.request('window:stats', {});
        if (reply?.ok) this.dispatch({ type: 'stats', stats: reply.stats });
        return;
      }
      case 'fetchRating': {
        const reply = await this.connection?.request('rating:status', { ticketId: effect.ticketId });
        if (reply?.ok) this.dispatch({ type: 'rating', rating: reply.rating });
        return;
      }
    }
  }

  private kept(): ClerkSession | null {
    try {
      const parsed = KeptSession.safeParse(JSON.parse(this.deps.storage.getItem(KEY) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private open(session: ClerkSession): void {
    this.close();
    const hall = this.deps.connect(session.session);
    this.connection = hall;
    let online = false;
    const offChange = hall.onChange(() => {
      if (hall.state === 'unauthorized') this.dispatch({ type: 'sessionEnded' });
      const now = hall.state === 'online';
      if (now && !online) this.dispatch({ type: 'online' });
      online = now;
      this.changed();
    });
    const offRating = hall.onServer('rating:changed', ({ windowId: _windowId, ...rating }) =>
      this.dispatch({ type: 'rating', rating }),
    );
    this.offConnection = () => {
      offChange();
      offRating();
    };
  }

  private close(): void {
    this.offConnection?.();
    this.offConnection = null;
    this.connection?.close();
    this.connection = null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
