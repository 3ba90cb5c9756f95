import { type TicketStatusView, zhCN } from '@yimen/protocol';
import { colors } from '@yimen/shell/common/tokens';
import { Html, html, page } from '../web/layout';

const S = zhCN.statusPage;

/** Distances a citizen may ask to be reminded at: people still ahead. */
export const REMIND_OPTIONS = [1, 2, 3, 5, 10] as const;

const fill = (template: string, n: number | string) => template.replace('{n}', String(n));

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
</style>
<noscript><meta http-equiv="refresh" content="30"></noscript>`);

/** The live part: the ticket's view pushed by the server (status-stream.ts) as Server-Sent Events. */
function liveScript(view: TicketStatusView): Html {
  const strings = {
    labels: zhCN.ticketStatusLabel,
    aroundMinutes: S.aroundMinutes,
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
    $('wait').textContent = fill(S.aroundMinutes, view.estimatedWaitMin);
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
export function renderStatusPage(hallName: string, view: TicketStatusView | null): string {
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
      waiting ? fill(S.aroundMinutes, view.estimatedWaitMin ?? 0) : ''
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
<footer>${S.privacyNote}</footer>`;
  return page({ hallName, title: S.title, head: STYLE, script: liveScript(view) }, body);
}
