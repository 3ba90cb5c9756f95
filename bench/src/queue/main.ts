import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planReform } from '@yimen/hall-server/domain/planning/reform';
import { rulesOf, simulateRoster, traces } from '@yimen/hall-server/domain/simulation/hall-days';
import { allComprehensive } from '@yimen/hall-server/domain/simulation/layout';
import { parseScenario, type Scenario } from '@yimen/hall-server/domain/simulation/scenario';
import { planStaffing, searchStaffing } from '@yimen/hall-server/domain/simulation/staffing';
import type { QueueRules } from '@yimen/protocol';
import { renderWaitChart } from './chart';
import { judgeEstimates } from './eta';
import { forecastCost } from './eta-cost';
import { mmcCheck } from './mmc-check';
import { formatReform } from './reform-report';
import { buildReport, formatReport } from './report';
import { runScenario } from './run';
import { formatTomorrow, tomorrow } from './tomorrow';

const USAGE = `npm run bench:queue -- [options]
  --scenario FILE      scenario JSON (default: bench/scenarios/county-hall.json)
  --days N             simulated days (default: the scenario's)
  --seed N             seed of day 1 (default: the scenario's)
  --json               print the figures as JSON instead of the table
  --chart FILE         PNG of waits through the day (default: bench/out/queue-waits.png)
  --no-chart           do not write the chart
  --staffing MIN       also search the fewest windows per group for p95 ≤ MIN minutes (simulation)
  --staffing-days N    days per roster tried by the search (default 5)
  --eta-days N         days on which wait estimates are judged (default 5; 0: not judged)
  --reform             also plan the one-window reform: the fewest dedicated windows to open to other queues
  --reform-days N      days each roster of the reform planner is simulated on (default 10)
  --reform-p95 MIN     every queue's p95 target of the reform (default 15)
  --forecast           back-test the arrival forecast on made-up history of the hall; rosters for the next working days
  --forecast-days N    working days to forecast and staff (default 5)
  --mmc FILE           M/M/c check scenario (default: bench/scenarios/mmc-check.json)
  --mmc-days N         days of the M/M/c check (default: the file's)`;

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '../..');
// npm runs workspace scripts in the workspace; INIT_CWD is where the user typed the command.
const base = process.env.INIT_CWD ?? process.cwd();

const { values: opts } = parseArgs({
  options: {
    scenario: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    chart: { type: 'string' },
    'no-chart': { type: 'boolean', default: false },
    staffing: { type: 'string' },
    'staffing-days': { type: 'string' },
    'eta-days': { type: 'string' },
    reform: { type: 'boolean', default: false },
    'reform-days': { type: 'string' },
    'reform-p95': { type: 'string' },
    forecast: { type: 'boolean', default: false },
    'forecast-days': { type: 'string' },
    mmc: { type: 'string' },
    'mmc-days': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const int = (name: string, text: string | undefined, least = 1): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) throw new Error(`--${name} wants a whole number from ${least}, not ${text}`);
  return n;
};

function load(path: string, days?: number, seed?: number): Scenario {
  const scenario = parseScenario(JSON.parse(readFileSync(path, 'utf8')));
  return { ...scenario, days: days ?? scenario.days, seed: seed ?? scenario.seed };
}

const started = Date.now();
const scenario = load(
  opts.scenario ? resolve(base, opts.scenario) : join(benchDir, 'scenarios/county-hall.json'),
  int('days', opts.days),
  opts.seed === undefined ? undefined : Number(opts.seed),
);
const result = runScenario(scenario);
const pooled = runScenario(allComprehensive(scenario), ['yimen']).policies.yimen;
const check = mmcCheck(
  load(
    opts.mmc ? resolve(base, opts.mmc) : join(benchDir, 'scenarios/mmc-check.json'),
    int('mmc-days', opts['mmc-days']),
  ),
);
const target = opts.staffing === undefined ? 15 : Number(opts.staffing);
if (!(target > 0)) throw new Error(`--staffing wants minutes, not ${opts.staffing}`);
let search: ReturnType<typeof searchStaffing> | undefined;
if (opts.staffing !== undefined) {
  const days = int('staffing-days', opts['staffing-days']) ?? 5;
  const forecast = { ...scenario, days };
  const dayTraces = traces(forecast);
  search = searchStaffing(
    scenario.windows,
    scenario.categories.map((c) => c.id),
    target,
    (counts) => simulateRoster(forecast, counts, dayTraces),
    days,
  );
}
/** The largest head start among the priority classes the scenario has, plus the handicap of a window's other queues. */
function headStartMin(s: Scenario, r: QueueRules): number {
  const present = (['elderly', 'disabled', 'military', 'appointment'] as const).filter((k) => s.shares[k] > 0);
  return (
    Math.max(r.boostMinutes.ordinary ?? 0, ...present.map((k) => r.boostMinutes[k] ?? 0)) + r.preferencePenaltyMinutes
  );
}

const etaDays = Math.min(scenario.days, int('eta-days', opts['eta-days'], 0) ?? 5);
const eta =
  etaDays > 0 ? { days: etaDays, ...judgeEstimates(scenario, traces({ ...scenario, days: etaDays })) } : undefined;
const rules = rulesOf(scenario);
const etaCost = etaDays > 0 ? forecastCost(scenario, [50, 200, 1000, 3000]) : undefined;
const report = buildReport(
  result,
  { meanWaitMin: pooled.meanWaitMin, p95WaitMin: pooled.p95WaitMin },
  check,
  planStaffing(scenario, target),
  {
    headStartMin: headStartMin(scenario, rules),
    ...(eta ? { eta } : {}),
    ...(etaCost ? { etaCost } : {}),
    ...(search ? { staffingSearch: search } : {}),
  },
);

const reformP95 = opts['reform-p95'] === undefined ? 15 : Number(opts['reform-p95']);
if (!(reformP95 > 0)) throw new Error(`--reform-p95 wants minutes, not ${opts['reform-p95']}`);
const reform = opts.reform
  ? planReform(scenario, { targetP95Min: reformP95, days: int('reform-days', opts['reform-days']) ?? 10 })
  : undefined;

const ahead = opts.forecast
  ? tomorrow(scenario, { targetP95Min: target, days: int('forecast-days', opts['forecast-days']) ?? 5 })
  : undefined;

let chartPath: string | null = null;
if (!opts['no-chart']) {
  chartPath = resolve(base, opts.chart ?? join(benchDir, 'out/queue-waits.png'));
  mkdirSync(dirname(chartPath), { recursive: true });
  writeFileSync(chartPath, renderWaitChart(scenario, result));
}
const seconds = (Date.now() - started) / 1000;

if (opts.json) {
  process.stdout.write(
    `${JSON.stringify({ ...report, ...(reform ? { reform } : {}), ...(ahead ? { forecast: ahead } : {}), chart: chartPath, seconds }, null, 2)}\n`,
  );
} else {
  console.log(formatReport(report));
  if (reform) console.log(`\n${formatReform(reform, scenario)}`);
  if (ahead) console.log(`\n${formatTomorrow(ahead, scenario)}`);
  console.log(`\n${chartPath ? `chart: ${chartPath}\n` : ''}(${seconds.toFixed(1)} s)`);
}
if (!check.pass) process.exitCode = 1;
