import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from './decode';
import { PrinterError } from './errors';
import { SAMPLE_MATERIALS_LIST, SAMPLE_NOTICE, SAMPLE_TICKET } from './samples';
import { renderMaterialsList, renderNotice, renderTicket } from './templates';

const COLUMNS = { 58: 32, 80: 48 } as const;

/** Columns a printed line takes, counted here apart from the code under test. */
function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return n;
}

const isInvalid = (e: unknown) => e instanceof PrinterError && e.code === 'invalidInput';

for (const width of [58, 80] as const) {
  test(`ticket ${width} mm: its bytes decode to its text lines and QR payload`, () => {
    const result = decode(renderTicket(SAMPLE_TICKET, { width }));
    assert.deepEqual(result.errors, []);
    assert.equal(result.cuts, 1);
    assert.deepEqual(
      result.qr.map((q) => [q.payload, q.model, q.ec]),
      [[SAMPLE_TICKET.statusUrl, 2, 'M']],
    );
    const texts = result.lines.map((l) => l.text);
    for (const expected of [
      '海淀区政务服务中心',
      '不动产登记',
      'A012',
      '【老年人优先】',
      '取号时间：2025-03-05 09:07',
      '前面等候：12 人',
      '预计等候：约 25 分钟',
      '办理窗口：3号、4号窗口',
      '取号人：张*三',
      '请留意叫号，过号请重新排队。',
    ]) {
      assert.ok(texts.includes(expected), `missing ${expected} in ${JSON.stringify(texts)}`);
    }
    const number = result.lines.find((l) => l.text === 'A012');
    assert.deepEqual(number && [number.align, number.width, number.height, number.bold], [
      'center',
      width === 58 ? 4 : 5,
      width === 58 ? 4 : 5,
      true,
    ]);
  });

  test(`ticket ${width} mm: the wait as the kiosk words it, when it says it`, () => {
    const texts = (waitText?: string) =>
      decode(
        renderTicket({ ...SAMPLE_TICKET, estimatedWaitMin: 0, ...(waitText ? { waitText } : {}) }, { width }),
      ).lines.map((l) => l.text);
    assert.ok(texts('窗口暂未开放').includes('预计等候：窗口暂未开放'));
    assert.ok(texts().includes('预计等候：即将叫号'));
  });

  test(`${width} mm: no printed line is wider than the paper`, () => {
    const long = '国有建设用地使用权及房屋所有权转移登记（含抵押权注销）ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const papers = [
      renderTicket({ ...SAMPLE_TICKET, hallName: long, categoryName: long, windowHint: long }, { width }),
      renderMaterialsList(SAMPLE_MATERIALS_LIST, { width }),
      renderNotice(SAMPLE_NOTICE, { width }),
    ];
    for (const bytes of papers) {
      for (const line of decode(bytes).lines) {
        assert.ok(columnsOf(line.text) * line.width <= COLUMNS[width], `${width}: "${line.text}" x${line.width}`);
      }
    }
  });

  test(`materials list ${width} mm: the guide's phone page as a QR code, when given`, () => {
    const url = 'http://hall.test/guide/item-bdc-001';
    assert.deepEqual(
      decode(renderMaterialsList({ ...SAMPLE_MATERIALS_LIST, guideUrl: url }, { width })).qr.map((q) => q.payload),
      [url],
    );
    assert.deepEqual(decode(renderMaterialsList(SAMPLE_MATERIALS_LIST, { width })).qr, []);
  });

  test(`materials list ${width} mm: items, materials, limits, fee and date`, () => {
    const result = decode(renderMaterialsList(SAMPLE_MATERIALS_LIST, { width }));
    assert.deepEqual(result.errors, []);
    const text = result.lines.map((l) => l.text.trim()).join('');
    for (const expected of [
      '一次性告知单',
      '实施部门：区不动产登记中心',
      '1. 不动产登记申请书（必交）',
      '原件及复印件各1份',
      '授权委托书（选交）',
      '原件1份；委托他人办理的提供',
      '法定时限：30个工作日',
      '承诺时限：5个工作日',
      '收费金额：￥80.00',
      '发改价格规〔2016〕2559号',
      '咨询电话：010-12345678',
      '告知日期：2025年3月5日',
    ]) {
      assert.ok(text.includes(expected), `missing ${expected}`);
    }
    assert.equal(result.lines.find((l) => l.text === '一次性告知单')?.width, 2);
  });

  test(`notice ${width} mm: title, numbered paragraphs, signature block on the right`, () => {
    const result = decode(renderNotice(SAMPLE_NOTICE, { width }));
    assert.deepEqual(result.errors, []);
    const lines = result.lines;
    assert.equal(lines.find((l) => l.text === '容缺受理通知书')?.bold, true);
    const text = lines.map((l) => l.text.trim()).join('');
    assert.ok(text.includes('1. 您申请的'));
    assert.ok(text.includes('2. 请于5个工作日内补交'));
    assert.ok(text.includes('3. 逾期未补交的'));
    assert.equal(lines.find((l) => l.text === '海淀区不动产登记中心')?.align, 'right');
    assert.equal(lines.find((l) => l.text === '2025年3月5日')?.align, 'right');
  });
}

test('wrapped lines keep Chinese closing punctuation off the line start', () => {
  // A single paragraph is indented by two full-width spaces (4 columns): 4 + 26 + 1 = 31
  // columns, then "，" does not fit, and it may not open the next line.
  const paragraph = `${'测'.repeat(13)}A，后文`;
  const result = decode(renderNotice({ ...SAMPLE_NOTICE, paragraphs: [paragraph] }, { width: 58 }));
  const texts = result.lines.map((l) => l.text);
  assert.ok(texts.includes(`　　${'测'.repeat(13)}`), JSON.stringify(texts));
  assert.ok(texts.includes('A，后文'), JSON.stringify(texts));
});

test('the holder name is masked even if it arrives unmasked', () => {
  const result = decode(renderTicket({ ...SAMPLE_TICKET, holderNameMasked: '张三丰' }, { width: 58 }));
  const texts = result.lines.map((l) => l.text);
  assert.ok(texts.includes('取号人：张*丰'));
  assert.ok(!texts.join('').includes('张三丰'));
});

test('times are printed in the hall time zone', () => {
  const at = Date.UTC(2025, 0, 1, 23, 30);
  const shanghai = decode(renderTicket({ ...SAMPLE_TICKET, issuedAt: at }, { width: 58 })).lines.map((l) => l.text);
  const urumqi = decode(
    renderTicket({ ...SAMPLE_TICKET, issuedAt: at, timeZone: 'Asia/Urumqi' }, { width: 58 }),
  ).lines.map((l) => l.text);
  assert.ok(shanghai.includes('取号时间：2025-01-02 07:30'));
  assert.ok(urumqi.includes('取号时间：2025-01-02 05:30'));
});

test('free items say so; a fee is printed with the full-width yuan sign A3 A4', () => {
  const free = decode(renderMaterialsList({ ...SAMPLE_MATERIALS_LIST, fee: null }, { width: 80 }));
  assert.ok(free.lines.some((l) => l.text === '不收费'));
  const bytes = renderMaterialsList({ ...SAMPLE_MATERIALS_LIST, fee: { amountFen: 5 } }, { width: 80 });
  assert.ok(bytes.includes(Buffer.from([0xa3, 0xa4, 0x30, 0x2e, 0x30, 0x35]))); // ￥0.05
  assert.ok(!bytes.includes(Buffer.from([0x81, 0x30, 0x84, 0x36])));
});

test('bad input is refused with a typed error', () => {
  assert.throws(() => renderTicket({ ...SAMPLE_TICKET, timeZone: 'Mars/Olympus' }, { width: 58 }), isInvalid);
  assert.throws(() => renderTicket(SAMPLE_TICKET, { width: 70 as 58 }), isInvalid);
  assert.throws(() => renderTicket({ ...SAMPLE_TICKET, aheadCount: -1 }, { width: 58 }), isInvalid);
  assert.throws(() => renderTicket({ ...SAMPLE_TICKET, statusUrl: '' }, { width: 58 }), isInvalid);
  assert.throws(
    () => renderMaterialsList({ ...SAMPLE_MATERIALS_LIST, fee: { amountFen: 1.5 } }, { width: 58 }),
    isInvalid,
  );
  assert.throws(
    () =>
      renderNotice({ ...SAMPLE_NOTICE, signature: { ...SAMPLE_NOTICE.signature, date: Number.NaN } }, { width: 58 }),
    isInvalid,
  );
});
