import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppointmentView, IssuedTicket, KioskLookup } from '@yimen/protocol';
import {
  checkInOffer,
  type Effect,
  type HeldCard,
  INITIAL,
  idles,
  type KioskEvent,
  type KioskState,
  transition,
} from './kiosk-flow';

const card: HeldCard = {
  input: { idNumber: '11010519491231002X', name: '王小明' },
  masked: { name: '王*明', idNumber: '1101**********002X' },
};

const lookup = (over: Partial<KioskLookup> = {}): KioskLookup => ({
  categories: {
    'cat-a': { state: 'open' },
    'cat-b': { state: 'idLimit' },
    'cat-c': { state: 'holding', ticketId: 't9', number: 'C009', reprintsLeft: 1 },
  },
  elderly: false,
  agent: false,
  appointment: null,
  checkIn: null,
  ...over,
});

const ticket = { id: 't1', number: 'A001', aheadCount: 2, categoryId: 'cat-a' } as IssuedTicket;

function run(events: KioskEvent[], from: KioskState = INITIAL): { state: KioskState; effects: Effect[] } {
  let state = from;
  const effects: Effect[] = [];
  for (const e of events) {
    const step = transition(state, e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

test('card → choose → issuing → printing → done: two touches from home, every effect in order', () => {
  const { state, effects } = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup() },
    { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000001' },
    { type: 'issued', ticket },
    { type: 'printed' },
  ]);
  assert.equal(state.screen.name, 'done');
  assert.deepEqual(
    effects.map((e) => e.type),
    ['lookup', 'speak', 'send', 'print', 'speak', 'speak'],
  );
  const send = effects.find((e) => e.type === 'send');
  assert.ok(send?.type === 'send' && send.request.kind === 'issue');
  assert.deepEqual(send.request.idCard, card.input);
  const spoken = effects.filter((e) => e.type === 'speak').map((e) => (e.type === 'speak' ? e.utterance.join('') : ''));
  assert.equal(spoken[1], '您已领取A零零一号前面还有二人');
});

test('a card read while nothing can print is not invited to choose: it is sent to the desk', () => {
  const { effects } = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup(), canIssue: false },
  ]);
  const spoken = effects.filter((e) => e.type === 'speak').map((e) => (e.type === 'speak' ? e.utterance.join('') : ''));
  assert.deepEqual(spoken, ['本机暂时不能打印号票，请到服务台取号']);
});

test('a category without a card is one touch, and carries no ID', () => {
  const { state, effects } = run([{ type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000002' }]);
  assert.equal(state.screen.name, 'issuing');
  const send = effects[0];
  assert.ok(send?.type === 'send' && send.request.kind === 'issue' && send.request.idCard === null);
});

test('what the holder may not take cannot be chosen; an open ticket offers its reprint instead', () => {
  const chosen = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup() },
    { type: 'choose', categoryId: 'cat-b', idempotencyKey: 'key-00000003' },
  ]);
  assert.equal(chosen.state.screen.name, 'card', 'idLimit: nothing happens');
  const reprint = run([{ type: 'reprint', ticketId: 't9' }], chosen.state);
  assert.equal(reprint.state.screen.name, 'issuing');
  assert.ok(reprint.effects[0]?.type === 'send' && reprint.effects[0].request.kind === 'reprint');
  const unknown = run([{ type: 'reprint', ticketId: 'someone-else' }], chosen.state);
  assert.equal(unknown.state.screen.name, 'card', 'only a ticket the lookup showed as the holder’s');
});

test('a slip that does not print voids its number and sends the citizen to the desk', () => {
  const { state, effects } = run([
    { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000004' },
    { type: 'issued', ticket },
    { type: 'printFailed', message: '打印机缺纸' },
  ]);
  assert.ok(state.screen.name === 'failed' && state.screen.deskAdvice);
  const voided = effects.find((e) => e.type === 'void');
  assert.ok(voided?.type === 'void' && voided.ticketId === 't1');
});

test('a failed reprint keeps the ticket: its holder still has a place', () => {
  const held = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup() },
    { type: 'reprint', ticketId: 't9' },
    { type: 'issued', ticket: { ...ticket, id: 't9' } },
    { type: 'printFailed', message: '仓盖打开' },
  ]);
  assert.equal(held.state.screen.name, 'failed');
  assert.equal(
    held.effects.some((e) => e.type === 'void'),
    false,
  );
});

test('no answer from the hall: the same request goes again once it is back, same key', () => {
  const waiting = run([
    { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000005' },
    { type: 'issueFailed', error: { code: 'UNREACHABLE', message: '暂时无法连接大厅服务器' } },
  ]);
  assert.ok(waiting.state.screen.name === 'issuing' && waiting.state.screen.waitingForHall);
  const again = run([{ type: 'hallOnline' }], waiting.state);
  const send = again.effects[0];
  assert.ok(send?.type === 'send' && send.request.kind === 'issue' && send.request.idempotencyKey === 'key-00000005');
  const left = run([{ type: 'idle' }], waiting.state);
  assert.equal(left.state.screen.name, 'home');
  assert.ok(
    left.effects.some((e) => e.type === 'abandon'),
    'a request left behind is settled, not forgotten',
  );
});

test('going home or idling drops the card from the state; mid-print the kiosk waits', () => {
  const withCard = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup({ elderly: true }) },
  ]);
  assert.equal(withCard.state.elder, true, 'the card says 70 or over: elder mode');
  const idle = run([{ type: 'idle' }], withCard.state);
  assert.deepEqual(idle.state, INITIAL);
  assert.equal(JSON.stringify(idle.state).includes('王'), false);
  const printing = run([
    { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000006' },
    { type: 'issued', ticket },
  ]);
  assert.equal(run([{ type: 'idle' }], printing.state).state.screen.name, 'printing');
  assert.equal(idles(printing.state.screen), false);
  assert.equal(idles(withCard.state.screen), true);
});

const booking: AppointmentView = {
  code: 'ABCDEFGHJK',
  categoryId: 'cat-a',
  categoryName: '社会保障',
  day: '2026-12-03',
  slotStart: '10:00',
  slotEnd: '10:30',
  status: 'booked',
  nameMasked: '王*明',
  idMasked: '1101**********002X',
  phoneMasked: '138****0000',
  checkInFrom: 0,
  checkInUntil: 0,
  cancelUntil: 0,
  ticketNumber: null,
};

test('elder mode a card switched on ends with its holder’s visit; one chosen on the button stays', () => {
  const elderCard = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup({ elderly: true }) },
  ]);
  assert.ok(elderCard.state.elder && elderCard.state.elderAuto);
  const more = run([{ type: 'moreCategories' }], elderCard.state);
  assert.equal(more.state.allCategories, true, '更多业务 shows every queue');
  for (const leave of [{ type: 'home' }, { type: 'back' }, { type: 'idle' }] as const) {
    const next = run([leave], more.state).state;
    assert.equal(next.elder, false, `${leave.type}: the next person starts in the standard mode`);
    assert.equal(next.allCategories, false);
  }
  const done = run(
    [
      { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000010' },
      { type: 'issued', ticket },
      { type: 'printed' },
    ],
    elderCard.state,
  ).state;
  assert.ok(done.screen.name === 'done' && done.elder, 'the ticket screen is still large for its holder');
  assert.equal(run([{ type: 'home' }], done).state.elder, false, 'and home after it is standard');
  const nextCard = run([{ type: 'cardRead', card }], elderCard.state).state;
  assert.equal(nextCard.elder, false, 'a new card is a new citizen');

  const chosen = run([{ type: 'toggleElder' }]).state;
  assert.ok(chosen.elder && !chosen.elderAuto);
  const visit = run(
    [{ type: 'cardRead', card }, { type: 'lookupDone', lookup: lookup({ elderly: true }) }, { type: 'home' }],
    chosen,
  ).state;
  assert.equal(visit.elder, true, 'chosen on the button: kept across visits');
  assert.equal(run([{ type: 'toggleElder' }], visit).state.elder, false, 'until switched off');
  assert.equal(run([{ type: 'idle' }], visit).state.elder, false, 'or the kiosk idles');
});

test('check-in refused at the hall after the screen offered it: said plainly, the ordinary categories again', () => {
  const booked = lookup({ appointment: booking, checkIn: 'open' });
  const { state, effects } = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: booked },
    { type: 'checkIn', idempotencyKey: 'key-00000007' },
    { type: 'issueFailed', error: { code: 'CHECK_IN_TOO_EARLY', message: '还未到预约签到时间' } },
  ]);
  assert.ok(state.screen.name === 'card' && state.screen.notice === '还未到预约签到时间');
  assert.equal(effects.filter((e) => e.type === 'lookup').length, 2, 'asked again what the holder may take');
});

test('a booking too early or too late: the card screen says which, check-in is off, ordinary tickets stay', () => {
  for (const when of ['early', 'late'] as const) {
    const { state } = run([
      { type: 'cardRead', card },
      { type: 'lookupDone', lookup: lookup({ appointment: { ...booking, status: 'noShow' }, checkIn: when }) },
    ]);
    assert.deepEqual(checkInOffer(state.screen)?.state, when);
    const tapped = run([{ type: 'checkIn', idempotencyKey: 'key-00000008' }], state);
    assert.equal(tapped.state.screen.name, 'card', `${when}: the check-in does not go out`);
    assert.deepEqual(tapped.effects, []);
    const ordinary = run([{ type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000009' }], state);
    assert.equal(ordinary.state.screen.name, 'issuing', `${when}: an ordinary ticket is still one tap`);
  }
  const open = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup({ appointment: booking, checkIn: 'open' }) },
  ]).state;
  assert.equal(checkInOffer(open.screen)?.state, 'open');
  const none = run([
    { type: 'cardRead', card },
    { type: 'lookupDone', lookup: lookup() },
  ]).state;
  assert.equal(checkInOffer(none.screen), null);
});

test('an item’s guide takes a ticket for its queue in one tap', () => {
  const { state, effects } = run([
    { type: 'openGuide', departmentId: 'd1', itemId: 'i1' },
    { type: 'choose', categoryId: 'cat-a', idempotencyKey: 'key-00000011' },
  ]);
  assert.equal(state.screen.name, 'issuing');
  assert.ok(effects[0]?.type === 'send' && effects[0].request.kind === 'issue' && effects[0].request.idCard === null);
});

test('the guide goes item → department → index → home on 返回', () => {
  let s = run([{ type: 'openGuide', departmentId: 'd1', itemId: 'i1' }]).state;
  s = run([{ type: 'back' }], s).state;
  assert.deepEqual(s.screen, { name: 'guide', departmentId: 'd1', itemId: null });
  s = run([{ type: 'back' }], s).state;
  assert.deepEqual(s.screen, { name: 'guide', departmentId: null, itemId: null });
  s = run([{ type: 'back' }], s).state;
  assert.equal(s.screen.name, 'home');
});

test('办件查询 by number: digits only, twelve of them, then the hall is asked; an unknown number is said plainly', () => {
  const typed = run([{ type: 'openCases' }, { type: 'caseNumber', number: '2026-0305 00a12' }]);
  assert.equal(typed.state.screen.name === 'cases' && typed.state.screen.number, '202603050012');
  const short = run([{ type: 'openCases' }, { type: 'caseNumber', number: '2026' }, { type: 'findCase' }]);
  assert.deepEqual(short.effects, []);
  assert.ok(short.state.screen.name === 'cases' && short.state.screen.notice);
  const { state, effects } = run([{ type: 'findCase' }], typed.state);
  assert.deepEqual(effects, [{ type: 'findCases', query: { number: '202603050012' } }]);
  const none = run([{ type: 'casesFound', cases: [] }], state);
  assert.ok(none.state.screen.name === 'cases' && none.state.screen.notice === '没有找到该办件，请核对编号');
  assert.equal(run([{ type: 'casesFound', cases: [] }], none.state).state, none.state, 'a late answer changes nothing');
});

test('办件查询 by card: from the card screen or by placing a card on the cases screen; home forgets it', () => {
  const fromCard = run([{ type: 'cardRead', card }, { type: 'openCases' }]);
  assert.deepEqual(fromCard.effects.at(-1), { type: 'findCases', query: { idCard: card.input } });
  const onCases = run([{ type: 'openCases' }, { type: 'cardRead', card }]);
  assert.ok(onCases.state.screen.name === 'cases' && onCases.state.screen.card === card);
  assert.deepEqual(onCases.effects, [{ type: 'findCases', query: { idCard: card.input } }]);
  const failed = run(
    [{ type: 'casesFailed', error: { code: 'UNREACHABLE', message: '暂时无法连接大厅服务器' } }],
    onCases.state,
  );
  assert.ok(failed.state.screen.name === 'cases' && failed.state.screen.notice === '暂时无法连接大厅服务器');
  assert.ok(idles(failed.state.screen), 'personal data counts down to home');
  assert.equal(run([{ type: 'idle' }], failed.state).state.screen.name, 'home');
});
