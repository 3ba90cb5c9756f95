// Shared by the agent's pages: the token from the page address, zh-CN labels, DOM helpers.
// Text from the devices is only ever set with textContent, never parsed as HTML.

const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
export const token = fromHash ?? new URLSearchParams(location.search).get('token') ?? '';

export const deviceLabels = {
  idcard: '身份证阅读器',
  fingerprint: '指纹仪',
  printer: '打印机',
  ratingPad: '评价器',
  callerBus: '呼叫器',
  led: 'LED 屏',
};

export const stateLabels = { ready: '就绪', absent: '未连接', fault: '故障' };

export const ratingLabels = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

export const cardTypeLabels = {
  resident: '居民身份证',
  hkMacauTaiwan: '港澳台居民居住证',
  foreignerOld: '外国人永久居留身份证（旧版）',
  foreigner2023: '外国人永久居留身份证（2023 版）',
};

export const callerLabels = {
  call: '呼叫',
  recall: '重呼',
  requestRating: '请求评价',
  pause: '暂停',
  transfer: '转移',
  giveUp: '弃号',
  hold: '挂起',
  callBack: '回呼',
  confirm: '确认',
};

export const printerReasons = { paperOut: '缺纸', coverOpen: '仓盖打开', offline: '离线' };

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

export function clock(at) {
  return new Date(at).toLocaleTimeString('zh-CN', { hour12: false });
}

/** One row per device: its name and 就绪 / 未连接 / 故障 with the reason. */
export function renderStatus(list, devices) {
  list.replaceChildren();
  for (const [kind, status] of Object.entries(devices)) {
    const reason = status.state === 'ready' ? '' : (printerReasons[status.reason] ?? status.reason ?? '');
    list.append(
      el(
        'li',
        { class: `device ${status.state}`, 'data-kind': kind },
        el('span', { class: 'name' }, deviceLabels[kind] ?? kind),
        el('span', { class: 'state' }, stateLabels[status.state] ?? status.state),
        el('span', { class: 'reason' }, reason),
      ),
    );
  }
}
