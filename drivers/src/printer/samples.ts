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

/** A 容缺受理通知书 as the hall-server lays it out for a case, with a 生僻字 in the applicant's name. */
export const SAMPLE_CASE_NOTICE: NoticePrint = {
  title: '容缺受理通知书',
  copy: '第一联 申请人留存',
  recipient: '刘*䶮：',
  fields: [
    { label: '办件编号', value: '202503050012' },
    { label: '查询码', value: 'K7QM-3XPA' },
    { label: '申请事项', value: '食品经营许可证核发' },
    { label: '申请人', value: '刘*䶮' },
    { label: '补交期限', value: '2025年3月10日' },
  ],
  paragraphs: ['您申请办理的事项，必须提交的主要材料齐全，以下材料经您书面承诺后予以容缺受理（先办后补）。'],
  list: { heading: '容缺补交的材料', items: ['食品安全管理人员培训合格证明（复印件1份）'] },
  closing: ['请于2025年3月10日前（含当日）将上述材料补交至受理窗口。'],
  signLines: ['承诺人（签字）：'],
  signature: { organization: '海淀区政务服务中心', date: ISSUED_AT, timeZone: 'Asia/Shanghai' },
  qr: { url: 'https://hall.example.cn/c/202503050012?k=K7QM3XPA', caption: '扫码查询办理进度' },
};
