import { zhCN } from '@yimen/protocol';
import { ConnectionBanner } from '@yimen/shell/browser/components/ConnectionBanner';
import { SettingsGate } from '@yimen/shell/browser/components/SettingsGate';
import type { EnrolledTerminal } from '@yimen/shell/browser/components/TerminalApp';
import { reportDevices } from '@yimen/shell/browser/device-report';
import { createBridge } from '@yimen/shell/browser/environment';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { useDevices } from '@yimen/shell/browser/use-devices';
import { useHall } from '@yimen/shell/browser/use-hall';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { EvaluatorController } from './flow/evaluator-controller';
import { EvaluatorScreen } from './screens/EvaluatorScreen';
import { Frame } from './screens/Frame';

const T = zhCN.terminal;

/** The window pad: the hall connection, the window's devices, the controller, the screens. */
export function EvaluatorRoot({ terminal }: { readonly terminal: EnrolledTerminal }) {
  const { env, record } = terminal;
  const [agentRefused, setAgentRefused] = useState(false);
  const [asking, setAsking] = useState(false);
  // Each long-lived object is made from the parts of the record it needs, and closed only when
  // those change: a new record (a PIN try counts and saves one) must not tear down the hall
  // link, the devices or the controller.
  const connection = useMemo(
    // The hall sends a window's pad only its window's events.
    () => new HallConnection({ url: record.hallUrl, auth: { token: record.token }, partialEvents: true }),
    [record.hallUrl, record.token],
  );
  const agentUrl = record.agent?.url ?? null;
  const agentToken = record.agent?.token ?? null;
  const bridge = useMemo(
    () =>
      createBridge(env, agentUrl && agentToken ? { url: agentUrl, token: agentToken } : null, () =>
        setAgentRefused(true),
      ),
    [env, agentUrl, agentToken],
  );
  const windowId = record.terminal.windowId ?? '';
  const controller = useMemo(
    () =>
      new EvaluatorController({
        hall: {
          request: connection.request.bind(connection),
          onLive: connection.onLive.bind(connection),
          onServer: connection.onServer.bind(connection),
          onChange: connection.onChange.bind(connection),
          view: () => connection.view,
          config: () => connection.config,
          online: () => connection.state === 'online',
        },
        bridge,
        windowId,
        now: Date.now,
      }),
    [connection, bridge, windowId],
  );
  useEffect(() => () => controller.dispose(), [controller]);
  useEffect(() => () => bridge.dispose(), [bridge]);
  useEffect(() => () => connection.close(), [connection]);
  useEffect(() => reportDevices(bridge, connection), [bridge, connection]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => controller.subscribe(rerender), [controller]);
  const hall = useHall(connection);
  const devices = useDevices(bridge);
  const timeZone = hall.config?.timeZone ?? 'Asia/Shanghai';

  const { window, ticket } = controller.window();
  const clerk = window?.clerkId ? hall.config?.clerks.find((c) => c.id === window.clerkId) : undefined;
  const windowConfig = hall.config?.windows.find((w) => w.id === windowId);
  const banners: string[] = [];
  if (agentRefused) banners.push(T.devicesRefused);
  else if (!devices.connected) banners.push(T.devicesOffline);

  return (
    <Frame
      hallName={hall.config?.hallName ?? record.terminal.name}
      windowName={windowConfig?.name ?? record.terminal.name}
      timeZone={timeZone}
      onSecret={() => setAsking(true)}
      banners={
        <>
          <ConnectionBanner state={hall.state} />
          {banners.map((b) => (
            <div key={b} className="banner warning" role="status" data-testid="device-banner">
              {b}
            </div>
          ))}
        </>
      }
    >
      <EvaluatorScreen
        state={controller.state}
        rules={controller.rules()}
        window={window}
        ticket={ticket}
        clerk={clerk}
        complaintPhone={hall.config?.complaintPhone ?? ''}
        notice={controller.deskNotice}
        timeZone={timeZone}
        onEvent={(event) => controller.dispatch(event)}
      />
      <SettingsGate
        terminal={terminal}
        asking={asking}
        onClose={() => setAsking(false)}
        timeZone={timeZone}
        devices={devices}
      />
    </Frame>
  );
}
