import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DevicesConfig } from '@yimen/drivers/agent/config';
import { DeviceHost } from '@yimen/drivers/agent/device-host';
import { hostDevicesFromConfig } from '@yimen/drivers/agent/links';
import { app, BrowserWindow, ipcMain } from 'electron';
import { IPC } from '../common/ipc-channels';
import { colors } from '../common/tokens';
import { ConfigFile } from './config-file';
import { serveBridgeOverIpc } from './ipc-bridge';
import { createTerminalWindow, isAppUrl } from './terminal-window';

export interface TerminalAppOptions {
  /** Absolute paths inside the packaged app. */
  readonly indexHtml: string;
  readonly preload: string;
  readonly dark?: boolean;
}

/** The terminal's devices from `devices.json` in the user-data folder (the agent's device config); none if absent. */
async function loadDevices(userData: string): Promise<DevicesConfig> {
  const path = join(userData, 'devices.json');
  try {
    return DevicesConfig.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`[terminal] ${path}: ${String(error)}`);
    return DevicesConfig.parse({});
  }
}

/**
 * An Electron terminal's main process: one window, the devices owned here by the same
 * device host the agent runs, the settings file, and quitting only when the renderer asks
 * (after its PIN check).
 */
export function runTerminalApp(options: TerminalAppOptions): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    const config = new ConfigFile(userData);
    const host = new DeviceHost(hostDevicesFromConfig(await loadDevices(userData)), {
      log: (line) => console.log(`[devices] ${line}`),
    });
    const window = createTerminalWindow({
      BrowserWindow,
      preload: options.preload,
      indexHtml: options.indexHtml,
      production: app.isPackaged,
      backgroundColor: options.dark ? colors.displayGround : colors.ground,
    });
    const isAppFrame = (url: string) => isAppUrl(url, options.indexHtml);
    const stop = serveBridgeOverIpc(ipcMain, host, window.webContents, isAppFrame);
    ipcMain.handle(IPC.configLoad, (event) => (isAppFrame(event.senderFrame?.url ?? '') ? config.load() : null));
    ipcMain.handle(IPC.configSave, (event, record) => {
      if (!isAppFrame(event.senderFrame?.url ?? '')) throw new Error('refused');
      return config.save(record as Parameters<ConfigFile['save']>[0]);
    });
    ipcMain.on(IPC.quit, (event) => {
      if (isAppFrame(event.senderFrame?.url ?? '')) app.quit();
    });
    app.on('before-quit', () => {
      stop();
      void host.close();
    });
  });
  app.on('window-all-closed', () => app.quit());
}
