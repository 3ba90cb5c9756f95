/**
 * The device agent's configuration: which terminal it serves, where it listens, and how each
 * of the terminal's devices is reached. Every device is optional: a queue display has none,
 * a kiosk has a card reader and a printer, a window has a rating pad, a caller bus and an LED bar.
 */
import { readFile } from 'node:fs/promises';
import { RatingLevel } from '@yimen/protocol';
import { z } from 'zod';

const Port = z.number().int().min(0).max(65_535);
const UsbId = z.number().int().min(0).max(0xffff);

export const SerialLink = z
  .object({
    type: z.literal('serial'),
    /** e.g. /dev/ttyUSB0, /dev/serial/by-id/usb-… or COM3 */
    path: z.string().min(1),
    baudRate: z.number().int().positive(),
  })
  .strict();
export type SerialLink = z.infer<typeof SerialLink>;

export const TcpLink = z
  .object({
    type: z.literal('tcp'),
    host: z.string().min(1),
    port: Port.min(1),
  })
  .strict();
export type TcpLink = z.infer<typeof TcpLink>;

export const HidLink = z
  .object({
    type: z.literal('hid'),
    vendorId: UsbId,
    productId: UsbId,
    usagePage: UsbId.optional(),
  })
  .strict();
export type HidLink = z.infer<typeof HidLink>;

export type LinkConfig = SerialLink | TcpLink | HidLink;

export const DevicesConfig = z
  .object({
    /** 身份证阅读器: SAM protocol, 115200 8N1 unless the reader was set otherwise. */
    idcard: z
      .object({ transport: SerialLink, withFingerprint: z.boolean().default(false) })
      .strict()
      .optional(),
    /** 指纹仪 (R30x / AS608): 57600 8N1. */
    fingerprint: z
      .object({
        transport: SerialLink,
        address: z.number().int().min(0).max(0xffffffff).optional(),
        password: z.number().int().min(0).max(0xffffffff).optional(),
      })
      .strict()
      .optional(),
    /** 票据打印机: network printers on port 9100, or serial. */
    printer: z
      .object({
        transport: z.discriminatedUnion('type', [TcpLink, SerialLink]),
        paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
      })
      .strict()
      .optional(),
    /** 评价器 (USB HID): the selector picks the pad; the profile says how its reports read. */
    ratingPad: z
      .object({
        transport: HidLink,
        profile: z
          .object({
            reportId: z.number().int().min(0).max(255),
            keyByteIndex: z.number().int().min(0).max(63),
            /** Key code (as a string key, JSON has no number keys) → level. */
            keys: z.record(z.string().regex(/^[1-9]\d{0,2}$/), RatingLevel),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** 呼叫器 / 评价器总线 (RS-485): 9600 8N1. */
    callerBus: z
      .object({
        transport: SerialLink,
        checksum: z
          .object({
            range: z.enum(['addr-data', 'func-data', 'len-data', 'head-data', 'all']),
            verify: z.boolean(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** 窗口 LED 条屏. */
    led: z
      .object({ transport: SerialLink, address: z.number().int().min(1).max(254).default(1) })
      .strict()
      .optional(),
  })
  .strict();
export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type DevicesConfigInput = z.input<typeof DevicesConfig>;

const EXAMPLE_TOKEN = 'change-me-to-a-long-random-string';

export const AgentConfig = z
  .object({
    terminal: z
      .object({
        id: z.string().min(1).max(64),
        role: z.enum(['kiosk', 'evaluator', 'clerk', 'display']),
      })
      .strict(),
    agent: z
      .object({
        /** Always on 127.0.0.1; 0 picks a free port. */
        port: Port.default(17_321),
        /** Every WebSocket and control request must carry it; the example's placeholder is refused. */
        token: z
          .string()
          .min(16)
          .max(200)
          .refine((t) => t !== EXAMPLE_TOKEN, 'replace the example token with a long random secret'),
        /**
         * Origins of pages allowed to talk to the devices besides the agent's own, e.g. the
         * hall-server that serves the kiosk page: `http://192.168.10.2:3000`.
         */
        allowedOrigins: z.array(z.url().transform((url) => new URL(url).origin)).default([]),
      })
      .strict(),
    devices: DevicesConfig.default({}),
  })
  .strict();
export type AgentConfig = z.infer<typeof AgentConfig>;
export type AgentConfigInput = z.input<typeof AgentConfig>;

/**
 * A documented example: a kiosk with an ID card reader on a USB-serial adapter, a network
 * ticket printer, and (for illustration) every other kind of device a window may have.
 */
export const EXAMPLE_CONFIG = {
  terminal: { id: 'kiosk-1', role: 'kiosk' },
  agent: {
    port: 17_321,
    token: EXAMPLE_TOKEN,
    allowedOrigins: ['http://192.168.10.2:3000'],
  },
  devices: {
    idcard: { transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 115_200 } },
    fingerprint: { transport: { type: 'serial', path: '/dev/ttyUSB1', baudRate: 57_600 } },
    printer: { transport: { type: 'tcp', host: '192.168.10.50', port: 9100 }, paperWidth: 80 },
    ratingPad: {
      transport: { type: 'hid', vendorId: 0x1209, productId: 0x0001, usagePage: 0xff00 },
      profile: {
        reportId: 1,
        keyByteIndex: 1,
        keys: { 1: 'verySatisfied', 2: 'satisfied', 3: 'basic', 4: 'dissatisfied', 5: 'veryDissatisfied' },
      },
    },
    callerBus: { transport: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 9600 } },
    led: { transport: { type: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 }, address: 1 },
  },
} satisfies AgentConfigInput;

/** The config `--simulate` uses without a file: a kiosk with every device, all simulated. */
export function defaultSimulateConfig(token: string): AgentConfig {
  return AgentConfig.parse({
    ...EXAMPLE_CONFIG,
    terminal: { id: 'sim-terminal', role: 'kiosk' },
    agent: { port: EXAMPLE_CONFIG.agent.port, token },
    devices: {
      ...EXAMPLE_CONFIG.devices,
      // Simulated over 127.0.0.1; the port is the simulator's, chosen when it starts.
      printer: { transport: { type: 'tcp', host: '127.0.0.1', port: 9100 }, paperWidth: 80 },
    },
  });
}

export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export function parseConfig(value: unknown): AgentConfig {
  const parsed = AgentConfig.safeParse(value);
  if (!parsed.success) throw new ConfigError(`invalid agent config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function loadConfig(path: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read agent config ${path}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`agent config ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseConfig(value);
}
