/**
 * An ESC/POS printer on any transport (TCP port 9100, serial, a pty in tests): keeps the link
 * up through the supervisor, polls DLE EOT 1/2/4, and refuses to print into a printer that
 * cannot print, with a typed PrinterError instead of bytes that vanish.
 */
import type { DeviceStatus, PrinterStatus } from '@yimen/protocol';
import { ReplySlot } from '../transport/reply-slot';
import { DeviceSupervisor, type OpenScope, sameDeviceStatus } from '../transport/supervisor';
import { TaskQueue } from '../transport/task-queue';
import { DeviceError, Listeners, type Transport } from '../transport/transport';
import { statusRequest } from './builder';
import { PrinterError } from './errors';
import { printBlocker, type StatusRequest, toPrinterStatus } from './status';
import { renderMaterialsList, renderNotice, renderTicket } from './templates';
import type { MaterialsListPrint, NoticePrint, PaperWidth, TicketPrint } from './types';

export interface EscPosPrinterOptions {
  /** For status reasons and logs; default `printer`. */
  name?: string;
  createTransport: () => Transport;
  paperWidth?: PaperWidth;
  /** Time between status polls while the printer is connected; default 2000 ms. */
  pollIntervalMs?: number;
  /** How long one DLE EOT may take to be answered; default 1500 ms. */
  statusTimeoutMs?: number;
  /** Unanswered polls in a row after which the link is dropped and reopened; default 2. */
  maxMissedPolls?: number;
  backoffMs?: { min: number; max: number };
}

/** What a terminal sees of its printer. */
export interface PrinterState {
  /** `fault` with reason paperOut / coverOpen / offline when it cannot print. */
  device: DeviceStatus;
  /** The last status the printer reported; null while none is known. */
  printer: PrinterStatus | null;
}

const REQUESTS: readonly StatusRequest[] = [1, 2, 4];

function samePrinterStatus(a: PrinterStatus | null, b: PrinterStatus | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.online === b.online &&
    a.coverOpen === b.coverOpen &&
    a.paperNearEnd === b.paperNearEnd &&
    a.paperOut === b.paperOut
  );
}

export class EscPosPrinter {
  readonly paperWidth: PaperWidth;
  private readonly supervisor: DeviceSupervisor;
  private readonly listeners = new Listeners<PrinterState>();
  private readonly statusTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxMissedPolls: number;
  private lastPrinter: PrinterStatus | null = null;
  private lastState: PrinterState;
  private readonly reply = new ReplySlot<number>();
  /** Status exchanges and print jobs take turns, so replies are never mixed up. */
  private readonly turns = new TaskQueue();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private missedPolls = 0;
  private stopped = false;

  constructor(options: EscPosPrinterOptions) {
    this.paperWidth = options.paperWidth ?? 80;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1500;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.maxMissedPolls = options.maxMissedPolls ?? 2;
    this.lastState = { device: { state: 'absent', reason: 'opening' }, printer: null };
    this.supervisor = new DeviceSupervisor({
      name: options.name ?? 'printer',
      createTransport: options.createTransport,
      onOpen: (transport, scope) => this.handshake(transport, scope),
      backoffMs: options.backoffMs,
      openTimeoutMs: this.statusTimeoutMs * REQUESTS.length + 2000,
    });
    this.supervisor.onStatus(() => this.publish());
  }

  get status(): DeviceStatus {
    return this.lastState.device;
  }

  /** The last status the printer reported, or null while it is not connected. */
  get printerStatus(): PrinterStatus | null {
    return this.lastState.printer;
  }

  onStatus(listener: (state: PrinterState) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Asks the printer now (DLE EOT 1, 2, 4). */
  async queryStatus(): Promise<PrinterStatus> {
    return this.turns.run(() => this.readStatus(this.connected()));
  }

  /**
   * Sends one job. Rejects with PrinterError paperOut / coverOpen / offline when the printer
   * reports it cannot print (checked before sending and again after, since paper can run out
   * during a job), timeout when it does not answer, absent or io when the link is not there.
   */
  async print(bytes: Uint8Array): Promise<void> {
    await this.turns.run(async () => {
      const transport = this.connected();
      this.refuseIfBlocked(await this.readStatus(transport), 'not sent');
      try {
        await transport.write(bytes);
      } catch (error) {
        const code = error instanceof DeviceError && error.kind === 'absent' ? 'absent' : 'io';
        throw new PrinterError(code, `printer: job not sent: ${String(error)}`, { cause: error });
      }
      this.refuseIfBlocked(await this.readStatus(transport), 'may be incomplete');
    });
  }

  printTicket(ticket: TicketPrint): Promise<void> {
    return this.print(renderTicket(ticket, { width: this.paperWidth }));
  }

  printMaterialsList(list: MaterialsListPrint): Promise<void> {
    return this.print(renderMaterialsList(list, { width: this.paperWidth }));
  }

  printNotice(notice: NoticePrint): Promise<void> {
    return this.print(renderNotice(notice, { width: this.paperWidth }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopPolling();
    await this.supervisor.stop();
  }

  private connected(): Transport {
    const transport = this.supervisor.current();
    if (transport) return transport;
    const status = this.supervisor.status;
    const reason = status.state === 'ready' ? 'not ready' : (status.reason ?? status.state);
    throw new PrinterError('absent', `printer not connected: ${reason}`);
  }

  private refuseIfBlocked(status: PrinterStatus, what: string): void {
    const blocker = printBlocker(status);
    if (blocker) throw new PrinterError(blocker, `printer reports ${blocker}; job ${what}`);
  }

  /** Runs after each open: subscribes to replies and reads the status once. */
  private async handshake(transport: Transport, scope: OpenScope): Promise<void> {
    const unsubscribe = transport.onData((chunk) => this.onData(chunk));
    scope.defer(() => {
      unsubscribe();
      this.reply.reject(new PrinterError('absent', 'printer link closed'));
      this.stopPolling();
      this.setPrinter(null);
    });
    try {
      await this.turns.run(() => this.readStatus(transport));
    } catch (error) {
      if (error instanceof PrinterError && error.code === 'timeout') {
        throw new DeviceError('timeout', 'printer: no status reply', { cause: error });
      }
      throw new DeviceError('protocol', `printer: ${(error as Error).message}`, { cause: error });
    }
    this.missedPolls = 0;
    this.schedulePoll();
  }

  private onData(chunk: Buffer): void {
    // One reply byte per request; anything unasked (ASB, late replies) is dropped. When a late
    // reply and the awaited one arrive together, the last byte is the newest.
    const byte = chunk[chunk.length - 1];
    if (byte !== undefined) this.reply.resolve(byte);
  }

  private async readStatus(transport: Transport): Promise<PrinterStatus> {
    const replies = { 1: 0, 2: 0, 4: 0 };
    for (const n of REQUESTS) replies[n as 1 | 2 | 4] = await this.request(transport, n);
    let status: PrinterStatus;
    try {
      status = toPrinterStatus(replies);
    } catch (error) {
      this.setPrinter(null);
      throw error;
    }
    this.setPrinter(status);
    return status;
  }

  private request(transport: Transport, n: StatusRequest): Promise<number> {
    const reply = this.reply.wait(
      this.statusTimeoutMs,
      () => new PrinterError('timeout', `printer: no reply to DLE EOT ${n} within ${this.statusTimeoutMs} ms`),
    );
    transport.write(statusRequest(n)).catch((error: unknown) => {
      this.reply.reject(new PrinterError('io', `printer: status request failed: ${String(error)}`, { cause: error }));
    });
    return reply;
  }

  private schedulePoll(): void {
    this.stopPolling();
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => void this.poll(), this.pollIntervalMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private async poll(): Promise<void> {
    this.pollTimer = null;
    const transport = this.supervisor.current();
    if (!transport || this.stopped) return;
    try {
      await this.turns.run(() => this.readStatus(transport));
      this.missedPolls = 0;
    } catch (error) {
      if (this.supervisor.current() !== transport) return;
      if (error instanceof PrinterError && error.code === 'timeout') {
        this.missedPolls += 1;
        if (this.missedPolls >= this.maxMissedPolls) {
          this.supervisor.fail(new DeviceError('timeout', 'printer: stopped answering status requests'));
          return;
        }
      } else {
        this.supervisor.fail(new DeviceError('protocol', `printer: ${(error as Error).message}`, { cause: error }));
        return;
      }
    }
    this.schedulePoll();
  }

  private setPrinter(status: PrinterStatus | null): void {
    if (samePrinterStatus(this.lastPrinter, status)) return;
    this.lastPrinter = status;
    this.publish();
  }

  private publish(): void {
    const supervised = this.supervisor.status;
    const printer = supervised.state === 'ready' ? this.lastPrinter : null;
    const blocker = printer ? printBlocker(printer) : null;
    const device: DeviceStatus =
      blocker && supervised.state === 'ready' ? { state: 'fault', reason: blocker } : supervised;
    const next = { device, printer };
    if (
      sameDeviceStatus(next.device, this.lastState.device) &&
      samePrinterStatus(next.printer, this.lastState.printer)
    ) {
      return;
    }
    this.lastState = next;
    this.listeners.emit(next);
  }
}
