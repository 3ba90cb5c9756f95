import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { clockOf, halfHourSlots, minutesOf, type Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import type { ScenarioResult } from './run';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const STYLE: Record<string, { colour: string; width: number; dash: number[] }> = {
  dedicatedFifo: { colour: '#b3261e', width: 2.5, dash: [] },
  strictPriority: { colour: '#1f6feb', width: 5, dash: [] },
  yimen: { colour: '#1a7f37', width: 2.5, dash: [] },
  erlangC: { colour: '#8250df', width: 2, dash: [8, 6] },
};

interface Series {
  name: string;
  label: string;
  values: readonly number[];
}

/**
 * Waiting time through the day: mean (top) and p95 (bottom) wait of the citizens arriving in
 * each half hour, one line per policy, the pooled Erlang-C mean dashed. Lunch is a gap.
 */
export function renderWaitChart(scenario: Scenario, result: ScenarioResult): Buffer {
  GlobalFonts.registerFromPath(FONT, 'CJK');
  const width = 1100;
  const height = 860;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#222';
  g.font = '20px CJK';
  g.fillText(
    `${result.scenario}：按取号时段的等候时间 waiting time by arrival half hour, ${result.days} days, ${result.windows} windows`,
    60,
    34,
  );

  const policies = Object.entries(result.policies);
  const mean: Series[] = policies.map(([name, p]) => ({ name, label: name, values: p.meanWaitBySlot }));
  mean.push({ name: 'erlangC', label: 'Erlang C, pooled hall', values: result.erlangC.bySlot });
  const p95: Series[] = policies.map(([name, p]) => ({ name, label: name, values: p.p95WaitBySlot }));
  panel(g, scenario, mean, { top: 70, height: 330, width, title: '平均等候 mean wait (min)' });
  panel(g, scenario, p95, { top: 470, height: 330, width, title: '95% 分位等候 p95 wait (min)' });
  return canvas.toBuffer('image/png');
}

function panel(
  g: SKRSContext2D,
  scenario: Scenario,
  series: readonly Series[],
  box: { top: number; height: number; width: number; title: string },
): void {
  const left = 70;
  const right = box.width - 230;
  const bottom = box.top + box.height;
  const slots = halfHourSlots(scenario);
  const first = minutesOf(scenario.sessions[0]?.start ?? '00:00');
  const last = minutesOf(scenario.sessions.at(-1)?.end ?? '24:00');
  const x = (minute: number) => left + ((minute - first) / (last - first)) * (right - left);
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const max = niceCeiling(Math.max(0.1, ...finite));
  const y = (v: number) => bottom - (Math.min(v, max) / max) * box.height;

  g.font = '16px CJK';
  g.fillStyle = '#222';
  g.fillText(box.title, left, box.top - 10);
  g.strokeStyle = '#ddd';
  g.lineWidth = 1;
  g.setLineDash([]);
  g.font = '13px CJK';
  for (let k = 0; k <= 5; k++) {
    const v = (max * k) / 5;
    g.beginPath();
    g.moveTo(left, y(v));
    g.lineTo(right, y(v));
    g.stroke();
    g.fillStyle = '#555';
    g.fillText(String(round2(v)), 18, y(v) + 4);
  }
  for (let t = Math.ceil(first / 60) * 60; t <= last; t += 60) {
    g.fillText(clockOf(t), x(t) - 18, bottom + 20);
  }
  // Lunch and other closed hours, shaded.
  g.fillStyle = '#f3f3f3';
  scenario.sessions.slice(1).forEach((s, i) => {
    const closed = minutesOf(scenario.sessions[i]?.end ?? s.start);
    g.fillRect(x(closed), box.top, x(minutesOf(s.start)) - x(closed), box.height);
  });
  g.strokeStyle = '#888';
  g.beginPath();
  g.moveTo(left, box.top);
  g.lineTo(left, bottom);
  g.lineTo(right, bottom);
  g.stroke();

  series.forEach((s, k) => {
    const style = STYLE[s.name] ?? { colour: '#444', width: 2, dash: [] };
    g.strokeStyle = style.colour;
    g.lineWidth = style.width;
    g.setLineDash(style.dash);
    g.beginPath();
    s.values.forEach((v, i) => {
      const at = (slots[i] as number) + 15;
      const joined = i > 0 && (slots[i] as number) - (slots[i - 1] as number) === 30;
      if (joined) g.lineTo(x(at), y(v));
      else g.moveTo(x(at), y(v));
    });
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = style.colour;
    g.fillRect(right + 20, box.top + 24 * k + 4, 24, 4);
    g.font = '15px CJK';
    g.fillText(s.label, right + 52, box.top + 24 * k + 12);
  });
}

function niceCeiling(v: number): number {
  const step = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= v) return m * step;
  return 10 * step;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
