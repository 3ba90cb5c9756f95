import { z } from 'zod';
import type { AppointmentView } from './appointments';
import {
  AcceptCaseRequest,
  type CaseChangedEvent,
  type CaseDetail,
  type CaseListEntry,
  CaseNoticeRequest,
  type CaseNoticeResponse,
  type CaseProgress,
  CaseProgressRequest,
  CaseRef,
  CompleteStepRequest,
  DecideCaseRequest,
  GetCaseRequest,
  HandOverRequest,
  ListCasesRequest,
  MarkMaterialsRequest,
  OpenCaseRequest,
  RecordReplyRequest,
  ReferCaseRequest,
  ReturnCaseRequest,
} from './cases';
import type { WindowStats } from './console';
import { FingerprintEnrollOutcome, FingerprintIdentifyOutcome } from './devices';
import type { DisplaySettings, NoticeChangedEvent } from './display';
import type { Ack } from './errors';
import type { Clerk } from './hall';
import { Id } from './hall';
import { IdCardInput } from './id-card';
import { CheckInRequest, DeviceReportRequest, type KioskLookup, KioskLookupRequest, ReprintRequest } from './kiosk';
import { QueueSnapshot, QueueSummary, WindowView } from './queue';
import {
  AppealRequest,
  type RatingView,
  type RectificationView,
  SubmitRatingRequest,
  type TicketRatingState,
} from './ratings';
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

/** To another queue or to one window; the note goes with the ticket to whoever receives it. */
const TransferNote = z.string().trim().max(200).optional();
export const TransferRequest = z.union([
  z.object({ ticketId: Id, toCategoryId: Id, note: TransferNote }),
  z.object({ ticketId: Id, toWindowId: Id, note: TransferNote }),
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

/**
 * A key of the window's caller keypad, sent by the window's terminal (which owns the bus):
 * the server acts as the clerk signed in at that window. Only the key travels, never a
 * clerk command, so the citizen-facing pad gains no clerk powers.
 */
export const WindowKey = z.enum(['call', 'recall', 'pause', 'requestRating']);
export type WindowKey = z.infer<typeof WindowKey>;
export const WindowKeyRequest = z.object({ key: WindowKey }).strict();
export type WindowKeyRequest = z.infer<typeof WindowKeyRequest>;

/** A fingerprint template as the module uploads it (base64 of its character file). */
export const FingerprintTemplate = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(4096);

/** The window's terminal reports the enrolment the hall asked for. */
export const FingerprintEnrolledReport = z
  .object({ jobId: Id, outcome: FingerprintEnrollOutcome, template: FingerprintTemplate.optional() })
  .strict();
export type FingerprintEnrolledReport = z.infer<typeof FingerprintEnrolledReport>;

/** A finger identified on the window's module: a punch, or the answer to a sign-in request. */
export const FingerprintIdentifiedReport = z
  .object({
    requestId: Id.optional(),
    outcome: FingerprintIdentifyOutcome,
    /** The module could not scan at all (not fitted, unplugged): why, for the console asking. */
    deviceError: z.string().max(200).optional(),
  })
  .strict();
export type FingerprintIdentifiedReport = z.infer<typeof FingerprintIdentifiedReport>;

export const TemplateEntry = z.object({ pageId: z.number().int().min(0).max(65_535), template: FingerprintTemplate });
export type TemplateEntry = z.infer<typeof TemplateEntry>;

/** What the window's fingerprint module must hold: put these pages, empty those. */
export const TemplatesEvent = z.object({ put: z.array(TemplateEntry), removed: z.array(z.number().int().min(0)) });
export type TemplatesEvent = z.infer<typeof TemplatesEvent>;

/** Server → the window's terminal: enrol a clerk's finger into this page of the module. */
export const EnrolFingerEvent = z.object({ jobId: Id, pageId: z.number().int().min(0), clerkName: z.string() });
export type EnrolFingerEvent = z.infer<typeof EnrolFingerEvent>;

/**
 * Server → the window's terminal: a clerk at this window's console asks to sign in by
 * fingerprint; show the prompt with its code (the console shows the same), scan, and report.
 */
export const IdentifyFingerEvent = z.object({
  requestId: Id,
  timeoutMs: z.number().int().min(500).max(60_000),
  code: z.string(),
});
export type IdentifyFingerEvent = z.infer<typeof IdentifyFingerEvent>;

/** Server → the window's terminal: the console gave up the sign-in (cancelled, or it lapsed); stop scanning for it. */
export const IdentifyCancelledEvent = z.object({ requestId: Id });
export type IdentifyCancelledEvent = z.infer<typeof IdentifyCancelledEvent>;

/** Who a punch identified, for the pad to greet. */
export type PunchAck = { clerk: Pick<Clerk, 'id' | 'name'>; at: number; signedIn: boolean };

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
  /** A case step; staff only (clerks and admins), people masked. */
  'case:changed': CaseChangedEvent;
  'notice:changed': NoticeChangedEvent;
}
export type LoggedEventName = keyof LoggedEvents;

/** Every logged event's name; the compiler checks the list is complete. */
export const LOGGED_EVENT_NAMES = Object.keys({
  'ticket:called': true,
  'ticket:changed': true,
  'window:changed': true,
  'queue:changed': true,
  'case:changed': true,
  'notice:changed': true,
} satisfies Record<LoggedEventName, true>) as LoggedEventName[];
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
    case 'notice:changed':
      return null;
    case 'case:changed':
      return event.payload.case.windowId;
  }
}

/** Events for the hall's staff only (clerk consoles, admin): never sent to public terminals. */
export function isStaffEvent(event: LoggedEvent): boolean {
  return event.name === 'case:changed';
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
  /** To window terminals: the fingerprint templates their modules must hold. */
  'fingerprint:templates': (payload: TemplatesEvent) => void;
  'fingerprint:enrol': (payload: EnrolFingerEvent) => void;
  'fingerprint:identify': (payload: IdentifyFingerEvent) => void;
  'fingerprint:identifyCancelled': (payload: IdentifyCancelledEvent) => void;
  /** To the clerks of a window: how the ticket it finished was rated (given, or 未评价), as it happens. Not logged. */
  'rating:changed': (payload: TicketRatingState & { windowId: string }) => void;
  /** To a display, on connect and whenever the admin changes them: its layout and filters. Not logged. */
  'display:settings': (payload: DisplaySettings) => void;
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
  'case:open': Cmd<OpenCaseRequest, { case: CaseDetail; replayed: boolean }>;
  'case:markMaterials': Cmd<MarkMaterialsRequest, { case: CaseDetail }>;
  'case:requestMaterials': Cmd<CaseRef, { case: CaseDetail }>;
  'case:accept': Cmd<AcceptCaseRequest, { case: CaseDetail }>;
  'case:return': Cmd<ReturnCaseRequest, { case: CaseDetail }>;
  'case:completeStep': Cmd<CompleteStepRequest, { case: CaseDetail }>;
  'case:refer': Cmd<ReferCaseRequest, { case: CaseDetail }>;
  'case:recordReply': Cmd<RecordReplyRequest, { case: CaseDetail }>;
  'case:decide': Cmd<DecideCaseRequest, { case: CaseDetail }>;
  'case:handOver': Cmd<HandOverRequest, { case: CaseDetail }>;
  'case:get': Cmd<GetCaseRequest, { case: CaseDetail }>;
  'case:list': Cmd<ListCasesRequest, { cases: CaseListEntry[] }>;
  'case:notice': Cmd<CaseNoticeRequest, CaseNoticeResponse>;
  'case:progress': Cmd<CaseProgressRequest, { cases: CaseProgress[] }>;
  'rating:submit': Cmd<SubmitRatingRequest, { rating: RatingView; rectificationId: string | null }>;
  /** The pad's prompt ran out: 未评价 is recorded (never a default rating); the phone page stays open. */
  'rating:expire': Cmd<TicketRef>;
  /** A clerk asks how a ticket finished at their window was rated (then `rating:changed` keeps it live). */
  'rating:status': Cmd<TicketRef, { rating: TicketRatingState }>;
  'window:key': Cmd<WindowKeyRequest, { window: WindowView; ticket: Ticket | null; waiting: number }>;
  'fingerprint:enrolled': Cmd<FingerprintEnrolledReport>;
  'fingerprint:identified': Cmd<FingerprintIdentifiedReport, PunchAck>;
  /** Every template the hall keeps, for a module (re)loading its library. */
  'fingerprint:library': Cmd<Record<string, never>, { templates: TemplateEntry[] }>;
  'rectification:appeal': Cmd<AppealRequest, { rectification: RectificationView }>;
  'window:stats': Cmd<WindowRef, { stats: WindowStats }>;
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
  'case:open': OpenCaseRequest,
  'case:markMaterials': MarkMaterialsRequest,
  'case:requestMaterials': CaseRef,
  'case:accept': AcceptCaseRequest,
  'case:return': ReturnCaseRequest,
  'case:completeStep': CompleteStepRequest,
  'case:refer': ReferCaseRequest,
  'case:recordReply': RecordReplyRequest,
  'case:decide': DecideCaseRequest,
  'case:handOver': HandOverRequest,
  'case:get': GetCaseRequest,
  'case:list': ListCasesRequest,
  'case:notice': CaseNoticeRequest,
  'case:progress': CaseProgressRequest,
  'rating:submit': SubmitRatingRequest,
  'rating:expire': TicketRef,
  'rating:status': TicketRef,
  'window:key': WindowKeyRequest,
  'fingerprint:enrolled': FingerprintEnrolledReport,
  'fingerprint:identified': FingerprintIdentifiedReport,
  'fingerprint:library': z.object({}).strict(),
  'rectification:appeal': AppealRequest,
  'window:stats': WindowRef,
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
  'case:open': ['clerk'],
  'case:markMaterials': ['clerk'],
  'case:requestMaterials': ['clerk'],
  'case:accept': ['clerk'],
  'case:return': ['clerk'],
  'case:completeStep': ['clerk'],
  'case:refer': ['clerk'],
  'case:recordReply': ['clerk'],
  'case:decide': ['clerk'],
  'case:handOver': ['clerk'],
  'case:get': ['clerk', 'admin'],
  'case:list': ['clerk'],
  'case:notice': ['clerk', 'admin'],
  'case:progress': ['kiosk'],
  // The window's terminal: ratings, its keypad's keys and its fingerprint module; no clerk command.
  'rating:submit': ['evaluator'],
  'rating:expire': ['evaluator'],
  'window:key': ['evaluator'],
  'fingerprint:enrolled': ['evaluator'],
  'fingerprint:identified': ['evaluator'],
  'fingerprint:library': ['evaluator'],
  'rating:status': ['clerk'],
  'rectification:appeal': ['clerk'],
  'window:stats': ['clerk'],
};
