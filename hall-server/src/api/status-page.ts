import { type BadRatingReason, type RatingLevel, type TicketStatusView, zhCN } from '@yimen/protocol';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const S = zhCN.statusPage;
const R = zhCN.ratingPage;

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

function ratingForm(token: string, rating: PhoneRating): string {
  if (rating.state === 'none') return '';
  if (rating.state === 'rated')
    return `<p class="rated" role="status">${escapeHtml(R.rated(zhCN.ratingLevel[rating.level]))}</p>`;
  const levels = rating.levels
    .map(
      (level, i) =>
        `<label class="level" style="--c:${LEVEL_COLOURS[level]}"><input type="radio" name="level" value="${level}"${i === 0 ? ' required' : ''}> ${zhCN.ratingLevel[level]}</label>`,
    )
    .join('');
  const reasons = (Object.keys(zhCN.badRatingReason) as BadRatingReason[])
    .map(
      (r) => `<label class="reason"><input type="radio" name="reason" value="${r}"> ${zhCN.badRatingReason[r]}</label>`,
    )
    .join('');
  return `<form class="rate" method="post" action="/t/${escapeHtml(token)}/rating">
  <h2>${R.rateTitle}</h2><p class="hint">${R.rateIntro}</p>
  ${rating.error ? `<p class="error" role="alert">${escapeHtml(rating.error)}</p>` : ''}
  <fieldset><legend>${R.levelLegend}</legend>${levels}</fieldset>
  <fieldset><legend>${R.reasonForBad}</legend>${reasons}</fieldset>
  <label for="phone" class="phone">${zhCN.evaluator.phoneLabel}</label>
  <input id="phone" name="phone" inputmode="tel" autocomplete="tel" placeholder="${zhCN.evaluator.phonePlaceholder}">
  <button type="submit">${R.submit}</button>
</form>`;
}

/**
 * The page a phone opens from the ticket's QR code. It shows no personal data. Once the
 * ticket is finished it offers the rating (一事一评, the same one as the window's pad).
 */
export function renderStatusPage(
  hallName: string,
  view: TicketStatusView | null,
  token = '',
  rating: PhoneRating = { state: 'none' },
): string {
  const body = view
    ? `<div class="number">${escapeHtml(view.number)}</div>
  <dl>
    <dt>${S.category}</dt><dd>${escapeHtml(view.categoryName)}</dd>
    <dt>${S.status}</dt><dd class="status-${view.status}">${escapeHtml(zhCN.ticketStatusLabel[view.status])}</dd>
    ${view.aheadCount !== null ? `<dt>${S.ahead}</dt><dd><b>${view.aheadCount}</b> ${S.people}</dd>` : ''}
    ${view.estimatedWaitMin !== null ? `<dt>${S.estimatedWait}</dt><dd>${zhCN.waitText(view.estimatedWaitMin, view.windowsOpen)}</dd>` : ''}
    ${view.windowNumber !== null ? `<dt>${S.window}</dt><dd><b>${escapeHtml(zhCN.windowLabel(view.windowNumber))}</b></dd>` : ''}
  </dl>${ratingForm(token, rating)}`
    : `<p class="missing">${S.notFound}</p>`;
  // A form being filled in must not be wiped by the refresh; a ticket still moving refreshes itself.
  const refresh = rating.state === 'none' ? '<meta http-equiv="refresh" content="30">' : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}
<title>${S.title} · ${escapeHtml(hallName)}</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f6fa;color:#1a2433}
header{background:#b3261e;color:#fff;padding:14px 18px;font-size:18px}
main{padding:18px;max-width:480px;margin:auto}
.number{font-size:64px;font-weight:700;text-align:center;letter-spacing:4px;margin:12px 0 18px}
dl{display:grid;grid-template-columns:6em 1fr;gap:10px 8px;background:#fff;border-radius:8px;padding:16px;font-size:18px}
dt{color:#5b6678}dd{margin:0}
.status-called dd,.status-called{color:#b3261e;font-weight:700}
.missing{font-size:18px;text-align:center;margin-top:40px}
form.rate{background:#fff;border-radius:8px;padding:16px;margin-top:16px;font-size:18px}
form.rate h2{font-size:20px;margin:0 0 4px;color:#0b5cad}
.hint{color:#5b6678;font-size:15px;margin:0 0 8px}
fieldset{border:0;padding:0;margin:10px 0}
legend{font-weight:700;margin-bottom:6px}
label.level,label.reason{display:flex;align-items:center;gap:8px;min-height:48px;border:2px solid #d5dde8;border-radius:8px;padding:4px 12px;margin:6px 0}
label.level{color:var(--c);font-weight:700;border-color:var(--c)}
input[type=radio]{width:22px;height:22px}
label.phone{display:block;margin-top:10px;font-weight:700}
input#phone{width:100%;box-sizing:border-box;font-size:18px;padding:10px;border:2px solid #d5dde8;border-radius:8px}
button{margin-top:14px;width:100%;min-height:52px;font-size:19px;background:#0b5cad;color:#fff;border:0;border-radius:8px;font-family:inherit}
.error{background:#fdecee;border:1px solid #b3261e;color:#b3261e;border-radius:8px;padding:8px 12px}
.rated{background:#e8f5ec;border:1px solid #1d7a46;color:#145c34;border-radius:8px;padding:12px;margin-top:16px;font-size:18px}
footer{color:#5b6678;font-size:13px;text-align:center;margin-top:16px}
</style></head>
<body><header>${escapeHtml(hallName)} · ${S.title}</header>
<main>${body}<footer>${rating.state === 'none' ? S.refreshNote : ''}</footer></main></body></html>`;
}
