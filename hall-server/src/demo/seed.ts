import { writeFileSync } from 'node:fs';
import { SIMULATED_FINGERS, simulatedTemplate } from '@yimen/drivers/fingerprint/simulator';
import {
  DEFAULT_APPOINTMENT_RULES,
  DEFAULT_ATTENDANCE_RULES,
  DEFAULT_RULES,
  type DisplaySettings,
  type QueueRules,
} from '@yimen/protocol';
import { templateCipher } from '../api/fingerprint-service';
import { type Credentials, type GreenCardSpec, provisionHall, type TerminalSpec } from '../api/provision';
import { ALWAYS_OPEN } from '../domain';
import { AttendanceRepo } from '../store/attendance-repo';
import { AuthRepo } from '../store/auth-repo';
import type { HallConfig } from '../store/config-repo';
import { ConfigRepo } from '../store/config-repo';
import type { Db } from '../store/db';
import { writeAvatars } from './avatars';
import { DEMO_HALL } from './demo-hall';

/** The demo's terminals: three kiosks, two hall displays, an admin, an evaluator per window. */
function demoTerminals(): TerminalSpec[] {
  return [
    ...[1, 2, 3].map((n) => ({ id: `kiosk-${n}`, name: `${n}号自助取号机`, role: 'kiosk' as const, windowId: null })),
    { id: 'display-1', name: '1号综合屏（大厅）', role: 'display' as const, windowId: null },
    { id: 'display-2', name: '2号综合屏（社会事务区，按窗口分列）', role: 'display' as const, windowId: null },
    { id: 'admin-1', name: '管理办公室', role: 'admin' as const, windowId: null },
    ...DEMO_HALL.windows.map((w) => ({
      id: `evaluator-${w.id}`,
      name: `${w.number}号窗口评价器`,
      role: 'evaluator' as const,
      windowId: w.id,
    })),
  ];
}

/** The second display hangs over the social-affairs zone: one column for each of its windows. */
const DEMO_ZONE_DISPLAY: DisplaySettings = {
  layout: 'windows',
  categoryIds: ['cat-sb', 'cat-yb', 'cat-gjj'],
  windowIds: ['win-01', 'win-02', 'win-03', 'win-04', 'win-05', 'win-06', 'win-07', 'win-08', 'win-09'],
};

/** Each demo clerk gets a window of their department to sign in to, when one is free. */
function suggestWindows(): Map<string, string> {
  const taken = new Set<string>();
  const suggestion = new Map<string, string>();
  for (const clerk of DEMO_HALL.clerks) {
    const window =
      DEMO_HALL.windows.find((w) => w.departmentId === clerk.departmentId && !taken.has(w.id)) ??
      DEMO_HALL.windows.find((w) => w.kind === 'comprehensive' && !taken.has(w.id));
    if (!window) continue;
    taken.add(window.id);
    suggestion.set(clerk.staffNo, window.id);
  }
  return suggestion;
}

/**
 * The device simulator's clerk finger, enrolled for the clerk suggested for window 1, so the
 * demo's fingerprint sign-in and punches work from the first start (a real hall enrols each
 * finger on a module: POST /api/admin/clerks/<id>/fingerprints). Page 1, sealed like any template.
 */
function enrolDemoFinger(db: Db, idKey: Buffer, clerkId: string): void {
  const template = Buffer.from(simulatedTemplate(SIMULATED_FINGERS.clerk)).toString('base64');
  new AttendanceRepo(db).putTemplate({
    pageId: 1,
    clerkId,
    finger: 1,
    templateSealed: templateCipher(idKey).seal(template),
    enrolledAt: Date.now(),
    terminalId: 'evaluator-win-01',
  });
}

/** Two village agents (村代办员) with green cards; the ID numbers are made up, with valid check digits. */
const DEMO_GREEN_CARDS: GreenCardSpec[] = [
  { cardNo: 'QX-LK-001', idNumber: '320481198203150019', name: '周测试' },
  { cardNo: 'QX-LK-002', idNumber: '320481199007220029', name: '吴秀兰' },
];

/**
 * The demo hall as `npm start` seeds it: it issues around the clock and its bookable queues
 * take bookings in half-hour slots every day, so anyone can book on the phone page and
 * check in at the kiosk at any hour (but the last half hour before midnight, when the next
 * slot is tomorrow's). Only the demo: the stock rules and real halls keep their hours.
 */
export function demoHallConfig(): HallConfig {
  const leaders = DEMO_HALL.clerks.filter((c) => c.position.includes('负责人')).map((c) => c.id);
  const rules: QueueRules = {
    ...DEFAULT_RULES,
    issuingHours: ALWAYS_OPEN,
    // Today and tomorrow: around the clock that is already 96 slots to choose from.
    appointments: { ...DEFAULT_APPOINTMENT_RULES, horizonWorkingDays: 1 },
    attendance: { ...DEFAULT_ATTENDANCE_RULES, leaderClerkIds: leaders },
  };
  // A queue with office hours of its own (婚姻登记) keeps them, and its slots inside them: the
  // demo shows a closed queue too.
  const categories = DEMO_HALL.categories.map((c) =>
    c.appointments && !c.issuingHours
      ? {
          ...c,
          appointments: {
            ...c.appointments,
            slotMinutes: 30,
            periods: [{ from: '00:00', to: '24:00' }],
            days: 'everyDay' as const,
          },
        }
      : c,
  );
  return { ...DEMO_HALL, rules, categories };
}

/**
 * Seeds the demo hall into an empty database and writes its credentials next to it, and the
 * clerks' pictures into `photosDir` when given.
 */
export function seedDemoHall(db: Db, credentialsPath: string, idKey: Buffer, photosDir?: string): Credentials {
  if (photosDir)
    writeAvatars(
      photosDir,
      DEMO_HALL.clerks.map((c) => c.staffNo),
    );
  const credentials = provisionHall(db, demoHallConfig(), demoTerminals(), {
    greenCards: DEMO_GREEN_CARDS,
    idKey,
  });
  // Marks the hall as the demo: only then does its home page list terminals and logins.
  new ConfigRepo(db).setMeta('demo', '1');
  new AuthRepo(db).setDisplaySettings('display-2', DEMO_ZONE_DISPLAY);
  const windows = suggestWindows();
  const windowOne = DEMO_HALL.clerks.find((c) => windows.get(c.staffNo) === 'win-01');
  if (windowOne) enrolDemoFinger(db, idKey, windowOne.id);
  const file = {
    note: '演示大厅的登录信息，仅供演示；生产环境请勿使用。Demo credentials only.',
    hallName: DEMO_HALL.hallName,
    terminals: credentials.terminals,
    clerks: credentials.clerks.map((c) => ({ ...c, windowId: windows.get(c.staffNo) ?? null })),
    greenCards: DEMO_GREEN_CARDS,
  };
  writeFileSync(credentialsPath, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
