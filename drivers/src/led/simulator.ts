/**
 * A window LED bar without hardware: decodes our LED frames from the line, ACKs or NAKs like
 * a bar's controller, and keeps what the bar shows, for tests and the agent's demo mode.
 */
import { DeviceEnd } from '../transport/device-end';
import type { Transport } from '../transport/transport';
import { ACK, BROADCAST, type LedCodecError, type LedCommand, NAK } from './codec';
import { LedFrameParser } from './parser';

export interface LedBarView {
  mode: 'idle' | 'text' | 'ticket' | 'paused';
  /** The characters on the bar. */
  text: string;
  scroll: boolean;
  brightness: number;
}

/** What a bar shows for each content command. */
export function ledText(command: LedCommand): string {
  switch (command.type) {
    case 'text':
      return command.text;
    case 'ticket':
      return `请${command.ticket}号到${command.window}号窗口`;
    case 'paused':
      return command.reason ? `暂停服务：${command.reason}` : '暂停服务';
    default:
      return '';
  }
}

export class LedBarSimulator {
  /** Every frame for this bar (or broadcast) that it carried out. */
  readonly commands: LedCommand[] = [];
  readonly errors: LedCodecError[] = [];
  private state: LedBarView = { mode: 'idle', text: '', scroll: false, brightness: 8 };
  private parser = new LedFrameParser();
  private readonly end: DeviceEnd;

  constructor(
    transport: Transport,
    readonly address = 1,
  ) {
    this.end = new DeviceEnd(transport, (chunk) => this.receive(chunk));
  }

  get view(): LedBarView {
    return { ...this.state };
  }

  async open(): Promise<void> {
    this.parser = new LedFrameParser();
    await this.end.open();
  }

  close(): Promise<void> {
    return this.end.close();
  }

  private receive(chunk: Buffer): void {
    for (const item of this.parser.push(chunk)) {
      if (item.kind === 'error') {
        this.errors.push(item.error);
        if (item.error.address === this.address) this.reply(NAK);
        continue;
      }
      const { address, command } = item.frame;
      if (address !== this.address && address !== BROADCAST) continue;
      this.apply(command);
      this.commands.push(command);
      if (address === this.address) this.reply(ACK);
    }
  }

  private apply(command: LedCommand): void {
    switch (command.type) {
      case 'ping':
        return;
      case 'brightness':
        this.state = { ...this.state, brightness: command.level };
        return;
      case 'text':
        this.state = { ...this.state, mode: 'text', text: command.text, scroll: command.scroll };
        return;
      default:
        this.state = { ...this.state, mode: command.type, text: ledText(command), scroll: false };
    }
  }

  private reply(byte: number): void {
    this.end.send(Uint8Array.of(byte));
  }
}
