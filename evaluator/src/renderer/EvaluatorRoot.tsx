import { zhCN } from '@yimen/protocol';
import { ConnectionBanner } from '@yimen/shell/browser/components/ConnectionBanner';
import { PinPad } from '@yimen/shell/browser/components/PinPad';
import { SettingsPanel } from '@yimen/shell/browser/components/SettingsPanel';
import { reportDevices } from '@yimen/shell/browser/device-report';
import { createBridge, type Environment } from '@yimen/shell/browser/environment';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { useDevices } from '@yimen/shell/browser/use-devices';
import { useHall } from '@yimen/shell/browser/use-hall';
import { checkPin } from '@yimen/shell/common/pin';
import type { TerminalRecord } from '@yimen/shell/common/terminal-record';
import { reopening } from '@yimen/shell/common/time-format';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { EvaluatorController } from './flow/evaluator-controller';
import { EvaluatorScreen } from './screens/EvaluatorScreen';
import { Frame } from './screens/Frame';

const T = zhCN.terminal;

export interface EvaluatorRootProps {
  readonly env: Environment;
  readonly record: TerminalRecord;
  readonly onRecord: (record: TerminalRecord) => void;
  readonly onForget: () => void;
}

/** The window pad: the hall connection, the window's devices, the controller, the screens. */
export function EvaluatorRoot({ env, record, onRecord, onForget }: EvaluatorRootProps) {
  const [agentRefused, setAgentRefused] = useState(false);
  const connection = useMemo(
    // The hall sends a window's pad only its window's events.
    () => new HallConnection({ url: record.hallUrl, auth: { token: record.token }, partialEvents: true }),
    [record.hallUrl, record.token],
  );
  const bridge = useMemo(() => createBridge(env, record.agent, () => setAgentRefused(true)), [env, record]);
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
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => controller.subscribe(rerender), [controller]);
  const hall = useHall(connection);
  const devices = useDevices(bridge);

  useEffect(() => {
    const offReport = reportDevices(bridge, connection);
    return () => {
      offReport();
      controller.dispose();
      bridge.dispose();
      connection.close();
    };
  }, [bridge, connection, controller]);

  const [pin, setPin] = useState<'closed' | 'asking' | 'open'>('closed');
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const timeZone = hall.config?.timeZone ?? 'Asia/Shanghai';
  const submitPin = async (entered: string) => {
    const result = await checkPin(record, entered, Date.now());
    await env.store.save(result.record);
    onRecord(result.record);
    if (result.ok) {
      setPin('open');
      setPinMessage(null);
    } else if (result.lockedUntil) setPinMessage(T.pinLocked(reopening(result.lockedUntil, Date.now(), timeZone)));
    else setPinMessage(T.pinWrong(result.triesLeft));
  };

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
      onSecret={() => setPin('asking')}
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
      {pin === 'asking' ? (
        <PinPad
          message={pinMessage}
          disabled={record.pinLockedUntil !== null && record.pinLockedUntil > Date.now()}
          onSubmit={(p) => void submitPin(p)}
          onCancel={() => {
            setPin('closed');
            setPinMessage(null);
          }}
        />
      ) : null}
      {pin === 'open' ? (
        <SettingsPanel
          record={record}
          devices={devices}
          onForget={onForget}
          {...(env.electron ? { onQuit: () => env.electron?.quit() } : {})}
          onClose={() => setPin('closed')}
        />
      ) : null}
    </Frame>
  );
}
