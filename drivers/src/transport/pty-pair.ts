/**
 * A connected pair of pseudo-terminals from socat: the driver opens one end as if it were a
 * serial port, a simulator opens the other. Test support, also used by the device agent's
 * simulate mode. Baud rate and control lines are not emulated by a pty.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { DeviceError } from './transport';

export interface PtyPair {
  /** The end the driver opens. */
  hostPath: string;
  /** The end the simulator opens. */
  devicePath: string;
  /** Kills socat; both paths disappear. */
  close(): Promise<void>;
}

const PTY_LINE = /PTY is (\S+)/g;
const START_TIMEOUT_MS = 5000;

let socatChecked = false;

/** Installs socat with apt-get when it is missing (update once, then install). */
function ensureSocat(): void {
  if (socatChecked) return;
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) {
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const run = (args: string[]) => {
      const [cmd, ...rest] = [...sudo, ...args] as [string, ...string[]];
      return spawnSync(cmd, rest, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    };
    run(['apt-get', 'update']);
    const install = run(['apt-get', 'install', '-y', 'socat']);
    if (install.status !== 0 || spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) {
      throw new DeviceError('unsupported', 'socat is missing and could not be installed with apt-get');
    }
  }
  socatChecked = true;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function createPtyPair(): Promise<PtyPair> {
  ensureSocat();
  const child = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const paths = await new Promise<string[]>((resolve, reject) => {
    let stderr = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new DeviceError('unsupported', message));
    };
    const timer = setTimeout(() => fail(`socat did not report two ptys: ${stderr.trim()}`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(`socat failed to start: ${error.message}`));
    child.once('exit', (code) => fail(`socat exited (${code}) before reporting two ptys: ${stderr.trim()}`));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      stderr += text;
      // Matched on everything so far: a chunk may end in the middle of a line.
      const found = Array.from(stderr.matchAll(PTY_LINE), (match) => match[1] as string);
      // socat reports both ptys before its transfer loop starts, so both ends are ready.
      if (found.length >= 2 && /starting data transfer loop/.test(stderr)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        resolve(found);
      }
    });
  });
  // socat keeps logging to stderr; drain it so a full pipe never blocks it.
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  child.on('error', () => {});
  const [hostPath, devicePath] = paths as [string, string];
  return {
    hostPath,
    devicePath,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
