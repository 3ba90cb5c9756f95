import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidIdNumber } from '@yimen/protocol';
import { encodeIdentity, IdentityError, parseIdentity } from './identity';
import { NATIONS, nationCode, nationName } from './nations';
import { sampleCards } from './samples';

/** A text block laid out by hand at the reference offsets: UCS-2LE, space padded. */
function block(fields: [offset: number, value: string][]): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) out[i] = 0x20;
  for (const [offset, value] of fields) {
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      out[offset + 2 * i] = code & 0xff;
      out[offset + 2 * i + 1] = code >> 8;
    }
  }
  return out;
}

test('a resident card block decodes field by field from the reference offsets', () => {
  const text = block([
    [0, '张三丰'],
    [30, '1'],
    [32, '46'],
    [36, '19800215'],
    [52, '云南省德宏州芒市测试路2号'],
    [122, '110101198002151234'],
    [158, '芒市公安局'],
    [188, '20100101'],
    [204, '长期'],
  ]);
  assert.deepEqual(parseIdentity(text), {
    cardType: 'resident',
    name: '张三丰',
    sex: 'male',
    nation: '德昂族',
    birthDate: '1980-02-15',
    address: '云南省德宏州芒市测试路2号',
    idNumber: '110101198002151234',
    authority: '芒市公安局',
    validFrom: '2010-01-01',
    validTo: '长期',
  });
  // The type flag is a UCS-2 space at offset 248.
  assert.deepEqual([...text.subarray(248, 250)], [0x20, 0x00]);
});

test('a Hong Kong/Macau/Taiwan permit (J) adds pass number and issue count', () => {
  const text = block([
    [0, '陈大文'],
    [30, '2'],
    [36, '19850612'],
    [52, '香港特别行政区'],
    [122, '810000198506122345'],
    [158, '深圳市公安局'],
    [188, '20190101'],
    [204, '20240101'],
    [220, 'H01234567'],
    [238, '02'],
    [248, 'J'],
  ]);
  const card = parseIdentity(text);
  assert.equal(card.cardType, 'hkMacauTaiwan');
  assert.equal(card.sex, 'female');
  assert.equal(card.nation, undefined);
  assert.equal(card.passNumber, 'H01234567');
  assert.equal(card.issueCount, '02');
  assert.equal(card.idNumber, '810000198506122345');
  assert.equal(card.validTo, '2024-01-01');
});

test('an old foreigner card (I) decodes its own layout', () => {
  const text = block([
    [0, 'SMITH, JOHN'],
    [120, '1'],
    [122, 'USA110085061202'],
    [152, 'USA'],
    [158, '史密斯'],
    [188, '20190101'],
    [204, '20290101'],
    [220, '19850612'],
    [236, '01'],
    [240, '1500'],
    [248, 'I'],
  ]);
  assert.deepEqual(parseIdentity(text), {
    cardType: 'foreignerOld',
    name: '史密斯',
    nameEn: 'SMITH, JOHN',
    sex: 'male',
    nationality: 'USA',
    birthDate: '1985-06-12',
    idNumber: 'USA110085061202',
    authority: '1500',
    validFrom: '2019-01-01',
    validTo: '2029-01-01',
  });
});

test('a 2023 foreigner card (Y) joins the two parts of the English name', () => {
  const part1 = 'ANDERSON-MONTGOMERY, TEST ELIZABETH'; // exactly 35 characters fill 70 bytes
  assert.equal(part1.length, 35);
  const text = block([
    [0, '安德森'],
    [30, '2'],
    [32, '01'],
    [36, '19850612'],
    [52, part1],
    [122, '911840850612012303'],
    [188, '20231201'],
    [204, '20331201'],
    [220, ' CATHERINE'],
    [242, 'USA'],
    [248, 'Y'],
  ]);
  assert.deepEqual(parseIdentity(text), {
    cardType: 'foreigner2023',
    name: '安德森',
    nameEn: 'ANDERSON-MONTGOMERY, TEST ELIZABETH CATHERINE',
    sex: 'female',
    nationality: 'USA',
    issueCount: '01',
    birthDate: '1985-06-12',
    idNumber: '911840850612012303',
    validFrom: '2023-12-01',
    validTo: '2033-12-01',
  });
});

test('every sample card survives encode → parse, for all four card types', () => {
  const types = new Set<string>();
  for (const card of Object.values(sampleCards)) {
    const text = encodeIdentity(card);
    assert.equal(text.length, 256);
    assert.deepEqual(parseIdentity(text), card);
    types.add(card.cardType);
  }
  assert.deepEqual([...types].sort(), ['foreigner2023', 'foreignerOld', 'hkMacauTaiwan', 'resident']);
  assert.equal(encodeIdentity(sampleCards.foreignerOld)[248], 'I'.charCodeAt(0));
  assert.equal(encodeIdentity(sampleCards.foreigner2023)[248], 'Y'.charCodeAt(0));
  assert.equal(encodeIdentity(sampleCards.hkMacauTaiwan)[248], 'J'.charCodeAt(0));
  for (const card of [sampleCards.resident, sampleCards.residentLongTerm, sampleCards.hkMacauTaiwan]) {
    assert.ok(isValidIdNumber(card.idNumber), 'sample numbers pass the GB 11643 check');
  }
});

test('a foreigner without a Chinese name reads back with the English name as name', () => {
  const card = { ...sampleCards.foreignerOld, name: 'SMITH, TEST JOHN' };
  const text = encodeIdentity(card);
  assert.deepEqual([...text.subarray(158, 160)], [0x20, 0x00], 'Chinese name field left blank');
  assert.deepEqual(parseIdentity(text), card);
});

test('sex codes follow GB/T 2261.1', () => {
  const expected = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' } as const;
  for (const [code, sex] of Object.entries(expected)) {
    const card = parseIdentity(
      block([
        [30, code],
        [32, '01'],
        [36, '19900101'],
        [122, '1'],
        [188, '20200101'],
        [204, '长期'],
      ]),
    );
    assert.equal(card.sex, sex);
  }
  assert.throws(
    () =>
      parseIdentity(
        block([
          [30, '3'],
          [32, '01'],
          [36, '19900101'],
          [188, '20200101'],
          [204, '长期'],
        ]),
      ),
    (error: unknown) => error instanceof IdentityError && error.code === 'bad-field',
  );
});

test('the GB 3304 table has the 56 groups plus 97 and 98', () => {
  assert.equal(Object.keys(NATIONS).length, 58);
  for (let i = 1; i <= 56; i++) assert.ok(nationName(String(i).padStart(2, '0'))?.endsWith('族'), `code ${i}`);
  assert.equal(nationName('01'), '汉族');
  assert.equal(nationName('02'), '蒙古族');
  assert.equal(nationName('05'), '维吾尔族');
  assert.equal(nationName('10'), '朝鲜族');
  assert.equal(nationName('29'), '柯尔克孜族');
  assert.equal(nationName('46'), '德昂族');
  assert.equal(nationName('56'), '基诺族');
  assert.equal(nationName('97'), '其他');
  assert.equal(nationName('98'), '外国血统中国籍人士');
  assert.equal(nationName('57'), undefined);
  assert.equal(nationName('toString'), undefined);
  assert.equal(nationCode('汉'), '01', 'the card face form without 族');
  assert.equal(nationCode('土家族'), '15');
  assert.equal(new Set(Object.values(NATIONS)).size, 58, 'names are distinct');
  assert.throws(
    () =>
      parseIdentity(
        block([
          [30, '1'],
          [32, '57'],
          [36, '19900101'],
          [188, '20200101'],
          [204, '长期'],
        ]),
      ),
    (error: unknown) => error instanceof IdentityError && error.code === 'bad-field',
  );
});

test('malformed blocks and cards are typed errors', () => {
  const cases: [() => unknown, string][] = [
    [() => parseIdentity(new Uint8Array(255)), 'bad-length'],
    [() => parseIdentity(block([[248, 'Q']])), 'unknown-card-type'],
    [
      () =>
        parseIdentity(
          block([
            [30, '1'],
            [32, '01'],
            [36, '1990-1-1'],
            [188, '20200101'],
            [204, '长期'],
          ]),
        ),
      'bad-field',
    ],
    [
      () =>
        parseIdentity(
          block([
            [30, '1'],
            [32, '01'],
            [36, '19900101'],
            [188, '20200101'],
            [204, '永久'],
          ]),
        ),
      'bad-field',
    ],
    [() => encodeIdentity({ ...sampleCards.resident, name: '测'.repeat(16) }), 'too-long'],
    [() => encodeIdentity({ ...sampleCards.resident, nation: '火星族' }), 'bad-field'],
    [() => encodeIdentity({ ...sampleCards.resident, birthDate: '19900307' }), 'bad-field'],
  ];
  for (const [run, code] of cases) {
    assert.throws(run, (error: unknown) => error instanceof IdentityError && error.code === code, code);
  }
});
