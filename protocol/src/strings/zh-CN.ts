import type { AttendanceStatus, LeaveKind } from '../attendance';
import type { CaseKind, CaseStatus, NoticeKind } from '../cases';
import type { RatingLevel } from '../devices';
import type { ErrorCode } from '../errors';
import type { BadRatingReason, RatingChannel, RectificationAction, RectificationStatus } from '../ratings';
import type { PriorityClass, TicketStatus } from '../ticket';

/** Every zh-CN text a person reads or hears, in one place. */

export const voiceText = (ticketNumber: string, windowNumber: number): string =>
  `请${ticketNumber}号到${windowNumber}号窗口办理`;

export const priorityLabel: Record<PriorityClass, string> = {
  ordinary: '普通',
  elderly: '老年人优先',
  disabled: '残疾人优先',
  military: '军人优先',
  appointment: '预约',
  agent: '绿卡代办员',
  special: '特办',
};

export const ticketStatusLabel: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已叫号，请到窗口办理',
  serving: '办理中',
  held: '已挂起，请补齐材料后回到窗口',
  noShow: '已过号',
  done: '已办结',
  cancelled: '已取消',
  voided: '已作废',
};

export const errorMessage: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求格式不正确',
  UNAUTHORIZED: '未登录或凭证无效',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未找到',
  ILLEGAL_TRANSITION: '当前状态不允许此操作',
  WINDOW_BUSY: '本窗口正在办理其他号，请先办结、过号或挂起',
  WINDOW_NOT_OPEN: '窗口未开放或已暂停服务',
  QUEUE_EMPTY: '当前没有等候的号',
  ID_LIMIT: '您今日在该类业务的取号次数已达上限',
  INVALID_ID_CARD: '身份证号码无效',
  CATEGORY_FULL: '今日该类业务的号已取完',
  RECALL_LIMIT: '重呼次数已达上限',
  REQUEUE_LIMIT: '该号已过号重排过，不能再次排队',
  CONFLICT: '该取号请求与之前的请求不一致，请重新取号',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  ID_CARD_REQUIRED: '该类业务须刷身份证取号',
  OUTSIDE_HOURS: '该类业务现在不在取号时间内',
  ALREADY_HOLDING: '您已有该类业务的号尚未办理，可重新打印号票',
  REPRINT_LIMIT: '该号票重打次数已达上限，请到服务台咨询',
  CHECK_IN_TOO_EARLY: '还未到预约签到时间',
  CHECK_IN_TOO_LATE: '已超过预约签到时间',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  BOOKING_LIMIT: '同一身份证每天只能预约一次',
  BOOKING_BARRED: '您近期多次预约未到，暂时不能预约',
  BOOKING_CLOSED: '该日期或时段不在可预约范围内',
  CANCEL_TOO_LATE: '距预约时段开始已不足规定时间，不能取消',
  MATERIALS_INCOMPLETE: '必须提交的材料尚未收齐，不能受理',
  SUPPLEMENT_NOT_ALLOWED: '该事项或所缺材料不适用容缺受理',
  DISHONESTY_LISTED: '申请人已列入失信名单，不能容缺受理',
  PLEDGE_TOO_LATE: '承诺补交日期不能晚于承诺办结时限',
  MATERIALS_OUTSTANDING: '容缺材料尚未补齐，不能送达办理结果',
  STORAGE: '数据保存失败，请稍后重试',
  NO_CLERK: '窗口暂无人员登录',
  ALREADY_RATED: '该号已评价过，每件事只能评价一次',
  RATING_CLOSED: '该号现在不能评价',
  TERMINAL_OFFLINE: '窗口终端未连接或无应答',
  FINGERPRINT_FAILED: '指纹未能识别，请重按',
  UNREACHABLE: '暂时无法连接大厅服务器',
  INTERNAL: '系统内部错误',
};

/** One wording of a wait wherever it shows: kiosk tiles and ticket screen, the printed slip, the phone page. */
export const wait = {
  label: '预计等候',
  /** No window serving the queue is open: nobody can promise a wait. */
  closed: '窗口暂未开放',
  /** Nobody ahead, or under a minute's worth. */
  soon: '即将叫号',
} as const;

/** 约 25 分钟 · 约 1 小时 5 分钟 · 即将叫号 · 窗口暂未开放 */
export function waitText(minutes: number, windowsOpen: boolean): string {
  if (!windowsOpen) return wait.closed;
  if (!Number.isFinite(minutes) || minutes < 1) return wait.soon;
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `约 ${total} 分钟`;
  return rest === 0 ? `约 ${hours} 小时` : `约 ${hours} 小时 ${rest} 分钟`;
}

export const windowLabel = (windowNumber: number): string => `${windowNumber}号窗口`;

export const statusPage = {
  title: '排队进度',
  ticket: '号码',
  category: '业务',
  status: '状态',
  ahead: '前面等候',
  people: '人',
  estimatedWait: wait.label,
  window: '请到窗口',
  notFound: '未找到该号，或已不是当日的号',
  refreshNote: '本页每30秒自动刷新',
} as const;

export const materialForm = {
  original: '原件',
  copy: '复印件',
  originalAndCopy: '原件及复印件',
  form: '申请表',
} as const;

export const guide = {
  title: '办事指南',
  allDepartments: '按部门浏览',
  conditions: '办理条件',
  materials: '申请材料',
  mandatory: '必须提交',
  optional: '非必须',
  copies: (n: number) => `${n}份`,
  steps: '办理流程',
  statutoryLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  workingDays: (n: number) => (n === 0 ? '即办' : `${n}个工作日`),
  fee: '收费标准',
  free: '不收费',
  yuan: (n: number) => `${n}元`,
  basis: '收费依据',
  department: '实施部门',
  windows: '办理窗口',
  kind: { immediate: '即办件', promised: '承诺件' },
  selfService: '可在自助终端办理',
  notFound: '未找到该事项',
  back: '返回目录',
  itemCount: (n: number) => `${n}项`,
} as const;

export const booking = {
  title: '网上预约',
  intro: '实名预约，到大厅后刷身份证签到取号。每人每天限约一次。',
  chooseCategory: '选择业务',
  chooseSlot: '选择日期和时段',
  left: (n: number) => `余${n}`,
  full: '已满',
  past: '已过',
  noSlots: '该日无可预约时段',
  form: '填写预约信息',
  /** Told before the form collects anything (个人信息保护法 第十七条). */
  privacyTitle: '个人信息告知',
  privacy:
    '您填写的姓名和身份证号码仅用于实名预约和到大厅签到时核验身份，手机号码仅用于本次预约的联系。身份证号码只保存不可还原的摘要和遮蔽后的号码，手机号码加密保存，不用于其他目的；保存期限以本大厅公布的个人信息保存规定为准。',
  demoFill: '填入示例身份（测试数据）',
  demoFillNote: '演示大厅：以下是设备模拟器示例身份证上的虚构人员，仅供体验预约和签到。',
  cancelConfirm: '确定取消这个预约吗？取消后不能恢复，该时段将让给他人。',
  cancelYes: '确定取消预约',
  cancelNo: '不取消，返回',
  idNumber: '身份证号码',
  name: '姓名',
  phone: '手机号码',
  submit: '提交预约',
  done: '预约成功',
  code: '预约码',
  codeNote: '请记下预约码，凭预约码可查询或取消预约。',
  checkIn: (from: string, until: string) => `请于 ${from} 至 ${until} 之间到大厅自助取号机刷身份证签到。`,
  cancelUntil: (at: string) => `如需取消，请在 ${at} 前操作。`,
  cancel: '取消预约',
  cancelled: '预约已取消',
  find: '查询或取消预约',
  findSubmit: '查询',
  notFound: '未找到该预约，请核对预约码',
  status: { booked: '已预约', cancelled: '已取消', checkedIn: '已签到取号', noShow: '未按时签到' },
  ticket: (n: string) => `已取号：${n}`,
  slot: '预约时段',
  category: '业务',
  holder: '预约人',
  back: '返回',
  weekday: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
} as const;

export const home = {
  demoTitle: '演示大厅',
  demoIntro:
    '这是一个模拟的县级政务服务中心。打开自助取号机，在设备模拟器上放置身份证，即可取号并看到打印出的号票；也可在网上预约页面填入示例身份（测试数据）预约，再到取号机刷同一张卡签到。1号、2号窗口的评价器显示在岗工作人员，办结后请群众评价；窗口的LED条屏、呼叫器和指纹仪在各自的设备模拟器上。',
  walkthrough:
    '走一遍：在自助取号机取号 → 在窗口工作台用下方的工号登录对应窗口，按 F1 呼叫 → 综合屏显示该号并语音播报两遍。',
  console: '窗口工作台',
  consoleIntro: '窗口工作人员用工号和密码登录所在窗口，呼叫、重呼、过号、挂起、转移、暂停服务。',
  openConsole: '打开窗口工作台',
  terminals: '终端',
  openTerminal: '打开并注册此终端',
  simulator: '设备模拟器',
  simulatorIntro:
    '取号机：放置身份证（含七十岁以上老人、绿卡代办员）、抽走纸卷、打开仓盖，打印出的号票以图片显示在这里。窗口：按评价键、呼叫器按键、按指纹，查看LED条屏显示。',
  openSimulator: '打开设备模拟器',
  /** What is special about a sample card's person, shown beside their name. */
  sampleNotes: { elderly: '七十岁以上', greenCardAgent: '绿卡代办员' } as Record<string, string>,
  publicPages: '公众页面',
  clerks: '工作人员登录（演示用）',
  staffNo: '工号',
  password: '密码',
  window: '建议窗口',
  apiDocs: '接口文档（OpenAPI）',
  realIntro: '本服务器为大厅内网服务。终端由管理员注册后使用。',
  notBuilt: '该终端页面尚未构建，请先运行 bash scripts/setup.sh',
} as const;

/**
 * What terminals say aloud, as fragments: each is one pre-recorded clip where no zh-CN
 * speech voice exists (shell/scripts/build-voice.mjs records every fragment listed here).
 */
export const voice = {
  swipeCard: '请刷身份证取号',
  chooseCategory: '请选择要办理的业务',
  youHold: '您已领取',
  hao: '号',
  aheadBefore: '前面还有',
  people: '人',
  takeTicket: '请取走您的号票',
  printFailed: '打印失败，请到服务台取号',
  noTicketsHere: '本机暂时不能打印号票，请到服务台取号',
  please: '请',
  to: '到',
  windowServe: '号窗口办理',
  checkedIn: '签到成功',
  elderWelcome: '已为您切换到长者模式',
  chime: '叮咚',
} as const;

/** Ticket letters and digits are read one by one (A零一二); counts and window numbers as numbers (十二). */
export const digitWords = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
export const tenWord = '十';
export const hundredWord = '百';
export const thousandWord = '千';

/** Texts every terminal shares: the connection, the devices, enrolment, the PIN, settings. */
export const terminal = {
  hallOffline: '网络中断，正在重新连接大厅服务器…',
  hallConnecting: '正在连接大厅服务器…',
  unauthorized: '本终端的注册已失效，请联系管理员重新注册',
  devicesOffline: '设备服务未连接，正在重试…',
  devicesRefused: '设备服务拒绝连接：令牌或来源不正确，请在设置中核对',
  enrolTitle: '终端注册',
  enrolIntro: '请输入管理员提供的8位注册码，并设置本终端的管理密码（6位数字，用于进入设置和退出）。',
  enrolCode: '注册码',
  hallUrl: '大厅服务器地址',
  pin: '管理密码（6位数字）',
  pinAgain: '再次输入管理密码',
  pinMismatch: '两次输入的管理密码不一致',
  pinFormat: '管理密码须为6位数字',
  agentUrl: '设备服务地址',
  agentToken: '设备服务令牌',
  noAgent: '本终端不连接设备',
  enrol: '注册',
  enrolling: '正在注册…',
  wrongRole: (role: string) => `该注册码属于其他类型的终端（${role}）`,
  enrolFailed: '注册失败',
  pinTitle: '请输入管理密码',
  pinWrong: (left: number) => `密码错误，还可尝试${left}次`,
  pinLocked: (until: string) => `错误次数过多，已锁定至${until}`,
  confirm: '确定',
  delete: '删除',
  cancel: '取消',
  settingsTitle: '终端设置',
  terminalName: '终端',
  devices: '设备状态',
  forget: '注销本终端',
  quit: '退出终端程序',
  close: '关闭',
  idleSeconds: '无操作返回首页（秒）',
  idleRange: (min: number, max: number) => `可设${min}至${max}秒`,
  idleSaved: '已保存',
  shorter: '减少',
  longer: '增加',
  save: '保存',
  forgetConfirm: '注销后本终端不能再取号，须由管理员重新注册。确定注销吗？',
  forgetYes: '确定注销',
  deviceLabels: {
    idcard: '身份证阅读器',
    fingerprint: '指纹仪',
    printer: '打印机',
    ratingPad: '评价器',
    callerBus: '呼叫器',
    led: 'LED条屏',
  },
  deviceStates: { ready: '正常', absent: '未连接', fault: '故障' },
  roles: { kiosk: '自助取号机', display: '综合屏', evaluator: '评价器', admin: '管理终端' },
} as const;

/** The self-service kiosk. */
export const kiosk = {
  swipeCard: '请刷身份证取号',
  swipeHint: '将身份证放在下方感应区',
  orTap: '无需刷证的业务，可直接点击取号',
  waiting: (n: number) => `等候 ${n} 人`,
  closedUntil: (at: string) => `已停止取号，${at}恢复`,
  closed: '已停止取号',
  full: '今日号已取完',
  fullUntil: (at: string) => `今日号已取完，${at}恢复`,
  needsCard: '须刷身份证',
  idLimit: '今日取号次数已满',
  holding: (n: string) => `您已领取 ${n} 号`,
  reprint: '重新打印号票',
  noReprint: '已不能重打，请到服务台',
  greeting: (name: string) => `${name}，您好`,
  chooseCategory: '请选择要办理的业务',
  agent: priorityLabel.agent,
  elderly: priorityLabel.elderly,
  appointment: (category: string, slot: string) => `您今天预约了 ${category}（${slot}）`,
  checkIn: '预约签到取号',
  checkInFrom: (at: string) => `可于 ${at} 起签到`,
  checkInTooEarly: (at: string) => `还未到签到时间，可于 ${at} 起签到`,
  checkInTooLate: (until: string) => `已超过签到时间（${until} 止）`,
  ordinaryOffered: '可直接取普通号',
  issuing: '正在取号，请稍候…',
  waitingForHall: '正在连接大厅服务器，请稍候…连接恢复后将自动继续',
  printing: '正在打印号票…',
  takeTicket: '请取走您的号票',
  yourNumber: '您的号码',
  ahead: (n: number) => `前面还有 ${n} 人`,
  estimatedWait: (text: string) => `${wait.label}：${text}`,
  windowsLabel: '办理窗口',
  scanForStatus: '扫描号票上的二维码可在手机上查看排队进度',
  printFailed: '号票打印失败',
  goToDesk: '请到服务台取号，给您带来不便，敬请谅解',
  failed: '未能取号',
  home: '首页',
  back: '返回',
  idleIn: (s: number) => `${s}秒后返回首页`,
  elderOn: '长者模式',
  elderOff: '退出长者模式',
  moreCategories: '更多业务',
  search: '搜索事项',
  searchHint: '输入拼音首字母，如 bdc（不动产）',
  searchResults: (n: number) => `找到 ${n} 个事项`,
  noResults: '没有找到相关事项，请换个关键词，或到服务台咨询',
  takeFor: (category: string) => `取号（${category}）`,
  guide: '办事指南',
  guideIntro: '选择部门查看事项的办理条件、申请材料、流程、时限和收费',
  printList: '打印一次性告知单',
  printedList: '一次性告知单已打印，请取走',
  scanGuide: '手机扫码查看本指南',
  clear: '清空',
  space: '空格',
  printerDown: '打印机暂停服务，请到服务台取号',
  paperLow: '号票纸即将用完',
  offlineNoTickets: '网络中断，暂停取号',
  cardReaderDown: '身份证阅读器暂不可用，可直接点击取号',
  cardUnreadable: '无法读取证件，请重新放置',
  categoryOf: (name: string) => `所属业务：${name}`,
  materialsFooter: '材料齐全可当场受理；容缺事项以窗口告知为准',
} as const;

/** Cases (办件): the seven kinds, statuses, notices and the citizen's progress page. */
export const cases = {
  kind: {
    immediate: '即办件',
    promised: '承诺件',
    joint: '联办件',
    referral: '报批件',
    urgent: '特办件',
    supplement: '补办件',
    returned: '退回件',
  } satisfies Record<CaseKind, string>,
  status: {
    registered: '登记中',
    awaitingMaterials: '待补正材料',
    accepted: '办理中',
    referred: '已报上级审批',
    approved: '已办结，待领取',
    denied: '不予许可',
    handedOver: '已办结，已送达',
    returned: '不予受理，已退回',
  } satisfies Record<CaseStatus, string>,
  noticeTitle: {
    missingMaterials: '缺补材料一次性告知书',
    deferredAcceptance: '容缺受理通知书',
    notAccepted: '不予受理事项情况说明',
    timeLimit: '办结时限告知书',
  } satisfies Record<NoticeKind, string>,
  field: {
    number: '办件编号',
    checkCode: '查询码',
    item: '申请事项',
    applicant: '申请人',
    idNumber: '证件号码',
    agent: '代办人',
    window: '受理窗口',
    openedAt: '申请日期',
    acceptedAt: '受理日期',
    deadline: '办结期限',
    dueDate: '补交期限',
    kind: '办件类型',
  },
  missing: {
    intro: '您申请办理的事项，经窗口初审，申请材料不齐全。现将需要补正的全部材料一次性告知如下：',
    heading: '需补正的材料',
    closing: [
      '请按上述清单一次性补齐材料后，携带本告知书到受理窗口办理，补齐后即予受理。',
      '本告知书已列明全部需补正的材料，窗口不再另行要求补交清单以外的材料。',
    ],
  },
  deferred: {
    intro: (limit: string) =>
      `您申请办理的事项，必须提交的主要材料齐全，以下材料经您书面承诺后予以容缺受理（先办后补），办理时限自受理之日起计算，承诺办结时限为${limit}。`,
    heading: '容缺补交的材料',
    due: (date: string) => `请于${date}前（含当日）将上述材料补交至受理窗口。`,
    consequences: [
      '容缺材料补齐前，可先行审批，但办理结果（证照、批文）须待全部材料补齐后方予送达或领取。',
      '逾期未补交的，窗口将终止办理并退回申请；提供虚假承诺或逾期不补的，按规定列入失信名单，今后不再适用容缺受理。',
    ],
    copies: ['第一联 申请人留存', '第二联 窗口存档'],
    signLines: ['承诺人（签字）：', '受理人（签字）：'],
  },
  notAccepted: {
    intro: '您申请办理的事项，经窗口审查，不符合受理条件，现决定不予受理。理由如下：',
    heading: '不予受理的理由',
    closing: [
      '如对本决定有异议，可自收到本说明之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
      '如有疑问，可向政务服务管理办公室督查科咨询投诉。',
    ],
  },
  timeLimit: {
    intro: (kind: string, deadline: string, days: number) =>
      days === 0
        ? `您申请办理的事项已于今日受理，属${kind}，当场办结。`
        : `您申请办理的事项已受理，属${kind}，承诺办结时限为${days}个工作日（不含受理当日，遇法定节假日顺延），将于${deadline}前办结。`,
    stepsHeading: '联合办理的部门及时限',
    step: (title: string, deadline: string) => `${title}：${deadline}前`,
    closing: ['办结后将通知您领取办理结果，也可选择免费邮寄送达。可凭办件编号和查询码查询办理进度。'],
  },
  qrCaption: '扫码查询办理进度',
  signature: (hall: string) => hall,
  progressTitle: '办件进度查询',
  progressIntro: '请输入告知书上的办件编号和查询码',
  progressSubmit: '查询',
  progressNotFound: '未找到该办件，请核对办件编号和查询码',
  outstanding: '待补交的材料',
  steps: '联办部门进度',
  stepDone: '已完成',
  stepPending: '办理中',
  handoverWindow: '窗口领取',
  handoverPost: (tracking: string) => `邮寄送达，运单号 ${tracking}`,
  timeline: '办理过程',
  event: {
    opened: '窗口登记申请',
    materialsRequested: '一次性告知需补正的材料',
    accepted: '受理',
    acceptedDeferred: '容缺受理（材料后补）',
    stepDone: (title: string) => `${title}办理完成`,
    referred: (authority: string) => `报送${authority}审批`,
    replied: '上级机关已批复',
    approved: '审批通过',
    denied: '不予许可',
    returned: '不予受理，退回申请',
    supplemented: '容缺材料已补齐',
    handedOver: '办理结果已送达',
  },
  reasons: '理由',
  kioskTitle: '办件查询',
  kioskIntro: '刷身份证，或输入告知书上的12位办件编号',
  kioskNumber: '办件编号',
  kioskSearch: '查询',
  kioskSearching: '正在查询，请稍候…',
  kioskNone: '没有查到您的办件',
  kioskNotFound: '没有找到该办件，请核对编号',
  kioskMine: '查询我的办件',
  kioskCount: (n: number) => `共 ${n} 件`,
  kioskDeadline: (date: string) => `办结期限：${date}`,
  kioskDue: (date: string) => `请于${date}前补交：`,
} as const;
/** 好差评: the levels as the national rules name them. */
export const ratingLevel: Record<RatingLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

export const unrated = '未评价';

export const badRatingReason: Record<BadRatingReason, string> = {
  attitude: '服务态度不好',
  slow: '办事效率低、等候时间长',
  unclear: '告知不清楚，没有一次性告知',
  runAround: '让我多次跑腿',
  irregular: '不按规定办理',
  other: '其他原因',
};

export const ratingChannel: Record<RatingChannel, string> = {
  touch: '评价器',
  ratingPad: '评价按键',
  callerBus: '评价按键',
  phone: '手机',
};

export const rectificationStatus: Record<RectificationStatus, string> = {
  verifying: '核实中',
  rectifying: '整改中',
  callingBack: '回访中',
  awaitingClose: '待办结',
  closed: '已办结',
  appealed: '申诉复核中',
};

export const rectificationAction: Record<RectificationAction, string> = {
  verify: '核实',
  rectify: '整改',
  callBack: '回访',
  close: '办结',
  appeal: '申诉',
  upholdAppeal: '申诉成立',
  rejectAppeal: '申诉不成立',
  escalate: '逾期督办',
};

/** The pad facing the citizen at each window. */
export const evaluator = {
  title: '服务评价',
  onDuty: '当前为您服务',
  staffNo: '工号',
  position: '岗位',
  complaintPhone: '监督电话',
  nobody: '窗口暂无人员',
  nobodyHint: '请稍候，或到其他窗口办理',
  paused: '暂停服务',
  pausedHint: (reason: string) => `原因：${reason}`,
  serving: (ticket: string) => `正在办理：${ticket}号`,
  askRating: '请对本次服务进行评价',
  askRatingHint: (ticket: string) => `${ticket}号 · 请点击下方按钮，或按评价器上的按键`,
  secondsLeft: (n: number) => `${n}秒后自动关闭`,
  thanks: '感谢您的评价！',
  thanksBad: '感谢您的评价，我们将在规定时间内核实整改并回访。',
  reasonTitle: '请告诉我们不满意的原因',
  reasonHint: '请选择一项（必选）',
  phoneLabel: '联系电话（选填，便于回访）',
  phonePlaceholder: '手机或固话',
  phoneBad: '请输入正确的手机或固话号码',
  submit: '提交评价',
  back: '重新选择',
  keypad: '键盘',
  clear: '清除',
  sending: '正在提交…',
  alreadyRated: '该号已评价，谢谢！',
  punched: (name: string, time: string) => `${name} 打卡成功 ${time}`,
  punchUnknown: '未识别的指纹',
  enrolling: (name: string) => `正在为${name}录入指纹`,
  enrolSteps: { press: '请将手指放在指纹仪上', lift: '请抬起手指', pressAgain: '请再次按压同一手指' },
  keyRefused: (message: string) => `呼叫器：${message}`,
} as const;

/** The window's LED bar. */
export const led = {
  paused: '暂停服务',
} as const;

/** Rating from the ticket's phone page, and the public results (好差评公示). */
export const ratingPage = {
  rateTitle: '对本次服务进行评价',
  rateIntro: '您的评价将如实记录，每件事只能评价一次。',
  levelLegend: '请选择评价等级：',
  rated: (level: string) => `您已评价：${level}。感谢您的评价！`,
  reasonForBad: '如选择“不满意”或“非常不满意”，请选择原因：',
  submit: '提交评价',
  reasonRequired: '请选择不满意的原因',
  resultsTitle: '好差评公示',
  resultsIntro: '本大厅窗口服务评价结果及差评整改情况，按国家政务服务好差评制度公开。',
  period: '统计期间',
  byDepartment: '各部门满意率',
  byWindow: '各窗口满意率',
  name: '名称',
  ratedCount: '评价数',
  satisfiedRate: '满意率',
  badCount: '差评数',
  rectifications: '差评整改情况',
  date: '日期',
  department: '部门',
  window: '窗口',
  level: '评价',
  reason: '原因',
  status: '整改状态',
  due: '整改时限',
  none: '暂无',
  overdue: '已逾期',
} as const;

export const attendanceStatus: Record<AttendanceStatus, string> = {
  normal: '正常',
  late: '迟到',
  earlyLeave: '早退',
  lateAndEarly: '迟到且早退',
  absent: '缺勤',
  onLeave: '请假',
  restDay: '休息日',
};

export const leaveKind: Record<LeaveKind, string> = {
  annual: '年休假',
  sick: '病假',
  personal: '事假',
  business: '公出',
  other: '其他',
};
/** The clerk console on the window PC. */
export const clerkConsole = {
  title: '窗口工作台',
  signInTitle: '窗口工作人员登录',
  signInIntro: '请选择您所在的窗口，输入工号和密码。每个窗口同一时间只有一名工作人员。',
  staffNo: '工号',
  password: '密码',
  window: '窗口',
  chooseWindow: '请选择窗口',
  windowTaken: (name: string) => `（${name}已登录，登录后将接替）`,
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  signedOut: '已退出登录',
  sessionEnded: '登录已失效（在其他地方登录、被他人接替或已到新的一天），请重新登录',
  clerkAt: (name: string, staffNo: string) => `${name}（工号 ${staffNo}）`,
  windowStatus: { open: '服务中', paused: '暂停服务', closed: '未开放' },
  current: '当前号',
  noCurrent: '当前没有呼叫中或办理中的号',
  pausedNow: (reason: string) => `已暂停服务（${reason}），按 F10 恢复服务`,
  ticketStatus: { called: '已呼叫', serving: '办理中' },
  category: '业务',
  priority: '类别',
  waited: '已等候',
  servingFor: '已办理',
  holder: '持号人',
  noHolder: '未刷身份证',
  status: '状态',
  recalls: (n: number) => `已重呼 ${n} 次`,
  minutes: (m: number) => (m < 1 ? '不到1分钟' : `${m}分钟`),
  duration: (sec: number) =>
    sec < 60 ? `${sec}秒` : `${Math.floor(sec / 60)}分${String(sec % 60).padStart(2, '0')}秒`,
  signInMethod: '工号密码登录',
  transferredFrom: (from: string) => `由${from}转来`,
  transferredNote: '转办备注',
  lastFinished: (n: string) => `上一位 ${n} 已办结`,
  actions: {
    callNext: '呼叫',
    recall: '重呼',
    callSpecific: '特呼',
    noShow: '过号',
    start: '开始办理',
    finish: '办结',
    hold: '挂起',
    resume: '恢复',
    transfer: '转移',
    pause: '暂停服务',
    resumeWindow: '恢复服务',
  },
  results: {
    called: (n: string) => `已呼叫 ${n}`,
    recalled: (n: string, k: number) => `已重呼 ${n}（第${k}次）`,
    noShow: (n: string) => `${n} 已过号`,
    started: (n: string) => `${n} 开始办理`,
    finished: (n: string) => `${n} 已办结`,
    held: (n: string) => `${n} 已挂起，可稍后恢复`,
    resumed: (n: string) => `${n} 已恢复并重新呼叫`,
    transferred: (n: string, to: string) => `${n} 已转至${to}`,
    paused: (reason: string) => `已暂停服务：${reason}`,
    resumedWindow: '已恢复服务',
  },
  refused: (message: string) => `未执行：${message}`,
  unavailable: {
    paused: '已暂停服务，请先恢复服务',
    noCurrent: '当前没有呼叫中或办理中的号',
    serving: '该号已开始办理',
    notServing: '请先开始办理，再办结',
    notPaused: '窗口未暂停',
    alreadyPaused: '窗口已暂停服务',
    noHeld: '本窗口没有挂起的号',
    pending: '上一个操作正在处理，请稍候',
  },
  working: '正在处理…',
  waitingList: '可办理的等候号',
  waitingOrder: '按取号时间排列',
  waitingCount: (n: number) => `${n}人`,
  more: (n: number) => `另有 ${n} 人未列出`,
  noneWaiting: '暂无等候',
  heldList: '本窗口挂起的号',
  issuedAt: '取号时间',
  stats: '今日统计',
  served: '已办结',
  servedCount: (n: number) => `${n}件`,
  avgHandling: '平均办理时长',
  noAverage: '—',
  specialTitle: '特呼指定号码',
  specialHint: '输入本窗口可办理的等候号，如 A012',
  specialNumber: '号码',
  specialNotFound: (n: string) => `本窗口可办理的等候号中没有 ${n}`,
  transferTitle: '转移当前号',
  toQueue: '转到业务队列',
  toWindow: '转到指定窗口',
  target: '转往',
  chooseTarget: '请选择',
  note: '备注（选填，接收窗口可见）',
  pauseTitle: '暂停服务',
  pauseReason: '暂停原因',
  pauseReasons: ['临时离开', '会议', '用餐', '业务培训', '系统故障'],
  otherReason: '其他原因',
  otherReasonText: '请填写原因',
  confirm: '确定',
  cancel: '取消',
  keys: '快捷键',
  transferTag: '转来',
  windowClosedTag: '（未开放）',
} as const;

/** The hall display (1920×1080 TV). */
export const display = {
  please: '请',
  hao: '号',
  to: '到',
  serve: '办理',
  nowCalling: '正在呼叫',
  recentCalls: '最近呼叫',
  noCalls: '暂无呼叫',
  waiting: '等候人数',
  people: (n: number) => `${n}人`,
  windowIdle: '等候呼叫',
  windowCalling: '呼叫中',
  windowServing: '办理中',
  windowPaused: '暂停服务',
  windowClosed: '未开放',
  recall: '重呼',
  enableSound: '请点击此处开启语音播报',
} as const;
