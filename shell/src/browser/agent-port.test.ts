import { startAgent } from '@yimen/drivers/agent/agent';
import { AgentConfig } from '@yimen/drivers/agent/config';
import { WebSocket } from 'ws';
import { BridgeClient } from '../common/bridge-client';
import { bridgeContract } from '../testing/bridge-contract';
import { KIOSK_DEVICES } from '../testing/kiosk-devices';
import { AgentPort, type WebSocketLike } from './agent-port';

bridgeContract('browser bridge (device agent over WebSocket)', async () => {
  const token = 'contract-test-token-0123456789';
  const agent = await startAgent({
    config: AgentConfig.parse({
      terminal: { id: 'kiosk-contract', role: 'kiosk' },
      agent: { port: 0, token },
      devices: KIOSK_DEVICES,
    }),
    simulate: true,
  });
  const simulation = agent.simulation;
  if (!simulation) throw new Error('simulate mode has a simulation');
  const port = new AgentPort({
    url: agent.urls.bridge.split('?')[0] as string,
    token,
    WebSocket: WebSocket as unknown as WebSocketLike,
  });
  const bridge = new BridgeClient(port);
  await new Promise<void>((resolve) => (port.connected ? resolve() : port.onConnection((up) => up && resolve())));
  return {
    bridge,
    act: (action) => simulation.act(action),
    state: () => simulation.state(),
    async close() {
      bridge.dispose();
      port.close();
      await agent.close();
    },
  };
});
