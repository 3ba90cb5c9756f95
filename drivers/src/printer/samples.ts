/** Sample papers for tests, the simulator's demo prints and a person checking the layout. */
import type { MaterialsListPrint, NoticePrint, TicketPrint } from './types';

/** 2025-03-05 09:07 in Beijing. */
const ISSUED_AT = Date.UTC(2025, 2, 5, 1, 7);

export const SAMPLE_TICKET: TicketPrint = {
  hallName: '海淀区政务服务中心',
  number: 'A012',
  categoryName: '不动产登记',
  priorityLabel: '老年人优先',
  issuedAt: ISSUED_AT,
  timeZone: 'Asia/Shanghai',
  aheadCount: 12,
  estimatedWaitMin: 25,
  statusUrl: 'https://hall.example.cn/t/8f3a9c2e?n=A012',
  holderNameMasked: '张*三',
  windowHint: '3号、4号窗口',
  footer: '一门办理 · 一次办好',
};

export const SAMPLE_MATERIALS_LIST: MaterialsListPrint = {
  hallName: '海淀区政务服务中心',
  itemName: '国有建设用地使用权及房屋所有权转移登记',
  department: '区不动产登记中心',
  conditions: ['买卖双方已签订房屋买卖合同', '已按规定缴纳相关税费'],
  materials: [
    { name: '不动产登记申请书', required: true, form: 'original', copies: 1 },
    { name: '申请人身份证明', required: true, form: 'originalAndCopy', copies: 1 },
    { name: '不动产权属证书', required: true, form: 'original', copies: 1 },
    { name: '房屋买卖合同', required: true, form: 'original', copies: 1 },
    { name: '完税凭证', required: true, form: 'copy', copies: 1 },
    { name: '授权委托书', required: false, form: 'original', copies: 1, note: '委托他人办理的提供' },
  ],
  legalTimeLimitDays: 30,
  promisedTimeLimitDays: 5,
  fee: {
    amountFen: 8000,
    basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
  },
  contact: { window: '3号、4号窗口', phone: '010-12345678', address: '政务服务中心二楼东区' },
  issuedAt: ISSUED_AT,
  timeZone: 'Asia/Shanghai',
};

export const SAMPLE_NOTICE: NoticePrint = {
  title: '容缺受理通知书',
  documentNumber: '海政容缺〔2025〕12号',
  recipient: '张*三：',
  paragraphs: [
    '您申请的国有建设用地使用权及房屋所有权转移登记，主要申请材料齐全，符合容缺受理条件，现予以容缺受理。',
    '请于5个工作日内补交：完税凭证复印件1份。',
    '逾期未补交的，本次申请按不予受理处理。',
  ],
  signature: { organization: '海淀区不动产登记中心', date: ISSUED_AT, timeZone: 'Asia/Shanghai' },
};
