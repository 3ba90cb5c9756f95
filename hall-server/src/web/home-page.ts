import { zhCN } from '@yimen/protocol';
import { html, page } from './layout';

const H = zhCN.home;

/** A simulated device agent of the demo hall, serving one terminal's devices. */
export interface DemoAgent {
  readonly terminalId: string;
  /** ws://127.0.0.1:<port>/bridge, without the token. */
  readonly bridgeUrl: string;
  readonly token: string;
  /** The simulators' control page, token in the fragment. */
  readonly controlUrl: string;
}

/** A made-up person of the device simulator's sample cards, to book as on the phone page. */
export interface DemoIdentity {
  /** The simulator's name for the card, e.g. resident. */
  readonly key: string;
  readonly name: string;
  readonly idNumber: string;
  /** What is special about them (over 70, a green-card agent); empty when nothing. */
  readonly note: string;
}

/** What only a demo hall shows: the terminals' agents, the clerks' logins, the sample cards' people. */
export interface DemoInfo {
  readonly agents: readonly DemoAgent[];
  readonly clerks: readonly { staffNo: string; name: string; password: string; windowId: string | null }[];
  readonly identities: readonly DemoIdentity[];
  /** Staff numbers of the clerks with a finger enrolled: the simulator's clerk finger is theirs. */
  readonly fingerClerks?: readonly string[];
}

export interface HomeTerminal {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** The page the terminal runs, e.g. /kiosk/; null when its renderer is not built into this hall. */
  readonly path: string | null;
}

/** Terminals without devices of their own: their demo links need no device agent. */
export const DEVICELESS_ROLES: readonly string[] = ['display'];

export interface HomeOptions {
  readonly hallName: string;
  readonly demo: DemoInfo | null;
  readonly terminals: readonly HomeTerminal[];
  /** The clerk console's page, when it is built into this hall. */
  readonly consolePath: string | null;
  /** Window names by id, for the clerks' suggested windows. */
  readonly windowNames: ReadonlyMap<string, string>;
}

export function renderHome({ hallName, demo, terminals, consolePath, windowNames }: HomeOptions): string {
  const publicLinks = html`<section class="card"><h2>${H.publicPages}</h2><ul class="plain">
<li><a class="row" href="/book"><span>${zhCN.booking.title}</span><span aria-hidden="true">›</span></a></li>
<li><a class="row" href="/guide"><span>${zhCN.guide.title}</span><span aria-hidden="true">›</span></a></li>
<li><a class="row" href="/ratings"><span>${zhCN.ratingPage.resultsTitle}</span><span aria-hidden="true">›</span></a></li>
<li><a class="row" href="/api/openapi.json"><span>${H.apiDocs}</span><span aria-hidden="true">›</span></a></li>
</ul></section>`;
  if (!demo) return page({ hallName, title: hallName }, html`<p>${H.realIntro}</p>${publicLinks}`);
  const openable = terminals.filter(
    (t) => t.path && (DEVICELESS_ROLES.includes(t.role) || demo.agents.some((a) => a.terminalId === t.id)),
  );
  const consoleLink = consolePath
    ? html`<ul class="plain"><li><a class="row" href="${consolePath}" data-console><span>${H.console}</span><span>${H.openConsole} ›</span></a></li></ul>`
    : html`<p class="muted">${H.notBuilt}</p>`;
  const body = html`<p>${H.demoIntro}</p>
<div class="ok"><p>${H.walkthrough}</p><ol class="steps">${H.walkthroughSteps.map((step) => html`<li>${step}</li>`)}</ol></div>
<section class="card"><h2>${H.terminals}</h2><ul class="plain">${openable.map(
    (t) =>
      html`<li><a class="row" href="/demo/enrol/${t.id}" data-terminal="${t.id}"><span>${t.name}</span><span>${H.openTerminal} ›</span></a></li>`,
  )}</ul></section>
<section class="card"><h2>${H.simulator}</h2><p class="muted">${H.simulatorIntro}</p><ul class="plain">${demo.agents.map(
    (a) =>
      html`<li><a class="row" href="${a.controlUrl}" target="_blank" rel="noopener" data-simulator="${a.terminalId}"><span>${terminals.find((t) => t.id === a.terminalId)?.name ?? a.terminalId}</span><span>${H.openSimulator} ›</span></a></li>`,
  )}</ul></section>
${publicLinks}
<section class="card"><h2>${H.console}</h2><p class="muted">${H.consoleIntro}</p>${consoleLink}
<p class="muted">${H.fingerIntro}</p>
<h3>${H.clerks}</h3><table><thead><tr><th>${H.staffNo}</th><th>${zhCN.booking.name}</th><th>${H.password}</th><th>${H.window}</th><th>${H.finger}</th></tr></thead>
<tbody>${demo.clerks.map((c) => html`<tr><td>${c.staffNo}</td><td>${c.name}</td><td><code>${c.password}</code></td><td>${c.windowId ? (windowNames.get(c.windowId) ?? c.windowId) : ''}</td><td>${demo.fingerClerks?.includes(c.staffNo) ? H.fingerEnrolled : ''}</td></tr>`)}</tbody></table></section>`;
  return page({ hallName, title: H.demoTitle }, body);
}
