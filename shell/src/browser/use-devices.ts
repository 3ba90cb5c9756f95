import type { BridgeStatus } from '@yimen/protocol';
import { useEffect, useState } from 'react';
import { type BridgeClient, UNREACHABLE_STATUS } from '../common/bridge-client';

export interface DevicesView {
  /** The device layer (agent or Electron main) can be reached. */
  readonly connected: boolean;
  readonly status: BridgeStatus;
}

/** Every device's status, live: the first answer, then each change the device layer pushes. */
export function useDevices(bridge: BridgeClient): DevicesView {
  const [view, setView] = useState<DevicesView>({ connected: bridge.connected, status: UNREACHABLE_STATUS });
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void bridge.status().then((reply) => {
        if (live) setView({ connected: bridge.connected, status: reply.ok ? reply.result : UNREACHABLE_STATUS });
      });
    refresh();
    const offStatus = bridge.on('status', (status) => setView({ connected: bridge.connected, status }));
    const offConnection = bridge.onConnection((up) =>
      up ? refresh() : setView({ connected: false, status: UNREACHABLE_STATUS }),
    );
    return () => {
      live = false;
      offStatus();
      offConnection();
    };
  }, [bridge]);
  return view;
}
