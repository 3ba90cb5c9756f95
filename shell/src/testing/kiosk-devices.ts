/** A kiosk's devices as the demo and the tests configure them; simulate mode swaps in its own links. */
export const KIOSK_DEVICES = {
  idcard: { transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 115_200 } },
  printer: { transport: { type: 'tcp', host: '127.0.0.1', port: 9100 }, paperWidth: 80 },
} as const;
