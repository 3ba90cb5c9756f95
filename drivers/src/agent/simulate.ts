/**
 * Simulate mode: every configured device gets its simulator on the far end of a real link (a
 * socat pty pair for serial devices, TCP on 127.0.0.1 for a network printer, the injected
 * device for HID), so the drivers see the same bytes as with hardware. The control page acts
 * on the simulators: place a card, press a finger, press a rating key, pull the paper.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeviceKind, maskIdNumber, maskName, RatingLevel } from '@yimen/protocol';
import { z } from 'zod';
import { CallerBusSimulator } from '../caller-bus/simulator';
import { FingerprintSimulator, SIMULATED_FINGERS } from '../fingerprint/simulator';
import { invalidResidentCard, sampleCards } from '../idcard/samples';
import { IdCardSimulator } from '../idcard/simulator';
import { LedBarSimulator, type LedBarView } from '../led/simulator';
import {
  type PrintedDocument,
  PrinterSimulator,
  startTcpPrinterSimulator,
  type TcpPrinterSimulator,
} from '../printer/simulator';
import type { SimulatedState } from '../printer/status';
import { RatingPadSimulator } from '../rating-pad/simulator';
import { createPtyPair, type PtyPair } from '../transport/pty-pair';
import { SerialTransport } from '../transport/serial';
import { TcpTransport } from '../transport/tcp';
import { DeviceError, type Transport } from '../transport/transport';
import type { DevicesConfig, SerialLink } from './config';
import { ratingPadProfile } from './links';

export const CARD_SAMPLES = [
  'resident',
  'residentLongTerm',
  'elderly',
  'greenCardAgent',
  'hkMacauTaiwan',
  'foreignerOld',
  'foreigner2023',
] as const;
export const CardSample = z.enum([...CARD_SAMPLES, 'invalid']);
export type CardSample = z.infer<typeof CardSample>;

/** The simulated fingerprint library holds the clerk's finger at this page. */
export const CLERK_PAGE_ID = 1;
/** Bus addresses of the simulated caller keypad and its evaluator. */
const KEYPAD_ADDRESS = 1;
const EVALUATOR_ADDRESS = 0x21;

export const ControlAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('card.place'), sample: CardSample }),
  z.object({ action: z.literal('card.remove') }),
  z.object({ action: z.literal('finger.press'), finger: z.enum(['clerk', 'stranger']) }),
  z.object({ action: z.literal('finger.lift') }),
  z.object({ action: z.literal('rating.press'), level: RatingLevel }),
  z.object({
    action: z.literal('caller.press'),
    key: z.enum(['call', 'recall', 'requestRating', 'pause', 'transfer']),
  }),
  z.object({ action: z.literal('caller.rate'), level: RatingLevel }),
  z.object({ action: z.literal('printer.paper'), paper: z.enum(['ok', 'nearEnd', 'out']) }),
  /** The roll ends during the next job: the slip comes out half printed. */
  z.object({ action: z.literal('printer.runOut') }),
  z.object({ action: z.literal('printer.cover'), open: z.boolean() }),
]);
export type ControlAction = z.infer<typeof ControlAction>;

export class ControlError extends Error {
  constructor(
    readonly code: 'notConfigured' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface Printout {
  /** 1-based, in print order. */
  n: number;
  /** The first lines of text, to tell the papers apart. */
  preview: string[];
  hasPng: boolean;
  pngError?: string;
}

/** What the control page shows of the simulators. Names and numbers only masked. */
export interface ControlState {
  devices: DeviceKind[];
  card: { sample: CardSample; name: string; idNumber: string } | null;
  finger: 'clerk' | 'stranger' | null;
  printer: SimulatedState | null;
  led: LedBarView | null;
  keypad: { waiting: string; ticket: string } | null;
  /** Newest first. */
  printouts: Printout[];
}

export interface SimulationOptions {
  /** Where printed documents are drawn as PNG; a temporary directory, removed on close, if not given. */
  pngDir?: string;
  /** How long a pressed finger stays on the sensor before it is lifted. */
  fingerHoldMs?: number;
  /** How many printouts the control state lists. */
  printoutsShown?: number;
}

interface Simulators {
  idcard?: IdCardSimulator;
  fingerprint?: FingerprintSimulator;
  printer?: PrinterSimulator;
  ratingPad?: RatingPadSimulator;
  callerBus?: CallerBusSimulator;
  led?: LedBarSimulator;
}

function needs<T>(simulator: T | undefined, kind: DeviceKind): T {
  if (!simulator) throw new ControlError('notConfigured', `本终端未配置此设备 (${kind})`);
  return simulator;
}

export class Simulation {
  private readonly sims: Simulators = {};
  private readonly links = new Map<DeviceKind, () => Transport>();
  private readonly pairs: PtyPair[] = [];
  private readonly closers: (() => Promise<void>)[] = [];
  private placed: CardSample | null = null;
  private finger: 'clerk' | 'stranger' | null = null;
  private liftTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly fingerHoldMs: number;
  private readonly printoutsShown: number;

  private constructor(
    private readonly pngDir: string,
    private readonly ownsPngDir: boolean,
    options: SimulationOptions,
  ) {
    this.fingerHoldMs = options.fingerHoldMs ?? 1500;
    this.printoutsShown = options.printoutsShown ?? 12;
  }

  static async start(devices: DevicesConfig, options: SimulationOptions = {}): Promise<Simulation> {
    const pngDir = options.pngDir ?? (await mkdtemp(join(tmpdir(), 'yimen-printouts-')));
    const simulation = new Simulation(pngDir, options.pngDir === undefined, options);
    try {
      await simulation.setUp(devices);
    } catch (error) {
      await simulation.close();
      throw error;
    }
    return simulation;
  }

  /** The link each driver opens: the host end of its simulator's link. */
  readonly link = (kind: DeviceKind): (() => Transport) => {
    const link = this.links.get(kind);
    if (!link) throw new DeviceError('unsupported', `${kind} is not simulated`);
    return link;
  };

  get kinds(): DeviceKind[] {
    return [...this.links.keys()];
  }

  async act(action: ControlAction): Promise<void> {
    const { sims } = this;
    switch (action.action) {
      case 'card.place':
        needs(sims.idcard, 'idcard').placeCard(
          action.sample === 'invalid' ? invalidResidentCard() : sampleCards[action.sample],
        );
        this.placed = action.sample;
        return;
      case 'card.remove':
        needs(sims.idcard, 'idcard').removeCard();
        this.placed = null;
        return;
      case 'finger.press':
        this.pressFinger(needs(sims.fingerprint, 'fingerprint'), action.finger);
        return;
      case 'finger.lift':
        this.liftFinger(needs(sims.fingerprint, 'fingerprint'));
        return;
      case 'rating.press':
        needs(sims.ratingPad, 'ratingPad').press(action.level);
        return;
      case 'caller.press':
        await this.acked(needs(sims.callerBus, 'callerBus').press(KEYPAD_ADDRESS, action.key));
        return;
      case 'caller.rate':
        await this.acked(needs(sims.callerBus, 'callerBus').rate(EVALUATOR_ADDRESS, action.level));
        return;
      case 'printer.paper':
        needs(sims.printer, 'printer').setPaper(action.paper);
        return;
      case 'printer.runOut':
        needs(sims.printer, 'printer').runOutDuringNextJob();
        return;
      case 'printer.cover':
        needs(sims.printer, 'printer').setCoverOpen(action.open);
        return;
    }
  }

  state(): ControlState {
    const { sims } = this;
    const card =
      this.placed === null ? null : this.placed === 'invalid' ? invalidResidentCard() : sampleCards[this.placed];
    const documents = sims.printer?.documents ?? [];
    const printouts = documents
      .map(
        (document, index): Printout => ({
          n: index + 1,
          preview: document.lines
            .map((line) => line.text.trim())
            .filter((text) => text.length > 0)
            .slice(0, 3),
          hasPng: document.png !== undefined,
          ...(document.pngError === undefined ? {} : { pngError: document.pngError }),
        }),
      )
      .reverse()
      .slice(0, this.printoutsShown);
    return {
      devices: this.kinds,
      card:
        card && this.placed
          ? { sample: this.placed, name: maskName(card.name), idNumber: maskIdNumber(card.idNumber) }
          : null,
      finger: this.finger,
      printer: sims.printer?.state ?? null,
      led: sims.led?.view ?? null,
      keypad: sims.callerBus?.display(KEYPAD_ADDRESS) ?? null,
      printouts,
    };
  }

  /** What the printer simulator decoded of every document it cut, oldest first. */
  get printed(): readonly PrintedDocument[] {
    return this.sims.printer?.documents ?? [];
  }

  /** The PNG file of printout `n`, once it has been drawn. */
  printoutPng(n: number): string | null {
    return this.sims.printer?.documents[n - 1]?.png ?? null;
  }

  /** Stops every simulator and socat; the drivers should be stopped first. */
  async close(): Promise<void> {
    if (this.liftTimer) clearTimeout(this.liftTimer);
    this.liftTimer = null;
    const closers = this.closers.splice(0);
    await Promise.all(closers.map((close) => close().catch(() => {})));
    await Promise.all(this.pairs.splice(0).map((pair) => pair.close().catch(() => {})));
    if (this.ownsPngDir) await rm(this.pngDir, { recursive: true, force: true });
  }

  private async setUp(devices: DevicesConfig): Promise<void> {
    const { idcard, fingerprint, printer, ratingPad, callerBus, led } = devices;
    const steps: Promise<void>[] = [];
    if (idcard) {
      steps.push(
        this.serial('idcard', idcard.transport, async (device) => {
          const simulator = new IdCardSimulator(device);
          await simulator.open();
          this.sims.idcard = simulator;
          return () => simulator.close();
        }),
      );
    }
    if (fingerprint) {
      steps.push(
        this.serial('fingerprint', fingerprint.transport, async (device) => {
          const simulator = new FingerprintSimulator(device, {
            ...(fingerprint.address === undefined ? {} : { address: fingerprint.address }),
            ...(fingerprint.password === undefined ? {} : { password: fingerprint.password }),
          });
          await simulator.start();
          simulator.storeTemplate(CLERK_PAGE_ID, SIMULATED_FINGERS.clerk);
          this.sims.fingerprint = simulator;
          return () => simulator.stop();
        }),
      );
    }
    if (printer) {
      const simulator = new PrinterSimulator({ pngDir: this.pngDir, paperWidth: printer.paperWidth });
      this.sims.printer = simulator;
      if (printer.transport.type === 'tcp') steps.push(this.tcpPrinter(simulator));
      else {
        steps.push(
          this.serial('printer', printer.transport, async (device) => {
            await simulator.serve(device);
            return () => simulator.disconnect();
          }),
        );
      }
    }
    if (ratingPad) {
      const simulator = new RatingPadSimulator(ratingPadProfile(ratingPad));
      this.sims.ratingPad = simulator;
      this.links.set('ratingPad', () => simulator.createTransport());
    }
    if (callerBus) {
      steps.push(
        this.serial('callerBus', callerBus.transport, async (device) => {
          const simulator = new CallerBusSimulator(device, callerBus.checksum ? { checksum: callerBus.checksum } : {});
          await simulator.open();
          this.sims.callerBus = simulator;
          return () => simulator.close();
        }),
      );
    }
    if (led) {
      steps.push(
        this.serial('led', led.transport, async (device) => {
          const simulator = new LedBarSimulator(device, led.address);
          await simulator.open();
          this.sims.led = simulator;
          return () => simulator.close();
        }),
      );
    }
    const results = await Promise.allSettled(steps);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** A socat pty pair: the simulator opens one end, the driver the other, both through serialport. */
  private async serial(
    kind: DeviceKind,
    link: SerialLink,
    attach: (device: Transport) => Promise<() => Promise<void>>,
  ): Promise<void> {
    const pair = await createPtyPair();
    this.pairs.push(pair);
    this.closers.push(await attach(new SerialTransport({ path: pair.devicePath, baudRate: link.baudRate })));
    this.links.set(kind, () => new SerialTransport({ path: pair.hostPath, baudRate: link.baudRate }));
  }

  private async tcpPrinter(simulator: PrinterSimulator): Promise<void> {
    const server: TcpPrinterSimulator = await startTcpPrinterSimulator({ simulator });
    this.closers.push(() => server.close());
    this.links.set('printer', () => new TcpTransport({ host: '127.0.0.1', port: server.port }));
  }

  private pressFinger(simulator: FingerprintSimulator, finger: 'clerk' | 'stranger'): void {
    simulator.pressFinger(SIMULATED_FINGERS[finger]);
    this.finger = finger;
    if (this.liftTimer) clearTimeout(this.liftTimer);
    // A person lifts the finger after a moment; enrolment waits for that between its presses.
    this.liftTimer = setTimeout(() => this.liftFinger(simulator), this.fingerHoldMs);
  }

  private liftFinger(simulator: FingerprintSimulator): void {
    if (this.liftTimer) clearTimeout(this.liftTimer);
    this.liftTimer = null;
    simulator.liftFinger();
    this.finger = null;
  }

  private async acked(press: Promise<void>): Promise<void> {
    try {
      await press;
    } catch (error) {
      throw new ControlError('failed', `呼叫器总线无应答 (${(error as Error).message})`);
    }
  }
}
