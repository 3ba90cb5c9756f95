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
  STORAGE: '数据保存失败，请稍后重试',
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
