/** Helpers shared by the scanner tests. */
import type { DeviceStatus } from '@yimen/protocol';
import type { FingerprintScanner } from './scanner';

/** Resolves when the scanner reports `state`, or rejects after `timeoutMs`. */
export function waitForStatus(
  scanner: FingerprintScanner,
  state: DeviceStatus['state'],
  timeoutMs = 3000,
): Promise<DeviceStatus> {
  if (scanner.status.state === state) return Promise.resolve(scanner.status);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status stayed ${JSON.stringify(scanner.status)}, wanted ${state}`));
    }, timeoutMs);
    const off = scanner.onStatus((status) => {
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(status);
    });
  });
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
