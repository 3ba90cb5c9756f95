/**
 * Helpers shared by the drivers' tests: waiting for a condition or a device status, typed
 * error predicates, chunking a byte stream, and a socat pty pair with serial transports.
 */
import type { DeviceStatus } from '@yimen/protocol';
import { createPtyPair, type PtyPair } from './pty-pair';
import { SerialTransport } from './serial';
import { DeviceError, type DeviceErrorKind, type Transport } from './transport';

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every few milliseconds; rejects naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(5);
  }
}

/**
 * Resolves with the first value `ok` accepts: the current one, or the first a later event
 * reports, so a state that lasts only a moment is not missed. Rejects after `timeoutMs`.
 */
export function waitUntil<T>(
  what: string,
  read: () => T,
  subscribe: (listener: (value: T) => void) => () => void,
  ok: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  const now = read();
  if (ok(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last ${JSON.stringify(read())}`));
    }, timeoutMs);
    const off = subscribe((value) => {
      if (!ok(value)) return;
      clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}

/** Anything with a supervised status: the supervisor itself and most device classes. */
export interface StatusSource {
  readonly status: DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
}

/** Resolves with the device's status once it is in `state`. */
export function waitForStatus(
  device: StatusSource,
  state: DeviceStatus['state'],
  timeoutMs = 3000,
): Promise<DeviceStatus> {
  return waitUntil(
    `status ${state}`,
    () => device.status,
    (listener) => device.onStatus(listener),
    (status) => status.state === state,
    timeoutMs,
  );
}

/** For `assert.rejects` / `assert.throws`: a DeviceError of this kind. */
export const isDeviceError = (kind: DeviceErrorKind) => (error: unknown) =>
  error instanceof DeviceError && error.kind === kind;

/** Cuts `bytes` into chunks at the given points (taken modulo the length), as a serial line may. */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  return chunks;
}

/** Everything a transport receives, and a wait for the first `length` bytes of it. */
export function collectBytes(transport: Transport): { bytes(): Buffer; waitFor(length: number): Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const wakers = new Set<() => void>();
  transport.onData((chunk) => {
    chunks.push(chunk);
    for (const wake of wakers) wake();
  });
  const bytes = () => Buffer.concat(chunks);
  return {
    bytes,
    waitFor: (length) =>
      waitUntil(
        `${length} bytes`,
        bytes,
        (listener) => {
          const wake = () => listener(bytes());
          wakers.add(wake);
          return () => wakers.delete(wake);
        },
        (received) => received.length >= length,
      ),
  };
}

export interface PtyRig {
  pair: PtyPair;
  /** A new serial transport on the simulator's end. */
  deviceSide(): SerialTransport;
  /** A new serial transport on the driver's end; fits `createTransport`. */
  hostSide(): SerialTransport;
}

/**
 * Runs `body` with a socat pty pair and the real serialport package on both ends; kills socat
 * afterwards. `body` stops its own driver and simulator first.
 */
export async function withPtyPair(baudRate: number, body: (rig: PtyRig) => Promise<void>): Promise<void> {
  const pair = await createPtyPair();
  try {
    await body({
      pair,
      deviceSide: () => new SerialTransport({ path: pair.devicePath, baudRate }),
      hostSide: () => new SerialTransport({ path: pair.hostPath, baudRate }),
    });
  } finally {
    await pair.close();
  }
}
