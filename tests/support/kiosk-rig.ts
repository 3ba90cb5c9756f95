import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningAgent, startAgent } from '@yimen/drivers/agent/agent';
import { AgentConfig } from '@yimen/drivers/agent/config';
import type { ControlAction } from '@yimen/drivers/agent/simulate';
import type { PrintedDocument } from '@yimen/drivers/printer/simulator';
import type { TerminalSpec } from '@yimen/hall-server/api/provision';
import { demoHallConfig } from '@yimen/hall-server/demo/seed';
import { createTestHall, TEST_TERMINALS, type TestHall } from '@yimen/hall-server/testing/test-server';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots are test artifacts for a person to look at; never committed. */
export const SHOTS = join(root, 'test-results', 'screens');

/** The demo hall as it is seeded (issuing around the clock, bookable every day), in a fresh database. */
export function createKioskHall(terminals: readonly TerminalSpec[] = TEST_TERMINALS): TestHall {
  return createTestHall(demoHallConfig(), terminals);
}

/** A kiosk's device agent: ID card reader and ticket printer, simulated over a pty and TCP. */
export async function startKioskAgent(hallOrigins: string[]): Promise<RunningAgent & { token: string }> {
  const token = `kiosk-agent-token-${Date.now()}`;
  const agent = await startAgent({
    config: AgentConfig.parse({
      terminal: { id: 'kiosk-1', role: 'kiosk' },
      agent: { port: 0, token, allowedOrigins: hallOrigins },
      devices: {
        idcard: { transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 115_200 } },
        printer: { transport: { type: 'tcp', host: '127.0.0.1', port: 9100 }, paperWidth: 80 },
      },
    }),
    simulate: true,
  });
  return Object.assign(agent, { token });
}

export function act(agent: RunningAgent, action: ControlAction): Promise<void> {
  if (!agent.simulation) throw new Error('the agent simulates');
  return agent.simulation.act(action);
}

export function printed(agent: RunningAgent): readonly PrintedDocument[] {
  return agent.simulation?.printed ?? [];
}

/**
 * Opens a terminal's page with a fresh one-time code in its fragment (and its device agent's
 * address, if it has devices) and enrols it, PIN and all, as a technician would.
 */
export async function enrolTerminal(
  page: Page,
  hallUrl: string,
  adminToken: string,
  terminal: { id: string; path: string; agent?: RunningAgent & { token: string } },
) {
  const res = await fetch(`${hallUrl}/api/admin/terminals/${terminal.id}/enrolment-code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const { code } = (await res.json()) as { code: string };
  const { agent } = terminal;
  const fragment = new URLSearchParams({
    enrol: code,
    ...(agent ? { agent: agent.urls.bridge.split('?')[0] as string, agentToken: agent.token } : {}),
  });
  await page.goto(`${hallUrl}${terminal.path}#${fragment}`);
  await page.fill('#enrol-pin', '135790');
  await page.fill('#enrol-pin-again', '135790');
  await page.click('button[type=submit]');
}

/** Opens the kiosk page and enrols it with a fresh one-time code, as a technician would. */
export async function enrolKiosk(
  page: Page,
  hallUrl: string,
  adminToken: string,
  agent: RunningAgent & { token: string },
) {
  await enrolTerminal(page, hallUrl, adminToken, { id: 'kiosk-1', path: '/kiosk/', agent });
  await page.waitForSelector('.tiles');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** axe-core in the page; the serious and critical violations, with where they are. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  )) as axe.AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every visible control smaller than `min` CSS px in either direction. */
export async function smallTargets(page: Page, min = 64): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role=button]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.width < least || r.height < least)
        out.push(
          `${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  }, min);
}

/** A visible text on the page as it is drawn: its size, its colour, and the backgrounds behind it, nearest first. */
interface DrawnText {
  readonly text: string;
  readonly size: number;
  readonly color: string;
  /** Background colours from the text's element outwards, up to the first opaque one. */
  readonly grounds: readonly string[];
}

/** Every visible text node (screen-reader-only text aside), measured in the page. */
function drawnTexts(page: Page): Promise<DrawnText[]> {
  return page.evaluate(() => {
    const out: DrawnText[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      const grounds: string[] = [];
      for (let at: Element | null = el; at; at = at.parentElement) {
        const ground = getComputedStyle(at).backgroundColor;
        if (ground === 'rgba(0, 0, 0, 0)' || ground === 'transparent') continue;
        grounds.push(ground);
        if (!ground.startsWith('rgba')) break;
      }
      out.push({
        text: node.textContent.trim().slice(0, 20),
        size: Number.parseFloat(style.fontSize),
        color: style.color,
        grounds,
      });
    }
    return out;
  });
}

/** Visible text set smaller than `min` CSS px (screen-reader-only text aside). */
export async function smallText(page: Page, min: number): Promise<string[]> {
  const small = (await drawnTexts(page)).filter((t) => t.size < min).map((t) => `"${t.text}" ${t.size}px`);
  return [...new Set(small)];
}

type Rgb = [number, number, number];

function parseColor(css: string): { rgb: Rgb; alpha: number } {
  const [r = 0, g = 0, b = 0, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return { rgb: [r, g, b], alpha };
}

/** `top` laid over `below` by its alpha. */
function over(top: string, below: Rgb): Rgb {
  const { rgb, alpha } = parseColor(top);
  return rgb.map((c, i) => c * alpha + (below[i] as number) * (1 - alpha)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Visible text whose contrast with the colour behind it is under `min`:1 (WCAG's formula).
 * axe's enhanced rule lets large text pass at 4.5:1, and every kiosk text is large; the
 * kiosk asks 7:1 of all of it (DESIGN.md), so this measures each text itself.
 */
export async function lowContrast(page: Page, min: number): Promise<string[]> {
  const low: string[] = [];
  for (const t of await drawnTexts(page)) {
    const back = t.grounds.reduceRight<Rgb>((below, ground) => over(ground, below), [255, 255, 255]);
    const [hi, lo] = [luminance(over(t.color, back)), luminance(back)].sort((a, b) => b - a) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < min) low.push(`"${t.text}" ${ratio.toFixed(2)}:1`);
  }
  return [...new Set(low)];
}
