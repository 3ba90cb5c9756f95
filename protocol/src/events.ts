import { z } from 'zod';
import type { AppointmentView } from './appointments';
import type { Ack } from './errors';
import { Id } from './hall';
import { IdCardInput } from './id-card';
import { CheckInRequest, DeviceReportRequest, type KioskLookup, KioskLookupRequest, ReprintRequest } from './kiosk';
import { QueueSnapshot, QueueSummary, WindowView } from './queue';
import { BusinessDay, KioskPriorityClass, PriorityClass, Ticket } from './ticket';

/** Terminal roles; a clerk connects with a session, the others with a terminal token. */
export const Role = z.enum(['kiosk', 'display', 'evaluator', 'clerk', 'admin']);
export type Role = z.infer<typeof Role>;

/** socket.io handshake `auth`. */
export const SocketAuth = z.union([
  z.object({ token: z.string().min(16).max(200), lastSeq: z.number().int().min(0).optional() }),
  z.object({ session: z.string().min(16).max(200), lastSeq: z.number().int().min(0).optional() }),
]);
export type SocketAuth = z.infer<typeof SocketAuth>;

// ---- commands (client → server, each acknowledged) ----

export const IssueTicketRequest = z.object({
  categoryId: Id,
  /** Unique per attempt; a retry after a lost ack reuses it and gets the same ticket. */
  idempotencyKey: z.string().min(8).max(100),
  idCard: IdCardInput.optional(),
  priority: KioskPriorityClass.optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

/** A ticket as the kiosk that issued it sees it: with its place and its status page. */
export const IssuedTicket = Ticket.extend({
  position: z.number().int().min(1),
  aheadCount: z.number().int().min(0),
  estimatedWaitMin: z.number().min(0),
  /** Whether a window serving its queue was open when it was issued: else no wait is promised. */
  windowsOpen: z.boolean(),
  statusUrl: z.string(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const TicketRef = z.object({ ticketId: Id });
export type TicketRef = z.infer<typeof TicketRef>;

export const VoidTicketRequest = z.object({ ticketId: Id, reason: z.string().min(1).max(200) });
export type VoidTicketRequest = z.infer<typeof VoidTicketRequest>;

export const CancelTicketRequest = z.object({ ticketId: Id, reason: z.string().max(200).optional() });
export type CancelTicketRequest = z.infer<typeof CancelTicketRequest>;

export const TransferRequest = z.union([
  z.object({ ticketId: Id, toCategoryId: Id }),
  z.object({ ticketId: Id, toWindowId: Id }),
]);
export type TransferRequest = z.infer<typeof TransferRequest>;

/** A clerk acts at the window of their session; naming another window is refused. */
export const WindowRef = z.object({ windowId: Id.optional() });
export type WindowRef = z.infer<typeof WindowRef>;

export const PauseRequest = z.object({ windowId: Id.optional(), reason: z.string().min(1).max(100) });
export type PauseRequest = z.infer<typeof PauseRequest>;

export const SyncRequest = z.object({ lastSeq: z.number().int().min(0) });
export type SyncRequest = z.infer<typeof SyncRequest>;

export const SpecialIssueRequest = IssueTicketRequest.extend({ priority: PriorityClass.optional() });

// ---- server events (each carries the hall-wide seq) ----

export const CalledWindow = z.object({ id: Id, number: z.number().int(), name: z.string() });

export const TicketCalledEvent = z.object({
  seq: z.number().int(),
  ticket: Ticket,
  window: CalledWindow,
  /** 请A012号到3号窗口办理 */
  voiceText: z.string(),
  /** 0 for the first call, n for the n-th recall. */
  recall: z.number().int().min(0),
  /** Called out of order by the clerk (特呼); kept in the event log. */
  outOfOrder: z.boolean(),
  /** The clerk signed in at the window when it called. */
  clerkId: Id.nullable(),
});
export type TicketCalledEvent = z.infer<typeof TicketCalledEvent>;

export const TicketChangedEvent = z.object({ seq: z.number().int(), ticket: Ticket });
export type TicketChangedEvent = z.infer<typeof TicketChangedEvent>;

export const WindowChangedEvent = z.object({ seq: z.number().int(), window: WindowView });
export type WindowChangedEvent = z.infer<typeof WindowChangedEvent>;

/** The queue summary moved: waiting counts, estimates or availability of a category. */
export const QueueChangedEvent = QueueSummary.extend({
  seq: z.number().int(),
  businessDay: BusinessDay,
});
export type QueueChangedEvent = z.infer<typeof QueueChangedEvent>;

export const SnapshotEvent = z.object({ seq: z.number().int(), snapshot: QueueSnapshot });
export type SnapshotEvent = z.infer<typeof SnapshotEvent>;

/** Events kept in the event log and replayed to a client that reconnects with its last seq. */
export interface LoggedEvents {
  'ticket:called': TicketCalledEvent;
  'ticket:changed': TicketChangedEvent;
  'window:changed': WindowChangedEvent;
  'queue:changed': QueueChangedEvent;
}
export type LoggedEventName = keyof LoggedEvents;
export type LoggedEvent = { [K in LoggedEventName]: { name: K; payload: LoggedEvents[K] } }[LoggedEventName];

/** The window an event concerns, if any: what an evaluator at that window is shown. */
export function windowOfEvent(event: LoggedEvent): string | null {
  switch (event.name) {
    case 'ticket:called':
      return event.payload.window.id;
    case 'ticket:changed':
      return event.payload.ticket.windowId;
    case 'window:changed':
      return event.payload.window.id;
    case 'queue:changed':
      return null;
  }
}

export interface ReplayEvent {
  seq: number;
  events: LoggedEvent[];
}

export type ServerToClientEvents = { [K in LoggedEventName]: (payload: LoggedEvents[K]) => void } & {
  /** Sent on connect when replaying the missed events is not possible. */
  'hall:snapshot': (payload: SnapshotEvent) => void;
  /**
   * Sent on connect to a client that gave its lastSeq: what it missed, in seq order. Apply
   * them to the view; do not announce replayed calls again.
   */
  'hall:replay': (payload: ReplayEvent) => void;
};

export type SyncAck = Ack<{ mode: 'events'; events: LoggedEvent[] } | { mode: 'snapshot'; snapshot: QueueSnapshot }>;

type Cmd<Req, Res extends object = object> = (payload: Req, ack: (res: Ack<Res>) => void) => void;

export interface ClientToServerEvents {
  'ticket:issue': Cmd<IssueTicketRequest, { ticket: IssuedTicket; replayed: boolean }>;
  'ticket:void': Cmd<VoidTicketRequest, { ticket: Ticket }>;
  'ticket:requeue': Cmd<TicketRef, { ticket: Ticket }>;
  'window:callNext': Cmd<WindowRef, { ticket: Ticket; voiceText: string }>;
  'ticket:callSpecific': Cmd<TicketRef, { ticket: Ticket; voiceText: string }>;
  'ticket:recall': Cmd<TicketRef, { ticket: Ticket; voiceText: string }>;
  'ticket:noShow': Cmd<TicketRef, { ticket: Ticket }>;
  'ticket:start': Cmd<TicketRef, { ticket: Ticket }>;
  'ticket:finish': Cmd<TicketRef, { ticket: Ticket }>;
  'ticket:hold': Cmd<TicketRef, { ticket: Ticket }>;
  'ticket:resume': Cmd<TicketRef, { ticket: Ticket; voiceText: string }>;
  'ticket:transfer': Cmd<TransferRequest, { ticket: Ticket }>;
  'ticket:cancel': Cmd<CancelTicketRequest, { ticket: Ticket }>;
  'window:pause': Cmd<PauseRequest, { window: WindowView }>;
  'window:resume': Cmd<WindowRef, { window: WindowView }>;
  'hall:sync': (payload: SyncRequest, ack: (res: SyncAck) => void) => void;
  'kiosk:lookup': Cmd<KioskLookupRequest, { lookup: KioskLookup }>;
  'ticket:reprint': Cmd<ReprintRequest, { ticket: IssuedTicket }>;
  'appointment:checkIn': Cmd<CheckInRequest, { ticket: IssuedTicket; appointment: AppointmentView; replayed: boolean }>;
  'terminal:devices': Cmd<DeviceReportRequest>;
}
export type CommandName = keyof ClientToServerEvents;

/** The schema of every command's payload, so no handler can run on an unchecked payload. */
export const COMMAND_SCHEMAS = {
  'ticket:issue': SpecialIssueRequest,
  'ticket:void': VoidTicketRequest,
  'ticket:requeue': TicketRef,
  'window:callNext': WindowRef,
  'ticket:callSpecific': TicketRef,
  'ticket:recall': TicketRef,
  'ticket:noShow': TicketRef,
  'ticket:start': TicketRef,
  'ticket:finish': TicketRef,
  'ticket:hold': TicketRef,
  'ticket:resume': TicketRef,
  'ticket:transfer': TransferRequest,
  'ticket:cancel': CancelTicketRequest,
  'window:pause': PauseRequest,
  'window:resume': WindowRef,
  'hall:sync': SyncRequest,
  'kiosk:lookup': KioskLookupRequest,
  'ticket:reprint': ReprintRequest,
  'appointment:checkIn': CheckInRequest,
  'terminal:devices': DeviceReportRequest,
} as const satisfies Record<CommandName, z.ZodType>;

/** Which roles may send which command. */
export const COMMAND_ROLES: Record<CommandName, readonly Role[]> = {
  'ticket:issue': ['kiosk', 'admin'],
  'ticket:void': ['kiosk', 'admin'],
  'ticket:requeue': ['kiosk', 'clerk', 'admin'],
  'window:callNext': ['clerk'],
  'ticket:callSpecific': ['clerk'],
  'ticket:recall': ['clerk'],
  'ticket:noShow': ['clerk'],
  'ticket:start': ['clerk'],
  'ticket:finish': ['clerk'],
  'ticket:hold': ['clerk'],
  'ticket:resume': ['clerk'],
  'ticket:transfer': ['clerk', 'admin'],
  'ticket:cancel': ['clerk', 'admin'],
  'window:pause': ['clerk'],
  'window:resume': ['clerk'],
  'hall:sync': ['kiosk', 'display', 'evaluator', 'clerk', 'admin'],
  'kiosk:lookup': ['kiosk'],
  'ticket:reprint': ['kiosk'],
  'appointment:checkIn': ['kiosk'],
  'terminal:devices': ['kiosk', 'display', 'evaluator', 'admin'],
};
