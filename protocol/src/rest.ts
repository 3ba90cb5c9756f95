import { z } from 'zod';
import { Bundle } from './cases';
import { Category, Clerk, Department, Id, ServiceItem, Window } from './hall';
import { WindowView } from './queue';
import { RatingRules } from './ratings';
import { BusinessDay, TicketStatus } from './ticket';

export const HealthResponse = z.object({
  ok: z.boolean(),
  seq: z.number().int(),
  businessDay: BusinessDay,
  uptimeSec: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** GET /api/config: the hall as any terminal may know it. */
export const PublicConfig = z.object({
  hallName: z.string(),
  /** Base of the links phones open (ticket status, service guide); the hall's LAN address. */
  publicUrl: z.string(),
  timeZone: z.string(),
  departments: z.array(Department),
  categories: z.array(Category),
  items: z.array(ServiceItem),
  windows: z.array(Window),
  clerks: z.array(Clerk),
  /** 一件事 bundles a window may open one case for. */
  bundles: z.array(Bundle).optional(),
  /** The rating scale and the pad's wait, for every window's pad. */
  ratings: RatingRules,
  /** The hall's complaint line (监督电话), shown on the window pads. */
  complaintPhone: z.string(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const ClerkLoginRequest = z.object({
  staffNo: z.string().min(1).max(32),
  password: z.string().min(1).max(200),
  windowId: Id,
});
export type ClerkLoginRequest = z.infer<typeof ClerkLoginRequest>;

export const ClerkLoginResponse = z.object({
  ok: z.literal(true),
  session: z.string(),
  clerk: Clerk,
  window: WindowView,
});
export type ClerkLoginResponse = z.infer<typeof ClerkLoginResponse>;

/** POST /api/clerk/fingerprint-login: a console asks to sign its clerk in by the finger on its window's module. */
export const FingerprintLoginRequest = z.object({ windowId: Id }).strict();
export type FingerprintLoginRequest = z.infer<typeof FingerprintLoginRequest>;

/**
 * The sign-in request the console then waits on. Its id is the console's alone (a nonce:
 * only the one who holds it receives the session); the code shows on the console and on the
 * pad, so the clerk presses only for the prompt they started.
 */
export const FingerprintLoginStarted = z.object({
  ok: z.literal(true),
  requestId: Id,
  code: z.string().regex(/^\d{4}$/),
  /** How long the request lives from now (a duration: the window PC's clock need not agree with the hall's). */
  expiresInMs: z.number().int().min(0),
});
export type FingerprintLoginStarted = z.infer<typeof FingerprintLoginStarted>;

/** POST /api/clerk/fingerprint-login/wait (answers with the session, as a password sign-in does) and …/cancel. */
export const FingerprintLoginRef = z.object({ requestId: Id }).strict();
export type FingerprintLoginRef = z.infer<typeof FingerprintLoginRef>;

/** What a phone sees after scanning a ticket's QR code: no personal data. */
export const TicketStatusView = z.object({
  number: z.string(),
  categoryName: z.string(),
  businessDay: BusinessDay,
  status: TicketStatus,
  issuedAt: z.number(),
  /** 1 = next; null once the ticket is no longer waiting. */
  position: z.number().int().nullable(),
  aheadCount: z.number().int().nullable(),
  estimatedWaitMin: z.number().nullable(),
  /** Whether any window serving its queue is open now. */
  windowsOpen: z.boolean(),
  windowNumber: z.number().int().nullable(),
});
export type TicketStatusView = z.infer<typeof TicketStatusView>;

/** A terminal as the hall registered it. */
export const TerminalInfo = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(['kiosk', 'display', 'evaluator', 'admin']),
  windowId: Id.nullable(),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

/** POST /api/admin/terminals/:id/enrolment-code (admin): a one-time code for the terminal's screen. */
export const EnrolmentCodeResponse = z.object({
  ok: z.literal(true),
  code: z.string().regex(/^\d{8}$/),
  expiresAt: z.number(),
  terminal: TerminalInfo,
});
export type EnrolmentCodeResponse = z.infer<typeof EnrolmentCodeResponse>;

/** POST /api/terminals/enrol: the terminal trades the code for its long-lived token. */
export const EnrolRequest = z.object({ code: z.string().regex(/^\d{8}$/, '注册码为8位数字') });
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({ ok: z.literal(true), token: z.string(), terminal: TerminalInfo });
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** A device's recorded state; `warning` is a ready printer whose paper is near its end. */
export const DeviceStateRow = z.object({
  kind: z.string(),
  state: z.enum(['ready', 'absent', 'fault', 'warning']),
  reason: z.string().nullable(),
  at: z.number(),
});

/** GET /api/admin/terminals (admin): every terminal with its devices' last states. */
export const TerminalsResponse = z.object({
  ok: z.literal(true),
  terminals: z.array(TerminalInfo.extend({ devices: z.array(DeviceStateRow), lastReportAt: z.number().nullable() })),
});
export type TerminalsResponse = z.infer<typeof TerminalsResponse>;
