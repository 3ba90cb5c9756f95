/** Puts the agent together: simulators (in simulate mode), the device host, the server. */
import type { AgentConfig } from './config';
import { DeviceHost } from './device-host';
import { hardwareLink, hostDevicesFromConfig } from './links';
import { type AgentServer, startAgentServer } from './server';
import { Simulation, type SimulationOptions } from './simulate';

export interface StartAgentOptions {
  config: AgentConfig;
  /** Runs every configured device against its simulator. */
  simulate: boolean;
  simulation?: SimulationOptions;
  log?: (line: string) => void;
}

export interface RunningAgent {
  host: DeviceHost;
  server: AgentServer;
  simulation: Simulation | null;
  urls: {
    /** The device check page; the token rides in the fragment, which is never sent to a server. */
    check: string;
    /** The simulators' control page, in simulate mode. */
    control: string | null;
    /** The WebSocket endpoint of the TerminalBridge. */
    bridge: string;
  };
  close(): Promise<void>;
}

export async function startAgent(options: StartAgentOptions): Promise<RunningAgent> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const simulation = options.simulate ? await Simulation.start(config.devices, options.simulation) : null;
  const host = new DeviceHost(hostDevicesFromConfig(config.devices, simulation ? simulation.link : hardwareLink), {
    log,
  });
  let server: AgentServer;
  try {
    server = await startAgentServer({
      bridge: host,
      hello: {
        terminalId: config.terminal.id,
        role: config.terminal.role,
        simulated: simulation !== null,
        devices: [...host.kinds],
      },
      token: config.agent.token,
      port: config.agent.port,
      allowedOrigins: config.agent.allowedOrigins,
      ...(simulation ? { control: simulation } : {}),
      log,
    });
  } catch (error) {
    await host.close();
    await simulation?.close();
    throw error;
  }
  const fragment = `#token=${encodeURIComponent(config.agent.token)}`;
  let closing: Promise<void> | null = null;
  return {
    host,
    server,
    simulation,
    urls: {
      check: `${server.origin}/${fragment}`,
      control: simulation ? `${server.origin}/control${fragment}` : null,
      bridge: `${server.origin.replace('http:', 'ws:')}/bridge?token=${encodeURIComponent(config.agent.token)}`,
    },
    close() {
      closing ??= (async () => {
        await server.close();
        await host.close();
        await simulation?.close();
      })();
      return closing;
    },
  };
}
