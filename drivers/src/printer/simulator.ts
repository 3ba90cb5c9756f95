/**
 * A thermal printer from the device's side: decodes what it is sent, collects the printed
 * documents (split at cuts), and answers DLE EOT from a state a test or the device agent sets.
 * One simulator is one printer; it can serve several links over its life (TCP connections
 * come and go, a pty is reopened), each with its own decoder.
 */
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { socketTransport } from '../transport/tcp';
import { DeviceError, Listeners, type Transport } from '../transport/transport';
import { type DecodedItem, type DecodedLine, type DecodedQr, type DecodeIssue, EscPosDecoder } from './decode';
import { encodeStatusByte, type SimulatedState } from './status';
import type { PaperWidth } from './types';

export interface PrintedDocument {
  /** Everything printed up to and including the cut, in paper order. */
  items: DecodedItem[];
  lines: DecodedLine[];
  qr: DecodedQr[];
  /** The PNG drawn of it, with the `pngDir` option. */
  png?: string;
  /** Why no PNG could be drawn, with the `pngDir` option. */
  pngError?: string;
}

export interface PrinterSimulatorOptions {
  state?: Partial<SimulatedState>;
  /** When set, each document is also drawn to `<pngDir>/printout-<n>.png` for a person to look at. */
  pngDir?: string;
  /** Paper the PNGs are drawn on; default 80. */
  paperWidth?: PaperWidth;
}

function toDocument(items: DecodedItem[]): PrintedDocument {
  const lines: DecodedLine[] = [];
  const qr: DecodedQr[] = [];
  for (const item of items) {
    if (item.kind === 'line') {
      const { kind: _, ...line } = item;
      lines.push(line);
    } else if (item.kind === 'qr') {
      const { kind: _, ...code } = item;
      qr.push(code);
    }
  }
  return { items, lines, qr };
}

export class PrinterSimulator {
  /** Documents printed and cut, oldest first. */
  readonly documents: PrintedDocument[] = [];
  /** Malformed or unknown bytes received. */
  readonly issues: DecodeIssue[] = [];
  /** Items that arrived while the printer could not print (no paper, cover open, offline). */
  dropped = 0;
  private stateValue: SimulatedState;
  private pending: DecodedItem[] = [];
  /** Each served link and what stops serving it. */
  private readonly links = new Map<Transport, () => void>();
  private readonly documentListeners = new Listeners<PrintedDocument>();
  /** Items the roll still holds, once `runOutDuringNextJob` was called. */
  private runsOutAfter: number | null = null;

  constructor(private readonly options: PrinterSimulatorOptions = {}) {
    this.stateValue = { paper: 'ok', coverOpen: false, offline: false, ...options.state };
  }

  get state(): SimulatedState {
    return { ...this.stateValue };
  }

  /** Printed but not yet cut. */
  get pendingItems(): readonly DecodedItem[] {
    return this.pending;
  }

  setPaper(paper: SimulatedState['paper']): void {
    this.stateValue.paper = paper;
  }

  /** The roll ends a few lines into the next job: half a slip comes out and the printer reports no paper. */
  runOutDuringNextJob(): void {
    this.runsOutAfter = 3;
  }

  setCoverOpen(open: boolean): void {
    this.stateValue.coverOpen = open;
  }

  setOffline(offline: boolean): void {
    this.stateValue.offline = offline;
  }

  onDocument(listener: (document: PrintedDocument) => void): () => void {
    return this.documentListeners.add(listener);
  }

  /** The next document to be cut; rejects with DeviceError('timeout') if none comes in time. */
  nextDocument(timeoutMs = 5000): Promise<PrintedDocument> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new DeviceError('timeout', `printer simulator: no document within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onDocument((document) => {
        clearTimeout(timer);
        off();
        resolve(document);
      });
    });
  }

  /** Opens a device-side link (if it is not open yet) and serves it until it closes or is lost. */
  async serve(transport: Transport): Promise<void> {
    const decoder = new EscPosDecoder({
      item: (item) => this.printed(item),
      issue: (issue) => this.issues.push(issue),
      statusQuery: ({ n }) => {
        const reply = encodeStatusByte(n as 1 | 2 | 3 | 4, this.stateValue);
        transport.write(Uint8Array.of(reply)).catch(() => {});
      },
    });
    this.links.get(transport)?.();
    const offData = transport.onData((chunk) => decoder.push(chunk));
    const offLost = transport.onLost(() => release());
    const release = () => {
      offData();
      offLost();
      if (this.links.get(transport) === release) this.links.delete(transport);
    };
    this.links.set(transport, release);
    if (!transport.isOpen) {
      try {
        await transport.open();
      } catch (error) {
        release();
        throw error;
      }
    }
  }

  /** Closes every link it serves: to the driver the printer is unplugged. */
  async disconnect(): Promise<void> {
    const links = [...this.links];
    this.links.clear();
    await Promise.all(
      links.map(([link, release]) => {
        release();
        return link.close().catch(() => {});
      }),
    );
  }

  private printed(item: DecodedItem): void {
    const { paper, coverOpen, offline } = this.stateValue;
    if (paper === 'out' || coverOpen || offline) {
      this.dropped += 1;
      return;
    }
    if (this.runsOutAfter !== null && this.runsOutAfter-- <= 0) {
      this.runsOutAfter = null;
      this.stateValue.paper = 'out';
      this.dropped += 1;
      return;
    }
    this.pending.push(item);
    if (item.kind !== 'cut') return;
    const document = toDocument(this.pending);
    this.pending = [];
    this.documents.push(document);
    if (this.options.pngDir === undefined) this.documentListeners.emit(document);
    else void this.drawn(document, this.options.pngDir, this.documents.length);
  }

  /** Draws the document, then announces it (with `png` or `pngError` set). */
  private async drawn(document: PrintedDocument, dir: string, n: number): Promise<void> {
    try {
      // Loaded on demand so a simulator without PNGs does not need the native canvas module.
      const { renderPng } = await import('./render-png');
      const path = join(dir, `printout-${n}.png`);
      await writeFile(path, await renderPng(document.items, { width: this.options.paperWidth ?? 80 }));
      document.png = path;
    } catch (error) {
      document.pngError = error instanceof Error ? error.message : String(error);
    }
    this.documentListeners.emit(document);
  }
}

export interface TcpPrinterSimulator {
  simulator: PrinterSimulator;
  port: number;
  /** Stops listening and drops every connection: the printer is unplugged. */
  close(): Promise<void>;
}

/**
 * A network printer on 127.0.0.1 (never another interface). Pass `simulator` to bring the
 * same printer, with its documents and state, back after `close()`.
 */
export async function startTcpPrinterSimulator(
  options: { port?: number; simulator?: PrinterSimulator } = {},
): Promise<TcpPrinterSimulator> {
  const simulator = options.simulator ?? new PrinterSimulator();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    simulator.serve(socketTransport(socket)).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(new DeviceError('io', `printer simulator: cannot listen: ${error.message}`, { cause: error })),
    );
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => resolve());
  });
  server.on('error', () => {});
  const address = server.address() as net.AddressInfo;
  return {
    simulator,
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await simulator.disconnect();
      await closed;
    },
  };
}
