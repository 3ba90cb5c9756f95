import type {
  AcceptCaseRequest,
  Bundle,
  CaseStatus,
  CaseView,
  CompleteStepRequest,
  Handling,
  JointStep,
  MarkMaterialsRequest,
  MaskedPerson,
  RecordReplyRequest,
  ReferCaseRequest,
  ServiceItem,
} from '@yimen/protocol';
import { addWorkingDaysIn, type WorkingCalendar } from './calendar';
import { caseMaterials, missingRequired, outstandingDeferred } from './case-materials';
import type { HallState } from './hall-state';
import { type Failed, fail } from './outcome';

/** A case as the server keeps it: the view plus what never leaves the server. */
export interface CaseRecord extends CaseView {
  /** Keyed hash of the applicant's ID number, for the kiosk lookup and the dishonesty list. */
  readonly idHash: string;
  readonly agentIdHash: string | null;
  /** Secret of the public progress page, printed on the notices. */
  readonly checkCode: string;
  /** The opening command's idempotency key, per window. */
  readonly openKey: string;
}

export function toCaseView(record: CaseRecord): CaseView {
  const { idHash: _h, agentIdHash: _a, checkCode: _c, openKey: _k, ...view } = record;
  return view;
}

/** The clerk acting, with their department (joint steps and deferred papers reach beyond the lead window). */
export interface CaseActor {
  readonly clerkId: string;
  readonly windowId: string;
  readonly departmentId: string;
}

/** The day and the calendar every deadline counts in. */
export interface CaseClock {
  readonly now: number;
  /** The hall's business day, `YYYY-MM-DD`. */
  readonly today: string;
  readonly calendar: WorkingCalendar;
}

export type CaseOutcome = { readonly ok: true; readonly record: CaseRecord } | Failed;

/**
 * The case state machine: which commands a case in each status allows. Kind-specific rules
 * (joint steps, the referral's reply, the deferred papers) are checked by each command.
 */
export const CASE_TRANSITIONS = {
  markMaterials: ['registered', 'awaitingMaterials', 'accepted', 'referred', 'approved'],
  requestMaterials: ['registered'],
  accept: ['registered', 'awaitingMaterials'],
  return: ['registered', 'awaitingMaterials'],
  completeStep: ['accepted'],
  refer: ['accepted'],
  recordReply: ['referred'],
  decide: ['accepted'],
  handOver: ['approved'],
} as const satisfies Record<string, readonly CaseStatus[]>;

export type CaseAction = keyof typeof CASE_TRANSITIONS;

export function caseAllows(status: CaseStatus, action: CaseAction): boolean {
  return (CASE_TRANSITIONS[action] as readonly CaseStatus[]).includes(status);
}

/** The clerk who opened it, or whoever is at its window now: they see the full identity. */
export function handlesCase(record: CaseView, actor: Pick<CaseActor, 'clerkId' | 'windowId'>): boolean {
  return record.clerkId === actor.clerkId || record.windowId === actor.windowId;
}

/** Handlers, and clerks of the lead department (a deferred paper brought back to another of its windows). */
function mayAct(record: CaseView, actor: CaseActor): boolean {
  return handlesCase(record, actor) || record.departmentId === actor.departmentId;
}

interface Guarded {
  readonly rev?: number | undefined;
}

/** Who, which status, which revision: the checks every step starts with. `mayAlso`: another reason the actor may act. */
function guard(record: CaseRecord, actor: CaseActor, action: CaseAction, req: Guarded, mayAlso = false): Failed | null {
  if (!mayAlso && !mayAct(record, actor)) return fail('FORBIDDEN', '该办件不由本窗口办理');
  if (req.rev !== undefined && req.rev !== record.rev) return fail('CONFLICT', '办件已被更新，请刷新后重试');
  if (!caseAllows(record.status, action)) return fail('ILLEGAL_TRANSITION');
  return null;
}

function next(record: CaseRecord, now: number, changes: Partial<CaseRecord>): CaseOutcome {
  return { ok: true, record: { ...record, ...changes, rev: record.rev + 1, updatedAt: now } };
}

// ---- opening ----

export interface OpenCaseInput {
  readonly actor: CaseActor;
  readonly items: readonly ServiceItem[];
  readonly bundle: Bundle | null;
  readonly applicant: MaskedPerson & { readonly idHash: string };
  /** Read from the agent's own card; null when the applicant comes in person. */
  readonly agent: (MaskedPerson & { readonly idHash: string; readonly greenCard: boolean }) | null;
  readonly phoneMasked: string | null;
  readonly openKey: string;
}

export interface NewCaseIds {
  readonly id: string;
  readonly number: string;
  readonly checkCode: string;
  readonly now: number;
}

/** How the items say a case is handled: one department's items as 即办 or 承诺, several departments jointly. */
export function defaultHandling(items: readonly ServiceItem[], departmentNames: ReadonlyMap<string, string>): Handling {
  const departments = [...new Set(items.map((i) => i.departmentId))];
  if (departments.length > 1) {
    return {
      kind: 'joint',
      steps: departments.map((departmentId) => ({
        departmentId,
        title: departmentNames.get(departmentId) ?? departmentId,
        days: Math.max(...items.filter((i) => i.departmentId === departmentId).map((i) => i.promisedDays)),
      })),
    };
  }
  return items.every((i) => i.promisedDays === 0) ? { kind: 'immediate' } : { kind: 'promised' };
}

/** The ticket a window is busy with: a case is opened for the citizen at the window, not from the queue. */
function servedTicket(state: HallState, windowId: string) {
  const window = state.windows.get(windowId);
  const ticket = window?.currentTicketId ? state.tickets.get(window.currentTicketId) : undefined;
  return ticket && (ticket.status === 'serving' || ticket.status === 'called') ? ticket : null;
}

export function openCase(
  state: HallState,
  input: OpenCaseInput,
  departmentNames: ReadonlyMap<string, string>,
  ids: NewCaseIds,
): CaseOutcome {
  const { actor, items, bundle } = input;
  const ticket = servedTicket(state, actor.windowId);
  if (!ticket) return fail('ILLEGAL_TRANSITION', '本窗口没有正在办理的号，请先叫号');
  const first = items[0];
  if (!first) return fail('NOT_FOUND', '没有这个事项');
  if (new Set(items.map((i) => i.id)).size !== items.length) return fail('BAD_REQUEST', '事项重复');
  const window = state.windows.get(actor.windowId);
  const served = new Set(window?.categoryIds ?? []);
  const servesIt = bundle ? items.some((i) => served.has(i.categoryId)) : items.every((i) => served.has(i.categoryId));
  if (!servesIt) return fail('FORBIDDEN', '本窗口不受理该事项');
  if (input.agent && !input.agent.greenCard) return fail('FORBIDDEN', '代办人须为已登记的绿卡代办员');
  const handling = defaultHandling(items, departmentNames);
  const record: CaseRecord = {
    id: ids.id,
    number: ids.number,
    status: 'registered',
    kind: handling.kind,
    handling: handling.kind,
    title: bundle?.name ?? first.name,
    itemIds: items.map((i) => i.id),
    bundleId: bundle?.id ?? null,
    departmentId: first.departmentId,
    windowId: actor.windowId,
    clerkId: actor.clerkId,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    applicant: { nameMasked: input.applicant.nameMasked, idMasked: input.applicant.idMasked },
    agent: input.agent ? { nameMasked: input.agent.nameMasked, idMasked: input.agent.idMasked } : null,
    phoneMasked: input.phoneMasked,
    materials: caseMaterials(items),
    pledge: null,
    openedAt: ids.now,
    materialsRequestedAt: null,
    acceptedAt: null,
    promisedDays: Math.max(...items.map((i) => i.promisedDays)),
    deadline: null,
    urgentReason: null,
    steps: [],
    referral: null,
    reasons: [],
    decidedAt: null,
    handover: null,
    rev: 1,
    updatedAt: ids.now,
    idHash: input.applicant.idHash,
    agentIdHash: input.agent?.idHash ?? null,
    checkCode: ids.checkCode,
    openKey: input.openKey,
  };
  return { ok: true, record };
}

// ---- papers ----

/**
 * Ticks papers off (or back on, before acceptance). After acceptance only a deferred paper
 * may be recorded, as received: the papers the case was accepted on are not taken back.
 */
export function markMaterials(
  record: CaseRecord,
  actor: CaseActor,
  req: Pick<MarkMaterialsRequest, 'marks' | 'rev'>,
  now: number,
): CaseOutcome {
  const refused = guard(record, actor, 'markMaterials', req);
  if (refused) return refused;
  const before = record.status === 'registered' || record.status === 'awaitingMaterials';
  const marks = new Map(req.marks.map((m) => [m.key, m.received]));
  for (const [key, received] of marks) {
    const material = record.materials.find((m) => m.key === key);
    if (!material) return fail('NOT_FOUND', `没有这份材料：${key}`);
    if (!before && !(material.state === 'deferred' && received)) {
      return fail('ILLEGAL_TRANSITION', '已受理的办件只能登记容缺材料的补交');
    }
  }
  const materials = record.materials.map((m) => {
    const received = marks.get(m.key);
    if (received === undefined || received === (m.state === 'received')) return m;
    return received
      ? { ...m, state: 'received' as const, receivedAt: now }
      : { ...m, state: 'missing' as const, receivedAt: null };
  });
  return next(record, now, { materials });
}

/** 补办件: the one-time notice of every missing paper is given; the case waits for the citizen. */
export function requestMaterials(record: CaseRecord, actor: CaseActor, req: Guarded, now: number): CaseOutcome {
  const refused = guard(record, actor, 'requestMaterials', req);
  if (refused) return refused;
  if (missingRequired(record.materials).length === 0) return fail('ILLEGAL_TRANSITION', '材料已齐全，可直接受理');
  return next(record, now, { status: 'awaitingMaterials', kind: 'supplement', materialsRequestedAt: now });
}

// ---- acceptance ----

/** What acceptance needs beyond the case: its items, the dishonesty list, the calendar. */
export interface AcceptFacts {
  readonly items: readonly ServiceItem[];
  readonly departmentNames: ReadonlyMap<string, string>;
  /** The applicant (or the agent who would sign) is on the dishonesty list today. */
  readonly dishonest: { readonly applicant: boolean; readonly agent: boolean };
}

/**
 * The latest date a 容缺 pledge may name: the promised time limit from the day of acceptance;
 * for a 即办件 (limit 0) the items' `supplementDays`, so papers owed on an on-the-spot case
 * still have a few days.
 */
export function pledgeLimit(
  items: readonly ServiceItem[],
  promisedDays: number,
  today: string,
  calendar: WorkingCalendar,
): string {
  const days = promisedDays > 0 ? promisedDays : Math.max(0, ...items.map((i) => i.supplementDays ?? 0));
  return addWorkingDaysIn(calendar, today, days);
}

function names(list: readonly { name: string }[]): string {
  return list.map((m) => m.name).join('、');
}

function jointSteps(
  handling: Extract<Handling, { kind: 'joint' }>,
  record: CaseRecord,
  facts: AcceptFacts,
  clock: CaseClock,
): JointStep[] | Failed {
  const departments = handling.steps.map((s) => s.departmentId);
  if (new Set(departments).size !== departments.length) return fail('BAD_REQUEST', '联办部门重复');
  if (departments.some((d) => !facts.departmentNames.has(d))) return fail('NOT_FOUND', '没有这个部门');
  if (record.promisedDays > 0 && handling.steps.some((s) => s.days > record.promisedDays)) {
    return fail('BAD_REQUEST', '联办各部门时限不能超过承诺办结时限');
  }
  return handling.steps.map((s, i) => ({
    id: `s${i + 1}`,
    departmentId: s.departmentId,
    title: s.title,
    days: s.days,
    deadline: addWorkingDaysIn(clock.calendar, clock.today, s.days),
    status: 'pending',
    doneAt: null,
    doneBy: null,
    note: null,
  }));
}

/** Deadline and kind-specific fields of an accepted case, or why the handling does not fit the case. */
function handlingPlan(
  handling: Handling,
  record: CaseRecord,
  facts: AcceptFacts,
  clock: CaseClock,
): Failed | { deadline: string; steps: JointStep[]; urgentReason: string | null } {
  const days = record.promisedDays;
  const due = (n: number) => addWorkingDaysIn(clock.calendar, clock.today, n);
  switch (handling.kind) {
    case 'immediate':
      return { deadline: clock.today, steps: [], urgentReason: null };
    case 'promised':
    case 'referral':
      if (days === 0) return fail('BAD_REQUEST', '该事项为即办件，没有承诺时限');
      return { deadline: due(days), steps: [], urgentReason: null };
    case 'urgent':
      if (days > 0 ? handling.days >= days : handling.days > 0) {
        return fail('BAD_REQUEST', '特办件的时限须短于承诺时限');
      }
      return { deadline: due(handling.days), steps: [], urgentReason: handling.reason };
    case 'joint': {
      const steps = jointSteps(handling, record, facts, clock);
      if ('ok' in steps) return steps;
      const deadline =
        steps
          .map((s) => s.deadline)
          .sort()
          .at(-1) ?? clock.today;
      return { deadline, steps, urgentReason: null };
    }
  }
}

/**
 * 受理. Every needed paper must be in, except those the item lets be supplemented: with a
 * pledge (承诺书) by the applicant or their green-card agent, not on the dishonesty list,
 * to bring them by a date no later than the promised limit (容缺受理).
 */
export function acceptCase(
  record: CaseRecord,
  actor: CaseActor,
  req: Pick<AcceptCaseRequest, 'handling' | 'pledge' | 'rev'>,
  facts: AcceptFacts,
  clock: CaseClock,
): CaseOutcome {
  const refused = guard(record, actor, 'accept', req);
  if (refused) return refused;
  const missing = missingRequired(record.materials);
  let materials = record.materials;
  let pledge = null;
  if (missing.length > 0) {
    if (!req.pledge) return fail('MATERIALS_INCOMPLETE', `必须提交的材料尚未收齐：${names(missing)}`);
    const notDeferrable = missing.filter((m) => !m.supplementable);
    if (notDeferrable.length > 0) {
      return fail('SUPPLEMENT_NOT_ALLOWED', `以下材料不适用容缺受理，须补齐后受理：${names(notDeferrable)}`);
    }
    const { signer, dueDate } = req.pledge;
    if (signer === 'agent' && !record.agent) return fail('BAD_REQUEST', '本办件没有代办人，承诺书须由申请人签署');
    if (facts.dishonest.applicant || (signer === 'agent' && facts.dishonest.agent)) return fail('DISHONESTY_LISTED');
    if (dueDate < clock.today) return fail('BAD_REQUEST', '承诺补交日期不能早于今天');
    const limit = pledgeLimit(facts.items, record.promisedDays, clock.today, clock.calendar);
    if (dueDate > limit) return fail('PLEDGE_TOO_LATE', `承诺补交日期不能晚于${limit}`);
    const deferred = new Set(missing.map((m) => m.key));
    materials = record.materials.map((m) =>
      deferred.has(m.key) ? { ...m, state: 'deferred' as const, deferred: true } : m,
    );
    pledge = {
      signer,
      signerNameMasked: signer === 'agent' && record.agent ? record.agent.nameMasked : record.applicant.nameMasked,
      dueDate,
      signedAt: clock.now,
      materialKeys: [...deferred],
    };
  } else if (req.pledge) {
    return fail('BAD_REQUEST', '材料已齐全，无需容缺承诺');
  }
  const handling = req.handling ?? defaultHandling(facts.items, facts.departmentNames);
  const plan = handlingPlan(handling, record, facts, clock);
  if ('ok' in plan) return plan;
  return next(record, clock.now, {
    status: 'accepted',
    kind: handling.kind,
    handling: handling.kind,
    materials,
    pledge,
    acceptedAt: clock.now,
    deadline: plan.deadline,
    steps: plan.steps,
    urgentReason: plan.urgentReason,
  });
}

/** 退回件: not accepted, with the written reasons the 不予受理事项情况说明 carries. */
export function returnCase(
  record: CaseRecord,
  actor: CaseActor,
  req: Guarded & { reasons: readonly string[] },
  now: number,
): CaseOutcome {
  const refused = guard(record, actor, 'return', req);
  if (refused) return refused;
  return next(record, now, { status: 'returned', kind: 'returned', reasons: [...req.reasons], decidedAt: now });
}

// ---- handling ----

/** 联办件: one department's step is done; clerks of that department or the lead window record it. */
export function completeStep(
  record: CaseRecord,
  actor: CaseActor,
  req: Pick<CompleteStepRequest, 'stepId' | 'note' | 'rev'>,
  now: number,
): CaseOutcome {
  const step = record.steps.find((s) => s.id === req.stepId);
  const refused = guard(record, actor, 'completeStep', req, step?.departmentId === actor.departmentId);
  if (refused) return refused;
  if (record.kind !== 'joint' || !step) return fail('NOT_FOUND', '没有这个联办环节');
  if (step.status === 'done') return fail('ILLEGAL_TRANSITION', '该环节已办结');
  const steps = record.steps.map((s) =>
    s.id === step.id
      ? { ...s, status: 'done' as const, doneAt: now, doneBy: actor.clerkId, note: req.note ?? null }
      : s,
  );
  return next(record, now, { steps });
}

/** 报批件: handed to the higher authority, whose reply is expected by `replyBy`. */
export function referCase(
  record: CaseRecord,
  actor: CaseActor,
  req: Pick<ReferCaseRequest, 'authority' | 'reference' | 'replyBy' | 'rev'>,
  clock: CaseClock,
): CaseOutcome {
  const refused = guard(record, actor, 'refer', req);
  if (refused) return refused;
  if (record.kind !== 'referral') return fail('ILLEGAL_TRANSITION', '只有报批件需要报送上级');
  if (record.referral) return fail('ILLEGAL_TRANSITION', '该办件已报送过上级');
  if (req.replyBy < clock.today) return fail('BAD_REQUEST', '批复期限不能早于今天');
  const referral = {
    authority: req.authority,
    reference: req.reference ?? null,
    sentAt: clock.now,
    replyBy: req.replyBy,
    reply: null,
  };
  return next(record, clock.now, { status: 'referred', referral });
}

export function recordReply(
  record: CaseRecord,
  actor: CaseActor,
  req: Pick<RecordReplyRequest, 'outcome' | 'reference' | 'note' | 'rev'>,
  now: number,
): CaseOutcome {
  const refused = guard(record, actor, 'recordReply', req);
  if (refused) return refused;
  if (!record.referral) return fail('ILLEGAL_TRANSITION');
  const reply = { outcome: req.outcome, reference: req.reference ?? null, note: req.note ?? null, at: now };
  return next(record, now, { status: 'accepted', referral: { ...record.referral, reply } });
}

export type Decision = Guarded &
  ({ readonly outcome: 'approved' } | { readonly outcome: 'denied'; readonly reasons: readonly string[] });

/** Approve or deny. A joint case waits for every department; a referral for the authority's reply. */
export function decideCase(record: CaseRecord, actor: CaseActor, req: Decision, now: number): CaseOutcome {
  const refused = guard(record, actor, 'decide', req);
  if (refused) return refused;
  if (record.kind === 'referral') {
    const reply = record.referral?.reply;
    if (!reply) return fail('ILLEGAL_TRANSITION', '尚未收到上级机关的批复');
    if (req.outcome === 'approved' && reply.outcome !== 'approved') {
      return fail('ILLEGAL_TRANSITION', '上级机关未批准，不能审批通过');
    }
  }
  if (req.outcome === 'denied')
    return next(record, now, { status: 'denied', reasons: [...req.reasons], decidedAt: now });
  if (record.steps.some((s) => s.status !== 'done')) return fail('ILLEGAL_TRANSITION', '联办部门尚未全部办结');
  return next(record, now, { status: 'approved', decidedAt: now });
}

export type Delivery = Guarded &
  (
    | { readonly method: 'window' }
    | { readonly method: 'post'; readonly trackingNumber: string; readonly carrier?: string | undefined }
  );

/** The result reaches the citizen, at the window or by post; never while a deferred paper is owed. */
export function handOver(record: CaseRecord, actor: CaseActor, req: Delivery, now: number): CaseOutcome {
  const refused = guard(record, actor, 'handOver', req);
  if (refused) return refused;
  const owed = outstandingDeferred(record.materials);
  if (owed.length > 0) return fail('MATERIALS_OUTSTANDING', `容缺材料尚未补齐：${names(owed)}`);
  const handover =
    req.method === 'post'
      ? {
          method: 'post' as const,
          trackingNumber: req.trackingNumber,
          carrier: req.carrier ?? null,
          at: now,
          by: actor.clerkId,
        }
      : { method: 'window' as const, at: now, by: actor.clerkId };
  return next(record, now, { status: 'handedOver', handover });
}
