import { type BadRatingReason, type RatingLevel, type TicketStatusView, zhCN } from '@yimen/protocol';
import { colors } from '@yimen/shell/common/tokens';
import { Html, html, page } from '../web/layout';

const S = zhCN.statusPage;
const R = zhCN.ratingPage;

/** Distances a citizen may ask to be reminded at: people still ahead. */
export const REMIND_OPTIONS = [1, 2, 3, 5, 10] as const;

const fill = (template: string, n: number | string) => template.replace('{n}', String(n));

/** What the page offers about rating a finished ticket. */
export type PhoneRating =
  | { readonly state: 'open'; readonly levels: readonly RatingLevel[]; readonly error?: string }
  | { readonly state: 'rated'; readonly level: RatingLevel }
  | { readonly state: 'none' };

const LEVEL_COLOURS: Record<RatingLevel, string> = {
  verySatisfied: '#0a6b3d',
  satisfied: '#1d7a46',
  basic: '#0b5cad',
  dissatisfied: '#a5561b',
  veryDissatisfied: '#b3261e',
};

/** The rating of a finished ticket (一事一评, the same one as the window's pad), or what was given. */
function ratingForm(token: string, rating: PhoneRating): Html | string {
  if (rating.state === 'none') return '';
  if (rating.state === 'rated') {
    return html`<section class="card"><p class="rated" role="status">${R.rated(zhCN.ratingLevel[rating.level])}</p></section>`;
  }
  const levels = rating.levels.map(
    (level, i) =>
      html`<label class="level" style="--c:${LEVEL_COLOURS[level]}"><input type="radio" name="level" value="${level}" ${i === 0 ? new Html('required') : ''}> ${zhCN.ratingLevel[level]}</label>`,
  );
  const reasons = (Object.keys(zhCN.badRatingReason) as BadRatingReason[]).map(
    (r) =>
      html`<label class="reason"><input type="radio" name="reason" value="${r}"> ${zhCN.badRatingReason[r]}</label>`,
  );
  return html`<form class="card rate" method="post" action="/t/${token}/rating">
  <h2>${R.rateTitle}</h2><p class="hint">${R.rateIntro}</p>
  ${rating.error ? html`<p class="error" role="alert">${rating.error}</p>` : ''}
  <fieldset><legend>${R.levelLegend}</legend>${levels}</fieldset>
  <fieldset><legend>${R.reasonForBad}</legend>${reasons}</fieldset>
  <label for="phone" class="phone">${zhCN.evaluator.phoneLabel}</label>
  <input id="phone" name="phone" inputmode="tel" autocomplete="tel" placeholder="${zhCN.evaluator.phonePlaceholder}">
  <button type="submit">${R.submit}</button>
</form>`;
}

const STYLE = new Html(`<style>
[hidden]{display:none!important}
.ticket{text-align:center}
.number{font-size:64px;font-weight:700;letter-spacing:4px;font-variant-numeric:tabular-nums;line-height:1.15;margin:2px 0}
.category{font-size:19px;margin:0 0 8px}
.called{background:${colors.red};color:#fff;border-radius:10px;padding:12px;font-size:24px;font-weight:700;margin:10px 0}
.called b{display:block;font-size:44px;line-height:1.2}
.ticket dl.facts{text-align:left;font-size:19px;grid-template-columns:6em 1fr}
dl.facts div{display:contents}
.note,.live{font-size:14px;color:${colors.muted};margin:10px 0 0}
.live{color:${colors.ok}}
.live::before{content:"● "}
.live.off{color:${colors.warn}}
.remind h2{margin-top:0}
select{width:100%;font-size:18px;padding:10px 12px;min-height:48px;border:2px solid ${colors.line};border-radius:8px;font-family:inherit;background:#fff;color:${colors.text}}
.remind button{width:100%;margin-top:12px}
.remind p{margin:12px 0 0}
form.rate h2{margin:0 0 4px}
.hint{color:${colors.muted};font-size:15px;margin:0 0 8px}
fieldset{border:0;padding:0;margin:10px 0}
legend{font-weight:700;margin-bottom:6px}
label.level,label.reason{display:flex;align-items:center;gap:8px;min-height:48px;border:2px solid ${colors.line};border-radius:8px;padding:4px 12px;margin:6px 0}
label.level{color:var(--c);font-weight:700;border-color:var(--c)}
input[type=radio]{width:22px;height:22px}
label.phone{display:block;margin-top:10px;font-weight:700}
input#phone{width:100%;box-sizing:border-box;font-size:18px;padding:10px;border:2px solid ${colors.line};border-radius:8px}
form.rate button{width:100%;margin-top:14px}
.error{border:1px solid ${colors.red};color:${colors.red};border-radius:8px;padding:8px 12px}
.rated{font-size:18px;margin:0}
</style>
<noscript><meta http-equiv="refresh" content="30"></noscript>`);

/** The live part: the ticket's view pushed by the server (status-stream.ts) as Server-Sent Events. */
function liveScript(view: TicketStatusView): Html {
  const strings = {
    labels: zhCN.ticketStatusLabel,
    aroundMinutes: S.aroundMinutes,
    waitClosed: zhCN.wait.closed,
    waitSoon: zhCN.wait.soon,
    peopleAhead: S.peopleAhead,
    window: zhCN.windowLabel(0).replace('0', '{n}'),
    live: S.live,
    reconnecting: S.reconnecting,
    alertsEnabled: S.alertsEnabled,
    reminderFired: S.reminderFired,
    calledAlert: S.calledAlert,
  };
  // JSON inside a script element: no "</script>" can close it early.
  const json = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');
  return new Html(`(() => {
const S = ${json(strings)};
let view = ${json(view)};
const FINAL = ['done', 'cancelled', 'voided'];
const $ = (id) => document.getElementById(id);
const fill = (t, n) => t.replace('{n}', String(n));
const waitText = (v) => !v.windowsOpen ? S.waitClosed : !(v.estimatedWaitMin >= 1) ? S.waitSoon : fill(S.aroundMinutes, Math.round(v.estimatedWaitMin));
const key = 'yimen-remind:' + view.businessDay + ':' + view.number;
const store = (() => { try { return window.localStorage; } catch { return null; } })();
let remind = Number(store?.getItem(key) ?? 0);
let reminded = false;
let audio = null;
let source = null;
const select = $('remind');
select.value = String(remind);
function beep(times) {
  if (!audio) return;
  for (let i = 0; i < times; i++) {
    const at = audio.currentTime + i * 0.4;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.3, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + 0.3);
  }
}
const buzz = (pattern) => { try { navigator.vibrate?.(pattern); } catch {} };
function check() {
  if (remind <= 0 || reminded || view.status !== 'waiting' || view.aheadCount === null || view.aheadCount > remind) return;
  reminded = true;
  const note = $('reminder');
  note.textContent = fill(S.reminderFired, view.aheadCount);
  note.hidden = false;
  buzz([200, 100, 200]);
  beep(2);
}
function render(next) {
  const was = view.status;
  view = next;
  $('status').textContent = S.labels[view.status];
  const waiting = view.status === 'waiting';
  $('row-ahead').hidden = !waiting;
  $('row-wait').hidden = !waiting;
  $('remind-card').hidden = !waiting;
  if (waiting) {
    $('ahead').textContent = fill(S.peopleAhead, view.aheadCount);
    $('wait').textContent = waitText(view);
  }
  const calledNow = view.status === 'called' && view.windowNumber !== null;
  $('called').hidden = !calledNow;
  if (calledNow) $('window').textContent = fill(S.window, view.windowNumber);
  if (calledNow && was !== 'called') {
    document.title = S.calledAlert + ' ' + fill(S.window, view.windowNumber);
    buzz([400, 150, 400, 150, 400]);
    beep(3);
  }
  check();
  if (FINAL.includes(view.status)) stop();
  // Finished: the page as the hall serves it now offers the rating.
  if (view.status === 'done' && was !== 'done') location.reload();
}
function setLive(on) {
  const live = $('live');
  live.textContent = on ? S.live : S.reconnecting;
  live.className = on ? 'live' : 'live off';
}
function stop() {
  source?.close();
  $('live').hidden = true;
}
select.addEventListener('change', () => {
  remind = Number(select.value);
  reminded = false;
  $('reminder').hidden = true;
  store?.setItem(key, String(remind));
  check();
});
$('alerts').addEventListener('click', () => {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (Ctx && !audio) audio = new Ctx();
  audio?.resume();
  beep(1);
  buzz(100);
  $('alerts').hidden = true;
  $('alerts-on').hidden = false;
});
if (!FINAL.includes(view.status)) {
  source = new EventSource(location.pathname.replace(/\\/$/, '') + '/events');
  source.addEventListener('status', (e) => render(JSON.parse(e.data)));
  source.addEventListener('gone', () => { source.close(); location.reload(); });
  source.onopen = () => setLive(true);
  source.onerror = () => setLive(false);
  setLive(true);
}
check();
})();`);
}

/**
 * The page a phone opens from the ticket's QR code: the number, the place in line and the
 * estimate, kept live by the server; when the ticket is called, the window, with a sound
 * and a vibration where the phone allows; a reminder when few are left ahead. It shows no
 * personal data. An unknown token or a ticket of another day gets a plain page.
 */
export function renderStatusPage(
  hallName: string,
  view: TicketStatusView | null,
  token = '',
  rating: PhoneRating = { state: 'none' },
): string {
  if (!view) {
    return page(
      { hallName, title: S.title },
      html`<section class="card"><p><b>${S.notFound}</b></p><p class="muted">${S.notFoundHint}</p></section>`,
    );
  }
  const waiting = view.status === 'waiting';
  const called = view.status === 'called' && view.windowNumber !== null;
  const body = html`<section class="card ticket">
  <p class="muted">${S.yourNumber}</p>
  <div class="number" id="number">${view.number}</div>
  <p class="category">${view.categoryName}</p>
  <div class="called" id="called" role="alert" ${called ? '' : new Html('hidden')}>${S.goTo}<b id="window">${
    view.windowNumber !== null ? zhCN.windowLabel(view.windowNumber) : ''
  }</b>${S.toWindow}</div>
  <dl class="facts">
    <div><dt>${S.status}</dt><dd id="status">${zhCN.ticketStatusLabel[view.status]}</dd></div>
    <div id="row-ahead" ${waiting ? '' : new Html('hidden')}><dt>${S.ahead}</dt><dd id="ahead">${
      waiting ? fill(S.peopleAhead, view.aheadCount ?? 0) : ''
    }</dd></div>
    <div id="row-wait" ${waiting ? '' : new Html('hidden')}><dt>${S.estimatedWait}</dt><dd id="wait">${
      waiting ? zhCN.waitText(view.estimatedWaitMin ?? 0, view.windowsOpen) : ''
    }</dd></div>
  </dl>
  <p class="note" id="live" aria-live="polite">${S.refreshNote}</p>
</section>
<section class="card remind" id="remind-card" ${waiting ? '' : new Html('hidden')}>
  <h2>${S.remindTitle}</h2>
  <label for="remind">${S.remindWhen}</label>
  <select id="remind"><option value="0">${S.remindOff}</option>${REMIND_OPTIONS.map(
    (n) => html`<option value="${n}">${fill(S.remindOption, n)}</option>`,
  )}</select>
  <button type="button" id="alerts">${S.alertsOn}</button>
  <p class="ok" id="alerts-on" hidden>${S.alertsEnabled}</p>
  <p class="ok" id="reminder" role="alert" hidden></p>
</section>
${ratingForm(token, rating)}
<footer>${S.privacyNote}</footer>`;
  return page({ hallName, title: S.title, head: STYLE, script: liveScript(view) }, body);
}
