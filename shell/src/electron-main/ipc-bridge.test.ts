import { EventEmitter } from 'node:events';
import { DevicesConfig } from '@yimen/drivers/agent/config';
import { DeviceHost } from '@yimen/drivers/agent/device-host';
import { hostDevicesFromConfig } from '@yimen/drivers/agent/links';
import { Simulation } from '@yimen/drivers/agent/simulate';
import { ElectronPort } from '../browser/electron-port';
import { BridgeClient } from '../common/bridge-client';
import { createTerminalApi, type RendererIpc } from '../electron-preload/terminal-api';
import { bridgeContract } from '../testing/bridge-contract';
import { KIOSK_DEVICES } from '../testing/kiosk-devices';
import { type EventSink, type MainIpc, serveBridgeOverIpc } from './ipc-bridge';

const APP_URL = 'file:///opt/yimen/kiosk/dist/renderer/index.html';

/**
 * Electron's IPC, faked as a pair: what the renderer invokes reaches main's handlers, what
 * main sends reaches the renderer's listeners, each crossing a structured clone as in Electron.
 */
function fakeIpcPair(frameUrl: string): { main: MainIpc; sink: EventSink; renderer: RendererIpc } {
  const handlers = new Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => unknown>();
  const toRenderer = new EventEmitter();
  const main: MainIpc = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const sink: EventSink = {
    send: (channel, ...args) => toRenderer.emit(channel, {}, ...structuredClone(args)),
    isDestroyed: () => false,
  };
  const renderer: RendererIpc = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return structuredClone(await handler({ senderFrame: { url: frameUrl } }, ...structuredClone(args)));
    },
    on: (channel, listener) => toRenderer.on(channel, listener),
    removeListener: (channel, listener) => toRenderer.removeListener(channel, listener),
    send: () => {},
  };
  return { main, sink, renderer };
}

bridgeContract('Electron bridge (preload ⇄ IPC ⇄ main)', async () => {
  const devices = DevicesConfig.parse(KIOSK_DEVICES);
  const simulation = await Simulation.start(devices);
  const host = new DeviceHost(hostDevicesFromConfig(devices, simulation.link));
  const { main, sink, renderer } = fakeIpcPair(APP_URL);
  const stop = serveBridgeOverIpc(main, host, sink, (url) => url === APP_URL);
  const bridge = new BridgeClient(new ElectronPort(createTerminalApi(renderer)));
  return {
    bridge,
    act: (action) => simulation.act(action),
    state: () => simulation.state(),
    async close() {
      bridge.dispose();
      stop();
      await host.close();
      await simulation.close();
    },
  };
});
