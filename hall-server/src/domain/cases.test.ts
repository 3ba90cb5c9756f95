import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Bundle, CaseStatus, ServiceItem } from '@yimen/protocol';
import { makeState } from '../testing/small-hall';
import { NATIONAL_CALENDAR, workingCalendar } from './calendar';
import { caseAlerts } from './case-alerts';
import { caseMaterials } from './case-materials';
import { caseNotices } from './case-notices';
import { toCaseProgress } from './case-progress';
import {
  type AcceptFacts,
  acceptCase,
  CASE_TRANSITIONS,
  type CaseActor,
  type CaseClock,
  type CaseOutcome,
  type CaseRecord,
  completeStep,
  decideCase,
  handOver,
  markMaterials,
  openCase,
  pledgeLimit,
  recordReply,
  referCase,
  requestMaterials,
  returnCase,
} from './cases';
import type { HallState, TicketRecord } from './hall-state';

const clerk: CaseActor = { clerkId: 'clerk-1', windowId: 'win-1', departmentId: 'dep-a' };
const otherWindow: CaseActor = { clerkId: 'clerk-2', windowId: 'win-2', departmentId: 'dep-b' };

function item(id: string, over: Partial<ServiceItem> = {}): ServiceItem {
  return {
    id,
    code: `T-${id}`,
    name: `事项${id}`,
    departmentId: 'dep-a',
    categoryId: 'cat-a',
    kind: 'promised',
    conditions: [],
    materials: [
      { name: '居民身份证', required: true, form: 'original', copies: 1 },
      { name: '申请表', required: true, form: 'form', copies: 1 },
      { name: '学历证明', required: true, supplementable: true, form: 'copy', copies: 1 },
      { name: '委托书', required: false, form: 'original', copies: 1 },
    ],
    steps: ['受理', '办结'],
    statutoryDays: 20,
    promisedDays: 5,
    fee: { amountYuan: 0, basis: '不收费' },
    selfService: false,
    supplementLater: true,
    ...over,
  };
}

const DEPARTMENTS = new Map([
  ['dep-a', '人社'],
  ['dep-b', '不动产'],
  ['dep-c', '民政'],
]);

/** Window 1 serving A001. */
function serving(): HallState {
  const state = makeState();
  const ticket = {
    id: 't1',
    number: 'A001',
    businessDay: '2026-11-21',
    categoryId: 'cat-a',
    status: 'serving',
    windowId: 'win-1',
  } as TicketRecord;
  (state.tickets as Map<string, TicketRecord>).set('t1', ticket);
  (state.windows as Map<string, ReturnType<HallState['windows']['get']> & object>).set('win-1', {
    ...(state.windows.get('win-1') as NonNullable<ReturnType<HallState['windows']['get']>>),
    currentTicketId: 't1',
  });
  return state;
}

const clockOn = (today: string, now = Date.parse(`${today}T02:00:00Z`)): CaseClock => ({
  now,
  today,
  calendar: NATIONAL_CALENDAR,
});

function ok(outcome: CaseOutcome): CaseRecord {
  if (!outcome.ok) assert.fail(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.record;
}

function refused(outcome: CaseOutcome, code: string): void {
  assert.equal(outcome.ok, false, `expected ${code}`);
  if (!outcome.ok) assert.equal(outcome.error.code, code);
}

function open(items: ServiceItem[] = [item('i1')], bundle: Bundle | null = null, agentGreenCard = false): CaseRecord {
  return ok(
    openCase(
      serving(),
      {
        actor: clerk,
        items,
        bundle,
        applicant: { idHash: 'h-applicant', nameMasked: '张*三', idMasked: '1101**********002X' },
        agent: agentGreenCard
          ? { idHash: 'h-agent', nameMasked: '李*办', idMasked: '3201**********3454', greenCard: true }
          : null,
        phoneMasked: null,
        openKey: 'key-1',
      },
      DEPARTMENTS,
      { id: 'c1', number: '202511210001', checkCode: 'ABCD2345', now: 1 },
    ),
  );
}

const facts = (items: ServiceItem[] = [item('i1')], dishonest = { applicant: false, agent: false }): AcceptFacts => ({
  items,
  departmentNames: DEPARTMENTS,
  dishonest,
});

const received = (c: CaseRecord, keys: string[]) =>
  ok(markMaterials(c, clerk, { marks: keys.map((key) => ({ key, received: true })) }, 2));

const allIn = (c: CaseRecord) =>
  received(
    c,
    c.materials.filter((m) => m.required).map((m) => m.key),
  );

test('a case opens only from the ticket being served at the clerk’s window, for items that window serves', () => {
  const c = open();
  assert.equal(c.status, 'registered');
  assert.equal(c.ticketNumber, 'A001');
  assert.equal(c.handling, 'promised');
  refused(
    openCase(
      makeState(),
      {
        actor: clerk,
        items: [item('i1')],
        bundle: null,
        applicant: { idHash: 'h', nameMasked: '张*', idMasked: 'x' },
        agent: null,
        phoneMasked: null,
        openKey: 'k',
      },
      DEPARTMENTS,
      { id: 'c', number: '1', checkCode: 'x', now: 1 },
    ),
    'ILLEGAL_TRANSITION',
  );
  const foreign = { actor: clerk, bundle: null, applicant: { idHash: 'h', nameMasked: '张*', idMasked: 'x' } };
  refused(
    openCase(
      serving(),
      { ...foreign, items: [item('i9', { categoryId: 'cat-b' })], agent: null, phoneMasked: null, openKey: 'k' },
      DEPARTMENTS,
      { id: 'c', number: '1', checkCode: 'x', now: 1 },
    ),
    'FORBIDDEN',
  );
  refused(
    openCase(
      serving(),
      {
        ...foreign,
        items: [item('i1')],
        agent: { idHash: 'a', nameMasked: '李*', idMasked: 'y', greenCard: false },
        phoneMasked: null,
        openKey: 'k',
      },
      DEPARTMENTS,
      { id: 'c', number: '1', checkCode: 'x', now: 1 },
    ),
    'FORBIDDEN',
  );
});

test('a bundle brings each shared paper once: needed if any item needs it, deferrable only if every item allows it', () => {
  const a = item('a', {
    materials: [...item('a').materials, { name: '营业执照', required: true, form: 'copy', copies: 1 }],
  });
  const b = item('b', {
    departmentId: 'dep-b',
    categoryId: 'cat-b',
    materials: [
      { name: '居民身份证', required: true, form: 'original', copies: 2 },
      { name: '学历证明', required: true, form: 'original', copies: 1 },
      { name: '营业执照', required: true, supplementable: true, form: 'original', copies: 1 },
      { name: '委托书', required: true, form: 'original', copies: 1 },
    ],
  });
  const merged = caseMaterials([a, b]);
  const by = (name: string) => merged.find((m) => m.name === name);
  assert.equal(merged.length, 5);
  assert.equal(by('居民身份证')?.copies, 2);
  assert.deepEqual(by('居民身份证')?.itemIds, ['a', 'b']);
  assert.equal(by('学历证明')?.supplementable, false, 'item b needs it up front');
  assert.equal(by('学历证明')?.form, 'originalAndCopy');
  assert.equal(by('营业执照')?.supplementable, false, 'item a does not allow deferring it');
  assert.equal(by('委托书')?.required, true, 'optional in a, needed by b');
  assert.equal(
    caseMaterials([item('x', { supplementLater: false })])[2]?.supplementable,
    false,
    'the item must allow 容缺',
  );
});

test('即办件: accepted with every paper in, done the same day, handed over at the window', () => {
  const immediate = [item('i1', { promisedDays: 0, kind: 'immediate' })];
  let c = open(immediate);
  assert.equal(c.handling, 'immediate');
  refused(acceptCase(c, clerk, {}, facts(immediate), clockOn('2026-03-02')), 'MATERIALS_INCOMPLETE');
  c = ok(acceptCase(allIn(c), clerk, {}, facts(immediate), clockOn('2026-03-02')));
  assert.equal(c.kind, 'immediate');
  assert.equal(c.deadline, '2026-03-02');
  c = ok(decideCase(c, clerk, { outcome: 'approved' }, 3));
  c = ok(handOver(c, clerk, { method: 'window' }, 4));
  assert.equal(c.status, 'handedOver');
  assert.equal(c.rev, 5);
  refused(handOver(c, clerk, { method: 'window' }, 5), 'ILLEGAL_TRANSITION');
});

test('承诺件: due in promised working days from acceptance, start day not counted, across 调休', () => {
  // Accepted Friday 26 Sep 2025: Sunday 28 Sep is a make-up working day, 1-8 Oct off: 28, 29, 30 Sep, 9, 10 Oct.
  let c = ok(acceptCase(allIn(open()), clerk, {}, facts(), clockOn('2025-09-26')));
  assert.equal(c.kind, 'promised');
  assert.equal(c.deadline, '2025-10-10');
  // One more day lands on Saturday 11 October, a make-up working day.
  const six = [item('i1', { promisedDays: 6 })];
  assert.equal(ok(acceptCase(allIn(open(six)), clerk, {}, facts(six), clockOn('2025-09-26'))).deadline, '2025-10-11');
  // Accepted 13 Feb 2026 (Friday): Saturday 14 Feb works, 15-23 Feb Spring Festival, 5 days → 27 Feb.
  c = ok(acceptCase(allIn(open()), clerk, {}, facts(), clockOn('2026-02-13')));
  assert.equal(c.deadline, '2026-02-27');
  // A hall closure of its own pushes it a day.
  const closed = {
    ...clockOn('2026-02-13'),
    calendar: workingCalendar([{ date: '2026-02-25', kind: 'holiday', name: '停电' }]),
  };
  assert.equal(ok(acceptCase(allIn(open()), clerk, {}, facts(), closed)).deadline, '2026-02-28');
  c = ok(decideCase(c, clerk, { outcome: 'denied', reasons: ['不符合条件'] }, 9));
  assert.equal(c.status, 'denied');
  refused(handOver(c, clerk, { method: 'window' }, 10), 'ILLEGAL_TRANSITION');
});

test('补办件: the one-time notice lists every missing paper; once brought, the case is accepted as its kind', () => {
  let c = open();
  c = ok(requestMaterials(received(c, ['m1']), clerk, {}, 2));
  assert.equal(c.status, 'awaitingMaterials');
  assert.equal(c.kind, 'supplement');
  const notice = caseNotices('missingMaterials', c, noticeFacts());
  assert.ok(Array.isArray(notice));
  assert.deepEqual(
    notice[0]?.list?.items.map((i) => i.split('（')[0]),
    ['申请表', '学历证明'],
  );
  refused(requestMaterials(c, clerk, {}, 3), 'ILLEGAL_TRANSITION');
  c = ok(acceptCase(allIn(c), clerk, {}, facts(), clockOn('2026-03-02')));
  assert.equal(c.kind, 'promised');
  refused(requestMaterials(allIn(open()), clerk, {}, 3), 'ILLEGAL_TRANSITION');
});

test('退回件: returned with written reasons before acceptance; nothing follows', () => {
  let c = ok(requestMaterials(open(), clerk, {}, 2));
  c = ok(returnCase(c, clerk, { reasons: ['申请人不符合受理条件'] }, 3));
  assert.equal(c.kind, 'returned');
  assert.equal(c.status, 'returned');
  assert.deepEqual(c.reasons, ['申请人不符合受理条件']);
  refused(acceptCase(c, clerk, {}, facts(), clockOn('2026-03-02')), 'ILLEGAL_TRANSITION');
  refused(markMaterials(c, clerk, { marks: [{ key: 'm1', received: true }] }, 4), 'ILLEGAL_TRANSITION');
  const accepted = ok(acceptCase(allIn(open()), clerk, {}, facts(), clockOn('2026-03-02')));
  refused(returnCase(accepted, clerk, { reasons: ['x'] }, 5), 'ILLEGAL_TRANSITION');
});

test('特办件: a reason and a limit shorter than the promised one', () => {
  const c = allIn(open());
  refused(
    acceptCase(c, clerk, { handling: { kind: 'urgent', reason: '重点项目', days: 5 } }, facts(), clockOn('2026-03-02')),
    'BAD_REQUEST',
  );
  const urgent = ok(
    acceptCase(c, clerk, { handling: { kind: 'urgent', reason: '重点项目', days: 2 } }, facts(), clockOn('2026-03-02')),
  );
  assert.equal(urgent.kind, 'urgent');
  assert.equal(urgent.urgentReason, '重点项目');
  assert.equal(urgent.deadline, '2026-03-04');
});

test('联办件: each department’s step with its own deadline; approval waits for all; the department records its own step', () => {
  const items = [item('a'), item('b', { departmentId: 'dep-b', categoryId: 'cat-b', promisedDays: 3 })];
  const bundle: Bundle = { id: 'b1', name: '开餐馆一件事', description: '', itemIds: ['a', 'b'] };
  let c = open(items, bundle);
  assert.equal(c.title, '开餐馆一件事');
  assert.equal(c.handling, 'joint');
  c = ok(acceptCase(allIn(c), clerk, {}, facts(items), clockOn('2026-04-29')));
  assert.equal(c.kind, 'joint');
  // 1-5 May off, Saturday 9 May works: 3 days → 7 May, 5 days → 9 May.
  assert.deepEqual(
    c.steps.map((s) => [s.departmentId, s.deadline]),
    [
      ['dep-a', '2026-05-09'],
      ['dep-b', '2026-05-07'],
    ],
  );
  assert.equal(c.deadline, '2026-05-09');
  refused(decideCase(c, clerk, { outcome: 'approved' }, 3), 'ILLEGAL_TRANSITION');
  const stranger: CaseActor = { clerkId: 'clerk-3', windowId: 'win-3', departmentId: 'dep-c' };
  refused(completeStep(c, stranger, { stepId: 's2' }, 3), 'FORBIDDEN');
  c = ok(completeStep(c, otherWindow, { stepId: 's2', note: '已登记' }, 3));
  refused(completeStep(c, otherWindow, { stepId: 's2' }, 4), 'ILLEGAL_TRANSITION');
  c = ok(completeStep(c, clerk, { stepId: 's1' }, 4));
  c = ok(decideCase(c, clerk, { outcome: 'approved' }, 5));
  assert.equal(c.status, 'approved');
  refused(
    acceptCase(
      allIn(open(items, bundle)),
      clerk,
      {
        handling: {
          kind: 'joint',
          steps: [
            { departmentId: 'dep-a', title: '甲', days: 9 },
            { departmentId: 'dep-b', title: '乙', days: 1 },
          ],
        },
      },
      facts(items),
      clockOn('2026-04-29'),
    ),
    'BAD_REQUEST',
  );
});

test('报批件: referred, the reply recorded, approval only on a favourable reply; late replies flagged', () => {
  let c = ok(acceptCase(allIn(open()), clerk, { handling: { kind: 'referral' } }, facts(), clockOn('2026-03-02')));
  refused(decideCase(c, clerk, { outcome: 'approved' }, 3), 'ILLEGAL_TRANSITION');
  refused(recordReply(c, clerk, { outcome: 'approved' }, 3), 'ILLEGAL_TRANSITION');
  c = ok(referCase(c, clerk, { authority: '市行政审批局', replyBy: '2026-03-05' }, clockOn('2026-03-02')));
  assert.equal(c.status, 'referred');
  refused(decideCase(c, clerk, { outcome: 'approved' }, 3), 'ILLEGAL_TRANSITION');
  // Friday 6 March: the reply was due Thursday; the case itself is due Monday 9 March.
  assert.deepEqual(
    caseAlerts(c, '2026-03-06', NATIONAL_CALENDAR).map((a) => a.kind),
    ['deadlineNear', 'replyOverdue'],
  );
  c = ok(recordReply(c, clerk, { outcome: 'denied', reference: '市审批〔2026〕3号' }, 4));
  assert.equal(c.status, 'accepted');
  refused(decideCase(c, clerk, { outcome: 'approved' }, 5), 'ILLEGAL_TRANSITION');
  c = ok(decideCase(c, clerk, { outcome: 'denied', reasons: ['上级机关不予批准'] }, 5));
  assert.equal(c.status, 'denied');
  const promised = ok(acceptCase(allIn(open()), clerk, {}, facts(), clockOn('2026-03-02')));
  refused(
    referCase(promised, clerk, { authority: '市局', replyBy: '2026-03-05' }, clockOn('2026-03-02')),
    'ILLEGAL_TRANSITION',
  );
});

test('容缺受理: only supplementable papers may be missing, with a pledge no later than the limit; hand-over waits for them', () => {
  const c = received(open(), ['m1', 'm2']);
  const day = clockOn('2026-03-02');
  refused(acceptCase(c, clerk, {}, facts(), day), 'MATERIALS_INCOMPLETE');
  // 5 working days from Monday 2 March: 9 March.
  assert.equal(pledgeLimit([item('i1')], 5, '2026-03-02', NATIONAL_CALENDAR), '2026-03-09');
  refused(
    acceptCase(c, clerk, { pledge: { signer: 'applicant', dueDate: '2026-03-10' } }, facts(), day),
    'PLEDGE_TOO_LATE',
  );
  refused(
    acceptCase(c, clerk, { pledge: { signer: 'applicant', dueDate: '2026-03-01' } }, facts(), day),
    'BAD_REQUEST',
  );
  refused(acceptCase(c, clerk, { pledge: { signer: 'agent', dueDate: '2026-03-09' } }, facts(), day), 'BAD_REQUEST');
  const missingMandatory = received(open(), ['m1', 'm3']);
  refused(
    acceptCase(missingMandatory, clerk, { pledge: { signer: 'applicant', dueDate: '2026-03-09' } }, facts(), day),
    'SUPPLEMENT_NOT_ALLOWED',
  );
  let accepted = ok(acceptCase(c, clerk, { pledge: { signer: 'applicant', dueDate: '2026-03-09' } }, facts(), day));
  assert.equal(accepted.pledge?.dueDate, '2026-03-09');
  assert.deepEqual(accepted.pledge?.materialKeys, ['m3']);
  assert.equal(accepted.materials.find((m) => m.key === 'm3')?.state, 'deferred');
  accepted = ok(decideCase(accepted, clerk, { outcome: 'approved' }, 5));
  refused(handOver(accepted, clerk, { method: 'window' }, 6), 'MATERIALS_OUTSTANDING');
  refused(handOver(accepted, clerk, { method: 'post', trackingNumber: 'SF1234567890' }, 6), 'MATERIALS_OUTSTANDING');
  refused(markMaterials(accepted, clerk, { marks: [{ key: 'm1', received: false }] }, 6), 'ILLEGAL_TRANSITION');
  // The paper comes back to another window of the same department.
  const colleague: CaseActor = { clerkId: 'clerk-9', windowId: 'win-9', departmentId: 'dep-a' };
  accepted = ok(markMaterials(accepted, colleague, { marks: [{ key: 'm3', received: true }] }, 7));
  assert.equal(accepted.materials.find((m) => m.key === 'm3')?.deferred, true);
  accepted = ok(handOver(accepted, clerk, { method: 'post', trackingNumber: 'SF1234567890' }, 8));
  assert.equal(accepted.status, 'handedOver');
  assert.equal(accepted.handover?.method === 'post' && accepted.handover.trackingNumber, 'SF1234567890');
});

test('容缺受理 is refused to an applicant on the dishonesty list, and to a listed agent signing for them', () => {
  const day = clockOn('2026-03-02');
  const c = received(open(), ['m1', 'm2']);
  const pledge = { signer: 'applicant' as const, dueDate: '2026-03-06' };
  refused(
    acceptCase(c, clerk, { pledge }, facts([item('i1')], { applicant: true, agent: false }), day),
    'DISHONESTY_LISTED',
  );
  const viaAgent = received(open([item('i1')], null, true), ['m1', 'm2']);
  const agentPledge = { signer: 'agent' as const, dueDate: '2026-03-06' };
  refused(
    acceptCase(viaAgent, clerk, { pledge: agentPledge }, facts([item('i1')], { applicant: false, agent: true }), day),
    'DISHONESTY_LISTED',
  );
  const signed = ok(acceptCase(viaAgent, clerk, { pledge: agentPledge }, facts(), day));
  assert.equal(signed.pledge?.signerNameMasked, '李*办');
  // Complete papers never need the list: a listed applicant is still served normally.
  ok(acceptCase(allIn(open()), clerk, {}, facts([item('i1')], { applicant: true, agent: false }), day));
});

test('a 即办件 pledge runs for the item’s supplement days', () => {
  const quick = item('q', { promisedDays: 0, kind: 'immediate', supplementDays: 3 });
  const c = received(open([quick]), ['m1', 'm2']);
  // Friday 30 Jan 2026 + 3 working days = Wednesday 4 Feb.
  const day = clockOn('2026-01-30');
  refused(
    acceptCase(c, clerk, { pledge: { signer: 'applicant', dueDate: '2026-02-05' } }, facts([quick]), day),
    'PLEDGE_TOO_LATE',
  );
  const accepted = ok(
    acceptCase(c, clerk, { pledge: { signer: 'applicant', dueDate: '2026-02-04' } }, facts([quick]), day),
  );
  assert.equal(accepted.deadline, '2026-01-30');
});

test('reminders before the pledge date, a red flag after it; deadline near and past', () => {
  const c = ok(
    acceptCase(
      received(open(), ['m1', 'm2']),
      clerk,
      { pledge: { signer: 'applicant', dueDate: '2026-03-06' } },
      facts(),
      clockOn('2026-03-02'),
    ),
  );
  const kinds = (today: string) => caseAlerts(c, today, NATIONAL_CALENDAR).map((a) => a.kind);
  assert.deepEqual(kinds('2026-03-02'), []);
  assert.deepEqual(kinds('2026-03-05'), ['supplementDue']);
  assert.deepEqual(kinds('2026-03-06'), ['deadlineNear', 'supplementDue']);
  assert.deepEqual(kinds('2026-03-08'), ['deadlineNear', 'supplementOverdue']);
  assert.deepEqual(kinds('2026-03-10'), ['deadlineOverdue', 'supplementOverdue']);
  assert.equal(caseAlerts(c, '2026-03-10', NATIONAL_CALENDAR)[0]?.workingDaysLeft, -1);
});

test('a step names the revision it saw: a stale one is refused', () => {
  const c = received(open(), ['m1']);
  refused(markMaterials(c, clerk, { marks: [{ key: 'm2', received: true }], rev: 1 }, 3), 'CONFLICT');
  ok(markMaterials(c, clerk, { marks: [{ key: 'm2', received: true }], rev: 2 }, 3));
  refused(markMaterials(c, otherWindow, { marks: [{ key: 'm2', received: true }] }, 3), 'FORBIDDEN');
  refused(markMaterials(c, clerk, { marks: [{ key: 'm99', received: true }] }, 3), 'NOT_FOUND');
});

test('every transition not in the table is refused, whatever the kind', () => {
  const byStatus = new Map<CaseStatus, CaseRecord>();
  const base = allIn(open());
  byStatus.set('registered', base);
  byStatus.set('awaitingMaterials', ok(requestMaterials(open(), clerk, {}, 2)));
  const accepted = ok(acceptCase(base, clerk, {}, facts(), clockOn('2026-03-02')));
  byStatus.set('accepted', accepted);
  const approved = ok(decideCase(accepted, clerk, { outcome: 'approved' }, 3));
  byStatus.set('approved', approved);
  byStatus.set('handedOver', ok(handOver(approved, clerk, { method: 'window' }, 4)));
  byStatus.set('denied', ok(decideCase(accepted, clerk, { outcome: 'denied', reasons: ['x'] }, 3)));
  byStatus.set('returned', ok(returnCase(base, clerk, { reasons: ['x'] }, 3)));
  const day = clockOn('2026-03-02');
  const attempts = {
    requestMaterials: (c: CaseRecord) => requestMaterials(c, clerk, {}, 9),
    accept: (c: CaseRecord) => acceptCase(c, clerk, {}, facts(), day),
    return: (c: CaseRecord) => returnCase(c, clerk, { reasons: ['x'] }, 9),
    decide: (c: CaseRecord) => decideCase(c, clerk, { outcome: 'approved' }, 9),
    handOver: (c: CaseRecord) => handOver(c, clerk, { method: 'window' }, 9),
    refer: (c: CaseRecord) => referCase(c, clerk, { authority: 'x', replyBy: '2026-03-09' }, day),
    recordReply: (c: CaseRecord) => recordReply(c, clerk, { outcome: 'approved' }, 9),
  } as const;
  for (const [action, attempt] of Object.entries(attempts)) {
    const allowed = CASE_TRANSITIONS[action as keyof typeof attempts] as readonly CaseStatus[];
    for (const [status, c] of byStatus) {
      if (allowed.includes(status)) continue;
      refused(attempt(c), 'ILLEGAL_TRANSITION');
    }
  }
});

function noticeFacts() {
  return {
    hallName: '测试县政务服务中心',
    timeZone: 'Asia/Shanghai',
    calendar: NATIONAL_CALENDAR,
    windowName: '1号窗口 社保',
    checkCode: 'ABCD2345',
    progressUrl: 'http://hall.test/c/202511210001?k=ABCD2345',
    now: Date.parse('2026-03-02T02:00:00Z'),
  };
}

test('notices: 容缺受理通知书 in two copies naming the deferred paper and its date; each refused out of place', () => {
  const c = ok(
    acceptCase(
      received(open(), ['m1', 'm2']),
      clerk,
      { pledge: { signer: 'applicant', dueDate: '2026-03-06' } },
      facts(),
      clockOn('2026-03-02'),
    ),
  );
  const papers = caseNotices('deferredAcceptance', c, noticeFacts());
  assert.ok(Array.isArray(papers));
  assert.deepEqual(
    papers.map((p) => p.copy),
    ['第一联 申请人留存', '第二联 窗口存档'],
  );
  const text = JSON.stringify(papers[0]);
  assert.match(text, /学历证明/);
  assert.match(text, /2026年3月6日/);
  assert.match(text, /ABCD-2345/);
  assert.equal(papers[0]?.qr?.url, 'http://hall.test/c/202511210001?k=ABCD2345');
  assert.ok(!text.includes('张三'), 'the applicant is masked');
  for (const kind of ['missingMaterials', 'notAccepted'] as const) {
    const refusal = caseNotices(kind, c, noticeFacts());
    assert.ok(!Array.isArray(refusal) && refusal.error.code === 'ILLEGAL_TRANSITION', kind);
  }
  const timeLimit = caseNotices('timeLimit', c, noticeFacts());
  assert.ok(Array.isArray(timeLimit));
  assert.match(timeLimit[0]?.paragraphs[0] ?? '', /5个工作日.*2026年3月9日/);
});

test('the citizen’s progress shows the masked name, what is owed and the timeline, nothing else personal', () => {
  const c = ok(
    acceptCase(
      received(open(), ['m1', 'm2']),
      clerk,
      { pledge: { signer: 'applicant', dueDate: '2026-03-06' } },
      facts(),
      clockOn('2026-03-02'),
    ),
  );
  const progress = toCaseProgress(c, 1);
  assert.equal(progress.applicantNameMasked, '张*三');
  assert.deepEqual(progress.outstanding, ['学历证明']);
  assert.equal(progress.dueDate, '2026-03-06');
  assert.deepEqual(
    progress.timeline.map((t) => t.label),
    ['窗口登记申请', '容缺受理（材料后补）'],
  );
  assert.ok(!JSON.stringify(progress).includes('1101'), 'no ID number, not even masked');
});
