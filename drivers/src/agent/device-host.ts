/**
 * Owns a terminal's devices (one driver instance per configured kind) and exposes them as the
 * one TerminalBridge API: the device agent serves it over WebSocket, Electron main over IPC.
 * Personal data: a card goes out whole (the hall-server hashes the number) but every log line
 * carries only the masked forms.
 */
import {
  type BridgeEventName,
  type BridgeEvents,
  type BridgeReply,
  type BridgeStatus,
  type DeviceKind,
  type FingerprintEnrollOutcome,
  type FingerprintEnrollParams,
  type FingerprintIdentifyOutcome,
  type FingerprintWait,
  type IdentityCard,
  type LedRequest,
  maskIdNumber,
  maskName,
  type PrintJob,
  type PrintResult,
  type TerminalBridge,
} from '@yimen/protocol';
import { CallerBus, type CallerBusOptions } from '../caller-bus/caller-bus';
import {
  type EnrollResult,
  FingerprintScanner,
  type FingerprintScannerOptions,
  type IdentifyResult,
} from '../fingerprint/scanner';
import { IdentityError } from '../idcard/identity';
import { IdCardReader, type IdCardReaderError, type IdCardReaderOptions, InvalidCardError } from '../idcard/reader';
import { SerialLedBar, type SerialLedBarOptions } from '../led/led-bar';
import { EscPosPrinter, type EscPosPrinterOptions } from '../printer/printer';
import { RatingPad, type RatingPadOptions } from '../rating-pad/rating-pad';
import { DeviceError, Listeners } from '../transport/transport';
import { notConfigured, toBridgeError } from './errors';

/** The driver options of each configured device; absent kinds are not there. */
export interface HostDevices {
  idcard?: IdCardReaderOptions;
  fingerprint?: FingerprintScannerOptions;
  printer?: EscPosPrinterOptions;
  ratingPad?: RatingPadOptions;
  callerBus?: CallerBusOptions;
  led?: SerialLedBarOptions;
}

export interface DeviceHostOptions {
  /** One line per notable event; never receives a full name or ID number. */
  log?: (line: string) => void;
  now?: () => number;
}

type EventListeners = { [E in BridgeEventName]: Listeners<BridgeEvents[E]> };

const KINDS: readonly DeviceKind[] = ['idcard', 'fingerprint', 'printer', 'ratingPad', 'callerBus', 'led'];

function sameStatus(a: BridgeStatus, b: BridgeStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function maskedCard(card: IdentityCard): { name: string; idNumber: string } {
  return { name: maskName(card.name || card.nameEn || ''), idNumber: maskIdNumber(card.idNumber) };
}

function identifyOutcome(result: IdentifyResult): FingerprintIdentifyOutcome {
  switch (result.kind) {
    case 'match':
      return { kind: 'match', pageId: result.pageId, score: result.score };
    case 'badImage':
      return { kind: 'badImage', reason: result.confirmation.zh };
    default:
      return { kind: result.kind };
  }
}

function enrollOutcome(result: EnrollResult): FingerprintEnrollOutcome {
  switch (result.kind) {
    case 'enrolled':
      return { kind: 'enrolled', pageId: result.pageId };
    case 'mismatch':
      return { kind: 'mismatch', reason: result.confirmation.zh };
    case 'badImage':
      return { kind: 'badImage', step: result.step, reason: result.confirmation.zh };
    default:
      return { kind: result.kind, step: result.step };
  }
}

export class DeviceHost implements TerminalBridge {
  /** The configured device kinds. */
  readonly kinds: readonly DeviceKind[];
  readonly fingerprint: TerminalBridge['fingerprint'] = {
    identify: (options = {}) => this.identify(options),
    enroll: (params) => this.enroll(params),
    cancel: async () => {
      if (!this.scanner) return { ok: false, error: notConfigured('fingerprint') };
      for (const flow of this.flows) flow.abort();
      return { ok: true, result: null };
    },
    readTemplate: ({ pageId }) =>
      this.use('fingerprint', this.scanner, async (scanner) => {
        const template = Buffer.from(await scanner.readTemplate(pageId)).toString('base64');
        this.log(`fingerprint: template of page ${pageId} read`);
        return { template };
      }),
    writeTemplate: ({ pageId, template }) =>
      this.use('fingerprint', this.scanner, async (scanner) => {
        await scanner.writeTemplate(pageId, Buffer.from(template, 'base64'));
        this.log(`fingerprint: template written to page ${pageId}`);
        return null;
      }),
    clear: () =>
      this.use('fingerprint', this.scanner, async (scanner) => {
        await scanner.clear();
        this.log('fingerprint: library cleared');
        return null;
      }),
    delete: ({ pageId }) =>
      this.use('fingerprint', this.scanner, async (scanner) => {
        await scanner.delete(pageId);
        this.log(`fingerprint: page ${pageId} deleted`);
        return null;
      }),
  };
  readonly caller: TerminalBridge['caller'] = {
    show: (request) =>
      this.use('callerBus', this.bus, async (bus) => {
        if (request.kind === 'refused') await bus.showRefused(request.address);
        else await bus.show(request.address, { ticket: request.ticket, waiting: request.waiting });
        return null;
      }),
  };
  readonly idcard: TerminalBridge['idcard'] = {
    start: () =>
      this.use('idcard', this.reader, async (reader) => {
        reader.start();
        return null;
      }),
    stop: () =>
      this.use('idcard', this.reader, async (reader) => {
        await reader.stop();
        return null;
      }),
  };

  private readonly reader: IdCardReader | null;
  private readonly scanner: FingerprintScanner | null;
  private readonly printer: EscPosPrinter | null;
  private readonly pad: RatingPad | null;
  private readonly bus: CallerBus | null;
  private readonly ledBar: SerialLedBar | null;
  private readonly events: EventListeners = {
    status: new Listeners(),
    card: new Listeners(),
    cardRemoved: new Listeners(),
    cardRejected: new Listeners(),
    rating: new Listeners(),
    callerKey: new Listeners(),
    fingerprint: new Listeners(),
  };
  /** Fingerprint flows waiting for a finger, so `cancel` can end them. */
  private readonly flows = new Set<AbortController>();
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private lastStatus: BridgeStatus;
  private closed = false;

  constructor(devices: HostDevices, options: DeviceHostOptions = {}) {
    this.log = options.log ?? (() => {});
    this.now = options.now ?? Date.now;
    this.reader = devices.idcard ? new IdCardReader(devices.idcard) : null;
    this.scanner = devices.fingerprint ? new FingerprintScanner(devices.fingerprint) : null;
    this.printer = devices.printer ? new EscPosPrinter(devices.printer) : null;
    this.pad = devices.ratingPad ? new RatingPad(devices.ratingPad) : null;
    this.bus = devices.callerBus ? new CallerBus(devices.callerBus) : null;
    this.ledBar = devices.led ? new SerialLedBar(devices.led) : null;
    this.kinds = KINDS.filter((kind) => devices[kind] !== undefined);
    this.lastStatus = this.currentStatus();
    this.wire();
  }

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    return (this.events[event] as Listeners<BridgeEvents[E]>).add(listener);
  }

  /** Every configured device's status now, and the printer's last report. */
  currentStatus(): BridgeStatus {
    const devices: BridgeStatus['devices'] = {};
    if (this.reader) devices.idcard = this.reader.status;
    if (this.scanner) devices.fingerprint = this.scanner.status;
    if (this.printer) devices.printer = this.printer.status;
    if (this.pad) devices.ratingPad = this.pad.status;
    if (this.bus) devices.callerBus = this.bus.status;
    if (this.ledBar) devices.led = this.ledBar.status;
    return { devices, printer: this.printer?.printerStatus ?? null };
  }

  async status(): Promise<BridgeReply<BridgeStatus>> {
    return { ok: true, result: this.currentStatus() };
  }

  print(job: PrintJob): Promise<BridgeReply<PrintResult>> {
    return this.use('printer', this.printer, async (printer) => {
      if (job.template === 'ticket') await printer.printTicket(job.ticket);
      else if (job.template === 'materialsList') await printer.printMaterialsList(job.list);
      else await printer.printNotice(job.notice);
      this.log(`printer: printed ${job.template}`);
      return { template: job.template, printedAt: this.now() };
    });
  }

  led(request: LedRequest): Promise<BridgeReply<null>> {
    return this.use('led', this.ledBar, async (bar) => {
      switch (request.type) {
        case 'text':
          await bar.showText(request.text, { scroll: request.scroll ?? false });
          break;
        case 'ticket':
          await bar.showTicket(request.ticket, request.window);
          break;
        case 'paused':
          await bar.paused(request.reason);
          break;
        case 'idle':
          await bar.idle();
          break;
        case 'brightness':
          await bar.setBrightness(request.level);
          break;
      }
      return null;
    });
  }

  /** Ends waiting flows and releases every device. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const flow of this.flows) flow.abort();
    await Promise.all([
      this.reader?.close(),
      this.scanner?.close(),
      this.printer?.stop(),
      this.pad?.stop(),
      this.bus?.stop(),
      this.ledBar?.stop(),
    ]);
  }

  private identify(options: FingerprintWait): Promise<BridgeReply<FingerprintIdentifyOutcome>> {
    return this.use('fingerprint', this.scanner, async (scanner) => {
      const result = await this.flow((signal) => scanner.identify({ ...options, signal }));
      const outcome = identifyOutcome(result);
      this.log(`fingerprint: identify → ${outcome.kind}${outcome.kind === 'match' ? ` page ${outcome.pageId}` : ''}`);
      this.emit('fingerprint', { type: 'identified', outcome });
      return outcome;
    });
  }

  private enroll(params: FingerprintEnrollParams): Promise<BridgeReply<FingerprintEnrollOutcome>> {
    return this.use('fingerprint', this.scanner, async (scanner) => {
      const { pageId, ...wait } = params;
      const result = await this.flow((signal) =>
        scanner.enroll(pageId, {
          ...wait,
          signal,
          onProgress: (step) => this.emit('fingerprint', { type: 'step', step }),
        }),
      );
      const outcome = enrollOutcome(result);
      this.log(`fingerprint: enroll page ${pageId} → ${outcome.kind}`);
      this.emit('fingerprint', { type: 'enrolled', outcome });
      return outcome;
    });
  }

  private async flow<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.flows.add(controller);
    try {
      return await run(controller.signal);
    } finally {
      this.flows.delete(controller);
    }
  }

  /** Runs a call on a device, turning "not configured" and every thrown error into a reply. */
  private async use<D, T>(kind: DeviceKind, device: D | null, run: (device: D) => Promise<T>): Promise<BridgeReply<T>> {
    if (!device) return { ok: false, error: notConfigured(kind) };
    if (this.closed) return { ok: false, error: toBridgeError(kind, new DeviceError('closed', 'device host closed')) };
    try {
      return { ok: true, result: await run(device) };
    } catch (error) {
      const failure = toBridgeError(kind, error);
      this.log(`${kind}: ${failure.code}: ${failure.detail ?? failure.message}`);
      return { ok: false, error: failure };
    }
  }

  private emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    (this.events[event] as Listeners<BridgeEvents[E]>).emit(payload);
  }

  private wire(): void {
    const changed = () => this.statusChanged();
    this.reader?.on('status', changed);
    this.scanner?.onStatus(changed);
    this.printer?.onStatus(changed);
    this.pad?.onStatus(changed);
    this.bus?.onStatus(changed);
    this.ledBar?.onStatus(changed);

    this.reader?.on('card', ({ card }) => {
      const masked = maskedCard(card);
      this.log(`idcard: card ${masked.name} ${masked.idNumber} (${card.cardType})`);
      this.emit('card', { card, masked, at: this.now() });
    });
    this.reader?.on('removed', () => {
      this.log('idcard: card removed');
      this.emit('cardRemoved', { at: this.now() });
    });
    this.reader?.on('error', (error) => this.cardError(error));

    this.pad?.onRating((event) => {
      this.log(`ratingPad: ${event.level}`);
      this.emit('rating', { level: event.level, source: 'ratingPad', at: event.at.getTime() });
    });
    this.pad?.onProblem((error) => this.log(`ratingPad: ignored report (${error.code})`));
    this.bus?.onRating((event) => {
      this.log(`callerBus: rating ${event.level} from ${event.address}`);
      this.emit('rating', { level: event.level, source: 'callerBus', address: event.address, at: event.at.getTime() });
    });
    this.bus?.onKey((event) => {
      this.log(`callerBus: key ${event.action} from ${event.address}`);
      const { address, action, digit } = event;
      this.emit('callerKey', { address, action, ...(digit === undefined ? {} : { digit }), at: event.at.getTime() });
    });
    this.bus?.onProblem((error) => this.log(`callerBus: ${error.name} ${error.message}`));
  }

  private cardError(error: IdCardReaderError): void {
    if (error instanceof InvalidCardError) {
      this.log(`idcard: rejected ${error.maskedIdNumber}: check digit`);
      this.emit('cardRejected', {
        code: 'invalidIdNumber',
        message: '证件号码校验未通过，请使用有效证件',
        at: this.now(),
      });
    } else if (error instanceof IdentityError) {
      this.log(`idcard: unreadable card (${error.code})`);
      this.emit('cardRejected', { code: 'unreadable', message: '无法识别此证件，请重新放置', at: this.now() });
    } else {
      this.log(`idcard: ${error.name} ${error instanceof DeviceError ? error.kind : error.code}`);
    }
  }

  private statusChanged(): void {
    const next = this.currentStatus();
    if (sameStatus(next, this.lastStatus)) return;
    for (const kind of this.kinds) {
      const before = this.lastStatus.devices[kind];
      const after = next.devices[kind];
      if (after && JSON.stringify(before) !== JSON.stringify(after)) {
        this.log(`${kind}: ${after.state}${after.state === 'ready' ? '' : ` (${after.reason ?? ''})`}`);
      }
    }
    this.lastStatus = next;
    this.emit('status', next);
  }
}
