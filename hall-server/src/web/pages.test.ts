import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import { demoHallConfig } from '../demo/seed';
import { createTestHall, removeTestHall, startTestServer, type TestHall } from '../testing/test-server';
import type { DemoInfo } from './home-page';

/** Thursday 3 December 2026, 09:45 in the hall. */
const NOW = Date.UTC(2026, 11, 3, 1, 45);
const DEMO: DemoInfo = {
  agents: [],
  clerks: [],
  identities: [
    { key: 'elderly', name: sampleCards.elderly.name, idNumber: sampleCards.elderly.idNumber, note: '七十岁以上' },
  ],
};

let hall: TestHall;
let demo: Awaited<ReturnType<typeof startTestServer>>;
let real: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  hall = createTestHall(demoHallConfig());
  demo = await startTestServer(hall, () => NOW, { demo: DEMO });
  real = await startTestServer(hall, () => NOW);
});

after(async () => {
  await demo?.dispose();
  await real?.dispose();
  if (hall) removeTestHall(hall);
});

const text = async (url: string) => (await fetch(url)).text();
const FORM = '/book/cat-bdc/2026-12-03/10:00';

test('the demo home names the hall once in its title', async () => {
  const html = await text(`${demo.url}/`);
  assert.match(html, /<title>演示大厅 · 青溪县政务服务中心<\/title>/);
});

test('the booking form tells what the personal data is for before it asks for it', async () => {
  const html = await text(`${real.url}${FORM}`);
  const notice = html.indexOf('个人信息告知');
  assert.ok(notice > 0 && notice < html.indexOf('id="idNumber"'), 'the notice comes before the fields');
  assert.match(html, /仅用于实名预约/);
  assert.equal(html.includes('data-demo-identities'), false, 'a real hall offers no sample people');
  assert.equal((await text(`${real.url}${FORM}?sample=elderly`)).includes('赵测试'), false);
});

test('in the demo, a sample card’s person fills the form, marked as test data', async () => {
  const html = await text(`${demo.url}${FORM}`);
  assert.match(html, /填入示例身份（测试数据）/);
  assert.match(html, /赵测试（七十岁以上）/);
  const filled = await text(`${demo.url}${FORM}?sample=elderly`);
  assert.match(filled, /id="name"[^>]*value="赵测试"/);
  assert.ok(filled.includes(`value="${sampleCards.elderly.idNumber}"`));
  assert.match(filled, /id="phone"[^>]*value="13800138000"/);
});

test('cancelling a booking asks once more; only the confirmation cancels it', async () => {
  const booked = demo.services.appointments.book(
    {
      categoryId: 'cat-bdc',
      day: '2026-12-03',
      slotStart: '14:00',
      name: sampleCards.elderly.name,
      idNumber: sampleCards.elderly.idNumber,
      phone: '13800138000',
    },
    'web',
  );
  assert.ok(booked.ok, JSON.stringify(booked));
  const { code } = booked.appointment;
  const page = await text(`${demo.url}/book/code/${code}`);
  assert.match(page, new RegExp(`href="/book/code/${code}/cancel"`));
  const confirm = await text(`${demo.url}/book/code/${code}/cancel`);
  assert.match(confirm, /确定取消这个预约吗/);
  assert.equal(demo.services.appointments.byCode(code)?.status, 'booked', 'asking does not cancel');
  const done = await fetch(`${demo.url}/book/code/${code}/cancel`, { method: 'POST', redirect: 'manual' });
  assert.equal(done.status, 303);
  assert.equal(demo.services.appointments.byCode(code)?.status, 'cancelled');
});
