import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { ScenarioResult } from './run';
import { halfHourSlots, type Scenario } from './scenario';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const COLOURS = ['#b3261e', '#1f6feb', '#1a7f37', '#8250df'];

/** Mean wait by half hour of arrival, one line per policy, the pooled Erlang-C bound dashed. */
export function renderWaitChart(scenario: Scenario, result: ScenarioResult): Buffer {
  GlobalFonts.registerFromPath(FONT, 'CJK');
  const width = 1000;
  const height = 520;
  const m = { left: 70, right: 200, top: 50, bottom: 60 };
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);

  const slots = halfHourSlots(scenario);
  const series = Object.entries(result.policies).map(([name, p]) => ({ name, values: p.meanWaitBySlot, dash: false }));
  series.push({ name: 'Erlang-C (pooled)', values: result.erlangC.bySlot, dash: true });
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const x = (i: number) => m.left + (i / Math.max(1, slots.length - 1)) * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - (Math.min(v, max) / max) * (height - m.top - m.bottom);

  g.strokeStyle = '#999';
  g.fillStyle = '#333';
  g.font = '14px CJK';
  g.beginPath();
  g.moveTo(m.left, m.top);
  g.lineTo(m.left, height - m.bottom);
  g.lineTo(width - m.right, height - m.bottom);
  g.stroke();
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    g.fillText(v.toFixed(1), 20, y(v) + 5);
  }
  slots.forEach((start, i) => {
    if (i % 2 === 0) {
      const label = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
      g.fillText(label, x(i) - 18, height - m.bottom + 22);
    }
  });
  g.font = '18px CJK';
  g.fillText(`${scenario.name}: 按取号时段的平均等候时间（分钟） mean wait by arrival half hour (min)`, m.left, 30);

  series.forEach((s, k) => {
    g.strokeStyle = COLOURS[k % COLOURS.length] as string;
    g.lineWidth = 2.5;
    g.setLineDash(s.dash ? [8, 6] : []);
    g.beginPath();
    s.values.forEach((v, i) => {
      if (i === 0) g.moveTo(x(i), y(v));
      else g.lineTo(x(i), y(v));
    });
    g.stroke();
    g.fillStyle = g.strokeStyle;
    g.font = '15px CJK';
    g.fillText(s.name, width - m.right + 20, m.top + 25 * k + 10);
  });
  return canvas.toBuffer('image/png');
}
