/** The hall display's preload: `window.yimen` (the settings file, quit) and nothing else. */
import { exposeTerminalApi } from '@yimen/shell/electron-preload/expose';

exposeTerminalApi();
