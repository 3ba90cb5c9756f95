import { type PooledBound, pooledErlangC, round, summarise } from '../simulation/figures';
import { rulesOf, traces } from '../simulation/hall-days';
import { expandWindows } from '../simulation/layout';
import { type SimWindow, yimen } from '../simulation/policy';
import type { Scenario } from '../simulation/scenario';
import { type DayMoment, type DayResult, simulateDay } from '../simulation/simulate';
import type { Arrival } from '../simulation/trace';

/**
 * The one-window reform (一窗受理 / 无差别受理): which dedicated windows to open to other
 * queues, and to which, so that Yimen's mean wait comes within `ratioTarget` of the pooled
 * Erlang-C bound and every queue's p95 under the hall's target, converting as few windows
 * as possible. Each candidate roster is simulated on the same days with the hall-server's
 * dispatcher.
 *
 * Greedy, not a proven optimum: a dedicated window idle while other queues' citizens wait
 * is pooling lost. Each step converts a window of the dedicated group that lost the most
 * (citizen-minutes waited elsewhere while one of its windows stood idle) and opens it to
 * the queues that lost most to it, the fewest that make up `cover` of that loss (so its
 * clerk learns no more departments than needed). Once the targets hold, conversions that
 * later ones made unnecessary are undone.
 */

export interface ReformFigures {
  meanWaitMin: number;
  p95WaitMin: number;
  worstCategory: string;
  worstCategoryP95Min: number;
  /** Mean wait ÷ the pooled Erlang-C bound; null when the bound is infinite. */
  toErlangC: number | null;
  meetsTargets: boolean;
}

export interface ReformStep {
  /** The dedicated group (scenario `windows[].id`) one window of which is converted. */
  group: string;
  /** Its queue, still its first. */
  home: string;
  /** The queues it opens to, in the order it prefers them after its home. */
  opensTo: string[];
  /** Departments whose items its clerk must learn: those of the queues it opens to, other than its home's. */
  learns: string[];
  /** The hall with this and every earlier conversion. */
  after: ReformFigures;
}

export interface ReformPlan {
  targetP95Min: number;
  ratioTarget: number;
  days: number;
  boundMin: number | null;
  before: ReformFigures;
  steps: ReformStep[];
  /** The targets hold after the steps. */
  feasible: boolean;
  /** Simulated hall days the search ran. */
  evaluations: number;
}

export interface ReformOptions {
  /** Every queue's p95 wait at or under this, minutes. */
  readonly targetP95Min: number;
  /** Mean wait within this multiple of the pooled bound. */
  readonly ratioTarget?: number;
  /** Days each roster is simulated on (the scenario's days when absent). */
  readonly days?: number;
  /** A converted window opens to the fewest queues that lost this share of its group's lost pooling. */
  readonly cover?: number;
}

interface Conversion {
  readonly group: string;
  readonly home: string;
  readonly opensTo: readonly string[];
}

/** The roster after the conversions: each takes a window out of its dedicated group into one of its own. */
function converted(scenario: Scenario, conversions: readonly Conversion[]): SimWindow[] {
  const left = new Map(scenario.windows.map((w) => [w.id, w.count]));
  for (const c of conversions) left.set(c.group, (left.get(c.group) ?? 0) - 1);
  return [
    ...expandWindows({ windows: scenario.windows.map((w) => ({ ...w, count: left.get(w.id) ?? 0 })) }),
    ...conversions.map((c, i) => ({
      id: `${c.group}→${i + 1}`,
      kind: 'comprehensive' as const,
      categoryIds: [c.home, ...c.opensTo],
    })),
  ];
}

/** Citizen-minutes waited in each other queue while each dedicated window stood idle, summed per group. */
function lostPooling(groupOf: (w: SimWindow) => string | null) {
  const lost = new Map<string, Map<string, number>>();
  let previous: {
    at: number;
    idle: { group: string; serves: readonly string[] }[];
    waiting: Map<string, number>;
  } | null = null;
  const watch = (m: DayMoment) => {
    if (previous && previous.idle.length > 0) {
      const dt = m.now - previous.at;
      for (const { group, serves } of previous.idle) {
        const byQueue = lost.get(group) ?? new Map<string, number>();
        lost.set(group, byQueue);
        for (const [queue, n] of previous.waiting) {
          if (!serves.includes(queue)) byQueue.set(queue, (byQueue.get(queue) ?? 0) + n * dt);
        }
      }
    }
    const waiting = new Map<string, number>();
    for (const t of m.waiting) waiting.set(t.categoryId, (waiting.get(t.categoryId) ?? 0) + 1);
    const idle: { group: string; serves: readonly string[] }[] = [];
    if (waiting.size > 0) {
      m.windows.forEach((w, i) => {
        const group = groupOf(w);
        if (group !== null && m.busy[i] === null) idle.push({ group, serves: w.categoryIds });
      });
    }
    previous = { at: m.now, idle, waiting };
  };
  return { lost, watch, reset: () => (previous = null) };
}

export function planReform(scenario: Scenario, options: ReformOptions): ReformPlan {
  const ratioTarget = options.ratioTarget ?? 1.25;
  const cover = options.cover ?? 0.7;
  const days = options.days ?? scenario.days;
  const dayTraces: Arrival[][] = traces({ ...scenario, days });
  const rules = rulesOf(scenario);
  const totalWindows = expandWindows(scenario).length;
  const bound: PooledBound = pooledErlangC(scenario, totalWindows);
  const boundMin = Number.isFinite(bound.meanWaitMin) ? bound.meanWaitMin : null;
  const dedicatedGroups = new Map(scenario.windows.filter((w) => w.kind === 'dedicated').map((w) => [w.id, w]));
  const departmentOf = new Map(scenario.categories.map((c) => [c.id, c.departmentId ?? c.id]));
  let evaluations = 0;

  const evaluate = (conversions: readonly Conversion[], measureLoss: boolean) => {
    const windows = converted(scenario, conversions);
    // Dedicated windows still dedicated carry their group's id (`ded-sb-3` or `ded-qy`).
    const groupOf = (w: SimWindow) => {
      if (w.kind !== 'dedicated') return null;
      const group = w.id.replace(/-\d+$/, '');
      return dedicatedGroups.has(w.id) ? w.id : dedicatedGroups.has(group) ? group : null;
    };
    const loss = lostPooling(groupOf);
    const results: DayResult[] = dayTraces.map((trace) => {
      loss.reset();
      return simulateDay(scenario, windows, trace, yimen(rules), measureLoss ? loss.watch : undefined);
    });
    evaluations += days;
    const f = summarise(scenario, results);
    const [worstCategory, worstCategoryP95Min] = Object.entries(f.p95ByCategory).reduce(
      (a, b) => (b[1] > a[1] ? b : a),
      ['', 0],
    );
    const toErlangC = boundMin !== null && boundMin > 0 ? round(f.meanWaitMin / boundMin) : null;
    const figures: ReformFigures = {
      meanWaitMin: f.meanWaitMin,
      p95WaitMin: f.p95WaitMin,
      worstCategory,
      worstCategoryP95Min,
      toErlangC,
      meetsTargets:
        worstCategoryP95Min <= options.targetP95Min &&
        f.p95WaitMin <= options.targetP95Min &&
        (boundMin === null ? false : f.meanWaitMin <= ratioTarget * boundMin),
    };
    return { figures, lost: loss.lost };
  };

  const before = evaluate([], true);
  let conversions: Conversion[] = [];
  let current = before;
  while (!current.figures.meetsTargets) {
    const remaining = (group: string) =>
      (dedicatedGroups.get(group)?.count ?? 0) - conversions.filter((c) => c.group === group).length;
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const [group, byQueue] = [...current.lost]
      .filter(([g, m]) => remaining(g) > 0 && total(m) > 0)
      .reduce<[string, Map<string, number>] | null>(
        (best, x) => (!best || total(x[1]) > total(best[1]) ? x : best),
        null,
      ) ?? [null, null];
    if (group === null || byQueue === null) break;
    const ranked = [...byQueue].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const whole = total(byQueue);
    const opensTo: string[] = [];
    let covered = 0;
    for (const [queue, minutes] of ranked) {
      if (covered >= cover * whole) break;
      opensTo.push(queue);
      covered += minutes;
    }
    const home = dedicatedGroups.get(group)?.categoryIds[0] as string;
    conversions = [...conversions, { group, home, opensTo }];
    current = evaluate(conversions, true);
  }
  // Undo what later conversions made unnecessary, earliest first.
  if (current.figures.meetsTargets) {
    for (let i = 0; i < conversions.length; ) {
      const without = conversions.filter((_, k) => k !== i);
      if (evaluate(without, false).figures.meetsTargets) conversions = without;
      else i++;
    }
  }
  const steps: ReformStep[] = conversions.map((c, i) => ({
    group: c.group,
    home: c.home,
    opensTo: [...c.opensTo],
    learns: [
      ...new Set(c.opensTo.map((q) => departmentOf.get(q) as string).filter((d) => d !== departmentOf.get(c.home))),
    ],
    after: evaluate(conversions.slice(0, i + 1), false).figures,
  }));
  const last = steps.at(-1)?.after ?? before.figures;
  return {
    targetP95Min: options.targetP95Min,
    ratioTarget,
    days,
    boundMin,
    before: before.figures,
    steps,
    feasible: last.meetsTargets,
    evaluations,
  };
}
