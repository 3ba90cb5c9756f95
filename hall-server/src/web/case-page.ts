import { CaseNumber, type CaseProgress, CheckCode, zhCN } from '@yimen/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CaseService } from '../api/case-service';
import { businessDayOf, isoDateZh } from '../domain';
import { html, page } from './layout';

const C = zhCN.cases;

function form(hallName: string, error: string | null, number = ''): string {
  return page(
    { hallName, title: C.progressTitle },
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<section class="card"><p>${C.progressIntro}</p>
<form method="get" action="/c">
<label for="number">${C.field.number}</label>
<input id="number" name="number" inputmode="numeric" autocomplete="off" maxlength="12" value="${number}" required>
<label for="k">${C.field.checkCode}</label>
<input id="k" name="k" autocomplete="off" maxlength="9" required>
<p><button type="submit">${C.progressSubmit}</button></p>
</form></section>`,
  );
}

function progressPage(hallName: string, timeZone: string, p: CaseProgress): string {
  const day = (at: number) => isoDateZh(businessDayOf(at, timeZone));
  const done = p.status === 'handedOver' || p.status === 'approved';
  return page(
    { hallName, title: C.progressTitle },
    html`<section class="card">
<p class="muted">${C.field.number} <span class="tabular" data-testid="case-number">${p.number}</span></p>
<h2>${p.title}</h2>
<p class="${done ? 'ok' : p.status === 'returned' || p.status === 'denied' ? 'error' : 'muted'}" data-testid="case-status"><b>${C.status[p.status]}</b></p>
<dl class="facts">
<dt>${C.field.kind}</dt><dd>${C.kind[p.kind]}</dd>
<dt>${C.field.applicant}</dt><dd>${p.applicantNameMasked}</dd>
<dt>${C.field.openedAt}</dt><dd>${day(p.openedAt)}</dd>
${p.acceptedAt !== null ? html`<dt>${C.field.acceptedAt}</dt><dd>${day(p.acceptedAt)}</dd>` : ''}
${p.deadline ? html`<dt>${C.field.deadline}</dt><dd>${isoDateZh(p.deadline)}</dd>` : ''}
${p.windowNumber !== null ? html`<dt>${C.field.window}</dt><dd>${zhCN.windowLabel(p.windowNumber)}</dd>` : ''}
${
  p.handover
    ? html`<dt>${C.event.handedOver}</dt><dd>${p.handover.method === 'post' ? C.handoverPost(p.handover.trackingNumber ?? '') : C.handoverWindow}</dd>`
    : ''
}
</dl></section>
${
  p.outstanding.length > 0
    ? html`<section class="card"><h3>${C.outstanding}</h3>${p.dueDate ? html`<p>${C.kioskDue(isoDateZh(p.dueDate))}</p>` : ''}
<ul>${p.outstanding.map((name) => html`<li>${name}</li>`)}</ul></section>`
    : ''
}
${
  p.steps.length > 0
    ? html`<section class="card"><h3>${C.steps}</h3><ul class="plain">${p.steps.map(
        (s) =>
          html`<li>${s.title} · ${s.done ? C.stepDone : C.stepPending} <span class="muted">${C.kioskDeadline(isoDateZh(s.deadline))}</span></li>`,
      )}</ul></section>`
    : ''
}
${p.reasons.length > 0 ? html`<section class="card"><h3>${C.reasons}</h3><ol>${p.reasons.map((r) => html`<li>${r}</li>`)}</ol></section>` : ''}
<section class="card"><h3>${C.timeline}</h3><ol class="steps" data-testid="timeline">${p.timeline.map(
      (t) => html`<li>${day(t.at)} ${t.label}</li>`,
    )}</ol></section>`,
  );
}

function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

/**
 * The citizen's case page: opened from the QR code on a notice (number and check code in the
 * link) or by typing both. It shows the masked name only, nothing else of the person.
 */
export function registerCasePages(app: FastifyInstance, cases: CaseService, hallName: string, timeZone: string): void {
  app.get<{ Querystring: { number?: string; k?: string } }>('/c', async (request, reply) => {
    const { number, k } = request.query;
    if (!number && !k) return sendHtml(reply, 200, form(hallName, null));
    const parsed = CaseNumber.safeParse(number?.trim());
    const code = CheckCode.safeParse(k ?? '');
    if (!parsed.success || !code.success || !cases.progressByCode(parsed.data, code.data)) {
      return sendHtml(reply, 404, form(hallName, C.progressNotFound, number?.slice(0, 12)));
    }
    return reply.redirect(`/c/${parsed.data}?k=${code.data}`, 303);
  });

  app.get<{ Params: { number: string }; Querystring: { k?: string } }>('/c/:number', async (request, reply) => {
    const number = CaseNumber.safeParse(request.params.number);
    const code = CheckCode.safeParse(request.query.k ?? '');
    const progress = number.success && code.success ? cases.progressByCode(number.data, code.data) : null;
    if (!progress) return sendHtml(reply, 404, form(hallName, C.progressNotFound));
    return sendHtml(reply, 200, progressPage(hallName, timeZone, progress));
  });
}
