import type { ScenarioResult } from './run';

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** The readable table: one row per policy, then p95 per category and per priority class. */
export function formatTable(r: ScenarioResult): string {
  const names = Object.keys(r.policies) as (keyof typeof r.policies)[];
  const lines = [
    `scenario ${r.scenario}: ${r.windows} windows, ${r.arrivalsPerDay} arrivals/day, ${r.days} day(s)`,
    `pooled Erlang-C mean wait (lower bound): ${r.erlangC.meanWaitMin} min`,
    '',
    `${'policy'.padEnd(16)}${pad('mean', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('max', 8)}${pad('abandon', 9)}${pad('util', 7)}${pad('÷ErlangC', 10)}`,
  ];
  for (const name of names) {
    const p = r.policies[name];
    const ratio = r.erlangC.meanWaitMin > 0 ? (p.meanWaitMin / r.erlangC.meanWaitMin).toFixed(2) : '—';
    lines.push(
      `${name.padEnd(16)}${pad(p.meanWaitMin, 8)}${pad(p.p50WaitMin, 8)}${pad(p.p95WaitMin, 8)}${pad(p.maxWaitMin, 8)}${pad(`${(p.abandonRate * 100).toFixed(1)}%`, 9)}${pad(p.utilisation.toFixed(2), 7)}${pad(ratio, 10)}`,
    );
  }
  const table = (title: string, pick: (name: (typeof names)[number]) => Record<string, number>) => {
    const keys = [...new Set(names.flatMap((n) => Object.keys(pick(n))))].sort();
    lines.push(
      '',
      `p95 wait (min) per ${title}`,
      `${''.padEnd(16)}${keys.map((k) => pad(k.replace(/^cat-/, ''), 12)).join('')}`,
    );
    for (const n of names) lines.push(`${n.padEnd(16)}${keys.map((k) => pad(pick(n)[k] ?? '—', 12)).join('')}`);
  };
  table('category', (n) => r.policies[n].p95ByCategory);
  table('priority class', (n) => r.policies[n].p95ByPriority);
  return lines.join('\n');
}
