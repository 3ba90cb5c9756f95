import type { BridgeStatus } from '@yimen/protocol';
import type { BridgeClient } from '../common/bridge-client';
import type { HallConnection } from './hall-connection';

/**
 * Tells the hall about this terminal's devices: on every change, and each time the
 * connection comes back (the hall keeps their history and shows it to the admins).
 */
export function reportDevices(bridge: BridgeClient, hall: HallConnection): () => void {
  let last: BridgeStatus | null = null;
  let sentFor: string | null = null;
  const send = () => {
    if (!last || hall.state !== 'online') return;
    const key = JSON.stringify(last);
    if (key === sentFor) return;
    sentFor = key;
    void hall.request('terminal:devices', { status: last }).then((ack) => {
      if (!ack.ok) sentFor = null;
    });
  };
  const offStatus = bridge.on('status', (status) => {
    last = status;
    send();
  });
  let wasOnline = hall.state === 'online';
  const offHall = hall.onChange(() => {
    const online = hall.state === 'online';
    if (online && !wasOnline) sentFor = null;
    wasOnline = online;
    send();
  });
  void bridge.status().then((reply) => {
    if (reply.ok) {
      last = reply.result;
      send();
    }
  });
  return () => {
    offStatus();
    offHall();
  };
}
