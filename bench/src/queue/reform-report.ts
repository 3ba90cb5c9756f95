import type { ReformFigures, ReformPlan } from '@yimen/hall-server/domain/planning/reform';
import type { Scenario } from '@yimen/hall-server/domain/simulation/scenario';

const fmt = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

/** The reform plan as a table, with the hall's own names for queues and departments. */
export function formatReform(plan: ReformPlan, scenario: Scenario): string {
  const queue = new Map(scenario.categories.map((c) => [c.id, c.name]));
  const department = new Map(scenario.departments.map((d) => [d.id, d.name]));
  const names = (ids: readonly string[], from: Map<string, string>) => ids.map((id) => from.get(id) ?? id).join('、');
  const dedicated = scenario.windows.filter((w) => w.kind === 'dedicated').reduce((n, w) => n + w.count, 0);
  const figures = (f: ReformFigures) =>
    `mean ${fmt(f.meanWaitMin, 3)} min (${fmt(f.toErlangC)}× bound), p95 ${fmt(f.p95WaitMin)}, worst queue p95 ${fmt(f.worstCategoryP95Min)} (${queue.get(f.worstCategory) ?? f.worstCategory})`;
  const lines = [
    `one-window reform (Yimen, ${plan.days} days a roster, ${plan.evaluations} hall days simulated): mean wait within ${plan.ratioTarget}× the pooled bound (${fmt(plan.boundMin, 3)} min) and every queue's p95 ≤ ${plan.targetP95Min} min`,
    `  now: ${figures(plan.before)}`,
  ];
  plan.steps.forEach((s, i) => {
    const previous = plan.steps[i - 1]?.after ?? plan.before;
    const buys = (x: number, y: number) => `${fmt((x - y) * 60, 1)} s`;
    lines.push(
      `  ${i + 1}. one ${queue.get(s.home) ?? s.home} window (${s.group}) opens to ${names(s.opensTo, queue)}; its clerk learns ${names(s.learns, department) || 'nothing new'}`,
      `     buys ${buys(previous.meanWaitMin, s.after.meanWaitMin)} of mean wait, ${buys(previous.p95WaitMin, s.after.p95WaitMin)} of p95; then ${figures(s.after)}`,
    );
  });
  lines.push(
    `  ${plan.steps.length} of ${dedicated} dedicated windows converted: ${plan.feasible ? 'targets met' : 'targets NOT met with every candidate converted'}`,
  );
  return lines.join('\n');
}
