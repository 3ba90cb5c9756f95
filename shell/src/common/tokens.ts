/**
 * Design tokens every screen of the hall shares (DESIGN.md, UI conventions): the terminals'
 * React theme, the server's own pages and the printed slips draw from these values.
 */
export const colors = {
  /** 政务蓝 */
  primary: '#0b5cad',
  primaryDark: '#084a8c',
  /** The hall's header and urgent states. */
  red: '#c8102e',
  text: '#1a2433',
  /** Secondary text: 7.0:1 on the ground, 7.6:1 on white. */
  muted: '#3d4b5f',
  ground: '#f3f6fa',
  card: '#ffffff',
  line: '#c9d3e0',
  ok: '#17693a',
  warn: '#8a5300',
  /** The hall display: bright numbers on a dark ground. */
  displayGround: '#0a1220',
  displayNumber: '#ffd34d',
  displayText: '#e8eef7',
  disabled: '#5c6778',
  disabledGround: '#e3e8ef',
} as const;

/**
 * The kiosk asks 7:1 where other screens ask 4.5:1 (DESIGN.md): the same hues, darker, for
 * the kiosk alone. theme.css applies them to everything inside `.contrast-aaa`.
 */
export const kioskColors = {
  /** 8.9:1 on white, white on it alike. */
  primary: '#084a8c',
  /** White on it 7.8:1: the header, urgent states. */
  red: '#a50d26',
  ok: '#0f5a30',
  /** 8.1:1 on the notice ground. */
  warn: '#6b4000',
  /** Text of what is switched off: 7.2:1 on the disabled ground. */
  disabled: '#3d4b5f',
} as const;

export const fontFamily = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Minimum sizes in CSS px. */
export const sizes = {
  kioskBody: 28,
  kioskBodyElder: 36,
  touchTarget: 64,
  displayCallNumber: 160,
  phoneBody: 17,
} as const;
