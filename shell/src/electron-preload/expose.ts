import { contextBridge, ipcRenderer } from 'electron';
import { TERMINAL_API_KEY } from '../common/terminal-api';
import { createTerminalApi } from './terminal-api';

/** Every terminal's preload: `window.yimen`, and nothing else, across the context boundary. */
export function exposeTerminalApi(): void {
  contextBridge.exposeInMainWorld(TERMINAL_API_KEY, createTerminalApi(ipcRenderer));
}
