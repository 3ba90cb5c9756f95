import { HallService } from '@yimen/hall-server/api/hall-service';
import { openDb } from '@yimen/hall-server/store/db';
import { clerkPassword, createTestHall, removeTestHall, TEST_ID_KEY } from '@yimen/hall-server/testing/test-server';
import { BENCH_HALL, BENCH_TERMINALS, CLERK_AT } from './bench-hall';

/**
 * CPU per command of the hall service alone (no sockets, no clients): the realtime bench's
 * hall with every window open, 960 tickets issued by one kiosk, then 700 calls, each with
 * its start and finish, on a temporary database (synchronous=FULL). What a command costs
 * the server besides the fan-out, the wait forecast included. `npm run bench:commands`.
 */
const hall = createTestHall(BENCH_HALL, BENCH_TERMINALS);
const db = openDb(hall.dbPath);
const service = new HallService({ db, idKey: TEST_ID_KEY, publicUrl: 'http://hall.test' });
const kiosk = { role: 'kiosk' as const, terminalId: BENCH_TERMINALS.find((t) => t.role === 'kiosk')?.id as string };
const clerks = [];
for (const w of BENCH_HALL.windows) {
  const staffNo = CLERK_AT.get(w.id) as string;
  const login = await service.login(staffNo, clerkPassword(staffNo), w.id);
  if (!login.ok) throw new Error(`login ${staffNo}: ${login.error.code}`);
  clerks.push({ role: 'clerk' as const, clerkId: login.clerk.id, windowId: w.id });
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const issues = 960;
let start = cpuMs();
for (let i = 0; i < issues; i++) {
  const categoryId = BENCH_HALL.categories[i % BENCH_HALL.categories.length]?.id as string;
  const r = service.issue(kiosk, { categoryId, idempotencyKey: `command-cost-${i}` });
  if (!r.ok) throw new Error(`issue: ${r.error.code}`);
}
const issueMs = (cpuMs() - start) / issues;
start = cpuMs();
let calls = 0;
while (calls < 700) {
  const clerk = clerks[calls % clerks.length] as (typeof clerks)[number];
  const called = service.callNext(clerk);
  if (!called.ok) throw new Error(`call: ${called.error.code}`);
  service.start(clerk, called.ticket.id);
  service.finish(clerk, called.ticket.id);
  calls++;
}
const callMs = (cpuMs() - start) / calls;
service.close();
db.close();
removeTestHall(hall);
const result = {
  windowsOpen: clerks.length,
  issues,
  cpuMsPerIssue: Math.round(issueMs * 1000) / 1000,
  calls,
  cpuMsPerCallStartFinish: Math.round(callMs * 1000) / 1000,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else
  console.log(
    `${result.windowsOpen} windows open: ${result.cpuMsPerIssue} ms CPU per issue (${issues}, the queue growing to ${issues}); ${result.cpuMsPerCallStartFinish} ms per call with its start and finish (${calls})`,
  );
