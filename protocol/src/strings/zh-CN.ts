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
  agent: '代办员绿卡',
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

export const windowLabel = (windowNumber: number): string => `${windowNumber}号窗口`;

export const statusPage = {
  title: '排队进度',
  ticket: '号码',
  category: '业务',
  status: '状态',
  ahead: '前面等候',
  people: '人',
  estimatedWait: '预计等候',
  minutes: '分钟',
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
  intro: '实名预约，到大厅后刷身份证签到取号。可预约今天及之后5个工作日，每人每天限约一次。',
  chooseCategory: '选择业务',
  chooseSlot: '选择日期和时段',
  left: (n: number) => `余${n}`,
  full: '已满',
  past: '已过',
  noSlots: '该日无可预约时段',
  form: '填写预约信息',
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
  demoIntro: '这是一个模拟的县级政务服务中心。打开自助取号机，在设备模拟器上放置身份证，即可取号并看到打印出的号票。',
  terminals: '终端',
  openTerminal: '打开并注册此终端',
  simulator: '设备模拟器',
  simulatorIntro: '放置身份证（含七十岁以上老人、绿卡代办员）、抽走纸卷、打开仓盖，打印出的号票以图片显示在这里。',
  openSimulator: '打开设备模拟器',
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
