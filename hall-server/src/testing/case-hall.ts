import type { Bundle, IdentityCard, ServiceItem } from '@yimen/protocol';
import type { HallConfig } from '../store/config-repo';
import { CATEGORIES, SMALL_HALL } from './small-hall';

/** The small test hall with 承诺件 whose papers may be supplemented, and a 一件事 bundle across two departments. */

const PROMISED: Omit<ServiceItem, 'id' | 'code' | 'name' | 'departmentId' | 'categoryId' | 'materials'> = {
  kind: 'promised',
  conditions: ['本人申请'],
  steps: ['受理', '审核', '决定', '送达'],
  statutoryDays: 15,
  promisedDays: 3,
  fee: { amountYuan: 0, basis: '不收费' },
  selfService: false,
  supplementLater: true,
};

export const BENEFIT_ITEM: ServiceItem = {
  ...PROMISED,
  id: 'item-a2',
  code: 'TEST-A2',
  name: '失业保险金申领',
  departmentId: 'dep-a',
  categoryId: 'cat-a',
  materials: [
    { name: '居民身份证', required: true, form: 'original', copies: 1 },
    { name: '失业保险金申领表', required: true, form: 'form', copies: 1 },
    { name: '解除劳动合同证明', required: true, supplementable: true, form: 'copy', copies: 1 },
  ],
};

export const LICENCE_ITEM: ServiceItem = {
  ...PROMISED,
  id: 'item-b2',
  code: 'TEST-B2',
  name: '不动产抵押登记',
  departmentId: 'dep-b',
  categoryId: 'cat-b',
  promisedDays: 5,
  materials: [
    { name: '居民身份证', required: true, form: 'original', copies: 2 },
    { name: '不动产权证书', required: true, form: 'original', copies: 1 },
    { name: '抵押合同', required: true, supplementable: true, form: 'original', copies: 1 },
  ],
};

export const TEST_BUNDLE: Bundle = {
  id: 'bundle-test',
  name: '测试一件事',
  description: '跨两个部门的一件事',
  itemIds: [BENEFIT_ITEM.id, LICENCE_ITEM.id],
};

export const CASE_HALL: HallConfig = {
  ...SMALL_HALL,
  categories: CATEGORIES.map((c) =>
    c.id === 'cat-a'
      ? { ...c, itemIds: [...c.itemIds, BENEFIT_ITEM.id] }
      : c.id === 'cat-b'
        ? { ...c, itemIds: [...c.itemIds, LICENCE_ITEM.id] }
        : c,
  ),
  items: [...SMALL_HALL.items, BENEFIT_ITEM, LICENCE_ITEM],
  bundles: [TEST_BUNDLE],
};

/** A made-up resident card, as the window's reader sends it. */
export const APPLICANT_CARD: IdentityCard = {
  cardType: 'resident',
  name: '王小明',
  sex: 'male',
  nation: '汉族',
  birthDate: '1990-03-07',
  address: '测试省测试县青溪镇样例路1号',
  idNumber: '110105199003071239',
  authority: '测试县公安局',
  validFrom: '2015-03-07',
  validTo: '2035-03-07',
};
