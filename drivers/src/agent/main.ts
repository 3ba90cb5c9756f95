/**
 * The device agent's command line:
 *
 *   tsx drivers/src/agent/main.ts --config agent.json        real devices
 *   tsx drivers/src/agent/main.ts --config agent.json --simulate
 *   tsx drivers/src/agent/main.ts --simulate                  a kiosk with every device simulated
 *   tsx drivers/src/agent/main.ts --example-config            prints a documented example config
 *
 * `--port N` overrides the configured port (0 picks a free one).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type RunningAgent, startAgent } from './agent';
import { type AgentConfig, ConfigError, defaultSimulateConfig, EXAMPLE_CONFIG, loadConfig } from './config';

const USAGE = 'usage: tsx drivers/src/agent/main.ts (--config <file.json> [--simulate] | --simulate) [--port <n>]';
const SHUTDOWN_LIMIT_MS = 5000;

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

function portOverride(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`--port ${text} is not a port`);
  return port;
}

async function configFrom(values: { config?: string; simulate?: boolean; port?: string }): Promise<AgentConfig> {
  let config: AgentConfig;
  if (values.config) config = await loadConfig(values.config);
  else if (values.simulate) config = defaultSimulateConfig(randomBytes(24).toString('base64url'));
  else throw new ConfigError(USAGE);
  const port = portOverride(values.port);
  return port === undefined ? config : { ...config, agent: { ...config.agent, port } };
}

function shutdownOn(agent: RunningAgent): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping devices`);
    const limit = setTimeout(() => {
      log('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    agent.close().then(
      () => {
        clearTimeout(limit);
        process.exit(0);
      },
      (error: unknown) => {
        log(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      simulate: { type: 'boolean', default: false },
      port: { type: 'string' },
      'example-config': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values['example-config']) {
    process.stdout.write(`${JSON.stringify(EXAMPLE_CONFIG, null, 2)}\n`);
    return;
  }
  const config = await configFrom(values);
  // Devices report their failures as statuses; anything that slips through is logged, not fatal.
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${String(reason)}`));
  const agent = await startAgent({ config, simulate: values.simulate, log });
  shutdownOn(agent);
  const lines = [
    `Yimen 设备代理 · 终端 ${config.terminal.id} (${config.terminal.role})${values.simulate ? ' · 模拟设备' : ''}`,
    `  devices:      ${agent.host.kinds.join(', ') || '(none)'}`,
    `  check page:   ${agent.urls.check}`,
    ...(agent.urls.control ? [`  control page: ${agent.urls.control}`] : []),
    `  bridge:       ${agent.urls.bridge}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
