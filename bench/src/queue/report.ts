import { pairedDifference, round } from '@yimen/hall-server/domain/simulation/figures';
import type { StaffingPlan, StaffingSearch } from '@yimen/hall-server/domain/simulation/staffing';
import { ESTIMATORS, type Estimator, type EtaFigures } from './eta';
import type { ForecastCost } from './eta-cost';
import type { MmcCheck } from './mmc-check';
import type { PolicyName, ScenarioResult } from './run';

/** Yimen against a baseline, day by day on the same days: a difference and its 95 % interval. */
export interface Comparison {
  baseline: PolicyName;
  meanDiffMin: number;
  meanDiffHalfWidth95: number;
  p95DiffMin: number;
  p95DiffHalfWidth95: number;
}

export interface Targets {
  /** null when the bound is infinite: some half hour's load reaches the windows, where the stationary approximation says nothing. */
  meanWithin125OfErlangC: boolean | null;
  p95Under15Min: boolean;
  noCategoryP95Over2xHall: boolean;
  /** Point estimates over all simulated days; `comparison` tells whether a gap is more than noise. */
  meanBetterThanBothBaselines: boolean;
  p95BetterThanBothBaselines: boolean;
  meanNoWorseThanBetterBaseline: boolean;
  p95NoWorseThanBetterBaseline: boolean;
  /** Yimen's p95 below each baseline's with the whole paired 95 % interval below zero. */
  p95BeatsBothBaselinesBeyondNoise: boolean;
  /** Every priority class's and every category's p95 within the hall's p95 plus the largest head start and handicap. */
  noStarvation: boolean;
  /** The forecast's mean absolute error at most 3 minutes (null when estimates were not judged). */
  etaMaeWithin3Min: boolean | null;
}

/** The estimates judged (eta.ts) and on how many days. */
export type EtaReport = { days: number } & Record<Estimator, EtaFigures>;

export interface BenchReport extends ScenarioResult {
  /** null when the bound is infinite. */
  yimenToErlangC: number | null;
  comparison: Comparison;
  /** Yimen against each baseline. */
  comparisons: Record<Exclude<PolicyName, 'yimen'>, Comparison>;
  /** No starvation: the hall's p95 plus the largest head start and handicap, against the worst class's or category's p95. */
  starvation: { boundMin: number; worstP95Min: number; worst: string };
  /** Half hours whose offered load reaches the windows (pooled), and the busiest one's load ÷ windows. */
  overload: { halfHours: number; peakOccupancy: number };
  eta?: EtaReport;
  /** CPU time of one forecast of the whole queue, by queue length. */
  etaCost?: ForecastCost[];
  /** Yimen with every window serving every category (homes kept): what the window layout costs. */
  allComprehensive: { meanWaitMin: number; p95WaitMin: number; toErlangC: number | null };
  targets: Targets;
  mmcCheck: MmcCheck;
  staffing: StaffingPlan;
  staffingSearch?: StaffingSearch;
}

/** Assembles the report from the runs; pure. */
export function buildReport(
  result: ScenarioResult,
  allComprehensive: { meanWaitMin: number; p95WaitMin: number },
  mmcCheck: MmcCheck,
  staffing: StaffingPlan,
  extras: { headStartMin: number; eta?: EtaReport; etaCost?: ForecastCost[]; staffingSearch?: StaffingSearch },
): BenchReport {
  const { eta, etaCost, staffingSearch } = extras;
  const { yimen, dedicatedFifo, strictPriority } = result.policies;
  const bound = result.erlangC.meanWaitMin;
  const baselines = [dedicatedFifo, strictPriority];
  const better: PolicyName =
    strictPriority.meanWaitMin + strictPriority.p95WaitMin <= dedicatedFifo.meanWaitMin + dedicatedFifo.p95WaitMin
      ? 'strictPriority'
      : 'dedicatedFifo';
  const against = (baseline: PolicyName): Comparison => {
    const mean = pairedDifference(yimen.dailyMeanWaitMin, result.policies[baseline].dailyMeanWaitMin);
    const p95 = pairedDifference(yimen.dailyP95WaitMin, result.policies[baseline].dailyP95WaitMin);
    return {
      baseline,
      meanDiffMin: mean.mean,
      meanDiffHalfWidth95: mean.halfWidth95,
      p95DiffMin: p95.mean,
      p95DiffHalfWidth95: p95.halfWidth95,
    };
  };
  const comparisons = { dedicatedFifo: against('dedicatedFifo'), strictPriority: against('strictPriority') };
  const worstCategory = Math.max(0, ...Object.values(yimen.p95ByCategory));
  const groups = [...Object.entries(yimen.p95ByPriority), ...Object.entries(yimen.p95ByCategory)];
  const [worst, worstP95Min] = groups.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const starvation = { boundMin: round(yimen.p95WaitMin + extras.headStartMin), worstP95Min, worst };
  const ratio = (x: number) => (Number.isFinite(bound) && bound > 0 ? round(x / bound) : null);
  return {
    ...result,
    yimenToErlangC: ratio(yimen.meanWaitMin),
    comparison: comparisons[better as keyof typeof comparisons],
    comparisons,
    starvation,
    overload: {
      halfHours: result.erlangC.occupancyBySlot.filter((o) => o >= 1).length,
      peakOccupancy: result.erlangC.peakOccupancy,
    },
    ...(eta ? { eta } : {}),
    ...(etaCost ? { etaCost } : {}),
    allComprehensive: { ...allComprehensive, toErlangC: ratio(allComprehensive.meanWaitMin) },
    targets: {
      meanWithin125OfErlangC: Number.isFinite(bound) ? yimen.meanWaitMin <= 1.25 * bound : null,
      p95Under15Min: yimen.p95WaitMin <= 15,
      noCategoryP95Over2xHall: worstCategory <= 2 * yimen.p95WaitMin,
      meanBetterThanBothBaselines: baselines.every((b) => yimen.meanWaitMin < b.meanWaitMin),
      p95BetterThanBothBaselines: baselines.every((b) => yimen.p95WaitMin < b.p95WaitMin),
      meanNoWorseThanBetterBaseline: yimen.meanWaitMin <= Math.min(...baselines.map((b) => b.meanWaitMin)),
      p95NoWorseThanBetterBaseline: yimen.p95WaitMin <= Math.min(...baselines.map((b) => b.p95WaitMin)),
      p95BeatsBothBaselinesBeyondNoise: Object.values(comparisons).every(
        (c) => c.p95DiffMin + c.p95DiffHalfWidth95 < 0,
      ),
      noStarvation: starvation.worstP95Min <= starvation.boundMin,
      etaMaeWithin3Min: eta ? eta.forward.maeMin <= 3 : null,
    },
    mmcCheck,
    staffing,
    ...(staffingSearch ? { staffingSearch } : {}),
  };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const fmt = (x: number | null, digits = 2) => (x === null ? '—' : Number.isFinite(x) ? x.toFixed(digits) : '∞');
const ratioOf = (x: number, bound: number) => (Number.isFinite(bound) && bound > 0 ? x / bound : null);
const short = (id: string) => id.replace(/^cat-/, '');
const pm0 = (m: number) => `${m >= 0 ? '+' : ''}${fmt(m)}`;
const pm = (m: number, h: number) => `${pm0(m)} ± ${fmt(h)}`;

/** The readable table. */
export function formatReport(r: BenchReport): string {
  const names = Object.keys(r.policies) as PolicyName[];
  const lines = [
    `scenario ${r.scenario}: ${r.windows} windows, ${r.arrivalsPerDay} arrivals a day, ${r.days} days`,
    `pooled Erlang-C mean wait (lower bound): ${fmt(r.erlangC.meanWaitMin, 3)} min (busiest half hour at ${fmt(r.erlangC.peakOccupancy)} occupancy)${
      Number.isFinite(r.erlangC.meanWaitMin)
        ? ''
        : `: ${r.overload.halfHours} half hours have more work than the windows can do, no stationary bound`
    }`,
    `traditional hall (dedicatedFifo), ${r.windows} windows one queue each: ${Object.entries(r.dedicatedLayout)
      .map(([k, v]) => `${short(k)} ${v}`)
      .join(', ')}`,
    '',
    `${'wait (min)'.padEnd(16)}${pad('mean', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('max', 8)}${pad('abandon', 9)}${pad('util', 7)}${pad('÷ErlangC', 10)}`,
  ];
  for (const name of names) {
    const p = r.policies[name];
    lines.push(
      `${name.padEnd(16)}${pad(fmt(p.meanWaitMin), 8)}${pad(fmt(p.p50WaitMin), 8)}${pad(fmt(p.p95WaitMin), 8)}${pad(fmt(p.maxWaitMin), 8)}${pad(`${(p.abandonRate * 100).toFixed(1)}%`, 9)}${pad(fmt(p.utilisation), 7)}${pad(fmt(ratioOf(p.meanWaitMin, r.erlangC.meanWaitMin)), 10)}`,
    );
  }
  const table = (title: string, pick: (name: PolicyName) => Record<string, number>) => {
    const keys = [...new Set(names.flatMap((n) => Object.keys(pick(n))))].sort();
    lines.push('', `p95 wait (min) per ${title}`, `${''.padEnd(16)}${keys.map((k) => pad(short(k), 9)).join('')}`);
    for (const n of names)
      lines.push(`${n.padEnd(16)}${keys.map((k) => pad(fmt(pick(n)[k] ?? Number.NaN), 9)).join('')}`);
  };
  table('category', (n) => r.policies[n].p95ByCategory);
  table('priority class', (n) => r.policies[n].p95ByPriority);
  lines.push('', `Yimen mean wait ÷ pooled Erlang-C: ${fmt(r.yimenToErlangC)}`);
  for (const c of Object.values(r.comparisons)) {
    lines.push(
      `Yimen − ${c.baseline}, day by day (95% interval): mean ${pm(c.meanDiffMin, c.meanDiffHalfWidth95)} min, p95 ${pm(c.p95DiffMin, c.p95DiffHalfWidth95)} min`,
    );
  }
  const st = r.starvation;
  lines.push(
    `starvation: worst p95 ${fmt(st.worstP95Min)} min (${short(st.worst)}) against the hall's p95 + largest head start ${fmt(st.boundMin)} min`,
    `Yimen with every window comprehensive: mean ${fmt(r.allComprehensive.meanWaitMin, 3)} min (${fmt(r.allComprehensive.toErlangC)}× Erlang C), p95 ${fmt(r.allComprehensive.p95WaitMin)} min`,
    `targets: ${Object.entries(r.targets)
      .map(([k, v]) => `${k} ${v === null ? 'n/a (infinite bound)' : v ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  if (r.eta) {
    lines.push(
      '',
      `wait estimates, ${r.eta.days} days: every estimate at issue and at each change of the minutes shown, against the wait until the call`,
      `${'estimator'.padEnd(16)}${pad('judged', 9)}${pad('MAE', 8)}${pad('±5 min', 8)}${pad('MAE@issue', 11)}${pad('±5@issue', 10)}${pad('bias', 8)}`,
    );
    for (const e of ESTIMATORS) {
      const f = r.eta[e];
      lines.push(
        `${e.padEnd(16)}${pad(f.estimates, 9)}${pad(fmt(f.maeMin), 8)}${pad(`${(f.within5MinShare * 100).toFixed(1)}%`, 8)}${pad(fmt(f.issueMaeMin), 11)}${pad(`${(f.issueWithin5MinShare * 100).toFixed(1)}%`, 10)}${pad(pm0(f.biasMin), 8)}`,
      );
    }
  }
  if (r.etaCost) {
    lines.push(
      `wait forecast of the whole queue, CPU per command (${r.etaCost[0]?.windows} windows busy): ${r.etaCost
        .map((c) => `${c.msPerForecast.toFixed(2)} ms with ${c.waiting} waiting`)
        .join(', ')}`,
    );
  }
  const m = r.mmcCheck;
  lines.push(
    '',
    `M/M/c check: λ=${m.arrivalsPerHour}/h, 1/μ=${m.meanServiceMin} min, c=${m.windows}, ${m.days} days: simulated ${fmt(m.simMeanWaitMin, 3)} min, Erlang C ${fmt(m.erlangCMeanWaitMin, 3)} min, error ${(m.relativeError * 100).toFixed(2)}% ${m.pass ? '(within 5%)' : '(OUTSIDE 5%)'}`,
  );
  const s = r.staffing;
  lines.push(
    '',
    `staffing, analytic (Erlang C, each half hour for its own p95 ≤ ${s.targetP95Min} min): ${s.dedicatedTotal} windows if all dedicated (${Object.entries(
      s.dedicated,
    )
      .map(([k, v]) => `${short(k)} ${v}`)
      .join(', ')}), ${s.pooled} if all comprehensive`,
  );
  const q = r.staffingSearch;
  if (q) {
    lines.push(
      `staffing, simulated (Yimen, ${q.days} days, hall and every category p95 ≤ ${q.targetP95Min} min; ${q.evaluations} hall days simulated):`,
      `${'  group'.padEnd(16)}${pad('now', 6)}${pad('fewest', 8)}`,
      ...Object.keys(q.current.counts).map(
        (g) => `${`  ${g}`.padEnd(16)}${pad(q.current.counts[g] ?? 0, 6)}${pad(q.fewest.counts[g] ?? 0, 8)}`,
      ),
      `${'  total'.padEnd(16)}${pad(q.current.total, 6)}${pad(q.fewest.total, 8)}`,
      `  p95 ${fmt(q.current.p95WaitMin)} → ${fmt(q.fewest.p95WaitMin)} min, worst category p95 ${fmt(q.current.worstCategoryP95Min)} → ${fmt(q.fewest.worstCategoryP95Min)} min${q.fewest.feasible ? '' : ' (target not reached)'}`,
    );
  }
  return lines.join('\n');
}
