import type { Bundle, Category, Clerk, Department, Material, ServiceItem, Window } from '@yimen/protocol';

/**
 * The demo hall that `npm start` seeds into an empty database: an invented county-level
 * 政务服务中心 (青溪县) with the departments, queues, service items (五公开 guides),
 * windows and clerks of a believable real hall. No real person's data.
 */
export interface DemoHall {
  hallName: string;
  departments: Department[];
  categories: Category[];
  items: ServiceItem[];
  windows: Window[];
  clerks: Clerk[];
  bundles: Bundle[];
}

const HALL_NAME = '青溪县政务服务中心';
/** The hall switchboard; clerks are reached on an extension of it, never on a mobile number. */
const SWITCHBOARD = '0519-86120000';

// ---------------------------------------------------------------------------
// Departments

const departments: Department[] = [
  { id: 'dept-rsj', name: '青溪县人力资源和社会保障局', shortName: '人社局' },
  { id: 'dept-ybj', name: '青溪县医疗保障局', shortName: '医保局' },
  { id: 'dept-gjj', name: '青溪县住房公积金管理中心', shortName: '公积金中心' },
  { id: 'dept-zrzy', name: '青溪县自然资源和规划局（不动产登记中心）', shortName: '不动产登记中心' },
  { id: 'dept-scjg', name: '青溪县市场监督管理局', shortName: '市场监管局' },
  { id: 'dept-gaj', name: '青溪县公安局', shortName: '公安局' },
  { id: 'dept-mzj', name: '青溪县民政局', shortName: '民政局' },
  { id: 'dept-swj', name: '国家税务总局青溪县税务局', shortName: '税务局' },
  { id: 'dept-jtj', name: '青溪县交通运输局', shortName: '交通运输局' },
  { id: 'dept-wjw', name: '青溪县卫生健康委员会', shortName: '卫健委' },
  { id: 'dept-cl', name: '青溪县残疾人联合会', shortName: '残联' },
  { id: 'dept-zjj', name: '青溪县住房和城乡建设局', shortName: '住建局' },
  { id: 'dept-zwb', name: '青溪县政务服务管理办公室', shortName: '政务办' },
];

/** Two-digit number of each department, used in item codes and staff numbers. */
const DEPT_NO: Record<string, string> = {
  'dept-rsj': '01',
  'dept-ybj': '02',
  'dept-gjj': '03',
  'dept-zrzy': '04',
  'dept-scjg': '05',
  'dept-gaj': '06',
  'dept-mzj': '07',
  'dept-swj': '08',
  'dept-jtj': '09',
  'dept-wjw': '10',
  'dept-cl': '11',
  'dept-zjj': '12',
  'dept-zwb': '13',
};

// ---------------------------------------------------------------------------
// Materials and steps shared by many guides

type Form = Material['form'];

function req(name: string, form: Form = 'original', copies = 1, note?: string): Material {
  return note === undefined ? { name, required: true, form, copies } : { name, required: true, form, copies, note };
}

/** An optional material: the case may be accepted without it and it is brought later (容缺). */
function opt(name: string, form: Form = 'original', copies = 1, note?: string): Material {
  return note === undefined ? { name, required: false, form, copies } : { name, required: false, form, copies, note };
}

/**
 * A needed paper the case may be accepted without, brought later under the applicant's
 * pledge (容缺受理); only in items with `supplementLater`.
 */
function later(name: string, form: Form = 'original', copies = 1, note?: string): Material {
  return { ...req(name, form, copies, note), supplementable: true };
}

const ID_CARD = req('申请人居民身份证', 'original', 1, '窗口读卡核验，不再收取复印件');
const HUKOU = req('居民户口簿', 'original');
const PROXY = opt('授权委托书及受托人居民身份证', 'original', 1, '委托他人代办时提供');
const LICENCE = req('营业执照', 'copy', 1, '可通过电子证照共享核验的免交');
const BANK_CARD = req('本人社会保障卡或一类银行账户', 'original');

const IMMEDIATE_STEPS = ['受理：窗口核验身份和材料', '审核：窗口人员当场审查', '办结：当场出具办理结果'];
const PROMISED_STEPS = [
  '受理：材料齐全、符合法定形式的当场受理，出具受理通知书',
  '审核：承办科室审查材料，必要时现场核查',
  '决定：作出准予或不予办理的决定',
  '送达：窗口领取或免费邮寄送达',
];
const KIOSK_STEPS = ['刷身份证或社保卡验证身份', '选择查询事项', '自助打印（加盖电子印章）'];

const FREE = { amountYuan: 0, basis: '不收费' };
const BDC_FEE_BASIS =
  '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）：住宅类不动产登记费每件80元';

// ---------------------------------------------------------------------------
// Service items, grouped by category

/** Item type in the code: 行政许可, 行政确认, 行政给付, 公共服务, 其他行政权力. */
type ItemType = 'XK' | 'QR' | 'JF' | 'GG' | 'QT';

interface Draft {
  type: ItemType;
  name: string;
  /** Defaults to the group's department. */
  departmentId?: string;
  /** [statutory, promised] working days for 承诺件; absent for 即办件. */
  days?: [number, number];
  conditions: string[];
  materials: Material[];
  steps?: string[];
  fee?: { amountYuan: number; basis: string };
  selfService?: boolean;
  supplementLater?: boolean;
  /** Working days a 容缺 pledge may run on a 即办件; 3 when absent. */
  supplementDays?: number;
}

function group(key: string, categoryId: string, departmentId: string, drafts: Draft[]): ServiceItem[] {
  return drafts.map((d, i) => {
    const seq = String(i + 1).padStart(3, '0');
    const dept = d.departmentId ?? departmentId;
    return {
      id: `item-${key}-${seq}`,
      code: `QX-${d.type}-${DEPT_NO[dept]}${key.toUpperCase()}-${seq}`,
      name: d.name,
      departmentId: dept,
      categoryId,
      kind: d.days ? 'promised' : 'immediate',
      conditions: d.conditions,
      materials: d.materials,
      steps: d.steps ?? (d.days ? PROMISED_STEPS : IMMEDIATE_STEPS),
      statutoryDays: d.days?.[0] ?? 0,
      promisedDays: d.days?.[1] ?? 0,
      fee: d.fee ?? FREE,
      selfService: d.selfService ?? false,
      supplementLater: d.supplementLater ?? false,
      // The demo's 即办件 give papers brought later three working days, as their guides say.
      ...(d.supplementLater && !d.days ? { supplementDays: d.supplementDays ?? 3 } : {}),
    };
  });
}

const socialSecurity = group('sb', 'cat-sb', 'dept-rsj', [
  {
    type: 'GG',
    name: '城乡居民基本养老保险参保登记',
    conditions: [
      '年满16周岁（不含在校学生）的本县户籍城乡居民',
      '非国家机关和事业单位工作人员，且未参加职工基本养老保险',
    ],
    materials: [ID_CARD, opt('居民户口簿', 'original', 1, '户籍信息可共享核验的免交')],
  },
  {
    type: 'GG',
    name: '社会保险个人权益记录（缴费记录）查询打印',
    conditions: ['参保人本人，或持授权委托书的受托人'],
    materials: [ID_CARD],
    steps: KIOSK_STEPS,
    selfService: true,
  },
  {
    type: 'GG',
    name: '灵活就业人员参保登记',
    conditions: ['本县户籍或持本县居住证的无雇工个体工商户、非全日制从业人员及其他灵活就业人员', '未达到法定退休年龄'],
    materials: [ID_CARD, later('就业创业证', 'original', 1, '可先行办理，3个工作日内补交')],
    supplementLater: true,
  },
  {
    type: 'JF',
    name: '城乡居民基本养老保险待遇申领',
    days: [20, 10],
    conditions: ['年满60周岁', '累计缴费满15年或符合政策规定的补缴条件', '未领取国家规定的其他基本养老保障待遇'],
    materials: [ID_CARD, HUKOU, BANK_CARD, PROXY],
  },
  {
    type: 'GG',
    name: '职工基本养老保险关系转移接续',
    days: [45, 15],
    conditions: ['参保人员跨统筹地区就业并已在新就业地参保', '已在原参保地开具参保缴费凭证'],
    materials: [ID_CARD, req('基本养老保险参保缴费凭证', 'original'), req('基本养老保险关系转移接续申请表', 'form')],
    steps: [
      '受理：转入地窗口受理申请',
      '联系函：向转出地发出联系函',
      '转移：转出地转移关系和基金',
      '接续：转入地记录并告知本人',
    ],
  },
  {
    type: 'JF',
    name: '失业保险金申领',
    days: [15, 3],
    conditions: ['失业前用人单位和本人已缴纳失业保险费满1年', '非因本人意愿中断就业', '已办理失业登记并有求职要求'],
    materials: [
      ID_CARD,
      BANK_CARD,
      later('解除或终止劳动合同证明', 'copy', 1, '用人单位已网上报送的免交，未报送的可容缺后补'),
    ],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '社会保障卡申领（即时制卡）',
    conditions: ['本县参保人员', '首次申领或换领第三代社会保障卡'],
    materials: [ID_CARD, opt('近期免冠彩色证件照', 'original', 1, '可在自助机现场拍照')],
    steps: ['刷身份证验证身份', '现场拍照或上传照片', '自助机即时制卡', '激活社保卡金融账户'],
    fee: { amountYuan: 0, basis: '首次申领及到期换领不收费' },
    selfService: true,
  },
  {
    type: 'GG',
    name: '就业失业登记',
    conditions: ['法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者'],
    materials: [ID_CARD, later('学历证明或职业资格证书', 'copy', 1, '可容缺后补')],
    supplementLater: true,
  },
  {
    type: 'QR',
    name: '工伤认定申请',
    days: [60, 30],
    conditions: [
      '职工在工作时间和工作场所内因工作原因受到事故伤害，或患职业病',
      '用人单位自事故伤害发生之日起30日内提出，或职工及其近亲属自事故伤害发生之日起1年内提出',
    ],
    materials: [
      req('工伤认定申请表', 'form', 2),
      ID_CARD,
      req('劳动合同或其他劳动关系证明', 'copy'),
      req('医疗诊断证明书或职业病诊断证明书', 'copy'),
      later('事故调查报告或证人证言', 'copy', 1, '可在调查核实阶段补交'),
    ],
    steps: [
      '受理：审查申请材料，出具受理决定书',
      '调查核实：必要时现场调查取证',
      '认定：作出认定工伤或不予认定工伤的决定',
      '送达：书面送达申请人和用人单位',
    ],
    supplementLater: true,
  },
]);

const medicalInsurance = group('yb', 'cat-yb', 'dept-ybj', [
  {
    type: 'GG',
    name: '职工医保异地就医备案',
    conditions: ['本县职工医保参保人员', '异地长期居住、常驻异地工作、异地转诊就医或临时外出就医'],
    materials: [
      ID_CARD,
      req('异地就医备案登记表', 'form'),
      opt('异地居住或工作证明', 'copy', 1, '可用个人书面承诺代替'),
    ],
    steps: ['刷身份证或医保电子凭证验证身份', '填写备案信息并作出承诺', '备案即时生效'],
    selfService: true,
  },
  {
    type: 'GG',
    name: '城乡居民基本医疗保险参保登记',
    conditions: ['本县户籍或持本县居住证、未参加职工医保的城乡居民（含在校学生和新生儿）'],
    materials: [ID_CARD, opt('居民户口簿', 'original', 1, '为未成年人办理时提供')],
  },
  {
    type: 'JF',
    name: '医疗费用手工（零星）报销',
    days: [20, 10],
    conditions: ['参保人员因急诊抢救、异地就医未直接结算等原因发生的政策范围内医疗费用'],
    materials: [
      ID_CARD,
      req('医疗费用收费票据', 'original'),
      req('医疗费用明细清单', 'original'),
      req('出院小结或门诊病历', 'copy'),
      later('诊断证明书', 'copy', 1, '可容缺后补'),
      BANK_CARD,
    ],
    supplementLater: true,
  },
  {
    type: 'QR',
    name: '门诊慢特病待遇认定',
    days: [20, 10],
    conditions: ['本县基本医疗保险参保人员', '患有本统筹区规定的门诊慢特病病种'],
    materials: [
      ID_CARD,
      req('门诊慢特病待遇认定申请表', 'form'),
      req('二级及以上定点医疗机构近两年的病历和检查报告', 'copy'),
      later('近期一寸免冠照片', 'original', 1, '可容缺后补'),
    ],
    steps: [
      '受理：窗口受理申请',
      '评审：组织定点医疗机构专家评审',
      '决定：作出认定结论',
      '送达：告知结果，待遇即时生效',
    ],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '基本医疗保险关系转移接续',
    days: [15, 10],
    conditions: ['参保人员跨统筹地区流动就业，已在转入地参保'],
    materials: [ID_CARD, req('基本医疗保险参保（合）凭证', 'original')],
  },
  {
    type: 'GG',
    name: '医疗保险参保缴费凭证查询打印',
    conditions: ['参保人本人'],
    materials: [ID_CARD],
    steps: KIOSK_STEPS,
    selfService: true,
  },
  {
    type: 'JF',
    name: '生育医疗费用及生育津贴申领',
    days: [20, 10],
    conditions: ['职工生育或实施计划生育手术时，用人单位已为其参加生育保险并按规定缴费'],
    materials: [
      ID_CARD,
      req('出生医学证明', 'copy'),
      later('住院病历及出院记录', 'copy', 1, '在定点医疗机构联网结算的免交，未联网结算的可容缺后补'),
      BANK_CARD,
    ],
    supplementLater: true,
  },
]);

const housingFund = group('gjj', 'cat-gjj', 'dept-gjj', [
  {
    type: 'GG',
    name: '住房公积金提取（购房）',
    days: [3, 1],
    conditions: ['职工本人或配偶在本县购买、建造自住住房', '提取总额不超过实际购房款'],
    materials: [
      ID_CARD,
      req('购房合同或不动产权证书', 'originalAndCopy'),
      req('购房发票或契税完税凭证', 'originalAndCopy'),
      later('结婚证', 'original', 1, '提取配偶住房公积金时提供，婚姻信息可共享核验的免交，可容缺后补'),
      BANK_CARD,
    ],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '住房公积金提取（租房）',
    conditions: ['职工本人及配偶在本县无自有住房且租房自住', '连续足额缴存住房公积金满3个月'],
    materials: [ID_CARD, later('房屋租赁合同', 'copy', 1, '按月定额提取的免交，其余可容缺后补'), BANK_CARD],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '住房公积金提取（离退休）',
    conditions: ['职工已办理离休、退休手续'],
    materials: [ID_CARD, req('离退休证明', 'originalAndCopy'), BANK_CARD],
  },
  {
    type: 'GG',
    name: '住房公积金提取（偿还购房贷款本息）',
    conditions: ['职工本人或配偶有尚未结清的自住住房贷款', '已按期偿还贷款且无逾期'],
    materials: [ID_CARD, req('借款合同', 'copy'), req('贷款银行出具的还款明细', 'original'), BANK_CARD],
  },
  {
    type: 'GG',
    name: '住房公积金个人住房贷款申请',
    days: [15, 7],
    conditions: [
      '连续足额缴存住房公积金6个月以上',
      '购买本县自住住房且首付款已付清',
      '有稳定收入和偿还能力，个人信用良好',
    ],
    materials: [
      ID_CARD,
      req('个人住房公积金贷款申请表', 'form'),
      req('结婚证或单身声明', 'originalAndCopy'),
      req('购房合同', 'originalAndCopy'),
      req('首付款发票或收据', 'copy'),
      later('收入证明', 'original', 1, '缴存基数可证明收入的免交，其余可容缺后补'),
    ],
    steps: [
      '受理：窗口受理贷款申请',
      '审核：审查缴存情况与还款能力',
      '审批：贷审会审批',
      '签约：签订借款合同并办理抵押',
      '放款：划转至售房人账户',
    ],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '住房公积金缴存证明打印',
    conditions: ['缴存职工本人'],
    materials: [ID_CARD],
    steps: KIOSK_STEPS,
    selfService: true,
  },
  {
    type: 'GG',
    name: '单位住房公积金缴存登记',
    conditions: ['本县行政区域内新设立的单位，自设立之日起30日内办理'],
    materials: [LICENCE, req('单位住房公积金缴存登记表', 'form'), req('经办人居民身份证', 'original')],
  },
]);

const realEstate = group('bdc', 'cat-bdc', 'dept-zrzy', [
  {
    type: 'QR',
    name: '国有建设用地使用权及房屋所有权转移登记（存量房买卖）',
    days: [30, 5],
    conditions: ['不动产已办理首次登记，且无查封、异议等限制', '买卖双方已签订存量房买卖合同并缴清相关税费'],
    materials: [
      req('不动产登记申请书', 'form'),
      req('买卖双方居民身份证或其他身份证明', 'original'),
      req('不动产权证书', 'original'),
      req('存量房买卖合同', 'original'),
      req('契税完税凭证', 'copy', 1, '税务信息已共享的免交'),
      later('婚姻状况证明', 'copy', 1, '可容缺后补，不影响登簿'),
    ],
    steps: [
      '受理：交易、税务、登记一窗受理，材料一次提交',
      '审核：查验权属及限制状况',
      '登簿：记载于不动产登记簿',
      '缮证发证：窗口领证或免费邮寄送达',
    ],
    fee: { amountYuan: 80, basis: BDC_FEE_BASIS },
    supplementLater: true,
  },
  {
    type: 'QR',
    name: '国有建设用地使用权及房屋所有权首次登记',
    days: [30, 10],
    conditions: ['房屋已竣工验收', '国有建设用地使用权已登记且土地出让价款已缴清'],
    materials: [
      req('不动产登记申请书', 'form'),
      req('申请人身份证明或营业执照', 'copy'),
      req('不动产权证书（国有建设用地使用权）', 'original'),
      req('建设工程符合规划的材料', 'copy'),
      req('房屋已竣工的材料', 'copy'),
      req('房产测绘报告', 'original'),
    ],
    steps: [
      '受理：窗口受理',
      '审核：查验材料，必要时实地查看',
      '登簿：记载于不动产登记簿',
      '缮证发证：核发不动产权证书',
    ],
    fee: { amountYuan: 80, basis: BDC_FEE_BASIS },
  },
  {
    type: 'QR',
    name: '不动产抵押权首次登记',
    days: [30, 3],
    conditions: ['抵押物已办理不动产权登记且无查封等限制', '抵押双方已签订主债权合同和抵押合同'],
    materials: [
      req('不动产登记申请书', 'form'),
      req('抵押人、抵押权人身份证明', 'original'),
      req('不动产权证书', 'original'),
      req('主债权合同', 'original'),
      req('抵押合同', 'original'),
    ],
    fee: { amountYuan: 80, basis: `${BDC_FEE_BASIS}（由抵押权人缴纳）` },
  },
  {
    type: 'QR',
    name: '不动产抵押权注销登记',
    conditions: ['主债权已消灭或抵押权人放弃抵押权'],
    materials: [
      req('不动产登记申请书', 'form'),
      req('抵押权人身份证明', 'original'),
      req('不动产登记证明', 'original'),
      req('抵押权消灭的材料（如还清贷款证明）', 'original'),
    ],
    fee: { amountYuan: 0, basis: '注销登记不收取不动产登记费' },
  },
  {
    type: 'GG',
    name: '不动产登记资料查询',
    conditions: ['权利人查询本人名下不动产', '利害关系人或持有效法律文书的单位依法查询'],
    materials: [ID_CARD],
    steps: ['刷身份证验证身份', '选择查询类型', '自助打印不动产登记信息查询结果'],
    selfService: true,
  },
  {
    type: 'QR',
    name: '不动产权证书补证',
    days: [30, 20],
    conditions: ['不动产权证书遗失或灭失', '补证前在门户网站公告15个工作日'],
    materials: [req('不动产登记申请书', 'form'), ID_CARD, req('证书遗失情况说明', 'original')],
    steps: [
      '受理：窗口受理补证申请',
      '公告：门户网站公告15个工作日',
      '登簿：公告期满无异议后记载',
      '发证：补发不动产权证书',
    ],
    fee: { amountYuan: 10, basis: '不动产权证书工本费每本10元（依据不动产登记收费有关规定）' },
  },
  {
    type: 'QR',
    name: '不动产更正登记',
    days: [30, 10],
    conditions: ['权利人、利害关系人认为不动产登记簿记载的事项有错误'],
    materials: [
      req('不动产登记申请书', 'form'),
      ID_CARD,
      req('不动产权证书', 'original'),
      req('证实登记确有错误的材料', 'copy'),
    ],
    fee: { amountYuan: 0, basis: '因登记机构错误导致的更正登记不收费' },
  },
]);

const businessStartup = group('qy', 'cat-qy', 'dept-scjg', [
  {
    type: 'XK',
    name: '企业设立登记（有限责任公司）',
    days: [3, 1],
    conditions: ['有符合规定的名称、住所和公司章程', '股东人数、出资方式符合《公司法》规定', '有法定代表人'],
    materials: [
      req('公司登记（备案）申请书', 'form'),
      req('公司章程', 'original'),
      req('股东主体资格证明', 'copy'),
      req('法定代表人、董事、监事和经理的任职文件及身份证明', 'copy'),
      req('住所使用相关文件', 'copy'),
      opt('前置审批文件或许可证件', 'copy', 1, '经营范围涉及前置许可时提供'),
    ],
    steps: [
      '受理：企业开办一窗受理（登记、刻章、申领发票、社保医保公积金登记一次提交）',
      '审核：形式审查',
      '核准：予以登记',
      '发照：当场或免费邮寄营业执照，同步发放电子营业执照',
    ],
  },
  {
    type: 'XK',
    name: '个体工商户设立登记（个体工商户营业执照）',
    conditions: ['有经营能力的自然人', '有固定经营场所'],
    materials: [req('个体工商户登记（备案）申请书', 'form'), ID_CARD, req('经营场所使用证明', 'copy')],
  },
  {
    type: 'XK',
    name: '企业变更登记',
    days: [3, 1],
    conditions: ['企业名称、住所、法定代表人、注册资本、经营范围等登记事项发生变更'],
    materials: [
      req('企业变更登记（备案）申请书', 'form'),
      req('关于变更事项的决议或决定', 'original'),
      req('章程修正案', 'original'),
      LICENCE,
      later('变更后住所使用相关文件', 'copy', 1, '变更住所时提供，可容缺后补'),
    ],
    supplementLater: true,
  },
  {
    type: 'XK',
    name: '企业简易注销登记',
    days: [3, 1],
    conditions: [
      '未发生债权债务或已将债权债务清偿完结',
      '经国家企业信用信息公示系统公示20日无异议',
      '不存在被吊销营业执照、列入严重违法失信名单等不适用情形',
    ],
    materials: [req('注销登记申请书', 'form'), req('全体投资人承诺书', 'original')],
  },
  {
    type: 'XK',
    name: '营业执照遗失补领',
    conditions: ['营业执照遗失或损毁'],
    materials: [req('补领营业执照申请书', 'form'), req('法定代表人或负责人签署的遗失声明', 'original')],
  },
  {
    type: 'XK',
    name: '食品经营许可',
    days: [20, 5],
    conditions: ['有与经营的食品品种、数量相适应的经营场所和设备设施', '有食品安全管理人员和保证食品安全的规章制度'],
    materials: [
      req('食品经营许可申请书', 'form'),
      LICENCE,
      req('主要设备设施布局和操作流程文件', 'original'),
      req('食品安全管理制度', 'original'),
      later('食品安全管理人员培训合格证明', 'copy', 1, '可容缺后补，发证前交齐'),
    ],
    steps: [
      '受理：窗口受理申请',
      '审查：书面审查，必要时现场核查',
      '决定：作出准予或不予许可决定',
      '发证：核发食品经营许可证',
    ],
    supplementLater: true,
  },
  {
    type: 'XK',
    name: '药品零售企业经营许可',
    days: [30, 15],
    conditions: ['有依法经过资格认定的执业药师', '有与经营药品相适应的营业场所、设备、仓储设施和质量管理制度'],
    materials: [
      req('药品经营许可证申请表', 'form'),
      LICENCE,
      req('执业药师注册证', 'copy'),
      req('营业场所和仓库平面布置图及产权或使用证明', 'copy'),
      req('药品质量管理制度文件', 'original'),
    ],
    steps: ['受理：窗口受理申请', '检查：组织现场检查验收', '决定：作出许可决定', '发证：核发药品经营许可证'],
  },
  {
    type: 'GG',
    name: '企业印章刻制备案',
    departmentId: 'dept-gaj',
    conditions: ['已领取营业执照的企业', '新办企业首套印章（公章、财务专用章、发票专用章等）'],
    materials: [LICENCE, req('法定代表人居民身份证', 'original')],
    fee: { amountYuan: 0, basis: '政府购买服务，新办企业首套印章免费刻制' },
  },
]);

const householdRegistration = group('hz', 'cat-hz', 'dept-gaj', [
  {
    type: 'QR',
    name: '出生登记',
    conditions: ['新生儿随父或随母在本县落户', '婴儿出生后一个月内申报，逾期的按规定补录'],
    materials: [
      req('出生医学证明', 'original'),
      req('父母双方居民身份证', 'original'),
      req('落户方居民户口簿', 'original'),
      later('父母结婚证', 'original', 1, '婚姻信息可共享核验的免交，可容缺后补'),
    ],
    supplementLater: true,
  },
  {
    type: 'XK',
    name: '户口迁移（投靠迁入）',
    days: [20, 10],
    conditions: ['符合本县户口迁移政策（夫妻投靠、父母投靠子女、子女投靠父母等）', '在本县有合法稳定住所'],
    materials: [
      ID_CARD,
      HUKOU,
      req('被投靠人居民户口簿', 'original'),
      req('亲属关系证明', 'original'),
      req('合法稳定住所证明', 'copy'),
    ],
    steps: [
      '受理：户政窗口受理',
      '审核：派出所核查',
      '审批：县公安局户政部门审批',
      '办结：出具准予迁入证明或跨省通办直接落户',
    ],
  },
  {
    type: 'QR',
    name: '居民身份证换领',
    days: [60, 20],
    conditions: ['居民身份证有效期满或登记项目变更'],
    materials: [HUKOU, req('原居民身份证', 'original'), opt('数码相片回执', 'original', 1, '可在窗口现场采集')],
    steps: ['受理：采集人像和指纹信息', '审核：户籍信息比对', '制证：省级制证中心制证', '送达：窗口领取或邮寄送达'],
    fee: { amountYuan: 20, basis: '依据国家发展改革委、财政部关于居民身份证收费标准的规定，换领每证20元' },
  },
  {
    type: 'QR',
    name: '临时居民身份证申领',
    conditions: ['已申领、换领或补领居民身份证且有急用'],
    materials: [HUKOU, req('居民身份证申领受理回执', 'original')],
    fee: { amountYuan: 10, basis: '依据国家发展改革委、财政部关于居民身份证收费标准的规定，临时居民身份证每证10元' },
  },
  {
    type: 'QR',
    name: '户口登记项目变更更正',
    days: [20, 10],
    conditions: ['户口登记项目（姓名、出生日期、民族等）确有错误或依法需要变更'],
    materials: [ID_CARD, HUKOU, req('户口登记项目变更更正申请表', 'form'), req('变更更正依据材料', 'original')],
  },
  {
    type: 'QR',
    name: '居住证申领',
    days: [15, 7],
    conditions: ['离开常住户口所在地，在本县居住半年以上', '有合法稳定就业、合法稳定住所或连续就读条件之一'],
    materials: [ID_CARD, req('居住登记凭证', 'original'), req('合法稳定就业、住所或就读证明', 'copy')],
    fee: { amountYuan: 0, basis: '首次申领不收费' },
  },
  {
    type: 'XK',
    name: '普通护照签发',
    days: [15, 7],
    conditions: ['中国公民因私出国', '不属于法定不准出境情形'],
    materials: [ID_CARD, req('出入境证件数码照片回执', 'original', 1, '可在窗口现场采集')],
    steps: ['受理：核验身份，采集人像和指纹', '审核：出入境管理部门审批', '制证：集中制证', '送达：窗口领取或邮寄送达'],
    fee: { amountYuan: 120, basis: '依据国家发展改革委、财政部关于出入境证件收费标准的规定，普通护照每本120元' },
  },
  {
    type: 'XK',
    name: '往来港澳通行证及签注签发',
    days: [10, 7],
    conditions: ['内地居民因私前往香港、澳门', '不属于法定不准出境情形'],
    materials: [ID_CARD, req('出入境证件数码照片回执', 'original', 1, '可在窗口现场采集')],
    steps: ['受理：核验身份，采集人像和指纹', '审核：出入境管理部门审批', '制证：集中制证', '送达：窗口领取或邮寄送达'],
    fee: {
      amountYuan: 60,
      basis: '依据国家发展改革委、财政部关于出入境证件收费标准的规定，电子往来港澳通行证每证60元，签注另收',
    },
  },
  {
    type: 'GG',
    name: '户籍证明开具',
    conditions: ['本县户籍人员本人申请，或持授权委托书代办'],
    materials: [ID_CARD, PROXY],
  },
]);

const marriage = group('hy', 'cat-hy', 'dept-mzj', [
  {
    type: 'QR',
    name: '内地居民结婚登记',
    conditions: [
      '男方年满22周岁，女方年满20周岁',
      '男女双方完全自愿，双方均无配偶',
      '双方没有直系血亲和三代以内旁系血亲关系',
      '双方亲自到婚姻登记机关申请',
    ],
    materials: [
      req('双方居民身份证', 'original'),
      req('双方居民户口簿', 'original'),
      req('双方近期2寸半身免冠合影照片', 'original', 3),
      req('申请结婚登记声明书', 'form', 1, '在婚姻登记员面前亲自签名'),
    ],
    steps: [
      '受理：双方当事人亲自到场，核验证件',
      '审查：询问是否自愿，核对婚姻状况',
      '登记：双方在声明书和审查处理表上签名',
      '颁证：当场颁发结婚证，可选颁证仪式',
    ],
  },
  {
    type: 'QR',
    name: '内地居民离婚登记',
    days: [30, 30],
    conditions: [
      '双方自愿离婚，并对子女抚养、财产及债务处理等事项协商一致',
      '自受理之日起30日为离婚冷静期，期间任何一方可撤回申请',
      '冷静期届满后30日内双方亲自到场申请发给离婚证，逾期视为撤回',
    ],
    materials: [
      req('双方居民身份证', 'original'),
      req('双方居民户口簿', 'original'),
      req('结婚证', 'original'),
      req('离婚协议书', 'original', 3),
      req('双方近期2寸单人半身免冠照片', 'original', 2),
    ],
    steps: [
      '申请：双方亲自到场提交申请，发给受理回执单',
      '冷静期：自受理之日起30日',
      '审查：冷静期届满后双方到场，审查离婚协议',
      '登记：颁发离婚证',
    ],
  },
  {
    type: 'QR',
    name: '补领结婚证',
    conditions: ['结婚证遗失或损毁', '向原登记机关或一方常住户口所在地婚姻登记机关申请'],
    materials: [
      req('双方居民身份证', 'original'),
      req('双方居民户口簿', 'original'),
      req('双方近期2寸半身免冠合影照片', 'original', 3),
      req('申请补领婚姻登记证声明书', 'form'),
    ],
  },
  {
    type: 'QR',
    name: '补领离婚证',
    conditions: ['离婚证遗失或损毁'],
    materials: [ID_CARD, HUKOU, req('本人近期2寸半身免冠照片', 'original', 2), req('申请补领婚姻登记证声明书', 'form')],
  },
  {
    type: 'GG',
    name: '婚姻登记档案查询',
    conditions: ['婚姻当事人本人，或持法院、公安等机关介绍信依法查询'],
    materials: [ID_CARD, PROXY],
  },
  {
    type: 'QR',
    name: '收养登记',
    days: [30, 20],
    conditions: ['收养人、被收养人和送养人符合《民法典》规定的条件', '收养关系当事人亲自到收养登记机关办理'],
    materials: [
      req('收养登记申请书', 'form'),
      req('收养人居民户口簿和居民身份证', 'original'),
      req('收养人婚姻状况证明', 'original'),
      req('县级以上医疗机构出具的身体健康检查证明', 'original'),
      req('被收养人出生证明和照片', 'original'),
      req('送养人身份证明及送养意见', 'original'),
    ],
    steps: ['受理：收养登记员受理', '审查：调查核实并公告', '登记：作出准予登记决定', '发证：颁发收养登记证'],
  },
]);

const tax = group('sw', 'cat-sw', 'dept-swj', [
  {
    type: 'QT',
    name: '存量房交易契税申报',
    conditions: ['不动产权属转移的承受方', '与不动产转移登记一窗受理，税费一次缴纳'],
    materials: [req('买卖双方居民身份证', 'original'), req('存量房买卖合同', 'copy'), req('不动产权证书', 'copy')],
  },
  {
    type: 'GG',
    name: '发票领用',
    conditions: ['已完成税务信息确认并核定票种的纳税人'],
    materials: [req('经办人居民身份证', 'original'), opt('税控设备', 'original', 1, '使用全面数字化电子发票的免交')],
  },
  {
    type: 'GG',
    name: '代开增值税普通发票（自然人）',
    conditions: ['发生应税行为需要开具发票的自然人'],
    materials: [ID_CARD, req('合同或付款方证明', 'copy')],
    steps: ['刷身份证验证身份', '录入开票信息并缴纳税款', '自助打印发票'],
    selfService: true,
  },
  {
    type: 'QT',
    name: '个人所得税综合所得年度汇算',
    conditions: ['年度综合所得需补税或申请退税的居民个人'],
    materials: [ID_CARD, later('专项附加扣除相关资料', 'copy', 1, '可容缺后补')],
    supplementLater: true,
  },
  {
    type: 'QT',
    name: '新办纳税人涉税事项套餐（信息确认、票种核定、税控发行）',
    conditions: ['新设立登记的企业和个体工商户'],
    materials: [
      LICENCE,
      req('法定代表人和经办人居民身份证', 'original'),
      later('存款账户账号报告', 'form', 1, '可容缺后补'),
    ],
    supplementLater: true,
  },
  {
    type: 'GG',
    name: '开具税收完税证明',
    conditions: ['已缴纳税款的纳税人本人'],
    materials: [ID_CARD],
    steps: KIOSK_STEPS,
    selfService: true,
  },
  {
    type: 'QT',
    name: '清税注销（税务注销）',
    days: [20, 3],
    conditions: ['已结清应纳税款、滞纳金、罚款', '已缴销发票和税控设备'],
    materials: [req('清税申报表', 'form'), LICENCE, req('经办人居民身份证', 'original')],
  },
  {
    type: 'QT',
    name: '城乡居民社会保险费缴纳',
    conditions: ['已参加城乡居民基本养老保险或城乡居民基本医疗保险的人员'],
    materials: [ID_CARD],
  },
  {
    type: 'QT',
    name: '车辆购置税申报',
    conditions: ['在境内购置应税车辆的单位和个人，自购置之日起60日内申报'],
    materials: [ID_CARD, req('机动车销售统一发票', 'original'), req('车辆合格证明', 'original')],
  },
]);

const civilAffairs = group('mz', 'cat-mz', 'dept-mzj', [
  {
    type: 'JF',
    name: '最低生活保障申请',
    days: [30, 20],
    conditions: ['持有本县户籍', '共同生活的家庭成员人均收入低于本县最低生活保障标准，且财产状况符合规定'],
    materials: [
      ID_CARD,
      HUKOU,
      req('最低生活保障申请书', 'form'),
      req('家庭经济状况核对授权书', 'form'),
      later('家庭成员收入证明', 'original', 1, '可容缺后补，由调查核实阶段补齐'),
      opt('残疾人证或病历等证明材料', 'copy', 1, '有重病、重残成员时提供'),
    ],
    steps: [
      '受理：县政务服务中心或乡镇（街道）一窗受理',
      '调查核实：入户调查和家庭经济状况核对',
      '公示：村（居）委会公示7日',
      '审批：县民政局作出决定',
      '送达：书面通知申请人，次月起发放',
    ],
    supplementLater: true,
  },
  {
    type: 'JF',
    name: '特困人员救助供养申请',
    days: [30, 20],
    conditions: ['无劳动能力、无生活来源', '无法定赡养、抚养、扶养义务人，或义务人无履行能力'],
    materials: [ID_CARD, HUKOU, req('特困人员救助供养申请书', 'form'), req('家庭经济状况核对授权书', 'form')],
  },
  {
    type: 'JF',
    name: '临时救助申请',
    days: [10, 5],
    conditions: ['因火灾、交通事故、突发重大疾病等导致基本生活暂时出现严重困难', '急难情形可先行救助、事后补办手续'],
    materials: [
      ID_CARD,
      req('临时救助申请书', 'form'),
      later('困难情况证明材料', 'copy', 1, '急难型救助可先行救助后补交'),
    ],
    supplementLater: true,
  },
  {
    type: 'JF',
    name: '高龄津贴申领',
    days: [20, 10],
    conditions: ['本县户籍、年满80周岁的老年人'],
    materials: [ID_CARD, HUKOU, BANK_CARD, PROXY],
  },
  {
    type: 'JF',
    name: '困难残疾人生活补贴和重度残疾人护理补贴申请',
    days: [20, 15],
    conditions: ['持有第二代残疾人证的本县户籍残疾人', '属于低保家庭的残疾人，或残疾等级为一、二级的重度残疾人'],
    materials: [ID_CARD, req('第二代残疾人证', 'original'), req('补贴申请审批表', 'form'), BANK_CARD],
  },
  {
    type: 'XK',
    name: '社会团体成立登记',
    days: [60, 30],
    conditions: ['有50个以上个人会员或30个以上单位会员', '有规范的名称、组织机构、固定住所和合法资产'],
    materials: [
      req('社会团体成立登记申请书', 'form'),
      req('业务主管单位批准文件', 'original'),
      req('章程草案', 'original'),
      req('住所使用证明', 'copy'),
      req('验资报告', 'original'),
    ],
  },
  {
    type: 'JF',
    name: '基本殡葬服务费用减免',
    conditions: ['本县户籍居民去世，由县殡仪馆提供遗体接运、暂存、火化和骨灰寄存服务'],
    materials: [req('死亡证明', 'copy'), req('经办人居民身份证', 'original'), req('火化证明', 'copy')],
  },
]);

const transport = group('jt', 'cat-jt', 'dept-jtj', [
  {
    type: 'QR',
    name: '道路运输从业资格证补证',
    days: [10, 3],
    conditions: ['道路运输从业资格证遗失或损毁', '证件在有效期内且未被吊销'],
    materials: [ID_CARD, req('道路运输从业人员从业资格证补证申请表', 'form'), req('遗失情况说明', 'original')],
  },
  {
    type: 'QR',
    name: '道路运输从业资格证换证',
    conditions: ['从业资格证有效期届满前30日内申请', '继续教育合格且无重大违法记录'],
    materials: [ID_CARD, req('原从业资格证', 'original'), req('机动车驾驶证', 'original')],
  },
  {
    type: 'XK',
    name: '道路货物运输经营许可',
    days: [20, 5],
    conditions: ['有与经营业务相适应并经检测合格的车辆', '有符合规定条件的驾驶人员', '有健全的安全生产管理制度'],
    materials: [
      req('道路货物运输经营申请表', 'form'),
      LICENCE,
      req('拟投入车辆承诺书', 'original'),
      req('驾驶人员从业资格证', 'copy'),
      req('安全生产管理制度文本', 'original'),
    ],
  },
  {
    type: 'QR',
    name: '道路运输证配发（普通货运车辆）',
    conditions: ['已取得道路货物运输经营许可', '车辆已注册登记且综合性能检测合格'],
    materials: [req('机动车行驶证', 'original'), req('车辆技术等级评定证明', 'copy'), LICENCE],
  },
  {
    type: 'QR',
    name: '巡游出租汽车驾驶员从业资格注册',
    conditions: ['已取得巡游出租汽车驾驶员从业资格证', '已与本县出租汽车经营者签订劳动合同'],
    materials: [ID_CARD, req('从业资格证', 'original'), req('劳动合同', 'copy')],
  },
  {
    type: 'XK',
    name: '超限运输车辆行驶公路许可',
    days: [15, 5],
    conditions: ['运载不可解体物品确需超限行驶公路', '车辆及驾驶人员符合安全要求'],
    materials: [
      req('超限运输车辆通行申请表', 'form'),
      req('货物名称、重量、外廓尺寸说明', 'original'),
      req('车辆行驶证', 'copy'),
      req('护送方案', 'original'),
    ],
  },
  {
    type: 'QT',
    name: '机动车维修经营备案',
    conditions: ['已取得营业执照，有与维修业务相适应的场地、设备和技术人员'],
    materials: [req('机动车维修经营备案表', 'form'), LICENCE, req('维修场地使用证明', 'copy')],
  },
]);

const health = group('wj', 'cat-wj', 'dept-wjw', [
  {
    type: 'XK',
    name: '医师执业注册',
    days: [20, 10],
    conditions: ['已取得医师资格', '经拟执业的医疗、预防、保健机构同意聘用'],
    materials: [
      req('医师执业注册申请审核表', 'form'),
      req('医师资格证书', 'original'),
      ID_CARD,
      req('近6个月内县级以上医疗机构出具的健康体检证明', 'original'),
      req('拟执业机构出具的聘用证明', 'original'),
      later('近期一寸免冠照片', 'original', 2, '可容缺后补'),
    ],
    supplementLater: true,
  },
  {
    type: 'XK',
    name: '护士执业注册',
    days: [20, 10],
    conditions: ['已通过护士执业资格考试', '在教学、综合医院完成8个月以上临床实习'],
    materials: [
      req('护士执业注册申请审核表', 'form'),
      req('护士执业资格考试成绩合格证明', 'copy'),
      ID_CARD,
      req('健康体检证明', 'original'),
      req('拟执业机构出具的聘用证明', 'original'),
    ],
  },
  {
    type: 'XK',
    name: '公共场所卫生许可',
    days: [20, 7],
    conditions: ['住宿、沐浴、美容美发、游泳等公共场所经营者', '场所布局、卫生设施符合卫生标准和规范'],
    materials: [
      req('公共场所卫生许可申请表', 'form'),
      LICENCE,
      req('场所平面布局图', 'original'),
      later('从业人员健康合格证明', 'copy', 1, '可容缺后补，现场核查前交齐'),
    ],
    supplementLater: true,
  },
  {
    type: 'XK',
    name: '医疗机构执业登记',
    days: [45, 20],
    conditions: ['符合医疗机构基本标准', '有相应的场所、设备和卫生技术人员'],
    materials: [
      req('医疗机构申请执业登记注册书', 'form'),
      req('医疗机构用房产权证明或使用证明', 'copy'),
      req('医疗机构建筑设计平面图', 'original'),
      req('卫生技术人员执业证书', 'copy'),
      req('规章制度', 'original'),
    ],
    steps: ['受理：窗口受理申请', '审查：组织现场验收', '决定：作出准予或不予登记决定', '发证：核发医疗机构执业许可证'],
  },
  {
    type: 'GG',
    name: '出生医学证明补发',
    days: [20, 10],
    conditions: ['出生医学证明遗失或损毁', '在原签发机构有出生登记记录'],
    materials: [
      req('出生医学证明补发申请表', 'form'),
      req('父母双方居民身份证', 'original'),
      req('新生儿居民户口簿', 'original'),
    ],
  },
  {
    type: 'JF',
    name: '计划生育家庭特别扶助金申请',
    days: [30, 20],
    conditions: ['本县户籍、女方年满49周岁', '独生子女死亡或伤病残达到三级以上，且目前未再生育或收养子女'],
    materials: [ID_CARD, HUKOU, req('特别扶助对象申请表', 'form'), req('子女死亡或伤残证明', 'copy')],
  },
  {
    type: 'GG',
    name: '生育登记',
    conditions: ['本县户籍或居住在本县的夫妻'],
    materials: [req('夫妻双方居民身份证', 'original')],
    steps: ['刷身份证验证身份', '填写生育登记信息', '即时生成并打印生育登记服务凭证'],
    selfService: true,
  },
]);

const general = group('zh', 'cat-zh', 'dept-zjj', [
  {
    type: 'XK',
    name: '建筑工程施工许可证核发',
    days: [7, 3],
    conditions: [
      '已办理用地批准手续并取得建设工程规划许可证',
      '已确定施工企业',
      '有满足施工需要的资金安排、施工图纸及技术资料',
    ],
    materials: [
      req('建筑工程施工许可申请表', 'form'),
      req('建设工程规划许可证', 'copy'),
      req('中标通知书或直接发包批准文件', 'copy'),
      req('施工图设计文件审查合格书', 'copy'),
      req('建设资金已落实承诺书', 'original'),
    ],
  },
  {
    type: 'XK',
    name: '商品房预售许可',
    days: [10, 5],
    conditions: [
      '已交付全部土地使用权出让金并取得土地使用权证书',
      '已取得建设工程规划许可证和施工许可证',
      '投入开发建设的资金达到工程总投资的25%以上',
    ],
    materials: [
      req('商品房预售许可申请表', 'form'),
      LICENCE,
      req('工程施工合同及施工进度说明', 'copy'),
      req('商品房预售方案', 'original'),
    ],
  },
  {
    type: 'GG',
    name: '商品房买卖合同网签备案',
    conditions: ['项目已取得商品房预售许可或已竣工验收备案'],
    materials: [req('买受人居民身份证', 'original'), req('商品房买卖合同', 'original')],
  },
  {
    type: 'GG',
    name: '公共租赁住房申请',
    days: [30, 20],
    conditions: ['本县城区住房困难家庭，家庭收入和财产符合规定标准', '新就业无房职工、稳定就业的外来务工人员'],
    materials: [
      ID_CARD,
      HUKOU,
      req('公共租赁住房申请表', 'form'),
      later('收入证明', 'original', 1, '可容缺后补，审核公示前交齐'),
    ],
    steps: ['受理：窗口受理', '审核：住房和收入状况核查', '公示：公示7日', '轮候：纳入轮候并配租'],
    supplementLater: true,
  },
  {
    type: 'QT',
    name: '房屋建筑和市政基础设施工程竣工验收备案',
    days: [15, 5],
    conditions: ['工程已竣工验收合格'],
    materials: [
      req('竣工验收备案表', 'form', 2),
      req('工程竣工验收报告', 'original'),
      req('规划、消防等认可文件', 'copy'),
      req('施工单位签署的工程质量保修书', 'original'),
    ],
  },
  {
    type: 'QR',
    name: '残疾人证新办',
    departmentId: 'dept-cl',
    days: [30, 15],
    conditions: ['本县户籍的视力、听力、言语、肢体、智力、精神残疾人', '经指定医疗机构残疾评定'],
    materials: [ID_CARD, HUKOU, req('近期2寸免冠彩色照片', 'original', 3), req('残疾人证申请表', 'form')],
    steps: ['受理：窗口受理', '评定：到指定医疗机构进行残疾评定', '审核：县残联审核', '发证：核发第二代残疾人证'],
  },
  {
    type: 'QR',
    name: '残疾人证换领',
    departmentId: 'dept-cl',
    conditions: ['残疾人证有效期满或残疾状况无变化需要换领'],
    materials: [ID_CARD, req('原残疾人证', 'original'), req('近期2寸免冠彩色照片', 'original', 1)],
  },
  {
    type: 'JF',
    name: '残疾人辅助器具适配补贴申请',
    departmentId: 'dept-cl',
    days: [20, 10],
    conditions: ['持有第二代残疾人证的本县户籍残疾人', '经评估需要适配辅助器具'],
    materials: [
      ID_CARD,
      req('第二代残疾人证', 'original'),
      req('辅助器具适配申请表', 'form'),
      later('医疗机构评估意见', 'copy', 1, '可容缺后补'),
    ],
    supplementLater: true,
  },
]);

const items: ServiceItem[] = [
  ...socialSecurity,
  ...medicalInsurance,
  ...housingFund,
  ...realEstate,
  ...businessStartup,
  ...householdRegistration,
  ...marriage,
  ...tax,
  ...civilAffairs,
  ...transport,
  ...health,
  ...general,
];

// ---------------------------------------------------------------------------
// Categories (queues)

type CategoryDraft = Omit<Category, 'itemIds'>;

/** Real-name queues: tickets only with the ID card read at the kiosk. */
const REAL_NAME = { requiresIdCard: true } as const;

/** Half-hour slots through the working day, as halls publish them for booking (预约). */
const bookable = (capacity: number) => ({
  appointments: {
    slotMinutes: 30,
    capacity,
    periods: [
      { from: '09:00', to: '11:30' },
      { from: '14:00', to: '16:30' },
    ],
  },
});

const categoryDrafts: CategoryDraft[] = [
  { id: 'cat-sb', name: '社会保障', prefix: 'A', departmentId: 'dept-rsj', avgServiceMin: 6, dailyCap: 500 },
  { id: 'cat-yb', name: '医疗保障', prefix: 'B', departmentId: 'dept-ybj', avgServiceMin: 6, dailyCap: 400 },
  {
    id: 'cat-gjj',
    name: '住房公积金',
    prefix: 'C',
    departmentId: 'dept-gjj',
    avgServiceMin: 10,
    dailyCap: 250,
    ...bookable(4),
  },
  {
    id: 'cat-bdc',
    name: '不动产登记',
    prefix: 'D',
    departmentId: 'dept-zrzy',
    avgServiceMin: 18,
    dailyCap: 200,
    ...REAL_NAME,
    ...bookable(4),
  },
  {
    id: 'cat-qy',
    name: '企业开办',
    prefix: 'E',
    departmentId: 'dept-scjg',
    avgServiceMin: 15,
    dailyCap: 200,
    ...bookable(4),
  },
  {
    id: 'cat-hz',
    name: '公安户政',
    prefix: 'F',
    departmentId: 'dept-gaj',
    avgServiceMin: 8,
    dailyCap: 400,
    ...REAL_NAME,
  },
  {
    id: 'cat-hy',
    name: '婚姻登记',
    prefix: 'G',
    departmentId: 'dept-mzj',
    avgServiceMin: 15,
    dailyCap: 120,
    ...REAL_NAME,
    ...bookable(3),
    // The registry keeps office hours even where the rest of the hall issues longer.
    issuingHours: {
      days: 'workingDays',
      periods: [
        { from: '08:30', to: '11:45' },
        { from: '13:30', to: '16:45' },
      ],
    },
  },
  { id: 'cat-sw', name: '税务办理', prefix: 'H', departmentId: 'dept-swj', avgServiceMin: 10, dailyCap: 500 },
  // I and O are skipped: on the LED bar they read as 1 and 0.
  { id: 'cat-mz', name: '民政事务', prefix: 'J', departmentId: 'dept-mzj', avgServiceMin: 12, dailyCap: 200 },
  { id: 'cat-jt', name: '交通运输', prefix: 'K', departmentId: 'dept-jtj', avgServiceMin: 8, dailyCap: 200 },
  { id: 'cat-wj', name: '卫生健康', prefix: 'L', departmentId: 'dept-wjw', avgServiceMin: 10, dailyCap: 150 },
  { id: 'cat-zh', name: '综合受理', prefix: 'M', departmentId: null, avgServiceMin: 12, dailyCap: 300 },
];

const categories: Category[] = categoryDrafts.map((c) => ({
  ...c,
  itemIds: items.filter((item) => item.categoryId === c.id).map((item) => item.id),
}));

// ---------------------------------------------------------------------------
// Windows

function dedicated(number: number, label: string, departmentId: string, categoryIds: string[]): Window {
  return {
    id: `win-${String(number).padStart(2, '0')}`,
    number,
    name: `${number}号窗口 ${label}`,
    kind: 'dedicated',
    departmentId,
    categoryIds,
  };
}

function comprehensive(number: number, label: string, categoryIds: string[]): Window {
  return {
    id: `win-${String(number).padStart(2, '0')}`,
    number,
    name: `${number}号窗口 ${label}`,
    kind: 'comprehensive',
    departmentId: null,
    categoryIds,
  };
}

const windows: Window[] = [
  dedicated(1, '社保', 'dept-rsj', ['cat-sb']),
  dedicated(2, '社保', 'dept-rsj', ['cat-sb']),
  dedicated(3, '社保', 'dept-rsj', ['cat-sb']),
  dedicated(4, '就业失业', 'dept-rsj', ['cat-sb']),
  dedicated(5, '医保', 'dept-ybj', ['cat-yb']),
  dedicated(6, '医保', 'dept-ybj', ['cat-yb']),
  dedicated(7, '医保', 'dept-ybj', ['cat-yb']),
  dedicated(8, '公积金', 'dept-gjj', ['cat-gjj']),
  dedicated(9, '公积金', 'dept-gjj', ['cat-gjj']),
  dedicated(10, '不动产登记', 'dept-zrzy', ['cat-bdc']),
  dedicated(11, '不动产登记', 'dept-zrzy', ['cat-bdc']),
  dedicated(12, '不动产登记', 'dept-zrzy', ['cat-bdc']),
  dedicated(13, '不动产登记', 'dept-zrzy', ['cat-bdc']),
  dedicated(14, '税务', 'dept-swj', ['cat-sw']),
  dedicated(15, '税务', 'dept-swj', ['cat-sw']),
  dedicated(16, '税务', 'dept-swj', ['cat-sw']),
  dedicated(17, '契税', 'dept-swj', ['cat-sw']),
  dedicated(18, '企业开办', 'dept-scjg', ['cat-qy']),
  dedicated(19, '企业开办', 'dept-scjg', ['cat-qy']),
  dedicated(20, '食品药品许可', 'dept-scjg', ['cat-qy']),
  dedicated(21, '户政', 'dept-gaj', ['cat-hz']),
  dedicated(22, '户政', 'dept-gaj', ['cat-hz']),
  dedicated(23, '出入境', 'dept-gaj', ['cat-hz']),
  dedicated(24, '婚姻登记', 'dept-mzj', ['cat-hy']),
  dedicated(25, '民政', 'dept-mzj', ['cat-mz', 'cat-hy']),
  dedicated(26, '交通运输', 'dept-jtj', ['cat-jt']),
  dedicated(27, '卫生健康', 'dept-wjw', ['cat-wj']),
  dedicated(28, '住建', 'dept-zjj', ['cat-zh']),
  dedicated(29, '残联', 'dept-cl', ['cat-zh', 'cat-mz']),
  comprehensive(30, '综合受理', ['cat-zh', 'cat-mz', 'cat-jt', 'cat-wj']),
  comprehensive(31, '综合受理', ['cat-zh', 'cat-wj', 'cat-jt', 'cat-mz', 'cat-hy']),
  comprehensive(32, '社会事务综合', ['cat-sb', 'cat-yb', 'cat-gjj']),
  comprehensive(33, '社会事务综合', ['cat-yb', 'cat-sb', 'cat-gjj']),
  comprehensive(34, '社会事务综合', ['cat-gjj', 'cat-sb', 'cat-yb']),
  comprehensive(35, '企业服务综合', ['cat-qy', 'cat-sw', 'cat-zh']),
  comprehensive(36, '企业服务综合', ['cat-sw', 'cat-qy', 'cat-bdc']),
  comprehensive(37, '不动产交易综合', ['cat-bdc', 'cat-sw', 'cat-zh']),
  comprehensive(38, '户籍民生综合', ['cat-hz', 'cat-mz', 'cat-hy']),
  comprehensive(39, '综合受理', ['cat-jt', 'cat-wj', 'cat-zh', 'cat-mz', 'cat-hz', 'cat-qy']),
  comprehensive(40, '帮办代办', ['cat-zh', 'cat-sb', 'cat-yb', 'cat-mz']),
];

// ---------------------------------------------------------------------------
// Clerks (invented names)

const CLERKS_BY_DEPT: [departmentId: string, staff: [name: string, position: string][]][] = [
  [
    'dept-rsj',
    [
      ['陈晓梅', '窗口负责人'],
      ['王志强', '科员'],
      ['李婷', '科员'],
      ['周建华', '科员'],
      ['吴佳怡', '科员'],
    ],
  ],
  [
    'dept-ybj',
    [
      ['孙丽娟', '窗口负责人'],
      ['赵宇航', '科员'],
      ['钱雨欣', '科员'],
      ['郑海波', '科员'],
    ],
  ],
  [
    'dept-gjj',
    [
      ['冯国栋', '窗口负责人'],
      ['蒋雪莹', '科员'],
      ['沈立新', '科员'],
    ],
  ],
  [
    'dept-zrzy',
    [
      ['韩明', '首席代表'],
      ['杨秀兰', '窗口负责人'],
      ['朱文涛', '科员'],
      ['秦思远', '科员'],
      ['许晓东', '科员'],
    ],
  ],
  [
    'dept-scjg',
    [
      ['何静', '首席代表'],
      ['吕浩然', '科员'],
      ['施玉洁', '科员'],
      ['张振宇', '科员'],
    ],
  ],
  [
    'dept-gaj',
    [
      ['孔德军', '窗口负责人'],
      ['曹雅琴', '户籍民警'],
      ['严俊', '户籍民警'],
      ['华晓燕', '出入境民警'],
    ],
  ],
  [
    'dept-mzj',
    [
      ['金玉芳', '窗口负责人'],
      ['魏子涵', '婚姻登记员'],
      ['陶春燕', '科员'],
    ],
  ],
  [
    'dept-swj',
    [
      ['姜伟', '首席代表'],
      ['戚美玲', '科员'],
      ['谢一鸣', '科员'],
      ['邹晓丽', '科员'],
      ['喻新宇', '科员'],
    ],
  ],
  [
    'dept-jtj',
    [
      ['柏文斌', '窗口负责人'],
      ['窦晶晶', '科员'],
    ],
  ],
  [
    'dept-wjw',
    [
      ['章慧敏', '窗口负责人'],
      ['苏志远', '科员'],
    ],
  ],
  ['dept-cl', [['潘玉梅', '科员']]],
  [
    'dept-zjj',
    [
      ['葛振华', '窗口负责人'],
      ['范欣然', '科员'],
    ],
  ],
  [
    'dept-zwb',
    [
      ['彭丽华', '综合窗口负责人'],
      ['鲁思琪', '综合受理员'],
      ['马俊杰', '综合受理员'],
      ['苗雨桐', '综合受理员'],
      ['方晓晴', '综合受理员'],
      ['俞海燕', '综合受理员'],
      ['任佳豪', '综合受理员'],
      ['袁梦瑶', '综合受理员'],
      ['柳志明', '综合受理员'],
      ['鲍文静', '帮办代办员'],
      ['史晨曦', '帮办代办员'],
    ],
  ],
];

const clerks: Clerk[] = CLERKS_BY_DEPT.flatMap(([departmentId, staff]) =>
  staff.map(([name, position], i) => {
    const digits = `${DEPT_NO[departmentId]}${String(i + 1).padStart(2, '0')}`;
    const staffNo = `QX${digits}`;
    return {
      id: `clerk-${staffNo.toLowerCase()}`,
      staffNo,
      name,
      position,
      departmentId,
      photoUrl: `/photos/${staffNo}.png`,
      phone: `${SWITCHBOARD}转${digits}`,
    };
  }),
);

// ---------------------------------------------------------------------------
// 一件事 bundles: one application at one window for a life event

const bundles: Bundle[] = [
  {
    id: 'bundle-restaurant',
    name: '开餐馆一件事',
    description: '个体工商户营业执照、食品经营许可、印章刻制、新办纳税人涉税事项，一次申请、一窗受理、材料只交一次',
    itemIds: ['item-qy-002', 'item-qy-006', 'item-qy-008', 'item-sw-005'],
  },
  {
    id: 'bundle-newborn',
    name: '新生儿出生一件事',
    description: '出生登记（落户）、城乡居民医保参保登记、社会保障卡申领，一次办结',
    itemIds: ['item-hz-001', 'item-yb-002', 'item-sb-007'],
  },
];

export const DEMO_HALL: DemoHall = {
  hallName: HALL_NAME,
  departments,
  categories,
  items,
  windows,
  clerks,
  bundles,
};
