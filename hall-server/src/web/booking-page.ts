import { type AppointmentView, type BookingRequest, type DaySlots, type ErrorBody, zhCN } from '@yimen/protocol';
import type { AppointmentService } from '../api/appointment-service';
import type { DemoIdentity } from './home-page';
import { type Html, html, page } from './layout';

const B = zhCN.booking;

/** A phone number for the demo's made-up people: the well-known test number, nobody's line. */
const DEMO_PHONE = '13800138000';

/** The hall's public booking pages (/book): phone-first forms that work without script. */
export class BookingPages {
  constructor(
    private readonly hallName: string,
    private readonly appointments: AppointmentService,
    private readonly timeZone: string,
    /** A demo hall's made-up people to fill the form with; none in a real hall. */
    private readonly demoIdentities: readonly DemoIdentity[] = [],
  ) {}

  /** A demo identity's details for the form, by the simulator's key; null in a real hall. */
  sample(key: string | undefined): Partial<BookingRequest> | null {
    const person = this.demoIdentities.find((p) => p.key === key);
    return person ? { name: person.name, idNumber: person.idNumber, phone: DEMO_PHONE } : null;
  }

  private page(subtitle: string, body: Html): string {
    return page({ hallName: this.hallName, title: B.title, subtitle }, body);
  }

  index(): string {
    const categories = this.appointments.categories();
    return this.page(
      B.title,
      html`<p>${B.intro}</p>
<section class="card"><h2>${B.chooseCategory}</h2><ul class="plain">${categories.map(
        (c) =>
          html`<li><a class="row" href="/book/${c.id}"><span>${c.name}<br><span class="muted">${c.itemNames.slice(0, 4).join('、')}${c.itemNames.length > 4 ? '等' : ''}</span></span><span aria-hidden="true">›</span></a></li>`,
      )}</ul></section>
<p><a class="button secondary" href="/book/find">${B.find}</a></p>`,
    );
  }

  slots(categoryId: string): string | null {
    const result = this.appointments.slots(categoryId);
    if (!result.ok) return null;
    const name = this.appointments.categories().find((c) => c.id === categoryId)?.name ?? '';
    return this.page(
      `${B.title} · ${name}`,
      html`<h2>${B.chooseSlot}</h2>${result.days.map((d) => this.day(categoryId, d))}
<p><a class="button secondary" href="/book">${B.back}</a></p>`,
    );
  }

  private day(categoryId: string, d: DaySlots): Html {
    const weekday = B.weekday[new Date(`${d.day}T00:00:00Z`).getUTCDay()];
    const slots = d.slots.map((s) =>
      s.bookable
        ? html`<a href="/book/${categoryId}/${d.day}/${s.start}">${s.start}-${s.end}<br>${B.left(s.available)}</a>`
        : html`<span>${s.start}-${s.end}<br>${s.available === 0 ? B.full : B.past}</span>`,
    );
    return html`<section class="card"><h3>${d.day} ${weekday}</h3>${
      d.slots.length === 0 ? html`<p class="muted">${B.noSlots}</p>` : html`<div class="slots">${slots}</div>`
    }</section>`;
  }

  form(
    categoryId: string,
    day: string,
    slotStart: string,
    error?: ErrorBody,
    values?: Partial<BookingRequest>,
  ): string {
    const name = this.appointments.categories().find((c) => c.id === categoryId)?.name ?? '';
    return this.page(
      `${B.title} · ${name}`,
      html`<h2>${B.form}</h2>
<p>${B.category}：${name}<br>${B.slot}：${day} ${slotStart}</p>
${error ? html`<p class="error" role="alert">${error.message}</p>` : ''}
<section class="card notice" aria-labelledby="privacy"><h3 id="privacy">${B.privacyTitle}</h3><p>${B.privacy}</p></section>
${this.demoFill(`/book/${categoryId}/${day}/${slotStart}`)}
<form method="post" action="/book">
<input type="hidden" name="categoryId" value="${categoryId}">
<input type="hidden" name="day" value="${day}">
<input type="hidden" name="slotStart" value="${slotStart}">
<label for="name">${B.name}</label><input id="name" name="name" autocomplete="name" required maxlength="60" value="${values?.name ?? ''}">
<label for="idNumber">${B.idNumber}</label><input id="idNumber" name="idNumber" inputmode="text" autocomplete="off" required maxlength="18" pattern="[0-9]{17}[0-9Xx]" value="${values?.idNumber ?? ''}">
<label for="phone">${B.phone}</label><input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required maxlength="13" value="${values?.phone ?? ''}">
<p><button type="submit">${B.submit}</button> <a class="button secondary" href="/book/${categoryId}">${B.back}</a></p>
</form>`,
    );
  }

  private demoFill(formPath: string): Html | string {
    if (this.demoIdentities.length === 0) return '';
    return html`<section class="card" data-demo-identities><h3>${B.demoFill}</h3><p class="muted">${B.demoFillNote}</p><ul class="plain">${this.demoIdentities.map(
      (p) =>
        html`<li><a class="row" href="${formPath}?sample=${p.key}" data-sample="${p.key}"><span>${p.name}${p.note ? `（${p.note}）` : ''}</span><span aria-hidden="true">›</span></a></li>`,
    )}</ul></section>`;
  }

  appointment(view: AppointmentView, notice?: 'booked' | 'cancelled', error?: ErrorBody): string {
    const at = (t: number) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone: this.timeZone,
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(t)
          .map((p) => [p.type, p.value]),
      );
      return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
    };
    return this.page(
      B.title,
      html`${notice === 'booked' ? html`<p class="ok" role="status">${B.done}</p>` : ''}
${notice === 'cancelled' ? html`<p class="ok" role="status">${B.cancelled}</p>` : ''}
${error ? html`<p class="error" role="alert">${error.message}</p>` : ''}
<section class="card"><p>${B.code}</p><p class="code" data-code>${view.code}</p><p class="muted">${B.codeNote}</p>
<dl class="facts">
<dt>${B.category}</dt><dd>${view.categoryName}</dd>
<dt>${B.slot}</dt><dd>${view.day} ${view.slotStart}-${view.slotEnd}</dd>
<dt>${B.holder}</dt><dd>${view.nameMasked} ${view.idMasked}</dd>
<dt>${B.phone}</dt><dd>${view.phoneMasked}</dd>
<dt>${zhCN.statusPage.status}</dt><dd data-status="${view.status}">${B.status[view.status]}${view.ticketNumber ? `（${B.ticket(view.ticketNumber)}）` : ''}</dd>
</dl></section>
${
  view.status === 'booked'
    ? html`<p>${B.checkIn(at(view.checkInFrom), at(view.checkInUntil))}</p><p class="muted">${B.cancelUntil(at(view.cancelUntil))}</p>
<p><a class="button danger" href="/book/code/${view.code}/cancel">${B.cancel}</a></p>`
    : ''
}
<p><a class="button secondary" href="/book">${B.back}</a></p>`,
    );
  }

  /** One more step before a booking is given up: it cannot be undone. */
  cancelConfirm(view: AppointmentView): string {
    return this.page(
      B.cancel,
      html`<h2>${B.cancel}</h2>
<section class="card"><dl class="facts">
<dt>${B.category}</dt><dd>${view.categoryName}</dd>
<dt>${B.slot}</dt><dd>${view.day} ${view.slotStart}-${view.slotEnd}</dd>
</dl></section>
<p>${B.cancelConfirm}</p>
<form method="post" action="/book/code/${view.code}/cancel"><p><button class="danger" type="submit">${B.cancelYes}</button> <a class="button secondary" href="/book/code/${view.code}">${B.cancelNo}</a></p></form>`,
    );
  }

  find(error?: string): string {
    return this.page(
      B.find,
      html`<h2>${B.find}</h2>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="get" action="/book/find"><label for="code">${B.code}</label>
<input id="code" name="code" autocomplete="off" required maxlength="10" style="text-transform:uppercase">
<p><button type="submit">${B.findSubmit}</button> <a class="button secondary" href="/book">${B.back}</a></p></form>`,
    );
  }
}
