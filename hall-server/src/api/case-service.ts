import { randomUUID } from 'node:crypto';
import {
  type AcceptCaseRequest,
  type Ack,
  ApplicantIdentity,
  type CaseAlert,
  type CaseDetail,
  type CaseListEntry,
  type CaseNoticeResponse,
  type CaseProgress,
  type CaseProgressRequest,
  type CaseRef,
  type CaseStatus,
  type CompleteStepRequest,
  type DecideCaseRequest,
  type DishonestyEntry,
  type DishonestyEntryRequest,
  type ErrorBody,
  type GetCaseRequest,
  type HandOverRequest,
  type ListCasesRequest,
  type MarkMaterialsRequest,
  maskPhone,
  type NoticeKind,
  type NoticePrint,
  type OpenCaseRequest,
  type PrintJob,
  type RecordReplyRequest,
  type ReferCaseRequest,
  type ReturnCaseRequest,
  type ServiceItem,
  zhCN,
} from '@yimen/protocol';
import * as domain from '../domain';
import { AuthRepo } from '../store/auth-repo';
import { CaseRepo, DishonestyRepo } from '../store/case-repo';
import type { Db } from '../store/db';
import { readableCode } from './credentials';
import { FieldCipher } from './field-crypto';
import type { ClerkActor, HallService } from './hall-service';
import { holderFacts } from './holder';

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/** Who reads a case: the admin sees everything; a clerk sees the full identity only of cases they handle. */
export type CaseViewer = { readonly role: 'admin' } | ClerkActor;

type CaseReply = Ack<{ case: CaseDetail }>;

/** Cases opened a day, at most: numbers carry four digits of sequence. */
const MAX_CASES_PER_DAY = 9999;

/**
 * The shell around the case logic: it gathers what a step needs (the case, its items, the
 * dishonesty list, the calendar), lets the domain decide, and commits the case with its
 * `case:changed` event through the hall's one commit path: on disk, in the event log, before
 * the ack. The applicant's identity is sealed at rest and opened only for the case's staff.
 */
export class CaseService {
  private readonly repo: CaseRepo;
  private readonly dishonesty: DishonestyRepo;
  private readonly auth: AuthRepo;
  private readonly identities: FieldCipher;

  constructor(
    db: Db,
    private readonly hall: HallService,
    private readonly idKey: Buffer,
  ) {
    this.repo = new CaseRepo(db);
    this.dishonesty = new DishonestyRepo(db);
    this.auth = new AuthRepo(db);
    this.identities = new FieldCipher(idKey, 'case-applicant');
  }

  // ---- steps ----

  open(actor: ClerkActor, req: OpenCaseRequest): Ack<{ case: CaseDetail; replayed: boolean }> {
    const replay = this.repo.byOpenKey(actor.windowId, req.idempotencyKey);
    if (replay) return { ok: true, case: this.detail(replay, actor), replayed: true };
    const applicant = holderFacts({ idNumber: req.applicant.idNumber, name: req.applicant.name }, this.idKey);
    if (!applicant) return failure('INVALID_ID_CARD', '申请人身份证号码无效');
    const agent = req.agent ? holderFacts(req.agent, this.idKey) : null;
    if (req.agent && !agent) return failure('INVALID_ID_CARD', '代办人身份证号码无效');
    const bundle = req.bundleId ? (this.hall.config.bundles ?? []).find((b) => b.id === req.bundleId) : null;
    if (req.bundleId && !bundle) return failure('NOT_FOUND', '没有这个一件事套餐');
    const items = this.items(bundle?.itemIds ?? req.itemIds ?? []);
    if (!items) return failure('NOT_FOUND', '没有这个事项');
    const sequence = this.repo.lastSequence(this.hall.businessDay) + 1;
    if (sequence > MAX_CASES_PER_DAY) return failure('CONFLICT', '今日办件编号已用完');
    const identity = ApplicantIdentity.parse({ ...req.applicant, phone: req.phone ?? null });
    const sealed = this.identities.seal(JSON.stringify(identity));
    const ids = {
      id: randomUUID(),
      number: `${this.hall.businessDay.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`,
      checkCode: readableCode(8),
      now: this.hall.clock(),
    };
    let opened: domain.CaseRecord | null = null;
    const result = this.hall.execute(
      (state) => {
        const outcome = domain.openCase(
          state,
          {
            actor: this.caseActor(actor),
            items,
            bundle: bundle ?? null,
            applicant,
            agent: agent && { ...agent, greenCard: this.auth.isGreenCard(agent.idHash) },
            phoneMasked: req.phone ? maskPhone(req.phone) : null,
            openKey: req.idempotencyKey,
          },
          this.departmentNames(),
          ids,
        );
        if (!outcome.ok) return outcome;
        opened = outcome.record;
        return this.changed(outcome.record);
      },
      () => opened && this.repo.insert(opened, sealed),
    );
    return result.ok ? { ok: true, case: this.detail(result.reply, actor), replayed: false } : result;
  }

  markMaterials(actor: ClerkActor, req: MarkMaterialsRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.markMaterials(c, a, req, clock.now));
  }

  requestMaterials(actor: ClerkActor, req: CaseRef): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.requestMaterials(c, a, req, clock.now));
  }

  accept(actor: ClerkActor, req: AcceptCaseRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => {
      const items = this.items(c.itemIds) ?? [];
      const dishonest = {
        applicant: this.dishonesty.listed(c.idHash, clock.today),
        agent: c.agentIdHash !== null && this.dishonesty.listed(c.agentIdHash, clock.today),
      };
      return domain.acceptCase(c, a, req, { items, departmentNames: this.departmentNames(), dishonest }, clock);
    });
  }

  returnCase(actor: ClerkActor, req: ReturnCaseRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.returnCase(c, a, req, clock.now));
  }

  completeStep(actor: ClerkActor, req: CompleteStepRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.completeStep(c, a, req, clock.now));
  }

  refer(actor: ClerkActor, req: ReferCaseRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.referCase(c, a, req, clock));
  }

  recordReply(actor: ClerkActor, req: RecordReplyRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.recordReply(c, a, req, clock.now));
  }

  decide(actor: ClerkActor, req: DecideCaseRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.decideCase(c, a, req, clock.now));
  }

  handOver(actor: ClerkActor, req: HandOverRequest): CaseReply {
    return this.step(actor, req, (c, a, clock) => domain.handOver(c, a, req, clock.now));
  }

  // ---- reads ----

  get(viewer: CaseViewer, req: GetCaseRequest): CaseReply {
    const record = 'caseId' in req ? this.repo.byId(req.caseId) : this.repo.byNumber(req.number);
    if (!record) return failure('NOT_FOUND', '未找到该办件');
    return { ok: true, case: this.detail(record, viewer) };
  }

  /** A clerk's worklist: the open cases of their window or in their hands, their department's joint steps, with alerts. */
  list(actor: ClerkActor, req: ListCasesRequest): Ack<{ cases: CaseListEntry[] }> {
    const a = this.caseActor(actor);
    const mine = (c: domain.CaseRecord) =>
      domain.handlesCase(c, a) ||
      c.departmentId === a.departmentId ||
      c.steps.some((s) => s.departmentId === a.departmentId && s.status === 'pending');
    const cases = this.repo
      .open(5000)
      .filter(mine)
      .map((c) => ({ case: domain.toCaseView(c), alerts: this.alerts(c) }))
      .filter((e) => req.scope === 'mine' || e.case.materials.some((m) => m.state === 'deferred'))
      .slice(0, req.limit);
    return { ok: true, cases };
  }

  /** Every open case's alerts, for the admin monitor. */
  allAlerts(): CaseAlert[] {
    return this.repo.open(100_000).flatMap((c) => this.alerts(c));
  }

  adminList(from: number, to: number, status: CaseStatus | null, limit: number): CaseListEntry[] {
    return this.repo.list(from, to, status, limit).map((c) => ({ case: domain.toCaseView(c), alerts: this.alerts(c) }));
  }

  /** Print jobs for the window's printer and where the same papers are as a PDF. */
  notice(viewer: CaseViewer, caseId: string, kind: NoticeKind): Ack<CaseNoticeResponse> {
    const notices = this.noticePapers(viewer, caseId, kind);
    if (!Array.isArray(notices)) return notices;
    const jobs: PrintJob[] = notices.map((notice) => ({ template: 'notice', notice }));
    return { ok: true, jobs, pdfPath: `/api/cases/${caseId}/notices/${kind}.pdf` };
  }

  /** The notice as laid out for paper: the case's staff only (it carries the check code). */
  noticePapers(viewer: CaseViewer, caseId: string, kind: NoticeKind): NoticePrint[] | { ok: false; error: ErrorBody } {
    const record = this.repo.byId(caseId);
    if (!record) return failure('NOT_FOUND', '未找到该办件');
    if (!this.seesAll(record, viewer)) return failure('FORBIDDEN', '只有办理该办件的窗口可以打印告知书');
    const window = this.hall.config.windows.find((w) => w.id === record.windowId);
    return domain.caseNotices(kind, domain.toCaseView(record), {
      hallName: this.hall.config.hallName,
      timeZone: this.hall.config.rules.timeZone,
      calendar: this.hall.calendar,
      windowName: window?.name ?? '',
      checkCode: record.checkCode,
      progressUrl: this.progressUrl(record),
      now: this.hall.clock(),
    });
  }

  /** The public page's data: the number and the check code printed on the notice must match. */
  progressByCode(number: string, checkCode: string): CaseProgress | null {
    const record = this.repo.byNumber(number);
    if (!record || record.checkCode !== checkCode) return null;
    return this.progress(record);
  }

  /** At the kiosk: one case by its number, or the card holder's recent cases. */
  kioskProgress(req: CaseProgressRequest): Ack<{ cases: CaseProgress[] }> {
    if ('number' in req) {
      const record = this.repo.byNumber(req.number);
      return { ok: true, cases: record ? [this.progress(record)] : [] };
    }
    const holder = holderFacts(req.idCard, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD');
    return { ok: true, cases: this.repo.forHolder(holder.idHash, 10).map((c) => this.progress(c)) };
  }

  // ---- the dishonesty list (admin) ----

  listDishonesty(): DishonestyEntry[] {
    return this.dishonesty.all();
  }

  addDishonesty(req: DishonestyEntryRequest): Ack<{ entry: DishonestyEntry }> {
    const holder = holderFacts({ idNumber: req.idNumber, name: req.name }, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD');
    if (req.until < req.from) return failure('BAD_REQUEST', '失信期限的结束日期不能早于开始日期');
    const entry: DishonestyEntry = {
      id: randomUUID(),
      nameMasked: holder.nameMasked,
      idMasked: holder.idMasked,
      reason: req.reason,
      from: req.from,
      until: req.until,
      createdAt: this.hall.clock(),
      liftedAt: null,
    };
    this.dishonesty.add(entry, holder.idHash);
    return { ok: true, entry };
  }

  liftDishonesty(id: string): Ack {
    return this.dishonesty.lift(id, this.hall.clock()) ? { ok: true } : failure('NOT_FOUND', '未找到该失信记录');
  }

  // ---- internals ----

  /** Loads the case, decides the step, commits it with its event; replies with what the actor may see. */
  private step(
    actor: ClerkActor,
    ref: { caseId: string },
    decide: (c: domain.CaseRecord, a: domain.CaseActor, clock: domain.CaseClock) => domain.CaseOutcome,
  ): CaseReply {
    const record = this.repo.byId(ref.caseId);
    if (!record) return failure('NOT_FOUND', '未找到该办件');
    let decided: domain.CaseRecord | null = null;
    const result = this.hall.execute(
      (state) => {
        const outcome = decide(record, this.caseActor(actor), {
          now: this.hall.clock(),
          today: state.businessDay,
          calendar: this.hall.calendar,
        });
        if (!outcome.ok) return outcome;
        decided = outcome.record;
        return this.changed(outcome.record);
      },
      () => decided && this.repo.update(decided),
    );
    return result.ok ? { ok: true, case: this.detail(result.reply, actor) } : result;
  }

  private changed(record: domain.CaseRecord): domain.Outcome<domain.CaseRecord> {
    return {
      ok: true,
      changes: domain.NO_CHANGES,
      events: [{ name: 'case:changed', payload: { case: domain.toCaseView(record) } }],
      reply: record,
    };
  }

  private caseActor(actor: ClerkActor): domain.CaseActor {
    const clerk = this.hall.config.clerks.find((c) => c.id === actor.clerkId);
    return { clerkId: actor.clerkId, windowId: actor.windowId, departmentId: clerk?.departmentId ?? '' };
  }

  private seesAll(record: domain.CaseRecord, viewer: CaseViewer): boolean {
    return viewer.role === 'admin' || domain.handlesCase(record, viewer);
  }

  /** The full identity and the check code for the case's staff; masked for everyone else. */
  private detail(record: domain.CaseRecord, viewer: CaseViewer): CaseDetail {
    const view = domain.toCaseView(record);
    if (!this.seesAll(record, viewer)) return { ...view, identity: null, checkCode: null, progressUrl: null };
    const sealed = this.repo.identitySealed(record.id);
    const identity = sealed ? ApplicantIdentity.parse(JSON.parse(this.identities.open(sealed))) : null;
    return { ...view, identity, checkCode: record.checkCode, progressUrl: this.progressUrl(record) };
  }

  private progressUrl(record: domain.CaseRecord): string {
    return `${this.hall.publicUrl}/c/${record.number}?k=${record.checkCode}`;
  }

  private progress(record: domain.CaseRecord): CaseProgress {
    const window = this.hall.config.windows.find((w) => w.id === record.windowId);
    return domain.toCaseProgress(domain.toCaseView(record), window?.number ?? null);
  }

  private alerts(record: domain.CaseRecord): CaseAlert[] {
    return domain.caseAlerts(domain.toCaseView(record), this.hall.businessDay, this.hall.calendar);
  }

  /** The items by id, in the given order; null if any is unknown. */
  private items(ids: readonly string[]): ServiceItem[] | null {
    const byId = new Map(this.hall.config.items.map((i) => [i.id, i]));
    const items = ids.map((id) => byId.get(id));
    return items.every((i) => i !== undefined) && items.length > 0 ? (items as ServiceItem[]) : null;
  }

  private departmentNames(): Map<string, string> {
    return new Map(this.hall.config.departments.map((d) => [d.id, d.shortName]));
  }
}
