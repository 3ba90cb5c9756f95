import { z } from 'zod';
import { IsoDate } from './calendar';
import { IdentityCard, PrintJob } from './devices';
import { Id } from './hall';
import { IdCardInput } from './id-card';

/**
 * Cases (办件): what a clerk opens from the ticket being served, for one service item or a
 * 一件事 bundle, and follows until the result is handed over. The seven kinds (七办件) are
 * the five a case is accepted as, plus 补办件 (waiting for papers) and 退回件 (returned with
 * written reasons), which are what a case becomes.
 */

export const CASE_KINDS = ['immediate', 'promised', 'joint', 'referral', 'urgent', 'supplement', 'returned'] as const;
export const CaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKind>;

/** 即办件, 承诺件, 联办件, 报批件, 特办件: how an accepted case is handled. */
export const HandlingKind = z.enum(['immediate', 'promised', 'joint', 'referral', 'urgent']);
export type HandlingKind = z.infer<typeof HandlingKind>;

export const CASE_STATUSES = [
  /** Opened at the window; papers being checked. */
  'registered',
  /** 补办件: told in writing, once, what is missing; waiting for the citizen. */
  'awaitingMaterials',
  /** 受理: being processed. */
  'accepted',
  /** 报批件: handed to a higher authority, its reply awaited. */
  'referred',
  /** Approved: the result waits to be handed over. */
  'approved',
  /** 不予许可: decided against, with reasons. Final. */
  'denied',
  /** The result is with the citizen (at the window or by post). Final. */
  'handedOver',
  /** 退回件 / 不予受理: not accepted, with written reasons. Final. */
  'returned',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['denied', 'handedOver', 'returned'];

/** A case number: the business day and its sequence, all digits so a kiosk keypad can type it. */
export const CaseNumber = z.string().regex(/^\d{12}$/, '办件编号为12位数字');
/** The check code printed on the case's notices; with the number it opens the public progress page. */
export const CheckCode = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{8}$/, '查询码为8位字母或数字'));

export const CaseMaterialState = z.enum(['missing', 'received', 'deferred']);
export type CaseMaterialState = z.infer<typeof CaseMaterialState>;

/** One paper of the case; a bundle's papers are de-duplicated by name across its items. */
export const CaseMaterial = z.object({
  /** Stable within the case: `m1`, `m2` … in the order of the items' guides. */
  key: z.string(),
  name: z.string(),
  required: z.boolean(),
  /** May be brought later under a pledge (容缺). */
  supplementable: z.boolean(),
  form: z.enum(['original', 'copy', 'originalAndCopy', 'form']),
  copies: z.number().int().min(1),
  note: z.string().optional(),
  /** The items that ask for it. */
  itemIds: z.array(Id),
  state: CaseMaterialState,
  receivedAt: z.number().nullable(),
  /** It was deferred under the pledge (stays true once received). */
  deferred: z.boolean(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

export const PledgeSigner = z.enum(['applicant', 'agent']);
export type PledgeSigner = z.infer<typeof PledgeSigner>;

/** 承诺书: the signer promises to bring the deferred papers by `dueDate`. */
export const Pledge = z.object({
  signer: PledgeSigner,
  signerNameMasked: z.string(),
  dueDate: IsoDate,
  signedAt: z.number(),
  /** Keys of the deferred papers. */
  materialKeys: z.array(z.string()).min(1),
});
export type Pledge = z.infer<typeof Pledge>;

export const JointStep = z.object({
  id: z.string(),
  departmentId: Id,
  title: z.string(),
  days: z.number().int().min(0),
  deadline: IsoDate,
  status: z.enum(['pending', 'done']),
  doneAt: z.number().nullable(),
  doneBy: Id.nullable(),
  note: z.string().nullable(),
});
export type JointStep = z.infer<typeof JointStep>;

export const Referral = z.object({
  authority: z.string(),
  reference: z.string().nullable(),
  sentAt: z.number(),
  replyBy: IsoDate,
  reply: z
    .object({
      outcome: z.enum(['approved', 'denied']),
      reference: z.string().nullable(),
      note: z.string().nullable(),
      at: z.number(),
    })
    .nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const Handover = z.discriminatedUnion('method', [
  z.object({ method: z.literal('window'), at: z.number(), by: Id }),
  z.object({
    method: z.literal('post'),
    trackingNumber: z.string(),
    carrier: z.string().nullable(),
    at: z.number(),
    by: Id,
  }),
]);
export type Handover = z.infer<typeof Handover>;

/** What anyone but the case's own staff may see of a person: masked. */
export const MaskedPerson = z.object({ nameMasked: z.string(), idMasked: z.string() });
export type MaskedPerson = z.infer<typeof MaskedPerson>;

/** A case as consoles and the admin see it: people masked, no check code. */
export const CaseView = z.object({
  id: Id,
  number: CaseNumber,
  status: CaseStatus,
  kind: CaseKind,
  /** The kind it will be, or was, accepted as. */
  handling: HandlingKind,
  title: z.string(),
  itemIds: z.array(Id).min(1),
  bundleId: Id.nullable(),
  /** The lead department (the first item's). */
  departmentId: Id,
  windowId: Id,
  clerkId: Id,
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  applicant: MaskedPerson,
  /** A green-card agent acting for the applicant. */
  agent: MaskedPerson.nullable(),
  phoneMasked: z.string().nullable(),
  materials: z.array(CaseMaterial),
  pledge: Pledge.nullable(),
  openedAt: z.number(),
  /** When the one-time notice of missing papers was given (补办件). */
  materialsRequestedAt: z.number().nullable(),
  acceptedAt: z.number().nullable(),
  /** Promised working days of the case (the longest of its items'). */
  promisedDays: z.number().int().min(0),
  /** Due date in working days from the acceptance day (start day not counted); null until accepted. */
  deadline: IsoDate.nullable(),
  urgentReason: z.string().nullable(),
  steps: z.array(JointStep),
  referral: Referral.nullable(),
  /** 退回件 reasons, or the reasons of a denial. */
  reasons: z.array(z.string()),
  decidedAt: z.number().nullable(),
  handover: Handover.nullable(),
  /** Each committed step adds one; a command may name the revision it saw. */
  rev: z.number().int().min(1),
  updatedAt: z.number(),
});
export type CaseView = z.infer<typeof CaseView>;

/** The applicant's identity as read from the ID card at the window: shown only to the case's staff. */
export const ApplicantIdentity = IdentityCard.extend({ phone: z.string().nullable() });
export type ApplicantIdentity = z.infer<typeof ApplicantIdentity>;

/** What the case's own staff (its clerk, its window, the admin) see: the full identity and the check code. */
export const CaseDetail = CaseView.extend({
  identity: ApplicantIdentity.nullable(),
  checkCode: z.string().nullable(),
  /** Where the citizen follows the case: printed as the notices' QR code. */
  progressUrl: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Supervision flags, computed from the calendar and the day: for the console list and the admin monitor. */
export const CaseAlert = z.object({
  caseId: Id,
  number: CaseNumber,
  kind: z.enum([
    'deadlineNear',
    'deadlineOverdue',
    'supplementDue',
    'supplementOverdue',
    'replyOverdue',
    'stepOverdue',
  ]),
  /** The date the alert is about. */
  date: IsoDate,
  /** Working days left until it (negative once past). */
  workingDaysLeft: z.number().int(),
});
export type CaseAlert = z.infer<typeof CaseAlert>;

export const CaseListEntry = z.object({ case: CaseView, alerts: z.array(CaseAlert) });
export type CaseListEntry = z.infer<typeof CaseListEntry>;

/** What a citizen sees of their case, on the public page or at the kiosk: nothing personal beyond the masked name. */
export const CaseProgress = z.object({
  number: CaseNumber,
  title: z.string(),
  kind: CaseKind,
  status: CaseStatus,
  applicantNameMasked: z.string(),
  openedAt: z.number(),
  acceptedAt: z.number().nullable(),
  deadline: IsoDate.nullable(),
  windowNumber: z.number().int().nullable(),
  /** Papers still to bring (容缺 or 补正), with the date promised, if any. */
  outstanding: z.array(z.string()),
  dueDate: IsoDate.nullable(),
  steps: z.array(z.object({ title: z.string(), done: z.boolean(), deadline: IsoDate })),
  handover: z
    .object({ method: z.enum(['window', 'post']), trackingNumber: z.string().nullable(), at: z.number() })
    .nullable(),
  reasons: z.array(z.string()),
  /** Each step that happened, oldest first. */
  timeline: z.array(z.object({ at: z.number(), label: z.string() })),
});
export type CaseProgress = z.infer<typeof CaseProgress>;

// ---- commands ----

const Rev = z.number().int().min(1).optional();
const Text = (max: number) => z.string().trim().min(1).max(max);

/** Opened by the clerk serving the ticket; the applicant's card read at the window fills it. */
export const OpenCaseRequest = z
  .object({
    idempotencyKey: z.string().min(8).max(100),
    itemIds: z.array(Id).min(1).max(20).optional(),
    bundleId: Id.optional(),
    applicant: IdentityCard,
    /** A green-card agent (代办员) acting for the applicant, read from the agent's own card. */
    agent: IdCardInput.optional(),
    phone: z
      .string()
      .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
      .optional(),
  })
  .refine((r) => (r.itemIds === undefined) !== (r.bundleId === undefined), {
    message: '请选择事项或一件事套餐（二选一）',
  });
export type OpenCaseRequest = z.infer<typeof OpenCaseRequest>;

export const CaseRef = z.object({ caseId: Id, rev: Rev });
export type CaseRef = z.infer<typeof CaseRef>;

export const MarkMaterialsRequest = CaseRef.extend({
  marks: z
    .array(z.object({ key: z.string().min(1).max(16), received: z.boolean() }))
    .min(1)
    .max(100),
});
export type MarkMaterialsRequest = z.infer<typeof MarkMaterialsRequest>;

/** How the case is to be handled; absent: what its items say (bundles across departments are joint). */
export const Handling = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('immediate') }),
  z.object({ kind: z.literal('promised') }),
  z.object({ kind: z.literal('referral') }),
  z.object({ kind: z.literal('urgent'), reason: Text(200), days: z.number().int().min(0).max(365) }),
  z.object({
    kind: z.literal('joint'),
    steps: z
      .array(z.object({ departmentId: Id, title: Text(100), days: z.number().int().min(0).max(365) }))
      .min(2)
      .max(20),
  }),
]);
export type Handling = z.infer<typeof Handling>;

export const AcceptCaseRequest = CaseRef.extend({
  handling: Handling.optional(),
  /** 容缺受理: missing papers that may be supplemented are deferred under this pledge. */
  pledge: z.object({ signer: PledgeSigner, dueDate: IsoDate }).optional(),
});
export type AcceptCaseRequest = z.infer<typeof AcceptCaseRequest>;

export const ReturnCaseRequest = CaseRef.extend({ reasons: z.array(Text(500)).min(1).max(10) });
export type ReturnCaseRequest = z.infer<typeof ReturnCaseRequest>;

export const CompleteStepRequest = CaseRef.extend({ stepId: z.string().min(1).max(16), note: Text(500).optional() });
export type CompleteStepRequest = z.infer<typeof CompleteStepRequest>;

export const ReferCaseRequest = CaseRef.extend({
  authority: Text(100),
  reference: Text(100).optional(),
  replyBy: IsoDate,
});
export type ReferCaseRequest = z.infer<typeof ReferCaseRequest>;

export const RecordReplyRequest = CaseRef.extend({
  outcome: z.enum(['approved', 'denied']),
  reference: Text(100).optional(),
  note: Text(500).optional(),
});
export type RecordReplyRequest = z.infer<typeof RecordReplyRequest>;

export const DecideCaseRequest = z.union([
  CaseRef.extend({ outcome: z.literal('approved') }),
  CaseRef.extend({ outcome: z.literal('denied'), reasons: z.array(Text(500)).min(1).max(10) }),
]);
export type DecideCaseRequest = z.infer<typeof DecideCaseRequest>;

export const HandOverRequest = z.union([
  CaseRef.extend({ method: z.literal('window') }),
  CaseRef.extend({
    method: z.literal('post'),
    trackingNumber: z.string().regex(/^[A-Za-z0-9-]{6,40}$/),
    carrier: Text(40).optional(),
  }),
]);
export type HandOverRequest = z.infer<typeof HandOverRequest>;

export const GetCaseRequest = z.union([z.object({ caseId: Id }), z.object({ number: CaseNumber })]);
export type GetCaseRequest = z.infer<typeof GetCaseRequest>;

export const ListCasesRequest = z.object({
  /** `mine`: open cases of the clerk, their window and their department's joint steps; `supplements`: papers still owed. */
  scope: z.enum(['mine', 'supplements']).default('mine'),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListCasesRequest = z.infer<typeof ListCasesRequest>;

export const NOTICE_KINDS = ['missingMaterials', 'deferredAcceptance', 'notAccepted', 'timeLimit'] as const;
/** 缺补材料一次性告知书, 容缺受理通知书, 不予受理事项情况说明, 办结时限告知书. */
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const CaseNoticeRequest = z.object({ caseId: Id, notice: NoticeKind });
export type CaseNoticeRequest = z.infer<typeof CaseNoticeRequest>;

/** Print jobs for the window's printer (two for 容缺受理通知书: one per copy) and the PDF's address. */
export const CaseNoticeResponse = z.object({ jobs: z.array(PrintJob).min(1), pdfPath: z.string() });
export type CaseNoticeResponse = z.infer<typeof CaseNoticeResponse>;

/** At the kiosk: by the case number, or by the card on the reader. */
export const CaseProgressRequest = z.union([z.object({ number: CaseNumber }), z.object({ idCard: IdCardInput })]);
export type CaseProgressRequest = z.infer<typeof CaseProgressRequest>;

export const CaseChangedEvent = z.object({ seq: z.number().int(), case: CaseView });
export type CaseChangedEvent = z.infer<typeof CaseChangedEvent>;

// ---- one-stop bundles and the dishonesty list ----

/** 一件事: the items one life event needs, applied for once at one window. */
export const Bundle = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string(),
  itemIds: z.array(Id).min(2),
});
export type Bundle = z.infer<typeof Bundle>;

/** 失信名单: kept by the admin; a listed person may not use 容缺受理 during the term. */
export const DishonestyEntryRequest = z.object({
  idNumber: z.string().regex(/^\d{17}[\dXx]$/, '请填写18位居民身份证号码'),
  name: Text(60),
  reason: Text(500),
  from: IsoDate,
  until: IsoDate,
});
export type DishonestyEntryRequest = z.infer<typeof DishonestyEntryRequest>;

export const DishonestyEntry = z.object({
  id: Id,
  nameMasked: z.string(),
  idMasked: z.string(),
  reason: z.string(),
  from: IsoDate,
  until: IsoDate,
  createdAt: z.number(),
  liftedAt: z.number().nullable(),
});
export type DishonestyEntry = z.infer<typeof DishonestyEntry>;
