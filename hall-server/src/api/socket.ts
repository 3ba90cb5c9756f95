import {
  type Ack,
  type ClientToServerEvents,
  COMMAND_ROLES,
  COMMAND_SCHEMAS,
  type CommandName,
  type ErrorBody,
  isStaffEvent,
  type LoggedEvent,
  type Role,
  type ServerToClientEvents,
  SocketAuth,
  windowOfEvent,
  zhCN,
} from '@yimen/protocol';
import type { Server, Socket } from 'socket.io';
import { type Actor, publicTicket } from '../domain';
import type { CaseViewer } from './case-service';
import type { ClerkActor, HallService } from './hall-service';
import type { HallServices } from './services';

/** Who is on the other end of a socket, fixed at the handshake. */
export type Client =
  | { readonly role: Exclude<Role, 'clerk'>; readonly terminalId: string; readonly windowId: string | null }
  | { readonly role: 'clerk'; readonly session: string; readonly clerkId: string; readonly windowId: string };

interface SocketData {
  client: Client;
}

export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const roleRoom = (role: Role) => `role:${role}`;
const terminalRoom = (terminalId: string) => `terminal:${terminalId}`;
const evaluatorRoom = (windowId: string) => `evaluator:${windowId}`;
const clerkRoom = (windowId: string) => `clerk:${windowId}`;

/**
 * Who receives an event: displays, clerks and admins see the whole hall; kiosks need only
 * the waiting counts; an evaluator sees what happens at its own window.
 */
export function visibleTo(event: LoggedEvent, client: Pick<Client, 'role' | 'windowId'>): boolean {
  if (isStaffEvent(event)) return client.role === 'clerk' || client.role === 'admin';
  switch (client.role) {
    case 'display':
    case 'clerk':
    case 'admin':
      return true;
    case 'kiosk':
      return event.name === 'queue:changed';
    case 'evaluator':
      return client.windowId !== null && windowOfEvent(event) === client.windowId;
  }
}

/**
 * Only clerks and admins see even masked holder data and the staff's transfer notes;
 * displays, kiosks and evaluators get tickets without them.
 */
const seesHolders = (role: Role): boolean => role === 'clerk' || role === 'admin';

export function withoutHolder(event: LoggedEvent): LoggedEvent {
  if (event.name === 'ticket:called' || event.name === 'ticket:changed') {
    return { ...event, payload: { ...event.payload, ticket: publicTicket(event.payload.ticket) } } as LoggedEvent;
  }
  return event;
}

/** An event as one client may receive it, or null when it is not for that client. */
export function eventFor(event: LoggedEvent, client: Pick<Client, 'role' | 'windowId'>): LoggedEvent | null {
  if (!visibleTo(event, client)) return null;
  return seesHolders(client.role) ? event : withoutHolder(event);
}

function broadcast(io: HallIo, event: LoggedEvent): void {
  const emit = (rooms: string[], e: LoggedEvent) =>
    (io.to(rooms).emit as (name: string, payload: unknown) => void)(e.name, e.payload);
  if (isStaffEvent(event)) {
    emit([roleRoom('clerk'), roleRoom('admin')], event);
    return;
  }
  // Displays first: they announce the call to the hall; each socket written before them adds its write to their wait.
  const publicRooms = [roleRoom('display')];
  if (event.name === 'queue:changed') publicRooms.push(roleRoom('kiosk'));
  const windowId = windowOfEvent(event);
  if (windowId) publicRooms.push(evaluatorRoom(windowId));
  emit(publicRooms, withoutHolder(event));
  emit([roleRoom('clerk'), roleRoom('admin')], event);
}

/**
 * A clerk console whose session ended (another clerk took the window, logout, day closed)
 * is disconnected when its window changes, so it stops receiving the hall's events.
 */
async function dropEndedSessions(io: HallIo, service: HallService, event: LoggedEvent): Promise<void> {
  if (event.name !== 'window:changed') return;
  for (const socket of await io.in(roleRoom('clerk')).fetchSockets()) {
    const client = socket.data.client;
    if (client.role === 'clerk' && client.windowId === event.payload.window.id && !service.sessionFor(client.session)) {
      socket.disconnect(true);
    }
  }
}

function authenticate(service: HallService, raw: unknown): Client | null {
  const auth = SocketAuth.safeParse(raw);
  if (!auth.success) return null;
  if ('token' in auth.data) {
    const t = service.terminalFor(auth.data.token);
    return t ? { role: t.role, terminalId: t.id, windowId: t.windowId } : null;
  }
  const s = service.sessionFor(auth.data.session);
  return s ? { role: 'clerk', session: auth.data.session, clerkId: s.clerkId, windowId: s.windowId } : null;
}

const fail = (code: ErrorBody['code'], message: string = zhCN.errorMessage[code]) =>
  ({ ok: false, error: { code, message } }) as const;

type Handler = (client: Client, payload: never) => Ack;

/** One entry per command; each receives a payload its schema has already accepted. */
function handlers({
  hall: service,
  kiosk,
  appointments,
  terminals,
  cases,
  ratings,
  windowKeys,
  fingerprints,
}: HallServices): Record<CommandName, Handler> {
  const clerk = (c: Client): ClerkActor => {
    if (c.role !== 'clerk') throw new Error('clerk command without clerk');
    return { role: 'clerk', clerkId: c.clerkId, windowId: c.windowId };
  };
  const terminalId = (c: Client): string => {
    if (c.role === 'clerk') throw new Error('terminal command without terminal');
    return c.terminalId;
  };
  const windowOf = (c: Client): string | null => c.windowId;
  const actor = (c: Client): Actor => {
    if (c.role === 'clerk') return clerk(c);
    if (c.role === 'kiosk' || c.role === 'admin') return { role: c.role, terminalId: c.terminalId };
    throw new Error(`no actor for role ${c.role}`);
  };
  const viewer = (c: Client): CaseViewer => (c.role === 'admin' ? { role: 'admin' } : clerk(c));
  type P<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];
  const h = {
    'ticket:issue': (c: Client, p: P<'ticket:issue'>) => service.issue(actor(c), p),
    'ticket:void': (c: Client, p: P<'ticket:void'>) => service.voidTicket(actor(c), p.ticketId),
    'ticket:requeue': (_c: Client, p: P<'ticket:requeue'>) => service.requeue(p.ticketId),
    'window:callNext': (c: Client) => service.callNext(clerk(c)),
    'ticket:callSpecific': (c: Client, p: P<'ticket:callSpecific'>) => service.callSpecific(clerk(c), p.ticketId),
    'ticket:recall': (c: Client, p: P<'ticket:recall'>) => service.recall(clerk(c), p.ticketId),
    'ticket:noShow': (c: Client, p: P<'ticket:noShow'>) => service.noShow(clerk(c), p.ticketId),
    'ticket:start': (c: Client, p: P<'ticket:start'>) => service.start(clerk(c), p.ticketId),
    'ticket:finish': (c: Client, p: P<'ticket:finish'>) => service.finish(clerk(c), p.ticketId),
    'ticket:hold': (c: Client, p: P<'ticket:hold'>) => service.hold(clerk(c), p.ticketId),
    'ticket:resume': (c: Client, p: P<'ticket:resume'>) => service.resumeTicket(clerk(c), p.ticketId),
    'ticket:transfer': (c: Client, p: P<'ticket:transfer'>) => service.transfer(actor(c), p),
    'ticket:cancel': (c: Client, p: P<'ticket:cancel'>) => service.cancel(actor(c), p),
    'window:pause': (c: Client, p: P<'window:pause'>) => service.pause(clerk(c), p),
    'window:resume': (c: Client) => service.resumeWindow(clerk(c)),
    'hall:sync': (c: Client, p: P<'hall:sync'>) => sync(service, c, p.lastSeq),
    'kiosk:lookup': (_c: Client, p: P<'kiosk:lookup'>) => kiosk.lookup(p.idCard),
    'ticket:reprint': (_c: Client, p: P<'ticket:reprint'>) => kiosk.reprint(p),
    'appointment:checkIn': (c: Client, p: P<'appointment:checkIn'>) => appointments.checkIn(terminalId(c), p),
    'terminal:devices': (c: Client, p: P<'terminal:devices'>) => terminals.report(terminalId(c), p.status),
    'case:open': (c: Client, p: P<'case:open'>) => cases.open(clerk(c), p),
    'case:markMaterials': (c: Client, p: P<'case:markMaterials'>) => cases.markMaterials(clerk(c), p),
    'case:requestMaterials': (c: Client, p: P<'case:requestMaterials'>) => cases.requestMaterials(clerk(c), p),
    'case:accept': (c: Client, p: P<'case:accept'>) => cases.accept(clerk(c), p),
    'case:return': (c: Client, p: P<'case:return'>) => cases.returnCase(clerk(c), p),
    'case:completeStep': (c: Client, p: P<'case:completeStep'>) => cases.completeStep(clerk(c), p),
    'case:refer': (c: Client, p: P<'case:refer'>) => cases.refer(clerk(c), p),
    'case:recordReply': (c: Client, p: P<'case:recordReply'>) => cases.recordReply(clerk(c), p),
    'case:decide': (c: Client, p: P<'case:decide'>) => cases.decide(clerk(c), p),
    'case:handOver': (c: Client, p: P<'case:handOver'>) => cases.handOver(clerk(c), p),
    'case:get': (c: Client, p: P<'case:get'>) => cases.get(viewer(c), p),
    'case:list': (c: Client, p: P<'case:list'>) => cases.list(clerk(c), p),
    'case:notice': (c: Client, p: P<'case:notice'>) => cases.notice(viewer(c), p.caseId, p.notice),
    'case:progress': (_c: Client, p: P<'case:progress'>) => cases.kioskProgress(p),
    'rating:submit': (c: Client, p: P<'rating:submit'>) => ratings.fromPad(windowOf(c), p),
    'rating:expire': (c: Client, p: P<'rating:expire'>) => ratings.expire(windowOf(c), p.ticketId),
    'rating:status': (c: Client, p: P<'rating:status'>) => ratings.status(clerk(c), p.ticketId),
    'window:key': (c: Client, p: P<'window:key'>) => windowKeys.press(windowOf(c), p.key),
    'fingerprint:enrolled': (c: Client, p: P<'fingerprint:enrolled'>) => fingerprints.reportEnrolment(terminalId(c), p),
    'fingerprint:identified': (c: Client, p: P<'fingerprint:identified'>) =>
      fingerprints.identified({ id: terminalId(c), windowId: c.windowId }, p),
    'fingerprint:library': () => ({ ok: true, templates: fingerprints.library() }),
    'rectification:appeal': (c: Client, p: P<'rectification:appeal'>) => ratings.appeal(clerk(c), p.caseId, p.note),
    'window:stats': (c: Client) => service.windowStats(clerk(c)),
  };
  return h as Record<CommandName, Handler>;
}

function snapshotFor(service: HallService, client: Client) {
  return service.snapshot(seesHolders(client.role) ? 'full' : 'public');
}

function missedEvents(service: HallService, client: Client, lastSeq: number): LoggedEvent[] | null {
  const events = service.eventsSince(lastSeq);
  return events?.flatMap((e) => eventFor(e, client) ?? []) ?? null;
}

function sync(service: HallService, client: Client, lastSeq: number) {
  const events = missedEvents(service, client, lastSeq);
  if (events === null) return { ok: true, mode: 'snapshot', snapshot: snapshotFor(service, client) } as const;
  return { ok: true, mode: 'events', events } as const;
}

function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return zhCN.errorMessage.BAD_REQUEST;
  return `${zhCN.errorMessage.BAD_REQUEST}：${first.path.map(String).join('.') || '(根)'} ${first.message}`;
}

/**
 * The realtime contract: authenticate at the handshake, bring a reconnecting client up to
 * date, then check role, schema and (for clerks) a still-valid session on every command.
 * Every command gets an ack; nothing a client sends can crash the server.
 */
export function attachSocketHandlers(io: HallIo, services: HallServices): void {
  const service = services.hall;
  const table = handlers(services);
  // A terminal enrolled again has a new token: connections made with the old one end now.
  services.terminals.onTokenReplaced((terminalId) => io.in(terminalRoom(terminalId)).disconnectSockets(true));
  services.fingerprints.attach({
    async send(
      terminalId: string,
      event: 'fingerprint:enrol' | 'fingerprint:identify' | 'fingerprint:identifyCancelled',
      payload: unknown,
    ) {
      const sockets = await io.in(terminalRoom(terminalId)).fetchSockets();
      for (const socket of sockets) (socket.emit as (e: string, p: unknown) => void)(event, payload);
      return sockets.length > 0;
    },
    broadcastTemplates: (payload) => io.to(roleRoom('evaluator')).emit('fingerprint:templates', payload),
  });
  services.ratings.onChange((windowId, state) =>
    io.to(clerkRoom(windowId)).emit('rating:changed', { ...state, windowId }),
  );
  services.terminals.onDisplaySettings((terminalId, settings) =>
    io.to(terminalRoom(terminalId)).emit('display:settings', settings),
  );
  service.onEvent((event) => {
    broadcast(io, event);
    dropEndedSessions(io, service, event).catch((error) => console.error(`[socket] session check failed: ${error}`));
  });

  io.use((socket, next) => {
    const client = authenticate(service, socket.handshake.auth);
    if (!client) return next(new Error('UNAUTHORIZED'));
    socket.data.client = client;
    next();
  });

  io.on('connection', (socket: HallSocket) => {
    const client = socket.data.client;
    socket.join(roleRoom(client.role));
    if (client.role !== 'clerk') socket.join(terminalRoom(client.terminalId));
    if (client.role === 'evaluator' && client.windowId) socket.join(evaluatorRoom(client.windowId));
    if (client.role === 'clerk') socket.join(clerkRoom(client.windowId));
    // Before the hall's state, so a display draws its first picture already filtered.
    if (client.role === 'display')
      socket.emit('display:settings', services.terminals.displaySettings(client.terminalId));
    catchUp(socket, service, client);

    for (const name of Object.keys(COMMAND_SCHEMAS) as CommandName[]) {
      (socket.on as (event: string, fn: (...args: unknown[]) => void) => void)(name, (...args) => {
        // A command sent without an ack callback still runs; its result goes nowhere.
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: Ack) => void) : () => {};
        const payload = args[0] ?? {};
        ack(runCommand(service, table, socket.data.client, name, payload));
      });
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!Object.hasOwn(COMMAND_SCHEMAS, event) && typeof ack === 'function') {
        ack(fail('BAD_REQUEST', `未知的命令：${String(event).slice(0, 40)}`));
      }
    });
  });
}

function runCommand(
  service: HallService,
  table: Record<CommandName, Handler>,
  client: Client,
  name: CommandName,
  payload: unknown,
): Ack {
  if (!COMMAND_ROLES[name].includes(client.role)) return fail('FORBIDDEN');
  const parsed = COMMAND_SCHEMAS[name].safeParse(payload);
  if (!parsed.success) return fail('BAD_REQUEST', zodMessage(parsed.error));
  if (client.role === 'clerk') {
    const session = service.sessionFor(client.session);
    if (!session || session.windowId !== client.windowId) return fail('UNAUTHORIZED', '登录已失效，请重新登录');
    const named = (parsed.data as { windowId?: string }).windowId;
    if (named !== undefined && named !== client.windowId) return fail('FORBIDDEN', '只能操作本人登录的窗口');
  }
  try {
    return table[name](client, parsed.data as never);
  } catch (error) {
    console.error(`[socket] ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fail('INTERNAL');
  }
}

/**
 * A client that says where it left off gets what it missed in one `hall:replay` (so a
 * display does not announce old calls again); otherwise, or when that is not possible, a
 * snapshot.
 */
function catchUp(socket: HallSocket, service: HallService, client: Client): void {
  const parsed = SocketAuth.safeParse(socket.handshake.auth);
  const lastSeq = parsed.success ? parsed.data.lastSeq : undefined;
  const events = lastSeq === undefined ? null : missedEvents(service, client, lastSeq);
  if (events === null) {
    socket.emit('hall:snapshot', { seq: service.lastSeq, snapshot: snapshotFor(service, client) });
    return;
  }
  socket.emit('hall:replay', { seq: service.lastSeq, events });
}
