import { type CaseProgress, type CaseView, zhCN } from '@yimen/protocol';
import { missingRequired } from './case-materials';

const E = zhCN.cases.event;

/** What happened to a case, oldest first, as the citizen's progress page tells it. */
export function caseTimeline(c: CaseView): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [{ at: c.openedAt, label: E.opened }];
  if (c.materialsRequestedAt !== null) out.push({ at: c.materialsRequestedAt, label: E.materialsRequested });
  if (c.acceptedAt !== null) out.push({ at: c.acceptedAt, label: c.pledge ? E.acceptedDeferred : E.accepted });
  for (const s of c.steps) if (s.doneAt !== null) out.push({ at: s.doneAt, label: E.stepDone(s.title) });
  if (c.referral) {
    out.push({ at: c.referral.sentAt, label: E.referred(c.referral.authority) });
    if (c.referral.reply) out.push({ at: c.referral.reply.at, label: E.replied });
  }
  const deferred = c.materials.filter((m) => m.deferred);
  if (deferred.length > 0 && deferred.every((m) => m.state === 'received')) {
    out.push({ at: Math.max(...deferred.map((m) => m.receivedAt ?? 0)), label: E.supplemented });
  }
  if (c.decidedAt !== null) {
    const label = c.status === 'returned' ? E.returned : c.status === 'denied' ? E.denied : E.approved;
    out.push({ at: c.decidedAt, label });
  }
  if (c.handover) out.push({ at: c.handover.at, label: E.handedOver });
  return out.sort((a, b) => a.at - b.at);
}

/** The citizen's view of a case (public page, kiosk): the masked name, what is owed, how far it got. */
export function toCaseProgress(c: CaseView, windowNumber: number | null): CaseProgress {
  const deferred = c.materials.filter((m) => m.state === 'deferred');
  const owed = c.status === 'registered' || c.status === 'awaitingMaterials' ? missingRequired(c.materials) : deferred;
  return {
    number: c.number,
    title: c.title,
    kind: c.kind,
    status: c.status,
    applicantNameMasked: c.applicant.nameMasked,
    openedAt: c.openedAt,
    acceptedAt: c.acceptedAt,
    deadline: c.deadline,
    windowNumber,
    outstanding: owed.map((m) => m.name),
    dueDate: deferred.length > 0 ? (c.pledge?.dueDate ?? null) : null,
    steps: c.steps.map((s) => ({ title: s.title, done: s.status === 'done', deadline: s.deadline })),
    handover: c.handover
      ? {
          method: c.handover.method,
          trackingNumber: c.handover.method === 'post' ? c.handover.trackingNumber : null,
          at: c.handover.at,
        }
      : null,
    reasons: c.reasons,
    timeline: caseTimeline(c),
  };
}
