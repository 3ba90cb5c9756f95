/**
 * The window pad's Electron main process: one full-screen kiosk-mode window over the
 * renderer, and the window's devices (rating pad, LED bar, caller keypad bus, fingerprint
 * module) owned here by the same device host the browser-mode agent runs.
 */
import { fileURLToPath } from 'node:url';
import { runTerminalApp } from '@yimen/shell/electron-main/run-terminal';

runTerminalApp({
  indexHtml: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
  preload: fileURLToPath(new URL('./preload.js', import.meta.url)),
});
