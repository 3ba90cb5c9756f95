/**
 * The kiosk's Electron main process: one full-screen kiosk-mode window over the renderer,
 * the devices (ID card reader, ticket printer) owned here by the same device host the
 * browser-mode agent runs. Everything else is in the renderer and in shell.
 */
import { fileURLToPath } from 'node:url';
import { runTerminalApp } from '@yimen/shell/electron-main/run-terminal';

runTerminalApp({
  indexHtml: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
  preload: fileURLToPath(new URL('./preload.js', import.meta.url)),
});
