import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Ticket, Window, WindowView } from '@yimen/protocol';
import {
  type Action,
  type ClerkSession,
  type ConsoleEvent,
  type ConsoleState,
  type Effect,
  INITIAL,
  KEY_OF,
  transition,
} from './console-flow';
import { type Desk, deskOf } from './desk';

const session: ClerkSession = {
  session: 'session-token-0123456789',
  clerk: {
    id: 'clerk-3',
    staffNo: 'T003',
    name: '测试员3',
    position: '科员',
    departmentId: 'dep-c',
    photoUrl: '',
    phone: '',
  },
  windowId: 'win-3',
};

const config: Window = {
  id: 'win-3',
  number: 3,
  name: '3号窗口',
  kind: 'dedicated',
  departmentId: 'dep-c',
  categoryIds: ['cat-c'],
};
const open: WindowView = {
  id: 'win-3',
  number: 3,
  name: '3号窗口',
  status: 'open',
  pauseReason: null,
  clerkId: 'clerk-3',
  currentTicketId: null,
};

let n = 0;
function ticket(over: Partial<Ticket> = {}): Ticket {
  n++;
  return {
    id: `t-${n}`,
    number: `C${String(n).padStart(3, '0')}`,
    businessDay: '2026-11-21',
    categoryId: 'cat-c',
    priority: 'ordinary',
    status: 'waiting',
    issuedAt: 1000 * n,
    rankAt: 1000 * n,
    windowId: null,
    targetWindowId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recallCount: 0,
    requeueCount: 0,
    transferCount: 0,
    reprintCount: 0,
    holder: null,
    transferNote: null,
    transferFromWindowId: null,
    ...over,
  };
}

/** The desk of window 3 with these tickets in the hall, the window's current one named. */
function desk(tickets: Ticket[], window: Partial<WindowView> = {}): Desk {
  return deskOf(tickets, { ...open, ...window }, config);
}

function run(events: ConsoleEvent[], d: Desk | null, from: ConsoleState = INITIAL) {
  let state = from;
  const effects: Effect[] = [];
  for (const e of events) {
    const step = transition(state, e, d);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const signedIn = run([{ type: 'restored', session }], null).state;
const sent = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'send' ? [e.command] : []));

test('the desk: the window’s current ticket, its held ones, and the waiting ones it may call, transfers to it first', () => {
  const called = ticket({ status: 'called', windowId: 'win-3' });
  const heldHere = ticket({ status: 'held', windowId: 'win-3' });
  const heldElsewhere = ticket({ status: 'held', windowId: 'win-9' });
  const early = ticket({ rankAt: 1 });
  const late = ticket();
  const otherQueue = ticket({ categoryId: 'cat-a' });
  const toUs = ticket({ categoryId: 'cat-a', targetWindowId: 'win-3', rankAt: 999_999 });
  const toOthers = ticket({ targetWindowId: 'win-9' });
  const d = desk([called, heldHere, heldElsewhere, late, early, otherQueue, toUs, toOthers], {
    currentTicketId: called.id,
  });
  assert.equal(d.current?.id, called.id);
  assert.deepEqual(
    d.held.map((t) => t.id),
    [heldHere.id],
  );
  assert.deepEqual(
    d.waiting.map((t) => t.id),
    [toUs.id, early.id, late.id],
  );
  assert.equal(desk([ticket({ status: 'noShow', windowId: 'win-3' })], { currentTicketId: `t-${n}` }).current, null);
});

test('sign in, a refusal, then the desk: the session is kept and the hall connected; a kept session skips the form', () => {
  const asked = run([{ type: 'signIn', staffNo: 'T003', password: 'x', windowId: 'win-3' }], null);
  assert.deepEqual(asked.state.screen, { name: 'signIn', busy: true, message: null, fingerprint: null });
  assert.deepEqual(asked.effects, [{ type: 'login', staffNo: 'T003', password: 'x', windowId: 'win-3' }]);
  const twice = transition(asked.state, { type: 'signIn', staffNo: 'T003', password: 'x', windowId: 'win-3' }, null);
  assert.equal(twice.effects.length, 0, 'one sign-in at a time');
  const refused = run([{ type: 'signInFailed', message: '工号或密码错误' }], null, asked.state);
  assert.deepEqual(refused.state.screen, { name: 'signIn', busy: false, message: '工号或密码错误', fingerprint: null });
  const done = run([{ type: 'signedIn', session }], null, refused.state);
  assert.equal(done.state.screen.name, 'desk');
  assert.deepEqual(
    done.effects.map((e) => e.type),
    ['keep', 'connect'],
  );
  assert.deepEqual(
    run([{ type: 'restored', session }], null).effects.map((e) => e.type),
    ['connect'],
  );
});

test('the function keys do what the buttons do: F1 calls, F2 recalls the current ticket, F4 no-show, F6 start, F7 finish', () => {
  const d = desk([]);
  const call = run([{ type: 'key', key: 'F1' }], d, signedIn);
  assert.deepEqual(sent(call.effects), [{ name: 'window:callNext', payload: {} }]);
  assert.equal(call.state.pending, 'callNext');

  const c = ticket({ status: 'called', windowId: 'win-3' });
  const withCalled = desk([c], { currentTicketId: c.id });
  for (const [key, name] of [
    ['F2', 'ticket:recall'],
    ['F4', 'ticket:noShow'],
    ['F6', 'ticket:start'],
    ['F8', 'ticket:hold'],
  ] as const) {
    assert.deepEqual(sent(run([{ type: 'key', key }], withCalled, signedIn).effects), [
      { name, payload: { ticketId: c.id } },
    ]);
  }
  const s = ticket({ status: 'serving', windowId: 'win-3' });
  const serving = desk([s], { currentTicketId: s.id });
  assert.deepEqual(sent(run([{ type: 'key', key: 'F7' }], serving, signedIn).effects), [
    { name: 'ticket:finish', payload: { ticketId: s.id } },
  ]);
  assert.equal(run([{ type: 'key', key: 'F12' }], serving, signedIn).effects.length, 0, 'other keys are the browser’s');
  assert.deepEqual(Object.values(KEY_OF).sort(), ['F1', 'F10', 'F2', 'F3', 'F4', 'F6', 'F7', 'F8', 'F9'], 'F5 reloads');
});

test('what cannot be done now is refused at once with the reason, and nothing is sent', () => {
  const c = ticket({ status: 'called', windowId: 'win-3' });
  const busy = desk([c], { currentTicketId: c.id });
  const cases: [Desk, ConsoleEvent, string][] = [
    [busy, { type: 'key', key: 'F1' }, '本窗口正在办理其他号'],
    [desk([], { status: 'paused', pauseReason: '会议' }), { type: 'key', key: 'F1' }, '已暂停服务，请先恢复服务'],
    [desk([]), { type: 'key', key: 'F2' }, '当前没有呼叫中或办理中的号'],
    [busy, { type: 'key', key: 'F7' }, '请先开始办理'],
    [desk([]), { type: 'key', key: 'F9' }, '当前没有呼叫中或办理中的号'],
    [desk([]), { type: 'key', key: 'F8' }, '当前没有呼叫中或办理中的号'],
    [busy, { type: 'key', key: 'F3' }, '本窗口正在办理其他号'],
    [desk([]), { type: 'act', action: { kind: 'resumeWindow' } }, '窗口未暂停'],
  ];
  for (const [d, event, text] of cases) {
    const step = run([event], d, signedIn);
    assert.equal(step.effects.length, 0, JSON.stringify(event));
    assert.equal(step.state.result?.ok, false);
    assert.ok(step.state.result?.text.includes(text), `${JSON.stringify(event)}: ${step.state.result?.text}`);
  }
});

test('one command at a time; its answer shows at once, a refusal in the hall’s words', () => {
  const d = desk([]);
  const first = run([{ type: 'key', key: 'F1' }], d, signedIn);
  const again = run([{ type: 'key', key: 'F1' }], d, first.state);
  assert.equal(again.effects.length, 0, 'a second F1 while the first is on its way sends nothing');
  assert.ok(again.state.result?.text.includes('正在处理'));
  const action: Action = { kind: 'callNext' };
  const called = ticket({ status: 'called', windowId: 'win-3', number: 'C012' });
  const ok = run([{ type: 'acked', action, reply: { ok: true, ticket: called } }], d, first.state);
  assert.deepEqual(ok.state.result, { ok: true, text: '已呼叫 C012' });
  assert.equal(ok.state.pending, null);
  const empty = run(
    [{ type: 'acked', action, reply: { ok: false, error: { code: 'QUEUE_EMPTY', message: '当前没有等候的号' } } }],
    d,
    first.state,
  );
  assert.deepEqual(empty.state.result, { ok: false, text: '未执行：当前没有等候的号' });
  const recalled = ticket({ status: 'called', windowId: 'win-3', number: 'C012', recallCount: 2 });
  const busy = desk([recalled], { currentTicketId: recalled.id });
  const recall = run([{ type: 'key', key: 'F2' }], busy, signedIn);
  const second = run(
    [{ type: 'acked', action: { kind: 'recall' }, reply: { ok: true, ticket: recalled } }],
    busy,
    recall.state,
  );
  assert.equal(second.state.result?.text, '已重呼 C012（第2次）');
});

test('finishing keeps the ticket where the current one was, awaits its rating, asks for the day’s figures again', () => {
  const s = ticket({ status: 'serving', windowId: 'win-3', number: 'C020' });
  const d = desk([s], { currentTicketId: s.id });
  const asked = run([{ type: 'key', key: 'F7' }], d, signedIn);
  const done = { ...s, status: 'done' as const };
  const step = run([{ type: 'acked', action: { kind: 'finish' }, reply: { ok: true, ticket: done } }], d, asked.state);
  assert.equal(step.state.lastFinished?.number, 'C020');
  assert.deepEqual(step.state.lastRating, { ticketId: s.id, state: 'awaiting' });
  assert.deepEqual(step.effects, [{ type: 'fetchStats' }, { type: 'fetchRating', ticketId: s.id }]);
  assert.equal(step.state.result?.text, 'C020 已办结');
  const online = run([{ type: 'online' }], d, step.state);
  assert.deepEqual(
    online.effects,
    [{ type: 'fetchStats' }, { type: 'fetchRating', ticketId: s.id }],
    'and each time the hall is back',
  );

  // The rating arrives live: 未评价 when the pad ran out, then the level the citizen gave by phone.
  const other = run([{ type: 'rating', rating: { ticketId: 'another', state: 'unrated' } }], d, step.state);
  assert.equal(other.state, step.state, 'another ticket’s rating is not this slot’s');
  const unrated = run([{ type: 'rating', rating: { ticketId: s.id, state: 'unrated' } }], d, step.state);
  assert.deepEqual(unrated.state.lastRating, { ticketId: s.id, state: 'unrated' });
  const rated = run(
    [{ type: 'rating', rating: { ticketId: s.id, state: 'rated', level: 'dissatisfied' } }],
    d,
    unrated.state,
  );
  assert.deepEqual(rated.state.lastRating, { ticketId: s.id, state: 'rated', level: 'dissatisfied' });
});

test('sign in by fingerprint: the request for the chosen window, its code shown, only its own answer counts', () => {
  const noWindow = run([{ type: 'fingerprint', windowId: '', now: 0 }], null);
  assert.deepEqual(noWindow.effects, []);
  assert.equal(noWindow.state.screen.name === 'signIn' && noWindow.state.screen.message, '请先选择窗口');

  const asked = run([{ type: 'fingerprint', windowId: 'win-3', now: 0 }], null);
  assert.deepEqual(asked.effects, [{ type: 'fingerprintStart', windowId: 'win-3' }]);
  assert.equal(asked.state.screen.name === 'signIn' && asked.state.screen.busy, true, 'no password sign-in meanwhile');
  const password = transition(asked.state, { type: 'signIn', staffNo: 'T003', password: 'x', windowId: 'win-3' }, null);
  assert.deepEqual(password.effects, []);

  const started = run(
    [{ type: 'fingerprintStarted', requestId: 'req-1', code: '0427', expiresInMs: 20_000, now: 1000 }],
    null,
    asked.state,
  );
  assert.deepEqual(started.effects, [{ type: 'fingerprintWait', requestId: 'req-1' }]);
  assert.deepEqual(started.state.screen.name === 'signIn' && started.state.screen.fingerprint, {
    phase: 'waiting',
    windowId: 'win-3',
    requestId: 'req-1',
    code: '0427',
    until: 21_000,
  });
  const stale = run(
    [{ type: 'fingerprintAnswered', requestId: 'req-0', reply: { ok: true, session } }],
    null,
    started.state,
  );
  assert.equal(stale.state, started.state, 'an answer to another request signs nobody in');
  const unknown = run(
    [{ type: 'fingerprintAnswered', requestId: 'req-1', reply: { ok: false, message: '该指纹未登记' } }],
    null,
    started.state,
  );
  assert.deepEqual(unknown.state.screen, { name: 'signIn', busy: false, message: '该指纹未登记', fingerprint: null });
  const matched = run(
    [{ type: 'fingerprintAnswered', requestId: 'req-1', reply: { ok: true, session } }],
    null,
    started.state,
  );
  assert.equal(matched.state.screen.name, 'desk');
  assert.deepEqual(
    matched.effects.map((e) => e.type),
    ['keep', 'connect'],
  );
});

test('a fingerprint sign-in given up: the hall is told, also when it was still being asked for', () => {
  const asked = run([{ type: 'fingerprint', windowId: 'win-3', now: 0 }], null);
  const waiting = run(
    [{ type: 'fingerprintStarted', requestId: 'req-1', code: '0427', expiresInMs: 20_000, now: 0 }],
    null,
    asked.state,
  );
  const cancelled = run([{ type: 'fingerprintCancel' }], null, waiting.state);
  assert.deepEqual(cancelled.effects, [{ type: 'fingerprintCancel', requestId: 'req-1' }]);
  assert.deepEqual(cancelled.state.screen, {
    name: 'signIn',
    busy: false,
    message: '已取消指纹登录',
    fingerprint: null,
  });
  const late = run(
    [{ type: 'fingerprintAnswered', requestId: 'req-1', reply: { ok: true, session } }],
    null,
    cancelled.state,
  );
  assert.equal(late.state.screen.name, 'signIn', 'a late answer signs nobody in here');

  const early = run([{ type: 'fingerprintCancel' }], null, asked.state);
  assert.deepEqual(early.effects, []);
  const arrives = run(
    [{ type: 'fingerprintStarted', requestId: 'req-2', code: '1111', expiresInMs: 20_000, now: 0 }],
    null,
    early.state,
  );
  assert.deepEqual(arrives.effects, [{ type: 'fingerprintCancel', requestId: 'req-2' }]);
  assert.equal(arrives.state.screen.name === 'signIn' && arrives.state.screen.fingerprint, null);
});

test('特呼 by number: a waiting ticket this window serves is called; another number is refused', () => {
  const mine = ticket({ number: 'C031' });
  const notMine = ticket({ number: 'A031', categoryId: 'cat-a' });
  const d = desk([mine, notMine]);
  const dialog = run([{ type: 'key', key: 'F3' }], d, signedIn);
  assert.equal(dialog.state.dialog, 'callSpecific');
  assert.equal(run([{ type: 'key', key: 'F1' }], d, dialog.state).effects.length, 0, 'keys belong to the dialog');
  const call = run([{ type: 'callNumber', number: ' c031 ' }], d, dialog.state);
  assert.deepEqual(sent(call.effects), [{ name: 'ticket:callSpecific', payload: { ticketId: mine.id } }]);
  assert.equal(call.state.dialog, null);
  const refused = run([{ type: 'callNumber', number: 'A031' }], d, dialog.state);
  assert.equal(refused.effects.length, 0);
  assert.equal(refused.state.result?.text, '未执行：本窗口可办理的等候号中没有 A031');
  assert.equal(run([{ type: 'key', key: 'Escape' }], d, dialog.state).state.dialog, null);
});

test('hold and resume on one key; transfer with a note; pause with a reason and resume on one key', () => {
  const c = ticket({ status: 'called', windowId: 'win-3' });
  const h = ticket({ status: 'held', windowId: 'win-3' });
  const idleWithHeld = desk([h]);
  assert.deepEqual(sent(run([{ type: 'key', key: 'F8' }], idleWithHeld, signedIn).effects), [
    { name: 'ticket:resume', payload: { ticketId: h.id } },
  ]);
  const busy = desk([c], { currentTicketId: c.id });
  assert.equal(run([{ type: 'key', key: 'F9' }], busy, signedIn).state.dialog, 'transfer');
  const transfer = (note: string): Action => ({
    kind: 'transfer',
    target: { toWindowId: 'win-9' },
    targetName: '9号综合窗口',
    note,
  });
  assert.deepEqual(sent(run([{ type: 'act', action: transfer('  缺材料，已告知  ') }], busy, signedIn).effects), [
    { name: 'ticket:transfer', payload: { ticketId: c.id, toWindowId: 'win-9', note: '缺材料，已告知' } },
  ]);
  assert.deepEqual(sent(run([{ type: 'act', action: transfer(' ') }], busy, signedIn).effects), [
    { name: 'ticket:transfer', payload: { ticketId: c.id, toWindowId: 'win-9' } },
  ]);
  const moved = run(
    [
      { type: 'act', action: transfer('') },
      { type: 'acked', action: transfer(''), reply: { ok: true, ticket: c } },
    ],
    busy,
    signedIn,
  );
  assert.equal(moved.state.result?.text, `${c.number} 已转至9号综合窗口`);

  assert.equal(run([{ type: 'key', key: 'F10' }], desk([]), signedIn).state.dialog, 'pause');
  assert.deepEqual(
    sent(run([{ type: 'act', action: { kind: 'pause', reason: '会议' } }], desk([]), signedIn).effects),
    [{ name: 'window:pause', payload: { reason: '会议' } }],
  );
  const paused = desk([], { status: 'paused', pauseReason: '会议' });
  assert.deepEqual(sent(run([{ type: 'key', key: 'F10' }], paused, signedIn).effects), [
    { name: 'window:resume', payload: {} },
  ]);
});

test('signing out, refused while a citizen is at the window; a session the hall ended goes back to the form', () => {
  const out = run([{ type: 'signOut' }], desk([]), signedIn);
  assert.deepEqual(out.effects, [{ type: 'logout', session: session.session }]);
  const busy = run([{ type: 'signOutFailed', message: '本窗口正在办理其他号' }], desk([]), out.state);
  assert.equal(busy.state.screen.name, 'desk');
  assert.equal(busy.state.result?.text, '未执行：本窗口正在办理其他号');
  const done = run([{ type: 'signedOut' }], desk([]), out.state);
  assert.deepEqual(done.state.screen, { name: 'signIn', busy: false, message: '已退出登录', fingerprint: null });
  assert.deepEqual(
    done.effects.map((e) => e.type),
    ['forget', 'disconnect'],
  );
  const ended = run([{ type: 'sessionEnded' }], desk([]), signedIn);
  assert.equal(ended.state.screen.name, 'signIn');
  assert.match((ended.state.screen as { message: string }).message, /登录已失效/);
  assert.deepEqual(
    ended.effects.map((e) => e.type),
    ['forget', 'disconnect'],
  );
});
