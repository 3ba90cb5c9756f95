import { type CaseMaterial, type CaseView, type NoticeKind, type NoticePrint, zhCN } from '@yimen/protocol';
import { businessDayOf } from './business-day';
import { type WorkingCalendar, workingDaysBetween } from './calendar';
import { missingRequired } from './case-materials';
import { type Failed, fail } from './outcome';

const C = zhCN.cases;

/** What a notice needs beyond the case: where it is printed and the case's secret. */
export interface NoticeFacts {
  readonly hallName: string;
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  readonly windowName: string;
  readonly checkCode: string;
  readonly progressUrl: string;
  readonly now: number;
}

/** 2026-03-05 → 2026年3月5日 */
export function isoDateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** Check codes are printed in two groups of four, easier to read out and type. */
export const formatCheckCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

function materialLine(m: CaseMaterial): string {
  const form = `${zhCN.materialForm[m.form]}${m.copies}份`;
  return m.note ? `${m.name}（${form}；${m.note}）` : `${m.name}（${form}）`;
}

function fields(c: CaseView, facts: NoticeFacts, extra: { label: string; value: string }[]): NoticePrint['fields'] {
  const day = (at: number) => isoDateZh(businessDayOf(at, facts.timeZone));
  return [
    { label: C.field.number, value: c.number },
    { label: C.field.checkCode, value: formatCheckCode(facts.checkCode) },
    { label: C.field.item, value: c.title },
    { label: C.field.applicant, value: c.applicant.nameMasked },
    { label: C.field.idNumber, value: c.applicant.idMasked },
    ...(c.agent ? [{ label: C.field.agent, value: c.agent.nameMasked }] : []),
    { label: C.field.window, value: facts.windowName },
    { label: C.field.openedAt, value: day(c.openedAt) },
    ...(c.acceptedAt !== null ? [{ label: C.field.acceptedAt, value: day(c.acceptedAt) }] : []),
    ...extra,
  ];
}

function base(kind: NoticeKind, c: CaseView, facts: NoticeFacts) {
  return {
    title: C.noticeTitle[kind],
    recipient: `${c.applicant.nameMasked}：`,
    signature: { organization: facts.hallName, date: facts.now, timeZone: facts.timeZone },
    qr: { url: facts.progressUrl, caption: C.qrCaption },
  };
}

/**
 * The papers a window hands the citizen, laid out once for the printer and the PDF. Each is
 * refused when the case is not in a state it speaks of (no 告知书 of missing papers for a case
 * that lacks none). People appear masked, as on every paper the hall prints.
 */
export function caseNotices(kind: NoticeKind, c: CaseView, facts: NoticeFacts): NoticePrint[] | Failed {
  switch (kind) {
    case 'missingMaterials': {
      const missing = missingRequired(c.materials);
      if ((c.status !== 'registered' && c.status !== 'awaitingMaterials') || missing.length === 0) {
        return fail('ILLEGAL_TRANSITION', '该办件没有需要补正的材料');
      }
      return [
        {
          ...base(kind, c, facts),
          fields: fields(c, facts, []),
          paragraphs: [C.missing.intro],
          list: { heading: C.missing.heading, items: missing.map(materialLine) },
          closing: [...C.missing.closing],
        },
      ];
    }
    case 'deferredAcceptance': {
      const { pledge } = c;
      if (!pledge || c.deadline === null) return fail('ILLEGAL_TRANSITION', '该办件不是容缺受理');
      const deferred = c.materials.filter((m) => pledge.materialKeys.includes(m.key));
      const limit = c.promisedDays > 0 ? `${c.promisedDays}个工作日` : zhCN.guide.workingDays(0);
      const notice = {
        ...base(kind, c, facts),
        fields: fields(c, facts, [
          { label: C.field.deadline, value: isoDateZh(c.deadline) },
          { label: C.field.dueDate, value: isoDateZh(pledge.dueDate) },
        ]),
        paragraphs: [C.deferred.intro(limit)],
        list: { heading: C.deferred.heading, items: deferred.map(materialLine) },
        closing: [C.deferred.due(isoDateZh(pledge.dueDate)), ...C.deferred.consequences],
        signLines: [...C.deferred.signLines],
      };
      return C.deferred.copies.map((copy) => ({ ...notice, copy }));
    }
    case 'notAccepted':
      if (c.status !== 'returned') return fail('ILLEGAL_TRANSITION', '该办件未被退回');
      return [
        {
          ...base(kind, c, facts),
          fields: fields(c, facts, []),
          paragraphs: [C.notAccepted.intro],
          list: { heading: C.notAccepted.heading, items: c.reasons },
          closing: [...C.notAccepted.closing],
        },
      ];
    case 'timeLimit': {
      if (c.acceptedAt === null || c.deadline === null || c.status === 'returned') {
        return fail('ILLEGAL_TRANSITION', '该办件尚未受理');
      }
      const acceptedDay = businessDayOf(c.acceptedAt, facts.timeZone);
      const days = workingDaysBetween(facts.calendar, acceptedDay, c.deadline);
      const steps = c.steps.map((s) => C.timeLimit.step(s.title, isoDateZh(s.deadline)));
      return [
        {
          ...base(kind, c, facts),
          fields: fields(c, facts, [
            { label: C.field.kind, value: C.kind[c.kind] },
            { label: C.field.deadline, value: isoDateZh(c.deadline) },
          ]),
          paragraphs: [C.timeLimit.intro(C.kind[c.kind], isoDateZh(c.deadline), days)],
          ...(steps.length > 0 ? { list: { heading: C.timeLimit.stepsHeading, items: steps } } : {}),
          closing: [...C.timeLimit.closing],
        },
      ];
    }
  }
}
