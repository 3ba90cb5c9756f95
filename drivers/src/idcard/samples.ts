/**
 * Sample cards for tests, demos and the simulate mode. Every person here is made up: the
 * names say 测试 (test), and the numbers are built from a test sequence with the GB 11643
 * check character computed, so they pass validation without belonging to anyone.
 */
import { type IdentityCard, idCheckChar } from '@yimen/protocol';

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

export const sampleCards = {
  resident: {
    cardType: 'resident',
    name: '王测试',
    sex: 'male',
    nation: '汉族',
    birthDate: '1990-03-07',
    address: '北京市东城区测试大街1号',
    idNumber: withCheck('11010119900307123'),
    authority: '北京市公安局东城分局',
    validFrom: '2015-03-07',
    validTo: '2035-03-07',
  },
  residentLongTerm: {
    cardType: 'resident',
    name: '李样例',
    sex: 'female',
    nation: '德昂族',
    birthDate: '1970-01-01',
    address: '广东省深圳市南山区样例路88号样例小区3栋201',
    idNumber: withCheck('44030619700101789'),
    authority: '深圳市公安局南山分局',
    validFrom: '2016-05-20',
    validTo: '长期',
  },
  /** Over 70 on any day from 2018: the kiosk turns to elder mode and the ticket ranks as elderly. */
  elderly: {
    cardType: 'resident',
    name: '赵测试',
    sex: 'female',
    nation: '汉族',
    birthDate: '1948-05-12',
    address: '江苏省常州市测试县青溪镇样例村12号',
    idNumber: withCheck('32048119480512002'),
    authority: '测试县公安局',
    validFrom: '2012-05-12',
    validTo: '长期',
  },
  /**
   * A village agent (代办员): the demo hall registers this number as a green card
   * (hall-server/src/demo/seed.ts), so the kiosk issues agent tickets for it.
   */
  greenCardAgent: {
    cardType: 'resident',
    name: '周测试',
    sex: 'male',
    nation: '汉族',
    birthDate: '1982-03-15',
    address: '江苏省常州市测试县青溪镇样例村3号',
    idNumber: '320481198203150019',
    authority: '测试县公安局',
    validFrom: '2020-03-15',
    validTo: '2040-03-15',
  },
  hkMacauTaiwan: {
    cardType: 'hkMacauTaiwan',
    name: '陈测试',
    sex: 'female',
    birthDate: '1985-06-12',
    address: '香港特别行政区测试道1号',
    idNumber: withCheck('81000019850612234'),
    authority: '深圳市公安局',
    validFrom: '2019-01-01',
    validTo: '2024-01-01',
    passNumber: 'H01234567',
    issueCount: '01',
  },
  foreignerOld: {
    cardType: 'foreignerOld',
    name: '史测试',
    nameEn: 'SMITH, TEST JOHN',
    sex: 'male',
    birthDate: '1985-06-12',
    idNumber: 'USA110085061202',
    nationality: 'USA',
    authority: '1500',
    validFrom: '2019-01-01',
    validTo: '2029-01-01',
  },
  foreigner2023: {
    cardType: 'foreigner2023',
    name: '安测试',
    nameEn: 'ANDERSON-MONTGOMERY, TEST ELIZABETH CATHERINE',
    sex: 'female',
    birthDate: '1985-06-12',
    idNumber: withCheck('91184085061201230'),
    nationality: 'USA',
    issueCount: '00',
    validFrom: '2023-12-01',
    validTo: '2033-12-01',
  },
} satisfies Record<string, IdentityCard>;

/** The resident sample with its check character broken, for the rejection path. */
export function invalidResidentCard(): IdentityCard {
  const card = sampleCards.resident;
  const last = card.idNumber.at(-1) === '0' ? '1' : '0';
  return { ...card, idNumber: card.idNumber.slice(0, 17) + last };
}
