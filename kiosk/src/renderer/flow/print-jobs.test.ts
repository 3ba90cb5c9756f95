import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IssuedTicket, type PublicConfig, zhCN } from '@yimen/protocol';
import { ticketJob } from './print-jobs';

const config = {
  hallName: '测试县政务服务中心',
  timeZone: 'Asia/Shanghai',
  categories: [{ id: 'cat-a', name: '社会保障' }],
  windows: [{ number: 3, categoryIds: ['cat-a'] }],
} as unknown as PublicConfig;

const ticket = (estimatedWaitMin: number, windowsOpen: boolean) =>
  ({
    id: 't1',
    number: 'A001',
    categoryId: 'cat-a',
    priority: 'ordinary',
    issuedAt: 0,
    aheadCount: 0,
    estimatedWaitMin,
    windowsOpen,
    statusUrl: 'http://hall.test/t/x',
    holder: null,
  }) as unknown as IssuedTicket;

test('a wait is worded one way: minutes, hours, soon, or no window open', () => {
  assert.equal(zhCN.waitText(12, true), '约 12 分钟');
  assert.equal(zhCN.waitText(60, true), '约 1 小时');
  assert.equal(zhCN.waitText(95, true), '约 1 小时 35 分钟');
  assert.equal(zhCN.waitText(0, true), '即将叫号');
  assert.equal(zhCN.waitText(Number.NaN, true), '即将叫号');
  assert.equal(zhCN.waitText(40, false), '窗口暂未开放', 'at night nothing promises a wait');
});

test('the slip carries the wait in the kiosk’s words, the screen’s', () => {
  const job = (t: IssuedTicket) => {
    const j = ticketJob(t, config);
    return j.template === 'ticket' ? j.ticket : null;
  };
  assert.equal(job(ticket(0, false))?.waitText, '窗口暂未开放');
  assert.equal(job(ticket(25, true))?.waitText, '约 25 分钟');
  assert.equal(job(ticket(25, true))?.windowHint, '3号窗口');
});
