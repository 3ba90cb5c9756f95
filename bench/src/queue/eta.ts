import {
  type DayStats,
  EMPTY_DAY_STATS,
  observeArrival,
  observeNoShow,
  observeService,
  observeWaitEnd,
} from '@yimen/hall-server/domain/day-stats';
import { configuredWaitMin, queuePositions } from '@yimen/hall-server/domain/estimate';
import { round } from '@yimen/hall-server/domain/simulation/figures';
import { rulesOf } from '@yimen/hall-server/domain/simulation/hall-days';
import { expandWindows } from '@yimen/hall-server/domain/simulation/layout';
import { yimen } from '@yimen/hall-server/domain/simulation/policy';
import { minutesOf, type Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import { type DayMoment, simulateDay } from '@yimen/hall-server/domain/simulation/simulate';
import type { Arrival } from '@yimen/hall-server/domain/simulation/trace';
import { forecastQueue } from '@yimen/hall-server/domain/wait-forecast';

/**
 * Judges wait estimates on simulated days, as a citizen would: every estimate the hall
 * gives a ticket (at issue, then each time the minutes shown change) against the wait it
 * then had until its call. Citizens who leave before their call are not judged.
 *
 * - `forward`: the hall-server's forecast (wait-forecast.ts), the hall played forward with
 *   its dispatcher and what the day has taught so far, fed here from the simulated day as
 *   the server feeds it from its commits;
 * - `simple`: what halls show today and Yimen did before, people ahead × the queue's
 *   configured minutes per case (here the scenario's true mean) ÷ the windows serving it.
 */

export const ESTIMATORS = ['forward', 'simple'] as const;
export type Estimator = (typeof ESTIMATORS)[number];

export interface EtaFigures {
  /** Estimates judged: at issue and at each later change of the minutes shown. */
  estimates: number;
  /** Mean absolute error, minutes. */
  maeMin: number;
  /** Share of estimates within ±5 minutes of the wait. */
  within5MinShare: number;
  /** The same two over the estimates given at issue only. */
  issueMaeMin: number;
  issueWithin5MinShare: number;
  /** Mean of estimate − wait: positive when the estimates run long. */
  biasMin: number;
}

const MINUTE = 60_000;

interface Given {
  readonly value: number;
  readonly at: number;
  readonly issue: boolean;
}

class Tally {
  private n = 0;
  private abs = 0;
  private within = 0;
  private bias = 0;
  private issueN = 0;
  private issueAbs = 0;
  private issueWithin = 0;

  add(given: Given, waitMin: number): void {
    const error = given.value - waitMin;
    this.n++;
    this.abs += Math.abs(error);
    this.bias += error;
    if (Math.abs(error) <= 5) this.within++;
    if (!given.issue) return;
    this.issueN++;
    this.issueAbs += Math.abs(error);
    if (Math.abs(error) <= 5) this.issueWithin++;
  }

  figures(): EtaFigures {
    const per = (x: number, n: number) => round(x / Math.max(1, n));
    return {
      estimates: this.n,
      maeMin: per(this.abs, this.n),
      within5MinShare: per(this.within, this.n),
      issueMaeMin: per(this.issueAbs, this.issueN),
      issueWithin5MinShare: per(this.issueWithin, this.issueN),
      biasMin: per(this.bias, this.n),
    };
  }
}

/** Both estimators over the given days of the scenario, on the Yimen dispatcher and the scenario's windows. */
export function judgeEstimates(scenario: Scenario, days: readonly Arrival[][]): Record<Estimator, EtaFigures> {
  const tallies = { forward: new Tally(), simple: new Tally() };
  for (const trace of days) judgeDay(scenario, trace, tallies);
  return { forward: tallies.forward.figures(), simple: tallies.simple.figures() };
}

function judgeDay(scenario: Scenario, trace: readonly Arrival[], tallies: Record<Estimator, Tally>): void {
  const rules = rulesOf(scenario);
  const windows = expandWindows(scenario);
  const policy = yimen(rules);
  const priorServiceMin = Object.fromEntries(scenario.categories.map((c) => [c.id, c.service.meanMin]));
  // The hall as the configured estimate sees it: every window open all day.
  const hall = {
    categories: new Map(scenario.categories.map((c) => [c.id, { avgServiceMin: c.service.meanMin }])),
    windows: new Map(windows.map((w) => [w.id, { categoryIds: w.categoryIds, status: 'open' as const }])),
  };
  const configured = new Map<string, number>();
  const simple = (categoryId: string, ahead: number) => {
    const key = `${categoryId}:${ahead}`;
    let v = configured.get(key);
    if (v === undefined) {
      v = configuredWaitMin(hall, categoryId, ahead);
      configured.set(key, v);
    }
    return v;
  };
  const sessions = scenario.sessions.map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) }));
  const given = new Map<string, Record<Estimator, Given[]>>();
  let stats: DayStats = EMPTY_DAY_STATS;

  const give = (id: string, estimator: Estimator, value: number, at: number, issue: boolean) => {
    const list = given.get(id) ?? { forward: [], simple: [] };
    given.set(id, list);
    const last = list[estimator].at(-1);
    if (!issue && last?.value === value) return;
    list[estimator].push({ value, at, issue });
  };

  const watch = (m: DayMoment) => {
    const arrived = new Set<string>();
    for (const h of m.happened) {
      if (h.kind === 'arrived') {
        arrived.add(h.ticket.id);
        stats = observeArrival(stats, {
          categoryId: h.ticket.categoryId,
          priority: h.ticket.priority,
          at: m.now * MINUTE,
        });
      } else if (h.kind === 'called') {
        const a = h.arrival;
        if (arrived.has(a.id)) {
          // Issued with a window free: both say 0, and the citizen is called at once.
          for (const e of ['forward', 'simple'] as const) give(a.id, e, 0, m.now, true);
        }
        const list = given.get(a.id);
        if (list) for (const e of ESTIMATORS) for (const g of list[e]) tallies[e].add(g, m.now - g.at);
        given.delete(a.id);
        stats = observeWaitEnd(stats, m.now - a.at, false);
      } else if (h.kind === 'freed') {
        const { arrival, holdMin } = h.busy;
        stats = arrival.noShow
          ? observeNoShow(stats, holdMin)
          : observeService(stats, {
              categoryId: arrival.categoryId,
              windowId: h.windowId,
              minutes: holdMin,
              priorMin: priorServiceMin[arrival.categoryId] as number,
            });
      } else {
        given.delete(h.arrival.id);
        stats = observeWaitEnd(stats, m.now - h.arrival.at, true);
      }
    }
    if (m.waiting.length === 0) return;
    const session = sessions.find((s) => s.start <= m.now && m.now < s.end);
    const endAt = (session ? session.end : m.now) * MINUTE;
    const forecast = forecastQueue(
      {
        rules,
        priorServiceMin,
        windows: m.windows.map((w, i) => {
          const busy = m.busy[i];
          return {
            id: w.id,
            categoryIds: w.categoryIds,
            busy: busy ? { categoryId: busy.arrival.categoryId, since: busy.since * MINUTE } : null,
          };
        }),
        waiting: m.waiting,
        streaks: policy.streaks?.() ?? {},
        arrivalsEndAt: Object.fromEntries(scenario.categories.map((c) => [c.id, endAt])),
      },
      stats,
      m.now * MINUTE,
    );
    const ahead = queuePositions(rules, m.waiting);
    for (const t of m.waiting) {
      const issue = arrived.has(t.id);
      give(t.id, 'forward', Math.round(forecast.waitMin.get(t.id) ?? 0), m.now, issue);
      give(t.id, 'simple', simple(t.categoryId, ahead.get(t.id) ?? 0), m.now, issue);
    }
  };
  simulateDay(scenario, windows, trace, policy, watch);
}
