/** The window pad's preload: `window.yimen` (the device bridge, the settings file, quit) and nothing else. */
import { exposeTerminalApi } from '@yimen/shell/electron-preload/expose';

exposeTerminalApi();
