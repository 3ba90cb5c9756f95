import { type ServiceItem, zhCN } from '@yimen/protocol';
import type { HallConfig } from '../store/config-repo';
import { html, page } from './layout';

const G = zhCN.guide;

/** /guide: every item, by department. */
export function renderGuideIndex(config: HallConfig): string {
  const sections = config.departments
    .map((d) => ({ d, items: config.items.filter((i) => i.departmentId === d.id) }))
    .filter((s) => s.items.length > 0)
    .map(
      ({
        d,
        items,
      }) => html`<section class="card"><h2>${d.name} <span class="muted">${G.itemCount(items.length)}</span></h2>
<ul class="plain">${items.map((i) => html`<li><a class="row" href="/guide/${i.id}"><span>${i.name}</span><span class="muted">${G.kind[i.kind]}</span></a></li>`)}</ul></section>`,
    );
  return page({ hallName: config.hallName, title: G.title, subtitle: G.allDepartments }, html`${sections}`);
}

function feeText(item: ServiceItem): string {
  return item.fee.amountYuan === 0 ? G.free : G.yuan(item.fee.amountYuan);
}

/** /guide/<item>: the item's 五公开 — conditions, materials, procedure, time limits, fee. */
export function renderGuideItem(config: HallConfig, itemId: string): string | null {
  const item = config.items.find((i) => i.id === itemId);
  if (!item) return null;
  const department = config.departments.find((d) => d.id === item.departmentId);
  const windows = config.windows.filter((w) => w.categoryIds.includes(item.categoryId)).map((w) => w.name);
  const body = html`<section class="card"><h2>${item.name}</h2>
<dl class="facts">
<dt>${G.department}</dt><dd>${department?.name ?? ''}</dd>
<dt>${G.windows}</dt><dd>${windows.join('、')}</dd>
<dt>${G.promisedLimit}</dt><dd>${G.workingDays(item.promisedDays)}（${G.kind[item.kind]}）</dd>
<dt>${G.statutoryLimit}</dt><dd>${G.workingDays(item.statutoryDays)}</dd>
<dt>${G.fee}</dt><dd>${feeText(item)}</dd>
<dt>${G.basis}</dt><dd>${item.fee.basis}</dd>
</dl>${item.selfService ? html`<p class="muted">${G.selfService}</p>` : ''}</section>
<section class="card"><h3>${G.conditions}</h3><ol class="steps">${item.conditions.map((c) => html`<li>${c}</li>`)}</ol></section>
<section class="card"><h3>${G.materials}</h3><ul class="plain">${item.materials.map(
    (m) => html`<li><span class="tag ${m.required ? 'must' : 'opt'}">${m.required ? G.mandatory : G.optional}</span>
${m.name}（${zhCN.materialForm[m.form]}，${G.copies(m.copies)}）${m.note ? html`<br><span class="muted">${m.note}</span>` : ''}</li>`,
  )}</ul></section>
<section class="card"><h3>${G.steps}</h3><ol class="steps">${item.steps.map((s) => html`<li>${s}</li>`)}</ol></section>
<p><a class="button secondary" href="/guide">${G.back}</a></p>`;
  return page({ hallName: config.hallName, title: G.title, subtitle: `${G.title} · ${item.code}` }, body);
}
