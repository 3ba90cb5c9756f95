import { type Category, DEFAULT_RULES, type QueueRules, type ServiceItem, type Window } from '@yimen/protocol';
import { ALWAYS_OPEN, type HallState, type WindowRecord } from '../domain';
import type { HallConfig } from '../store/config-repo';

/** A small hall for tests: three queues, a dedicated window each, one comprehensive window. */

export const CATEGORIES: Category[] = [
  {
    id: 'cat-a',
    name: '社会保障',
    prefix: 'A',
    departmentId: 'dep-a',
    itemIds: ['item-a'],
    avgServiceMin: 6,
    dailyCap: 999,
  },
  {
    id: 'cat-b',
    name: '不动产登记',
    prefix: 'B',
    departmentId: 'dep-b',
    itemIds: ['item-b'],
    avgServiceMin: 18,
    dailyCap: 999,
  },
  {
    id: 'cat-c',
    name: '婚姻登记',
    prefix: 'C',
    departmentId: 'dep-c',
    itemIds: ['item-c'],
    avgServiceMin: 15,
    dailyCap: 3,
  },
];

export const WINDOWS: Window[] = [
  { id: 'win-1', number: 1, name: '1号窗口 社保', kind: 'dedicated', departmentId: 'dep-a', categoryIds: ['cat-a'] },
  { id: 'win-2', number: 2, name: '2号窗口 不动产', kind: 'dedicated', departmentId: 'dep-b', categoryIds: ['cat-b'] },
  { id: 'win-3', number: 3, name: '3号窗口 婚姻', kind: 'dedicated', departmentId: 'dep-c', categoryIds: ['cat-c'] },
  {
    id: 'win-9',
    number: 9,
    name: '9号综合窗口',
    kind: 'comprehensive',
    departmentId: null,
    categoryIds: ['cat-b', 'cat-a', 'cat-c'],
  },
];

/** The stock rules, issuing around the clock. */
export const TEST_RULES: QueueRules = { ...DEFAULT_RULES, issuingHours: ALWAYS_OPEN };

export const SMALL_HALL: HallConfig = {
  hallName: '测试县政务服务中心',
  // Always issuing: tests run at any hour, on any day.
  rules: TEST_RULES,
  departments: [
    { id: 'dep-a', name: '人力资源和社会保障局', shortName: '人社' },
    { id: 'dep-b', name: '不动产登记中心', shortName: '不动产' },
    { id: 'dep-c', name: '民政局', shortName: '民政' },
  ],
  categories: CATEGORIES,
  items: CATEGORIES.map((c) => immediateItemFor(c, 'TEST')),
  windows: WINDOWS,
  clerks: [1, 2, 3, 9].map((n) => ({
    id: `clerk-${n}`,
    staffNo: `T00${n}`,
    name: `测试员${n}`,
    position: '科员',
    departmentId: 'dep-a',
    photoUrl: `/photos/T00${n}.png`,
    phone: '0000-1234567',
  })),
};

/** A hall of test or bench queues: one on-the-spot (即办件) item per queue. */
export function immediateItemFor(c: Category, codePrefix: string): ServiceItem {
  return {
    id: c.itemIds[0] as string,
    code: `${codePrefix}-${c.prefix}`,
    name: `${c.name}事项`,
    departmentId: c.departmentId as string,
    categoryId: c.id,
    kind: 'immediate',
    conditions: ['本人办理'],
    materials: [{ name: '居民身份证', required: true, form: 'original', copies: 1 }],
    steps: ['受理', '办结'],
    statutoryDays: 0,
    promisedDays: 0,
    fee: { amountYuan: 0, basis: '不收费' },
    selfService: false,
    supplementLater: false,
  };
}

/** 2026-11-21 09:00 in Asia/Shanghai. */
export const NINE_AM = Date.UTC(2026, 10, 21, 1, 0, 0);
export const MINUTE = 60_000;

/** A domain state with every window open and signed in by clerk-<number>. */
export function makeState(rules: Partial<QueueRules> = {}): HallState {
  const windows = new Map<string, WindowRecord>(
    WINDOWS.map((w) => [
      w.id,
      { ...w, status: 'open', pauseReason: null, clerkId: `clerk-${w.number}`, currentTicketId: null },
    ]),
  );
  return {
    businessDay: '2026-11-21',
    rules: { ...TEST_RULES, ...rules },
    categories: new Map(CATEGORIES.map((c) => [c.id, c])),
    windows,
    tickets: new Map(),
    lastNumber: {},
    streaks: {},
  };
}
