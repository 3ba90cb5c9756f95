import { type TicketStatusView, zhCN } from '@yimen/protocol';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const S = zhCN.statusPage;

/** The page a phone opens from the ticket's QR code. It shows no personal data. */
export function renderStatusPage(hallName: string, view: TicketStatusView | null): string {
  const body = view
    ? `<div class="number">${escapeHtml(view.number)}</div>
  <dl>
    <dt>${S.category}</dt><dd>${escapeHtml(view.categoryName)}</dd>
    <dt>${S.status}</dt><dd class="status-${view.status}">${escapeHtml(zhCN.ticketStatusLabel[view.status])}</dd>
    ${view.aheadCount !== null ? `<dt>${S.ahead}</dt><dd><b>${view.aheadCount}</b> ${S.people}</dd>` : ''}
    ${view.estimatedWaitMin !== null ? `<dt>${S.estimatedWait}</dt><dd>${zhCN.waitText(view.estimatedWaitMin, view.windowsOpen)}</dd>` : ''}
    ${view.windowNumber !== null ? `<dt>${S.window}</dt><dd><b>${escapeHtml(zhCN.windowLabel(view.windowNumber))}</b></dd>` : ''}
  </dl>`
    : `<p class="missing">${S.notFound}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
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
footer{color:#5b6678;font-size:13px;text-align:center;margin-top:16px}
</style></head>
<body><header>${escapeHtml(hallName)} · ${S.title}</header>
<main>${body}<footer>${S.refreshNote}</footer></main></body></html>`;
}
