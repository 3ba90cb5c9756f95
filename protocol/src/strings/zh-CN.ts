import type { ErrorCode } from '../errors';
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
  STORAGE: '数据保存失败，请稍后重试',
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
    '这是一个模拟的县级政务服务中心。打开自助取号机，在设备模拟器上放置身份证，即可取号并看到打印出的号票；也可在网上预约页面填入示例身份（测试数据）预约，再到取号机刷同一张卡签到。',
  terminals: '终端',
  openTerminal: '打开并注册此终端',
  simulator: '设备模拟器',
  simulatorIntro: '放置身份证（含七十岁以上老人、绿卡代办员）、抽走纸卷、打开仓盖，打印出的号票以图片显示在这里。',
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
