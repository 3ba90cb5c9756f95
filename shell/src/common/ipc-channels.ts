/** IPC channel names between an Electron terminal's preload and its main process. */
export const IPC = {
  /** renderer → main: one bridge request envelope; main answers with the reply envelope. */
  bridgeRequest: 'yimen:bridge:request',
  /** main → renderer: pushed bridge events `{event, payload}`. */
  bridgeEvent: 'yimen:bridge:event',
  /** renderer → main: the terminal's saved settings (hall URL, token, PIN hash), or null. */
  configLoad: 'yimen:config:load',
  /** renderer → main: save settings; main writes them to the config file in the user-data folder. */
  configSave: 'yimen:config:save',
  /** renderer → main: leave kiosk mode and quit, after the PIN was checked. */
  quit: 'yimen:app:quit',
} as const;
