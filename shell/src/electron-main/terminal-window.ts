import type { BrowserWindowConstructorOptions, BrowserWindow as BrowserWindowType } from 'electron';

export interface TerminalWindowOptions {
  /** Electron's BrowserWindow class (passed in so this module stays testable without Electron). */
  readonly BrowserWindow: new (
    options: BrowserWindowConstructorOptions,
  ) => BrowserWindowType;
  readonly preload: string;
  /** The renderer's index.html, loaded from the app's files. */
  readonly indexHtml: string;
  /** Production: kiosk mode, no devtools. */
  readonly production: boolean;
  readonly backgroundColor: string;
}

/** Only the app's own files may be shown; the hall-server is reached with fetch and socket.io, never navigated to. */
export function isAppUrl(url: string, indexHtml: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(`file://${indexHtml}`);
    return target.protocol === 'file:' && target.pathname === own.pathname;
  } catch {
    return false;
  }
}

/**
 * One full-screen window per terminal: kiosk mode in production, no menu, devtools only in
 * development, context isolation and the sandbox on, navigation and new windows locked to
 * the app, and a renderer that crashes or hangs is loaded again.
 */
export function createTerminalWindow(options: TerminalWindowOptions): BrowserWindowType {
  const window = new options.BrowserWindow({
    show: false,
    fullscreen: true,
    kiosk: options.production,
    autoHideMenuBar: true,
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !options.production,
      spellcheck: false,
    },
  });
  window.removeMenu();
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.indexHtml)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options.indexHtml)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', (_event, details) => {
    console.error(`[terminal] renderer gone (${details.reason}); reloading`);
    window.loadFile(options.indexHtml).catch(() => {});
  });
  contents.on('unresponsive', () => contents.reload());
  window.once('ready-to-show', () => window.show());
  window
    .loadFile(options.indexHtml)
    .catch((error: unknown) => console.error(`[terminal] cannot load: ${String(error)}`));
  return window;
}
