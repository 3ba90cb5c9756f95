import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import {
  type BridgeReply,
  type CallerShow,
  DEFAULT_RATING_RULES,
  type LedRequest,
  type LoggedEvent,
  type QueueSnapshot,
  type Ticket,
  type WindowView,
} from '@yimen/protocol';
import { HallView } from '@yimen/shell/common/hall-view';
import { EvaluatorController, type EvaluatorDeps, type HallLink } from './evaluator-controller';

const window: WindowView = {
  id: 'win-1',
  number: 1,
  name: '1号窗口 社保',
  status: 'open',
  pauseReason: null,
  clerkId: 'clerk-1',
  currentTicketId: null,
};
const ticket: Ticket = {
  id: 't1',
  number: 'A001',
  businessDay: '2026-12-03',
  categoryId: 'cat-a',
  priority: 'ordinary',
  status: 'called',
  issuedAt: 0,
  rankAt: 0,
  windowId: 'win-1',
  targetWindowId: null,
  calledAt: 1,
  startedAt: null,
  finishedAt: null,
  recallCount: 0,
  requeueCount: 0,
  transferCount: 0,
  reprintCount: 0,
  holder: null,
  transferNote: null,
  transferFromWindowId: null,
};
const snapshot: QueueSnapshot = {
  seq: 10,
  businessDay: '2026-12-03',
  generatedAt: 0,
  waiting: {},
  estimatedWaitMin: {},
  availability: {},
  tickets: [],
  windows: [window],
  recentCalls: [],
  notice: '',
  windowsOpen: {},
};

const controllers: EvaluatorController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.dispose();
});

function rig(keyAck: (key: string) => unknown) {
  const view = HallView.from(snapshot, true);
  const live = new Set<(e: LoggedEvent) => void>();
  const changes = new Set<() => void>();
  const bridgeListeners = new Map<string, (payload: unknown) => void>();
  const leds: LedRequest[] = [];
  const shown: CallerShow[] = [];
  const requests: [string, unknown][] = [];
  const ok = <T>(result: T): Promise<BridgeReply<T>> => Promise.resolve({ ok: true, result });
  const hall: HallLink = {
    request: (async (name: string, payload: unknown) => {
      requests.push([name, payload]);
      if (name === 'window:key') return keyAck((payload as { key: string }).key);
      if (name === 'fingerprint:library') return { ok: true, templates: [] };
      return { ok: true, rating: {}, rectificationId: null };
    }) as HallLink['request'],
    onLive: (l) => {
      live.add(l);
      return () => live.delete(l);
    },
    onServer: () => () => {},
    onChange: (l) => {
      changes.add(l);
      return () => changes.delete(l);
    },
    view: () => view,
    config: () => null,
    online: () => true,
  };
  const bridge: EvaluatorDeps['bridge'] = {
    on: ((event: string, listener: (payload: unknown) => void) => {
      bridgeListeners.set(event, listener);
      return () => bridgeListeners.delete(event);
    }) as EvaluatorDeps['bridge']['on'],
    led: (request) => {
      leds.push(request);
      return ok(null);
    },
    caller: {
      show: (request) => {
        shown.push(request);
        return ok(null);
      },
    },
    fingerprint: {
      identify: () => Promise.resolve({ ok: false, error: { code: 'notConfigured', message: '' } }),
      enroll: () => ok({ kind: 'cancelled', step: 'press' } as const),
      cancel: () => ok(null),
      readTemplate: () => ok({ template: 'AAAA' }),
      writeTemplate: () => ok(null),
      clear: () => Promise.resolve({ ok: false, error: { code: 'notConfigured', message: '' } }),
      delete: () => ok(null),
    },
  };
  const controller = new EvaluatorController({ hall, bridge, windowId: 'win-1', now: () => 1000 });
  controllers.push(controller);
  const apply = (event: LoggedEvent) => {
    view.apply(event);
    for (const l of live) l(event);
    for (const l of changes) l();
  };
  const press = (action: string) => bridgeListeners.get('callerKey')?.({ address: 1, action, at: 0 });
  return { controller, leds, shown, requests, apply, press, bridgeListeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test('the LED follows the window: its name, then the called ticket; an unchanged window sends nothing', async () => {
  const r = rig(() => ({ ok: false }));
  assert.deepEqual(r.leds, [{ type: 'text', text: '1号窗口 社保' }]);
  r.apply({
    name: 'ticket:called',
    payload: {
      seq: 11,
      ticket,
      window: { id: 'win-1', number: 1, name: '' },
      voiceText: '',
      recall: 0,
      outOfOrder: false,
      clerkId: 'clerk-1',
    },
  });
  assert.equal(r.leds.length, 1, 'the window has not changed yet');
  r.apply({ name: 'window:changed', payload: { seq: 12, window: { ...window, currentTicketId: 't1' } } });
  assert.deepEqual(r.leds.at(-1), { type: 'ticket', ticket: 'A001', window: '1' });
  r.apply({
    name: 'window:changed',
    payload: { seq: 15, window: { ...window, status: 'paused', pauseReason: '暂停服务', currentTicketId: 't1' } },
  });
  assert.deepEqual(r.leds.at(-1), { type: 'paused' });
});

test('keypad keys go to the hall as keys only; a refused key shows on the keypad', async () => {
  const r = rig((key) =>
    key === 'call'
      ? { ok: true, window: { ...window, currentTicketId: 't1' }, ticket, waiting: 4 }
      : { ok: false, error: { code: 'NO_CLERK', message: '窗口暂无人员登录' } },
  );
  r.press('call');
  await settle();
  assert.deepEqual(
    r.requests.find(([name]) => name === 'window:key'),
    ['window:key', { key: 'call' }],
  );
  assert.deepEqual(r.shown.at(-1), { kind: 'ticket', address: 1, ticket: 'A001', waiting: 4 });
  r.press('recall');
  await settle();
  assert.deepEqual(r.shown.at(-1), { kind: 'refused', address: 1 });
  // A key the window does not act on never reaches the hall.
  const sent = r.requests.length;
  r.press('transfer');
  await settle();
  assert.equal(r.requests.length, sent);
  assert.deepEqual(r.shown.at(-1), { kind: 'refused', address: 1 });
});

test('a ticket finished here asks for a rating; the pad keys answer it', async () => {
  const r = rig(() => ({ ok: false }));
  r.apply({ name: 'ticket:changed', payload: { seq: 20, ticket: { ...ticket, status: 'done', finishedAt: 900 } } });
  assert.equal(r.controller.state.screen.name, 'rating');
  r.bridgeListeners.get('rating')?.({ level: 'verySatisfied', source: 'ratingPad', at: 0 });
  await settle();
  assert.deepEqual(
    r.requests.find(([name]) => name === 'rating:submit'),
    ['rating:submit', { ticketId: 't1', level: 'verySatisfied', channel: 'ratingPad' }],
  );
  assert.equal(r.controller.state.screen.name, 'thanks');
  assert.equal(r.controller.rules().promptSeconds, DEFAULT_RATING_RULES.promptSeconds);
  // Another window's finish is not this pad's business.
  r.apply({
    name: 'ticket:changed',
    payload: { seq: 21, ticket: { ...ticket, id: 't2', windowId: 'win-2', status: 'done' } },
  });
  assert.equal(r.controller.state.asked.includes('t2'), false);
});
