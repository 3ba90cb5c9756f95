/**
 * One byte-stream interface for every device link (serial, HID, TCP, in-memory), so a
 * device class does not care which one it runs on.
 */

export type DeviceErrorKind = 'absent' | 'timeout' | 'closed' | 'io' | 'protocol' | 'unsupported';

/** Every failure a transport or driver reports is one of these, never a bare Error. */
export class DeviceError extends Error {
  constructor(
    readonly kind: DeviceErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeviceError';
  }
}

/** `error` as a DeviceError: itself when it is one, otherwise wrapped as `kind` with `context`. */
export function toDeviceError(error: unknown, kind: DeviceErrorKind, context: string): DeviceError {
  if (error instanceof DeviceError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new DeviceError(kind, `${context}: ${detail}`, { cause: error });
}

export interface Transport {
  /** Human-readable link description for logs and status, e.g. `serial /dev/ttyUSB0 115200`. */
  readonly description: string;
  readonly isOpen: boolean;
  /** Opens the link; rejects with DeviceError('absent') when the device is not there. */
  open(): Promise<void>;
  /** Writes all bytes; rejects with DeviceError('closed' | 'io'). */
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Bytes as they arrive, in arbitrary chunks. Returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** The link closed without close() being called (unplugged, peer gone). */
  onLost(listener: (error: DeviceError) => void): () => void;
}

/**
 * Small listener set shared by the transport implementations. A listener that throws is
 * reported as a process warning and does not stop the others: a device never crashes its host.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        process.emitWarning(`device listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
