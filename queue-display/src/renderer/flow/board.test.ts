import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CallRecord,
  DEFAULT_DISPLAY_SETTINGS,
  type PublicConfig,
  type Ticket,
  type WindowView,
} from '@yimen/protocol';
import { boardOf, type HallPicture, RECENT } from './board';

const config = {
  categories: [
    { id: 'cat-a', name: '社会保障', prefix: 'A' },
    { id: 'cat-b', name: '不动产登记', prefix: 'B' },
    { id: 'cat-c', name: '婚姻登记', prefix: 'C' },
  ],
  windows: [
    { id: 'win-1', number: 1, name: '1号窗口', categoryIds: ['cat-a'] },
    { id: 'win-2', number: 2, name: '2号窗口', categoryIds: ['cat-b'] },
    { id: 'win-9', number: 9, name: '9号窗口', categoryIds: ['cat-b', 'cat-c'] },
  ],
} as unknown as PublicConfig;

const call = (number: string, windowId: string, categoryId: string, ticketId = `t-${number}`): CallRecord => ({
  ticketId,
  number,
  categoryId,
  windowId,
  windowNumber: Number(windowId.slice(4)),
  at: 0,
  voiceText: '',
});

function picture(calls: CallRecord[], windows: Partial<WindowView>[] = [], tickets: Ticket[] = []): HallPicture {
  return {
    recentCalls: calls,
    waiting: { 'cat-a': 4, 'cat-b': 2, 'cat-c': 0 },
    windows: windows as WindowView[],
    ticket: (id) => tickets.find((t) => t.id === id),
  };
}

test('the latest call large, the ones before it once per ticket, every queue’s waiting count', () => {
  const calls = [
    call('A002', 'win-1', 'cat-a'),
    call('B001', 'win-2', 'cat-b'),
    call('A001', 'win-1', 'cat-a'),
    call('B001', 'win-2', 'cat-b'), // its first call, before the recall above
  ];
  const board = boardOf(picture(calls), config, DEFAULT_DISPLAY_SETTINGS);
  assert.equal(board.current?.number, 'A002');
  assert.deepEqual(
    board.recent.map((c) => c.number),
    ['B001', 'A001'],
  );
  assert.deepEqual(
    board.waiting.map((w) => [w.category.id, w.count]),
    [
      ['cat-a', 4],
      ['cat-b', 2],
      ['cat-c', 0],
    ],
  );
  const many = Array.from({ length: 20 }, (_, i) => call(`A${String(i).padStart(3, '0')}`, 'win-1', 'cat-a'));
  assert.equal(boardOf(picture(many), config, DEFAULT_DISPLAY_SETTINGS).recent.length, RECENT);
});

test('limited to queues: only their calls, counts and the windows serving them', () => {
  const calls = [call('B003', 'win-9', 'cat-b'), call('C001', 'win-9', 'cat-c'), call('A001', 'win-1', 'cat-a')];
  const board = boardOf(picture(calls), config, { layout: 'hall', categoryIds: ['cat-c', 'cat-a'], windowIds: null });
  assert.equal(board.current?.number, 'C001');
  assert.deepEqual(
    board.recent.map((c) => c.number),
    ['A001'],
  );
  assert.deepEqual(
    board.waiting.map((w) => w.category.id),
    ['cat-a', 'cat-c'],
  );
  assert.deepEqual(
    board.columns.map((c) => c.window.id),
    ['win-1', 'win-9'],
  );
});

test('limited to windows: their columns, their calls, the queues they serve', () => {
  const serving = { id: 't-B004', number: 'B004', status: 'serving' } as Ticket;
  const held = { id: 't-B005', number: 'B005', status: 'held' } as Ticket;
  const board = boardOf(
    picture(
      [call('A001', 'win-1', 'cat-a'), call('B004', 'win-2', 'cat-b')],
      [
        { id: 'win-2', status: 'open', currentTicketId: 't-B004' },
        { id: 'win-9', status: 'paused', currentTicketId: 't-B005' },
      ],
      [serving, held],
    ),
    config,
    { layout: 'windows', categoryIds: null, windowIds: ['win-2', 'win-9'] },
  );
  assert.equal(board.current?.number, 'B004');
  assert.equal(board.recent.length, 0);
  assert.deepEqual(
    board.waiting.map((w) => w.category.id),
    ['cat-b', 'cat-c'],
  );
  assert.deepEqual(
    board.columns.map((c) => [c.window.id, c.status, c.ticket?.number ?? null]),
    [
      ['win-2', 'open', 'B004'],
      ['win-9', 'paused', null],
    ],
  );
});
