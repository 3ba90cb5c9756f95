/**
 * A fingerprint module (R30x / AS608) for clerk sign-in: identify a finger against the module's
 * own template library, enrol with two presses, read and write templates, delete, clear and
 * count. The hall maps the library's page ids to clerks and keeps each template (sealed) to
 * load it into its other modules; templates go nowhere else.
 */
import type { DeviceStatus, EnrollStep } from '@yimen/protocol';
import { DeviceSupervisor, type OpenScope } from '../transport/supervisor';
import { TaskQueue } from '../transport/task-queue';
import { DeviceError, type Transport, toDeviceError } from '../transport/transport';
import { R30xLink } from './link';
import {
  type Ack,
  type Confirmation,
  type ConfirmationKey,
  commands,
  DEFAULT_ADDRESS,
  DEFAULT_PASSWORD,
  decodeSearchReply,
  decodeSystemParameters,
  decodeTemplateNumReply,
  instructionName,
  R30xError,
  type SystemParameters,
  TEMPLATE_SIZE,
} from './r30x-codec';

export interface FingerprintScannerOptions {
  createTransport: () => Transport;
  /** Name in status reasons; `fingerprint` unless given. */
  name?: string;
  address?: number;
  password?: number;
  /** How long a module may take to answer one command. */
  replyTimeoutMs?: number;
  /** Pause between GenImg polls while waiting for a finger to be pressed or lifted. */
  pollIntervalMs?: number;
  /**
   * An idle module is asked for its template count this often, so a module that went away is
   * noticed even when nobody is signing in (a serial line does not tell). 0 turns it off.
   */
  probeIntervalMs?: number;
  backoffMs?: { min: number; max: number };
  openTimeoutMs?: number;
}

/** A module that answered a command with a failure code the flow cannot turn into a result. */
export class FingerprintRejectedError extends Error {
  readonly code: ConfirmationKey;
  constructor(
    readonly instruction: string,
    readonly confirmation: Confirmation,
  ) {
    super(`fingerprint: ${instruction} failed: ${confirmation.en} (${confirmation.zh})`);
    this.name = 'FingerprintRejectedError';
    this.code = confirmation.key;
  }
}

export type { EnrollStep };

export interface WaitOptions {
  /** Longest wait for the finger (identify) or for each enrolment step. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A capture the module could not turn into features: ask for another press. */
export interface BadImage {
  kind: 'badImage';
  confirmation: Confirmation;
}
export interface WaitEnded {
  kind: 'timeout' | 'cancelled';
}

export type IdentifyResult =
  | { kind: 'match'; pageId: number; score: number }
  | { kind: 'noMatch' }
  | BadImage
  | WaitEnded;

export type EnrollResult =
  | { kind: 'enrolled'; pageId: number }
  /** The two presses were not the same finger. */
  | { kind: 'mismatch'; confirmation: Confirmation }
  | (BadImage & { step: EnrollStep })
  | (WaitEnded & { step: EnrollStep });

export interface EnrollOptions extends WaitOptions {
  /** Tells the clerk what to do next: press, lift, press again. */
  onProgress?: (step: EnrollStep) => void;
}

const DEFAULTS = { replyTimeoutMs: 2000, pollIntervalMs: 100, probeIntervalMs: 5000 };
const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_ENROLL_STEP_MS = 15_000;
/** Img2Tz codes that mean "capture again", not "module broken". */
const BAD_IMAGE: ReadonlySet<ConfirmationKey> = new Set(['imageMessy', 'tooFewFeatures', 'invalidImage']);

type WaitOutcome = 'done' | 'timeout' | 'cancelled';

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export class FingerprintScanner {
  private readonly supervisor: DeviceSupervisor;
  private readonly address: number;
  private readonly password: number;
  private readonly replyTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private link: R30xLink | null = null;
  private parameters: SystemParameters | null = null;
  /** The module handles one command at a time. */
  private readonly commandQueue = new TaskQueue();
  /** Identify and enroll share the module's feature buffers, so they take turns. */
  private readonly fingerFlows = new TaskQueue();
  private inFlight = 0;
  private lastActivity = Date.now();
  private readonly probeTimer: ReturnType<typeof setInterval> | null = null;

  constructor(options: FingerprintScannerOptions) {
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.password = options.password ?? DEFAULT_PASSWORD;
    this.replyTimeoutMs = options.replyTimeoutMs ?? DEFAULTS.replyTimeoutMs;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
    const probeIntervalMs = options.probeIntervalMs ?? DEFAULTS.probeIntervalMs;
    if (probeIntervalMs > 0) {
      this.probeTimer = setInterval(() => this.probe(probeIntervalMs), probeIntervalMs);
      this.probeTimer.unref();
    }
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'fingerprint',
      createTransport: options.createTransport,
      onOpen: (transport, scope) => this.handshake(transport, scope),
      backoffMs: options.backoffMs,
      openTimeoutMs: options.openTimeoutMs,
    });
  }

  get status(): DeviceStatus {
    return this.supervisor.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.supervisor.onStatus(listener);
  }

  /** What the module reported about itself at the last open, or null before that. */
  get systemParameters(): SystemParameters | null {
    return this.parameters;
  }

  /** Waits for a finger and searches the whole library for it. */
  identify(options: WaitOptions = {}): Promise<IdentifyResult> {
    return this.fingerFlows.run(async () => {
      const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_WAIT_MS);
      const pressed = await this.waitFinger(true, deadline, options.signal);
      if (pressed !== 'done') return { kind: pressed };
      const features = await this.command(commands.img2Tz(1));
      if (!features.confirmation.ok) return this.badImage(features);
      const reply = await this.command(commands.highSpeedSearch(1, 0, this.capacity()));
      if (reply.confirmation.ok) return { kind: 'match', ...decodeSearchReply(reply) };
      if (reply.confirmation.key === 'notFound') return { kind: 'noMatch' };
      throw new FingerprintRejectedError('highSpeedSearch', reply.confirmation);
    });
  }

  /** Enrols a finger into `pageId` from two presses; each step may wait up to `timeoutMs`. */
  enroll(pageId: number, options: EnrollOptions = {}): Promise<EnrollResult> {
    const stepMs = options.timeoutMs ?? DEFAULT_ENROLL_STEP_MS;
    const progress = (step: EnrollStep) => {
      try {
        options.onProgress?.(step);
      } catch (error) {
        process.emitWarning(`fingerprint progress listener threw: ${String(error)}`);
      }
    };
    const capture = async (step: EnrollStep, buffer: 1 | 2): Promise<EnrollResult | null> => {
      progress(step);
      const pressed = await this.waitFinger(true, Date.now() + stepMs, options.signal);
      if (pressed !== 'done') return { kind: pressed, step };
      const features = await this.command(commands.img2Tz(buffer));
      return features.confirmation.ok ? null : { ...this.badImage(features), step };
    };
    return this.fingerFlows.run(async () => {
      // Checked before the clerk presses anything, not after two presses at Store.
      this.checkPage(pageId);
      const first = await capture('press', 1);
      if (first) return first;
      progress('lift');
      const lifted = await this.waitFinger(false, Date.now() + stepMs, options.signal);
      if (lifted !== 'done') return { kind: lifted, step: 'lift' };
      const second = await capture('pressAgain', 2);
      if (second) return second;
      const model = await this.command(commands.regModel());
      if (model.confirmation.key === 'enrollMismatch') return { kind: 'mismatch', confirmation: model.confirmation };
      this.expectOk('regModel', model);
      this.expectOk('store', await this.command(commands.store(1, pageId)));
      return { kind: 'enrolled', pageId };
    });
  }

  /** The template stored at `pageId`, as the module uploads it (to keep it in the hall). */
  readTemplate(pageId: number): Promise<Uint8Array> {
    return this.fingerFlows.run(async () => {
      this.checkPage(pageId);
      this.expectOk('loadChar', await this.command(commands.loadChar(1, pageId)));
      const { ack, data } = await this.exclusive((link) => link.requestData(commands.upChar(1)));
      this.expectOk('upChar', ack);
      if (data.length !== TEMPLATE_SIZE) {
        throw new DeviceError('protocol', `fingerprint: upChar gave ${data.length} bytes, expected ${TEMPLATE_SIZE}`);
      }
      return data;
    });
  }

  /** Stores a template the hall keeps into `pageId`, so a finger enrolled elsewhere is known here. */
  writeTemplate(pageId: number, template: Uint8Array): Promise<void> {
    return this.fingerFlows.run(async () => {
      this.checkPage(pageId);
      if (template.length !== TEMPLATE_SIZE) {
        throw new R30xError('badArgument', `a template has ${TEMPLATE_SIZE} bytes, got ${template.length}`);
      }
      const packetSize = this.parameters?.packetSize ?? 128;
      const ack = await this.exclusive((link) => link.sendData(commands.downChar(1), template, packetSize));
      this.expectOk('downChar', ack);
      this.expectOk('store', await this.command(commands.store(1, pageId)));
    });
  }

  /** Deletes `count` templates starting at `pageId`. */
  async delete(pageId: number, count = 1): Promise<void> {
    this.expectOk('deletChar', await this.command(commands.deletChar(pageId, count)));
  }

  /** Empties the whole template library. */
  async clear(): Promise<void> {
    this.expectOk('empty', await this.command(commands.empty()));
  }

  /** Number of templates stored. */
  async count(): Promise<number> {
    const reply = await this.command(commands.templateNum());
    this.expectOk('templateNum', reply);
    return decodeTemplateNumReply(reply);
  }

  async close(): Promise<void> {
    if (this.probeTimer) clearInterval(this.probeTimer);
    await this.supervisor.stop();
  }

  private checkPage(pageId: number): void {
    const capacity = this.capacity();
    if (!Number.isInteger(pageId) || pageId < 0 || pageId >= capacity) {
      throw new R30xError('badArgument', `page id ${pageId} outside 0..${capacity - 1}`);
    }
  }

  /** Runs a multi-packet exchange with the link to itself, queued like a single command. */
  private exclusive<T>(run: (link: R30xLink) => Promise<T>): Promise<T> {
    this.inFlight++;
    return this.commandQueue
      .run(() => {
        const link = this.link;
        if (!link) throw new DeviceError('absent', 'fingerprint: module not ready');
        return run(link);
      })
      .finally(() => {
        this.inFlight--;
        this.lastActivity = Date.now();
      });
  }

  /** Library size from the last handshake. */
  private capacity(): number {
    if (!this.parameters) throw new DeviceError('absent', 'fingerprint: module not opened yet');
    return this.parameters.capacity;
  }

  private async handshake(transport: Transport, scope: OpenScope): Promise<void> {
    const link = new R30xLink(transport, this.address, this.replyTimeoutMs);
    scope.defer(link.attach());
    const refused = (instruction: string, { en, zh }: Confirmation) =>
      new DeviceError('protocol', `fingerprint: ${instruction}: ${en} (${zh})`);
    const verified = await link.request(commands.vfyPwd(this.password));
    if (!verified.confirmation.ok) throw refused('VfyPwd', verified.confirmation);
    const parameters = await link.request(commands.readSysPara());
    if (!parameters.confirmation.ok) throw refused('ReadSysPara', parameters.confirmation);
    try {
      this.parameters = decodeSystemParameters(parameters);
    } catch (error) {
      throw toDeviceError(error, 'protocol', 'fingerprint: ReadSysPara');
    }
    this.link = link;
    scope.defer(() => {
      if (this.link === link) this.link = null;
    });
  }

  /** Queues one command behind the others and waits for its ack. */
  private command(payload: Uint8Array): Promise<Ack> {
    this.inFlight++;
    return this.commandQueue
      .run(() => this.send(payload))
      .finally(() => {
        this.inFlight--;
        this.lastActivity = Date.now();
      });
  }

  private async send(payload: Uint8Array): Promise<Ack> {
    const link = this.link;
    if (!link) {
      const status = this.supervisor.status;
      const reason = status.state === 'ready' ? 'not ready' : `${status.state}: ${status.reason ?? ''}`;
      throw new DeviceError('absent', `fingerprint: ${instructionName(payload)}: module ${reason}`);
    }
    try {
      return await link.request(payload);
    } catch (error) {
      // A module that stops answering is gone until a fresh handshake says otherwise.
      if (error instanceof DeviceError && error.kind === 'timeout' && this.link === link) this.supervisor.fail(error);
      throw error;
    }
  }

  /** Polls GenImg until a finger is on the sensor (`pressed`) or off it (not `pressed`). */
  private async waitFinger(pressed: boolean, deadline: number, signal?: AbortSignal): Promise<WaitOutcome> {
    for (;;) {
      if (signal?.aborted) return 'cancelled';
      const reply = await this.command(commands.genImg());
      const key = reply.confirmation.key;
      if (pressed ? key === 'ok' : key === 'noFinger') return 'done';
      // A failed capture means a finger is there but the image was poor: keep polling.
      if (key !== 'ok' && key !== 'noFinger' && key !== 'imageFailed') {
        throw new FingerprintRejectedError('genImg', reply.confirmation);
      }
      if (Date.now() >= deadline) return 'timeout';
      await sleep(Math.min(this.pollIntervalMs, Math.max(0, deadline - Date.now())), signal);
    }
  }

  private badImage(reply: Ack): BadImage {
    if (!BAD_IMAGE.has(reply.confirmation.key)) throw new FingerprintRejectedError('img2Tz', reply.confirmation);
    return { kind: 'badImage', confirmation: reply.confirmation };
  }

  private expectOk(instruction: string, reply: Ack): void {
    if (!reply.confirmation.ok) throw new FingerprintRejectedError(instruction, reply.confirmation);
  }

  /** Asks an idle module for its template count; a timeout there reports it gone. */
  private probe(intervalMs: number): void {
    if (!this.link || this.inFlight > 0 || Date.now() - this.lastActivity < intervalMs) return;
    this.command(commands.templateNum()).catch(() => {});
  }
}
