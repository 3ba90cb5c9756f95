/** The device agent: a terminal's devices as a TerminalBridge, served on 127.0.0.1. */
export { type RunningAgent, type StartAgentOptions, startAgent } from './agent';
export {
  AgentConfig,
  type AgentConfigInput,
  ConfigError,
  DevicesConfig,
  defaultSimulateConfig,
  EXAMPLE_CONFIG,
  loadConfig,
  parseConfig,
} from './config';
export { DeviceHost, type DeviceHostOptions, type HostDevices } from './device-host';
export { handleMessage } from './dispatch';
export { toBridgeError } from './errors';
export { hardwareLink, hostDevicesFromConfig, type LinkFor } from './links';
export { type AgentServer, type AgentServerOptions, type ControlTarget, startAgentServer } from './server';
export { ControlAction, type ControlState, Simulation, type SimulationOptions } from './simulate';
