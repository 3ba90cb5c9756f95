import type { TerminalSpec } from '@yimen/hall-server/api/provision';
import type { HallConfig } from '@yimen/hall-server/store/config-repo';
import { immediateItemFor, TEST_RULES } from '@yimen/hall-server/testing/small-hall';
import type { Category, Window } from '@yimen/protocol';

/**
 * A large hall for the realtime bench: 600 connected terminals, as a big city hall has them.
 * Every window has a clerk console and an evaluator; kiosks issue; displays are the hall
 * screens, area TVs and per-window screens that run in browser mode.
 */
export const MIX = { windows: 140, kiosks: 24, displays: 296 } as const;
export const CLIENT_COUNT = MIX.windows * 2 + MIX.kiosks + MIX.displays;

// I and O are left out: on an LED bar they read as 1 and 0.
const PREFIXES = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

const categories: Category[] = PREFIXES.map((prefix, i) => ({
  id: `cat-${prefix.toLowerCase()}`,
  name: `业务${prefix}`,
  prefix,
  departmentId: `dep-${i % 12}`,
  itemIds: [`item-${prefix.toLowerCase()}`],
  avgServiceMin: 5 + (i % 4) * 5,
  // Numbers have three digits; the issue phase may use most of a day's numbers.
  dailyCap: 999,
}));

/** One window in seven is comprehensive and serves four queues; the others serve one. */
const windows: Window[] = Array.from({ length: MIX.windows }, (_, i) => {
  const number = i + 1;
  const first = i % categories.length;
  const comprehensive = number % 7 === 0;
  const categoryIds = comprehensive
    ? [0, 1, 2, 3].map((k) => (categories[(first + k) % categories.length] as Category).id)
    : [(categories[first] as Category).id];
  return {
    id: `win-${number}`,
    number,
    name: `${number}号窗口`,
    kind: comprehensive ? 'comprehensive' : 'dedicated',
    departmentId: comprehensive ? null : (categories[first] as Category).departmentId,
    categoryIds,
  };
});

export const BENCH_HALL: HallConfig = {
  hallName: '压测市民中心',
  rules: TEST_RULES,
  departments: Array.from({ length: 12 }, (_, i) => ({ id: `dep-${i}`, name: `部门${i}`, shortName: `部门${i}` })),
  categories,
  items: categories.map((c) => immediateItemFor(c, 'BENCH')),
  windows,
  clerks: windows.map((w) => ({
    id: `clerk-${w.number}`,
    staffNo: `B${String(w.number).padStart(3, '0')}`,
    name: `窗口员${w.number}`,
    position: '科员',
    departmentId: w.departmentId ?? 'dep-0',
    photoUrl: '',
    phone: '',
  })),
};

/** The clerk who signs in at each window. */
export const CLERK_AT = new Map(windows.map((w) => [w.id, `B${String(w.number).padStart(3, '0')}`]));

export const BENCH_TERMINALS: TerminalSpec[] = [
  ...Array.from({ length: MIX.kiosks }, (_, i) => ({
    id: `kiosk-${i + 1}`,
    name: `${i + 1}号取号机`,
    role: 'kiosk' as const,
    windowId: null,
  })),
  ...Array.from({ length: MIX.displays }, (_, i) => ({
    id: `display-${i + 1}`,
    name: `${i + 1}号屏`,
    role: 'display' as const,
    windowId: null,
  })),
  ...windows.map((w) => ({
    id: `evaluator-${w.id}`,
    name: `${w.number}号窗口评价器`,
    role: 'evaluator' as const,
    windowId: w.id,
  })),
];
