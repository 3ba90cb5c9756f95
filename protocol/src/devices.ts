import { z } from 'zod';

/** What the device layer (Electron main or the device agent) reports to a terminal. */

export const DeviceKind = z.enum(['idcard', 'fingerprint', 'printer', 'ratingPad', 'callerBus', 'led']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** `ready`, `absent` (not plugged or not answering), or `fault` with a reason. */
export const DeviceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('absent'), reason: z.string().optional() }),
  z.object({ state: z.literal('fault'), reason: z.string() }),
]);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const CardType = z.enum(['resident', 'foreignerOld', 'foreigner2023', 'hkMacauTaiwan']);
export type CardType = z.infer<typeof CardType>;

/**
 * A card as read. It carries the full ID number because the hall-server must hash it;
 * terminals show only the masked forms.
 */
export const IdentityCard = z.object({
  cardType: CardType,
  name: z.string(),
  nameEn: z.string().optional(),
  sex: z.enum(['unknown', 'male', 'female', 'unspecified']),
  nation: z.string().optional(),
  nationality: z.string().optional(),
  birthDate: z.string(),
  address: z.string().optional(),
  idNumber: z.string(),
  authority: z.string().optional(),
  validFrom: z.string(),
  /** A date, or 长期 for a card that never expires. */
  validTo: z.string(),
  passNumber: z.string().optional(),
  issueCount: z.string().optional(),
});
export type IdentityCard = z.infer<typeof IdentityCard>;

/** 好差评: five levels, the bottom two count as bad ratings (差评). */
export const RatingLevel = z.enum(['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const PrinterStatus = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperNearEnd: z.boolean(),
  paperOut: z.boolean(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

// ---- TerminalBridge: the one device API a terminal renderer sees ----
// Electron main exposes it over IPC; the device agent serves it over a local WebSocket.
// Renderers type against these and never import drivers.

/** 58 mm paper: 32 half-width columns; 80 mm: 48. */
export const PaperWidth = z.union([z.literal(58), z.literal(80)]);

const Line = z.string().max(500);
const Epoch = z.number().int().min(0);

/** The queue ticket a kiosk prints. */
export const TicketPrint = z.object({
  hallName: Line.min(1),
  /** Ticket number, e.g. A012. */
  number: z.string().min(1).max(16),
  categoryName: Line.min(1),
  /** e.g. 老年人优先; absent for ordinary tickets. */
  priorityLabel: Line.optional(),
  issuedAt: Epoch,
  /** IANA time zone of the hall, e.g. Asia/Shanghai. */
  timeZone: z.string().min(1).max(64),
  aheadCount: z.number().int().min(0),
  estimatedWaitMin: z.number().min(0),
  /** The wait as the kiosk words it (zh-CN waitText); from `estimatedWaitMin` when absent. */
  waitText: Line.optional(),
  /** The ticket's status page; printed as the QR code. */
  statusUrl: z.string().min(1).max(1000),
  /** Already masked (张*三); the printer masks it again in case it was not. */
  holderNameMasked: Line.optional(),
  /** e.g. 3号、4号窗口 */
  windowHint: Line.optional(),
  footer: Line.optional(),
});
export type TicketPrint = z.infer<typeof TicketPrint>;

export const MaterialEntry = z.object({
  name: Line.min(1),
  required: z.boolean(),
  form: z.enum(['original', 'copy', 'originalAndCopy']),
  copies: z.number().int().min(1).max(99),
  note: Line.optional(),
});
export type MaterialEntry = z.infer<typeof MaterialEntry>;

/** 一次性告知单: everything a citizen must bring, told once and in writing. */
export const MaterialsListPrint = z.object({
  hallName: Line.min(1),
  itemName: Line.min(1),
  itemCode: Line.optional(),
  department: Line.min(1),
  conditions: z.array(Line).max(50),
  materials: z.array(MaterialEntry).max(100),
  /** Time limits in working days (工作日). */
  legalTimeLimitDays: z.number().int().min(0).optional(),
  promisedTimeLimitDays: z.number().int().min(0),
  /** null or amountFen 0: free of charge. */
  fee: z.object({ amountFen: z.number().int().min(0), basis: Line.optional() }).nullable(),
  contact: z.object({ phone: Line.optional(), address: Line.optional(), window: Line.optional() }),
  /** The item's guide page for phones; printed as a QR code. */
  guideUrl: z.string().min(1).max(1000).optional(),
  issuedAt: Epoch,
  timeZone: z.string().min(1).max(64),
  footer: Line.optional(),
});
export type MaterialsListPrint = z.infer<typeof MaterialsListPrint>;

/** A generic case paper, e.g. 容缺受理通知书. */
export const NoticePrint = z.object({
  title: Line.min(1),
  /** 文号, e.g. 容缺〔2025〕12号. */
  documentNumber: Line.optional(),
  /** Addressee line, e.g. 张*三： */
  recipient: Line.optional(),
  paragraphs: z.array(z.string().max(2000)).min(1).max(50),
  signature: z.object({ organization: Line.min(1), date: Epoch, timeZone: z.string().min(1).max(64) }),
  footer: Line.optional(),
  /** Which copy this is, e.g. 第一联 申请人留存. */
  copy: Line.optional(),
  /** Labelled lines under the title: 办件编号, 申请事项, 申请人 … */
  fields: z
    .array(z.object({ label: Line.min(1), value: Line }))
    .max(20)
    .optional(),
  /** A numbered list after the paragraphs under its heading, e.g. the papers still missing. */
  list: z.object({ heading: Line.min(1), items: z.array(z.string().max(500)).min(1).max(100) }).optional(),
  /** Paragraphs after the list. */
  closing: z.array(z.string().max(2000)).max(20).optional(),
  /** Lines left blank for signatures, e.g. 申请人（签字）. */
  signLines: z.array(Line.min(1)).max(4).optional(),
  /** A page to follow the case on, printed as a QR code with its caption. */
  qr: z.object({ url: z.string().min(1).max(1000), caption: Line.min(1) }).optional(),
});
export type NoticePrint = z.infer<typeof NoticePrint>;

export const PrintJob = z.discriminatedUnion('template', [
  z.object({ template: z.literal('ticket'), ticket: TicketPrint }),
  z.object({ template: z.literal('materialsList'), list: MaterialsListPrint }),
  z.object({ template: z.literal('notice'), notice: NoticePrint }),
]);
export type PrintJob = z.infer<typeof PrintJob>;

export const PrintResult = z.object({ template: z.enum(['ticket', 'materialsList', 'notice']), printedAt: Epoch });
export type PrintResult = z.infer<typeof PrintResult>;

/** What the window LED bar shows. */
export const LedRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(200), scroll: z.boolean().optional() }),
  z.object({ type: z.literal('ticket'), ticket: z.string().min(1).max(16), window: z.string().min(1).max(16) }),
  z.object({ type: z.literal('paused'), reason: z.string().max(100).optional() }),
  z.object({ type: z.literal('idle') }),
  z.object({ type: z.literal('brightness'), level: z.number().int().min(0).max(15) }),
]);
export type LedRequest = z.infer<typeof LedRequest>;

export const FingerprintWait = z.object({ timeoutMs: z.number().int().min(500).max(60_000).optional() });
export type FingerprintWait = z.infer<typeof FingerprintWait>;

export const FingerprintEnrollParams = FingerprintWait.extend({ pageId: z.number().int().min(0).max(65_535) });
export type FingerprintEnrollParams = z.infer<typeof FingerprintEnrollParams>;

const PageId = z.number().int().min(0).max(65_535);
/** A template as it travels between module, terminal and hall: base64 of the module's character file. */
const TemplateBase64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(4096);

export const FingerprintPage = z.object({ pageId: PageId }).strict();
export type FingerprintPage = z.infer<typeof FingerprintPage>;
export const FingerprintTemplateWrite = z.object({ pageId: PageId, template: TemplateBase64 }).strict();
export type FingerprintTemplateWrite = z.infer<typeof FingerprintTemplateWrite>;

/** What a caller keypad shows: the ticket at the window and how many wait, or a refused key. */
export const CallerShow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    address: z.number().int().min(0).max(255),
    ticket: z.string().max(16).nullable(),
    waiting: z.number().int().min(0),
  }),
  /** The key was refused (nobody signed in, nothing to recall): a blank display and two beeps. */
  z.object({ kind: z.literal('refused'), address: z.number().int().min(0).max(255) }),
]);
export type CallerShow = z.infer<typeof CallerShow>;

export const EnrollStep = z.enum(['press', 'lift', 'pressAgain']);
export type EnrollStep = z.infer<typeof EnrollStep>;

/** `reason` texts are zh-CN, fit for the clerk (e.g. 指纹图像太乱). */
export const FingerprintIdentifyOutcome = z.discriminatedUnion('kind', [
  /** The hall maps the template page id to a clerk. */
  z.object({ kind: z.literal('match'), pageId: z.number().int().min(0), score: z.number().int().min(0) }),
  z.object({ kind: z.literal('noMatch') }),
  z.object({ kind: z.literal('badImage'), reason: z.string() }),
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type FingerprintIdentifyOutcome = z.infer<typeof FingerprintIdentifyOutcome>;

export const FingerprintEnrollOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enrolled'), pageId: z.number().int().min(0) }),
  /** The two presses were not the same finger. */
  z.object({ kind: z.literal('mismatch'), reason: z.string() }),
  z.object({ kind: z.literal('badImage'), step: EnrollStep, reason: z.string() }),
  z.object({ kind: z.literal('timeout'), step: EnrollStep }),
  z.object({ kind: z.literal('cancelled'), step: EnrollStep }),
]);
export type FingerprintEnrollOutcome = z.infer<typeof FingerprintEnrollOutcome>;

/** Every device's status, plus what the printer last reported (null while unknown). */
export const BridgeStatus = z.object({
  devices: z.partialRecord(DeviceKind, DeviceStatus),
  printer: PrinterStatus.nullable(),
});
export type BridgeStatus = z.infer<typeof BridgeStatus>;

export const BridgeErrorCode = z.enum([
  'badRequest',
  'unknownMethod',
  /** This terminal has no such device configured. */
  'notConfigured',
  'absent',
  'timeout',
  'io',
  'protocol',
  'unsupported',
  'paperOut',
  'coverOpen',
  'offline',
  'invalidInput',
  /** The device refused the command (e.g. a fingerprint module's failure code). */
  'rejected',
  'internal',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

/** `message` is zh-CN for the person at the terminal; `detail` is technical, for logs. */
export const BridgeError = z.object({ code: BridgeErrorCode, message: z.string(), detail: z.string().optional() });
export type BridgeError = z.infer<typeof BridgeError>;

/** Every bridge call resolves to this: device failures are values, never exceptions across IPC. */
export type BridgeReply<T> = { ok: true; result: T } | { ok: false; error: BridgeError };

// ---- events (device layer → terminal) ----

/**
 * A card as read, for the kiosk to send to the hall-server (which hashes the ID number), with
 * the masked forms every screen shows. Never log or display `card.idNumber` or `card.name`.
 */
export const CardEvent = z.object({
  card: IdentityCard,
  masked: z.object({ name: z.string(), idNumber: z.string() }),
  at: Epoch,
});
export type CardEvent = z.infer<typeof CardEvent>;

/** A card that was read but refused: its number fails the check digit, or its text is unreadable. */
export const CardRejectedEvent = z.object({
  code: z.enum(['invalidIdNumber', 'unreadable']),
  message: z.string(),
  at: Epoch,
});
export type CardRejectedEvent = z.infer<typeof CardRejectedEvent>;

export const RatingEvent = z.object({
  level: RatingLevel,
  /** The window's HID pad, or an evaluator on the RS-485 caller bus (with its bus address). */
  source: z.enum(['ratingPad', 'callerBus']),
  address: z.number().int().min(0).max(255).optional(),
  at: Epoch,
});
export type RatingEvent = z.infer<typeof RatingEvent>;

export const CallerAction = z.enum([
  'call',
  'recall',
  'requestRating',
  'pause',
  'transfer',
  'giveUp',
  'hold',
  'callBack',
  'confirm',
]);
export type CallerAction = z.infer<typeof CallerAction>;

/** A key pressed on a window's caller keypad. */
export const CallerKeyEvent = z.object({
  address: z.number().int().min(0).max(255),
  action: CallerAction,
  digit: z.number().int().min(0).max(9).optional(),
  at: Epoch,
});
export type CallerKeyEvent = z.infer<typeof CallerKeyEvent>;

/** Progress and results of fingerprint flows, for every terminal watching the scanner. */
export const FingerprintEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step'), step: EnrollStep }),
  z.object({ type: z.literal('identified'), outcome: FingerprintIdentifyOutcome }),
  z.object({ type: z.literal('enrolled'), outcome: FingerprintEnrollOutcome }),
]);
export type FingerprintEvent = z.infer<typeof FingerprintEvent>;

export const BRIDGE_EVENTS = {
  status: BridgeStatus,
  card: CardEvent,
  cardRemoved: z.object({ at: Epoch }),
  cardRejected: CardRejectedEvent,
  rating: RatingEvent,
  callerKey: CallerKeyEvent,
  fingerprint: FingerprintEvent,
} as const;
export type BridgeEvents = { [K in keyof typeof BRIDGE_EVENTS]: z.infer<(typeof BRIDGE_EVENTS)[K]> };
export type BridgeEventName = keyof BridgeEvents;
export const BridgeEventName = z.enum(Object.keys(BRIDGE_EVENTS) as [BridgeEventName, ...BridgeEventName[]]);

// ---- calls (terminal → device layer) ----

const NoParams = z.object({}).strict().optional();

/** Params of each call; a call without params takes none or `{}`. */
export const BRIDGE_PARAMS = {
  status: NoParams,
  print: PrintJob,
  led: LedRequest,
  'fingerprint.identify': FingerprintWait.optional(),
  'fingerprint.enroll': FingerprintEnrollParams,
  /** Ends a waiting identify or enroll with `cancelled`. */
  'fingerprint.cancel': NoParams,
  /** Uploads the template stored at a page (after an enrolment, for the hall to keep). */
  'fingerprint.readTemplate': FingerprintPage,
  /** Stores a template the hall keeps into a page of this module. */
  'fingerprint.writeTemplate': FingerprintTemplateWrite,
  /** Empties the module's library (before loading the hall's library whole). */
  'fingerprint.clear': NoParams,
  'fingerprint.delete': FingerprintPage,
  'caller.show': CallerShow,
  /** Starts polling the reader for cards; a card already on it is reported again. */
  'idcard.start': NoParams,
  'idcard.stop': NoParams,
} as const;
export type BridgeMethod = keyof typeof BRIDGE_PARAMS;
export const BridgeMethod = z.enum(Object.keys(BRIDGE_PARAMS) as [BridgeMethod, ...BridgeMethod[]]);
export type BridgeParams = { [M in BridgeMethod]: z.infer<(typeof BRIDGE_PARAMS)[M]> };

export const BRIDGE_RESULTS = {
  status: BridgeStatus,
  print: PrintResult,
  led: z.null(),
  'fingerprint.identify': FingerprintIdentifyOutcome,
  'fingerprint.enroll': FingerprintEnrollOutcome,
  'fingerprint.cancel': z.null(),
  'fingerprint.readTemplate': z.object({ template: TemplateBase64 }),
  'fingerprint.writeTemplate': z.null(),
  'fingerprint.clear': z.null(),
  'fingerprint.delete': z.null(),
  'caller.show': z.null(),
  'idcard.start': z.null(),
  'idcard.stop': z.null(),
} as const satisfies Record<BridgeMethod, z.ZodType>;
export type BridgeResults = { [M in BridgeMethod]: z.infer<(typeof BRIDGE_RESULTS)[M]> };

/** The device API a terminal renderer uses, the same in Electron and in browser mode. */
export interface TerminalBridge {
  /** Returns an unsubscribe function. */
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  status(): Promise<BridgeReply<BridgeStatus>>;
  /** Fails with paperOut / coverOpen / offline / absent / timeout when the paper would not come out. */
  print(job: PrintJob): Promise<BridgeReply<PrintResult>>;
  led(request: LedRequest): Promise<BridgeReply<null>>;
  fingerprint: {
    identify(options?: FingerprintWait): Promise<BridgeReply<FingerprintIdentifyOutcome>>;
    enroll(params: FingerprintEnrollParams): Promise<BridgeReply<FingerprintEnrollOutcome>>;
    cancel(): Promise<BridgeReply<null>>;
    readTemplate(params: FingerprintPage): Promise<BridgeReply<{ template: string }>>;
    writeTemplate(params: FingerprintTemplateWrite): Promise<BridgeReply<null>>;
    clear(): Promise<BridgeReply<null>>;
    delete(params: FingerprintPage): Promise<BridgeReply<null>>;
  };
  caller: {
    show(request: CallerShow): Promise<BridgeReply<null>>;
  };
  idcard: {
    start(): Promise<BridgeReply<null>>;
    stop(): Promise<BridgeReply<null>>;
  };
}

// ---- the device agent's WebSocket messages ----

export const BridgeRequestId = z.union([z.string().min(1).max(64), z.number().int()]);
export type BridgeRequestId = z.infer<typeof BridgeRequestId>;

/** Terminal → agent. `method` is checked against BridgeMethod after the envelope. */
export const BridgeRequest = z.object({
  id: BridgeRequestId,
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export type BridgeRequest = z.infer<typeof BridgeRequest>;

/** Agent → terminal, one per request; `id` is null when the request was too broken to have one. */
export const BridgeReplyMessage = z.union([
  z.object({ id: BridgeRequestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ id: BridgeRequestId.nullable(), ok: z.literal(false), error: BridgeError }),
]);
export type BridgeReplyMessage = z.infer<typeof BridgeReplyMessage>;

/** Sent by the agent first on every accepted connection. */
export const BridgeHello = z.object({
  terminalId: z.string(),
  role: z.string(),
  /** True when the devices are simulators (demo, tests). */
  simulated: z.boolean(),
  devices: z.array(DeviceKind),
});
export type BridgeHello = z.infer<typeof BridgeHello>;

/** Agent → terminal, pushed. */
export const BridgeEventMessage = z.union([
  z.object({ event: z.literal('hello'), payload: BridgeHello }),
  z.object({ event: BridgeEventName, payload: z.unknown() }),
]);
export type BridgeEventMessage = z.infer<typeof BridgeEventMessage>;

/** WebSocket close codes the agent uses when it refuses a connection. */
export const BRIDGE_CLOSE_CODES = {
  /** Missing or wrong token. */
  unauthorized: 4401,
  /** The page's Origin is not on the agent's allow-list. */
  forbiddenOrigin: 4403,
} as const;
