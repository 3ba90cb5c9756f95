import { type RunningAgent, startAgent } from '@yimen/drivers/agent/agent';
import { AgentConfig, EXAMPLE_CONFIG } from '@yimen/drivers/agent/config';
import type { ControlState } from '@yimen/drivers/agent/simulate';
import { DEMO_HALL } from '@yimen/hall-server/demo/demo-hall';
import type { Clerk } from '@yimen/protocol';

/** Clerks of the demo hall, for the console's sign-in (passwords are `pw-<staffNo>` in test halls). */
export function demoClerk(index: number): Clerk {
  const clerk = DEMO_HALL.clerks[index];
  if (!clerk) throw new Error(`the demo hall has no clerk ${index}`);
  return clerk;
}

/**
 * A window pad's device agent, every device simulated over a real link (ptys, the HID pad's
 * injected device): rating keys, LED bar, the clerk's caller keypad, the fingerprint module.
 */
export async function startWindowAgent(
  terminalId: string,
  hallOrigins: string[],
): Promise<RunningAgent & { token: string }> {
  const token = `window-agent-token-${terminalId}-${Date.now()}`;
  // The example config's window devices: the agent simulates each over its own pty (or injected HID device).
  const { ratingPad, led, callerBus, fingerprint } = EXAMPLE_CONFIG.devices;
  const agent = await startAgent({
    config: AgentConfig.parse({
      terminal: { id: terminalId, role: 'evaluator' },
      agent: { port: 0, token, allowedOrigins: hallOrigins },
      devices: { ratingPad, led, callerBus, fingerprint },
    }),
    simulate: true,
  });
  return Object.assign(agent, { token });
}

/** Waits until the agent's simulators show what `check` wants (the LED bar, the keypad's display). */
export async function simulated(
  agent: RunningAgent,
  what: string,
  check: (state: ControlState) => boolean,
): Promise<ControlState> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = agent.simulation?.state() as ControlState;
    if (check(state)) return state;
    if (Date.now() > deadline)
      throw new Error(`${what}: simulators show ${JSON.stringify({ led: state.led, keypad: state.keypad })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
