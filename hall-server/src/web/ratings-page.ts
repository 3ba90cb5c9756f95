import { type SatisfactionRow, zhCN } from '@yimen/protocol';
import type { PublicResults } from '../api/rating-service';
import type { HallConfig } from '../store/config-repo';
import { html, page } from './layout';

const R = zhCN.ratingPage;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function table(caption: string, rows: readonly SatisfactionRow[]) {
  return html`<section class="card"><h2>${caption}</h2>${
    rows.length === 0
      ? html`<p class="muted">${R.none}</p>`
      : html`<table><thead><tr><th scope="col">${R.name}</th><th scope="col" class="num">${R.ratedCount}</th><th scope="col" class="num">${R.satisfiedRate}</th><th scope="col" class="num">${R.badCount}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.name}</td><td class="num">${r.rated}</td><td class="num">${percent(r.rate)}</td><td class="num">${r.bad}</td></tr>`)}</tbody></table>`
  }</section>`;
}

/**
 * 好差评公示: the hall's satisfaction by department and window and how each bad rating was
 * rectified, as the national rules require them published. No name, ticket number or phone.
 */
export function renderResultsPage(config: HallConfig, results: PublicResults, today: string): string {
  const department = (id: string | null) => config.departments.find((d) => d.id === id)?.name ?? '—';
  const window = (id: string | null) => {
    const w = config.windows.find((x) => x.id === id);
    return w?.name ?? '—';
  };
  const status = (c: PublicResults['cases'][number]) =>
    c.outcome === 'appealUpheld' ? zhCN.rectificationAction.upholdAppeal : zhCN.rectificationStatus[c.status];
  const body = html`<p>${R.resultsIntro}</p>
<p class="muted">${R.period}：${results.from} 至 ${results.to}</p>
${table(R.byDepartment, results.departments)}
${table(R.byWindow, results.windows)}
<section class="card"><h2>${R.rectifications}</h2>${
    results.cases.length === 0
      ? html`<p class="muted">${R.none}</p>`
      : html`<ul class="plain cases">${results.cases.map(
          (c) =>
            html`<li><dl class="facts"><dt>${R.date}</dt><dd>${c.day}</dd><dt>${R.department}</dt><dd>${department(c.departmentId)}</dd><dt>${R.window}</dt><dd>${window(c.windowId)}</dd><dt>${R.level}</dt><dd>${zhCN.ratingLevel[c.level]}${c.reason ? `（${zhCN.badRatingReason[c.reason]}）` : ''}</dd><dt>${R.status}</dt><dd>${status(c)}${c.overdue ? html` <span class="tag must">${R.overdue}</span>` : ''}</dd><dt>${R.due}</dt><dd>${c.dueDay}</dd></dl></li>`,
        )}</ul>`
  }</section>
<footer>${config.hallName} · ${today}</footer>`;
  return page({ hallName: config.hallName, title: R.resultsTitle }, body);
}
