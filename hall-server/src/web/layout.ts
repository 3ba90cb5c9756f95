import { colors, fontFamily } from '@yimen/shell/common/tokens';

/** The server's own HTML pages (home, guide, booking, a ticket's status): phone-first, none needs script to be read. */

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

const CSS = `
*{box-sizing:border-box}
body{font-family:${fontFamily};margin:0;background:${colors.ground};color:${colors.text};font-size:17px;line-height:1.6}
header{background:${colors.red};color:#fff;padding:14px 18px}
header h1{margin:0;font-size:20px;font-weight:700}
header p{margin:2px 0 0;font-size:15px}
main{padding:16px;max-width:760px;margin:auto}
h2{font-size:19px;margin:22px 0 10px;color:${colors.primary}}
h3{font-size:17px;margin:16px 0 6px}
section.card,div.card{background:${colors.card};border:1px solid ${colors.line};border-radius:10px;padding:14px 16px;margin:12px 0}
a{color:${colors.primary}}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:10px 0;border-bottom:1px solid ${colors.line}}
ul.plain li:last-child{border-bottom:0}
a.row{display:flex;justify-content:space-between;gap:12px;text-decoration:none;color:${colors.text};min-height:44px;align-items:center}
.muted{color:${colors.muted}}
.tag{display:inline-block;border-radius:4px;padding:0 6px;font-size:14px;border:1px solid currentColor}
.tag.must{color:${colors.red}}
.tag.opt{color:${colors.ok}}
dl.facts{display:grid;grid-template-columns:7em 1fr;gap:8px 10px;margin:0}
dl.facts dt{color:${colors.muted}}
dl.facts dd{margin:0}
ol.steps{padding-left:1.4em;margin:0}
.button,button{display:inline-block;background:${colors.primary};color:#fff;border:0;border-radius:8px;padding:12px 20px;font-size:17px;font-family:inherit;text-decoration:none;min-height:48px;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:${colors.primary};border:2px solid ${colors.primary}}
.button.danger,button.danger{background:${colors.red}}
label{display:block;margin:12px 0 4px;font-weight:700}
input{width:100%;font-size:18px;padding:10px 12px;border:2px solid ${colors.line};border-radius:8px;font-family:inherit}
input:focus{outline:3px solid ${colors.primary};outline-offset:1px}
section.notice{border-left:4px solid ${colors.primary}}
.error{background:#fdecee;border:1px solid ${colors.red};color:${colors.red};border-radius:8px;padding:10px 14px}
.ok{background:#e8f5ec;border:1px solid ${colors.ok};color:${colors.ok};border-radius:8px;padding:10px 14px}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.slots a,.slots span{display:block;text-align:center;padding:10px;border-radius:8px;border:2px solid ${colors.primary};text-decoration:none;min-height:48px}
.slots span{border-color:${colors.line};color:${colors.disabled};background:${colors.disabledGround}}
.code{font-size:34px;font-weight:700;letter-spacing:4px;font-variant-numeric:tabular-nums;color:${colors.primary}}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid ${colors.line};padding:6px 8px;text-align:left;font-size:15px}
th.num,td.num{white-space:nowrap;text-align:right}
footer{color:${colors.muted};font-size:14px;text-align:center;margin:24px 0}
`;

export interface PageOptions {
  readonly hallName: string;
  readonly title: string;
  readonly subtitle?: string;
  /** More of the head: the page's own styles, a refresh for browsers without script. */
  readonly head?: Html;
  /** A page that updates itself (the live ticket page): its script, run at the end of the body. */
  readonly script?: Html;
}

export function page({ hallName, title, subtitle, head, script }: PageOptions, body: Html): string {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${hallName}</title>
<style>${new Html(CSS)}</style>${head ?? ''}</head>
<body><header><h1>${hallName}</h1><p>${subtitle ?? title}</p></header>
<main>${body}</main>${script ? html`<script>${script}</script>` : ''}</body></html>`.text;
}
