import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderWaitChart } from './chart';
import { mmcCheck } from './mmc-check';
import { formatTable } from './report';
import { runScenario } from './run';
import { loadScenario } from './scenario';
import { planStaffing } from './staffing';

/**
 * npm run bench:queue [-- --scenario file.json] [--json] [--chart out.png] [--staffing minutes]
 * Runs the scenario (county hall by default) under every policy, the M/M/c check of the
 * simulator itself, and prints the table (or JSON); writes the chart of waits through the day.
 */
const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const base = process.env.INIT_CWD ?? process.cwd();

const scenarioPath = option('--scenario')
  ? resolve(base, option('--scenario') as string)
  : join(benchDir, 'scenarios/county-hall.json');
const chartPath = resolve(base, option('--chart') ?? join(benchDir, 'out/queue-waits.png'));
const target = Number(option('--staffing') ?? 15);

const scenario = loadScenario(scenarioPath);
const started = Date.now();
const result = runScenario(scenario);
const check = mmcCheck(loadScenario(join(benchDir, 'scenarios/mmc-check.json')));
const staffing = planStaffing(scenario, target);
mkdirSync(dirname(chartPath), { recursive: true });
writeFileSync(chartPath, renderWaitChart(scenario, result));

const yimen = result.policies.yimen;
const baselines = [result.policies.dedicatedFifo, result.policies.strictPriority];
const targets = {
  meanWithin125OfErlangC: yimen.meanWaitMin <= 1.25 * result.erlangC.meanWaitMin,
  p95Under15Min: yimen.p95WaitMin <= 15,
  noCategoryP95Over2xHall: Object.values(yimen.p95ByCategory).every((p) => p <= 2 * yimen.p95WaitMin),
  noWorseThanBestBaselineMean: yimen.meanWaitMin <= Math.min(...baselines.map((b) => b.meanWaitMin)),
  noWorseThanBestBaselineP95: yimen.p95WaitMin <= Math.min(...baselines.map((b) => b.p95WaitMin)),
};
const seconds = (Date.now() - started) / 1000;

if (args.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ ...result, yimenToErlangC: yimen.meanWaitMin / result.erlangC.meanWaitMin, targets, mmcCheck: check, staffing, chart: chartPath, seconds }, null, 2)}\n`,
  );
} else {
  console.log(formatTable(result));
  console.log(`\nYimen mean wait ÷ pooled Erlang-C: ${(yimen.meanWaitMin / result.erlangC.meanWaitMin).toFixed(2)}`);
  console.log(
    'targets:',
    Object.entries(targets)
      .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
      .join(', '),
  );
  console.log(
    `\nM/M/c check: λ=${check.arrivalsPerHour}/h, 1/μ=${check.meanServiceMin} min, c=${check.windows}: simulated ${check.simMeanWaitMin} min, Erlang C ${check.erlangCMeanWaitMin} min, error ${(check.relativeError * 100).toFixed(2)}% ${check.pass ? '(within 5%)' : '(OUTSIDE 5%)'}`,
  );
  console.log(
    `\nstaffing for p95 ≤ ${target} min: ${staffing.dedicatedTotal} windows if all dedicated (${Object.entries(
      staffing.dedicated,
    )
      .map(([k, v]) => `${k.replace(/^cat-/, '')} ${v}`)
      .join(', ')}), ${staffing.pooled} if all comprehensive`,
  );
  console.log(`\nchart: ${chartPath}\n(${seconds.toFixed(1)} s)`);
}
if (!check.pass) process.exitCode = 1;
