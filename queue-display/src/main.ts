/**
 * The hall display's Electron main process: one full-screen kiosk-mode window on the dark
 * ground of the display. It has no devices of its own (an empty devices.json, or none);
 * everything else is in the renderer and in shell.
 */
import { fileURLToPath } from 'node:url';
import { runTerminalApp } from '@yimen/shell/electron-main/run-terminal';

runTerminalApp({
  indexHtml: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
  preload: fileURLToPath(new URL('./preload.js', import.meta.url)),
  dark: true,
});
