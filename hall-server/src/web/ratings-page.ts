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
      : html`<table><thead><tr><th scope="col">${R.name}</th><th scope="col">${R.ratedCount}</th><th scope="col">${R.satisfiedRate}</th><th scope="col">${R.badCount}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.name}</td><td>${r.rated}</td><td>${percent(r.rate)}</td><td>${r.bad}</td></tr>`)}</tbody></table>`
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
    return w ? zhCN.windowLabel(w.number) : '—';
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
      : html`<table><thead><tr><th scope="col">${R.date}</th><th scope="col">${R.department}</th><th scope="col">${R.window}</th><th scope="col">${R.level}</th><th scope="col">${R.reason}</th><th scope="col">${R.status}</th><th scope="col">${R.due}</th></tr></thead>
<tbody>${results.cases.map(
          (c) =>
            html`<tr><td>${c.day}</td><td>${department(c.departmentId)}</td><td>${window(c.windowId)}</td><td>${zhCN.ratingLevel[c.level]}</td><td>${c.reason ? zhCN.badRatingReason[c.reason] : ''}</td><td>${status(c)}${c.overdue ? html` <span class="tag must">${R.overdue}</span>` : ''}</td><td>${c.dueDay}</td></tr>`,
        )}</tbody></table>`
  }</section>
<footer>${config.hallName} · ${today}</footer>`;
  return page({ hallName: config.hallName, title: R.resultsTitle }, body);
}
