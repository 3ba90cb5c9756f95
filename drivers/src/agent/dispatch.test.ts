import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BridgeReplyMessage } from '@yimen/protocol';
import fc from 'fast-check';
import { handleMessage } from './dispatch';
import { FakeBridge } from './test-support';

const TICKET = {
  hallName: '测试政务服务中心',
  number: 'A001',
  categoryName: '社保',
  issuedAt: 0,
  timeZone: 'Asia/Shanghai',
  aheadCount: 0,
  estimatedWaitMin: 0,
  statusUrl: 'http://hall.test/t/1',
};

function errorOf(reply: BridgeReplyMessage) {
  assert.equal(reply.ok, false);
  return (reply as Extract<BridgeReplyMessage, { ok: false }>).error;
}

test('a valid request reaches the bridge and its result comes back under the same id', async () => {
  const bridge = new FakeBridge();
  const job = { template: 'ticket', ticket: TICKET };
  const reply = await handleMessage(bridge, JSON.stringify({ id: 7, method: 'print', params: job }));
  assert.deepEqual(reply, { id: 7, ok: true, result: { template: 'ticket', printedAt: 1 } });
  assert.deepEqual(bridge.calls, [{ method: 'print', params: job }]);
});

test('a device failure is passed on as the typed error, not as an exception', async () => {
  const bridge = new FakeBridge();
  bridge.printReply = { ok: false, error: { code: 'paperOut', message: '打印机缺纸，请联系工作人员换纸' } };
  const reply = await handleMessage(
    bridge,
    JSON.stringify({ id: 'a', method: 'print', params: { template: 'ticket', ticket: TICKET } }),
  );
  assert.deepEqual(reply, {
    id: 'a',
    ok: false,
    error: { code: 'paperOut', message: '打印机缺纸，请联系工作人员换纸' },
  });
});

test('calls without params accept none or {} and refuse anything else', async () => {
  const bridge = new FakeBridge();
  assert.equal((await handleMessage(bridge, '{"id":1,"method":"idcard.start"}')).ok, true);
  assert.equal((await handleMessage(bridge, '{"id":2,"method":"idcard.start","params":{}}')).ok, true);
  assert.equal(
    errorOf(await handleMessage(bridge, '{"id":3,"method":"idcard.start","params":{"x":1}}')).code,
    'badRequest',
  );
  assert.equal(bridge.calls.length, 2);
});

test('bad JSON, a broken envelope, an unknown method and bad params each get an error reply', async () => {
  const bridge = new FakeBridge();
  const notJson = await handleMessage(bridge, '{"id": 1, "method": ');
  assert.equal(notJson.id, null);
  assert.equal(errorOf(notJson).code, 'badRequest');

  const noMethod = await handleMessage(bridge, '{"id": 4}');
  assert.equal(noMethod.id, 4, 'a usable id is kept even when the envelope is wrong');
  assert.equal(errorOf(noMethod).code, 'badRequest');

  assert.equal(errorOf(await handleMessage(bridge, '[1,2,3]')).code, 'badRequest');
  assert.equal(errorOf(await handleMessage(bridge, 'null')).code, 'badRequest');

  const unknown = await handleMessage(bridge, '{"id": 5, "method": "rm -rf"}');
  assert.deepEqual([unknown.id, errorOf(unknown).code], [5, 'unknownMethod']);
  // Inherited object keys are not methods.
  assert.equal(errorOf(await handleMessage(bridge, '{"id": 6, "method": "constructor"}')).code, 'unknownMethod');

  const badParams = await handleMessage(bridge, '{"id": 8, "method": "print", "params": {"template": "ticket"}}');
  const error = errorOf(badParams);
  assert.equal(error.code, 'badRequest');
  assert.match(error.detail ?? '', /ticket/);
  const badLed = await handleMessage(
    bridge,
    '{"id": 9, "method": "led", "params": {"type": "brightness", "level": 99}}',
  );
  assert.equal(errorOf(badLed).code, 'badRequest');
  assert.deepEqual(bridge.calls, [], 'nothing invalid reached the bridge');
});

test('a bridge that throws becomes an internal error reply', async () => {
  const reply = await handleMessage(new FakeBridge(), '{"id": 1, "method": "led", "params": {"type": "idle"}}');
  const error = errorOf(reply);
  assert.equal(error.code, 'internal');
  assert.equal(error.message, '设备服务内部错误');
});

test('fuzz: any text gets exactly one well-formed reply', async () => {
  const bridge = new FakeBridge();
  const methods = ['status', 'print', 'led', 'fingerprint.enroll', 'nope'];
  const message = fc.oneof(
    fc.string(),
    fc.json(),
    fc
      .record({ id: fc.oneof(fc.integer(), fc.string()), method: fc.constantFrom(...methods), params: fc.jsonValue() })
      .map((m) => JSON.stringify(m)),
  );
  await fc.assert(
    fc.asyncProperty(message, async (text) => {
      const reply = await handleMessage(bridge, text);
      assert.ok(BridgeReplyMessage.safeParse(reply).success, JSON.stringify(reply));
    }),
    { numRuns: 300 },
  );
});
