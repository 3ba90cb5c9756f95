import { type BridgeStatus, zhCN } from '@yimen/protocol';
import { ConnectionBanner } from '@yimen/shell/browser/components/ConnectionBanner';
import { SettingsGate } from '@yimen/shell/browser/components/SettingsGate';
import type { EnrolledTerminal } from '@yimen/shell/browser/components/TerminalApp';
import { reportDevices } from '@yimen/shell/browser/device-report';
import { createBridge } from '@yimen/shell/browser/environment';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { Speaker } from '@yimen/shell/browser/speaker';
import { useDevices } from '@yimen/shell/browser/use-devices';
import { useHall } from '@yimen/shell/browser/use-hall';
import { useIdle } from '@yimen/shell/browser/use-idle';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { KioskController } from './flow/kiosk-controller';
import { idles } from './flow/kiosk-flow';
import { Frame } from './screens/Frame';
import { HomeBar } from './screens/HomeScreen';
import { KioskScreen } from './screens/KioskScreen';

const K = zhCN.kiosk;
const T = zhCN.terminal;

/** What the devices and the hall allow right now, for every screen to draw from. */
export interface Capabilities {
  readonly hallOnline: boolean;
  /** The printer can put out a slip: ready, with paper, cover closed. */
  readonly canPrint: boolean;
  readonly paperLow: boolean;
  readonly cardReader: boolean;
}

function capabilities(status: BridgeStatus, hallOnline: boolean): Capabilities {
  const printer = status.devices.printer;
  const paper = status.printer;
  return {
    hallOnline,
    canPrint: printer?.state === 'ready' && !paper?.paperOut && !paper?.coverOpen,
    paperLow: paper?.paperNearEnd === true,
    cardReader: status.devices.idcard?.state === 'ready',
  };
}

export function KioskRoot({ terminal }: { readonly terminal: EnrolledTerminal }) {
  const { env, record } = terminal;
  const [agentRefused, setAgentRefused] = useState(false);
  /** Read by the controller when a card's lookup comes back: whether to invite a choice at all. */
  const canIssue = useRef(false);
  const [spoken, setSpoken] = useState('');
  const connection = useMemo(
    () => new HallConnection({ url: record.hallUrl, auth: { token: record.token }, partialEvents: true }),
    [record.hallUrl, record.token],
  );
  // Each long-lived object is rebuilt, and closed, only when what it is made from changes: a
  // new record (a PIN try, a setting) must not tear down the hall link or the devices.
  useEffect(() => () => connection.close(), [connection]);
  const agentUrl = record.agent?.url ?? null;
  const agentToken = record.agent?.token ?? null;
  const bridge = useMemo(
    () =>
      createBridge(env, agentUrl && agentToken ? { url: agentUrl, token: agentToken } : null, () =>
        setAgentRefused(true),
      ),
    [env, agentUrl, agentToken],
  );
  useEffect(() => () => bridge.dispose(), [bridge]);
  const speaker = useMemo(() => new Speaker({ clipBase: env.clipBase, onSpeak: setSpoken }), [env]);
  useEffect(() => () => speaker.silence(), [speaker]);
  const controller = useMemo(
    () =>
      new KioskController({
        hall: {
          request: connection.request.bind(connection),
          get online() {
            return connection.state === 'online';
          },
          onOnline(listener) {
            let was = connection.state === 'online';
            return connection.onChange(() => {
              const now = connection.state === 'online';
              if (now && !was) listener();
              was = now;
            });
          },
        },
        bridge,
        speaker,
        config: () => connection.config,
        now: Date.now,
        canIssue: () => canIssue.current,
      }),
    [connection, bridge, speaker],
  );
  useEffect(() => () => controller.dispose(), [controller]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => controller.subscribe(rerender), [controller]);
  const hall = useHall(connection);
  const devices = useDevices(bridge);

  useEffect(() => {
    const offCard = bridge.on('card', (e) => controller.card(e));
    const offRejected = bridge.on('cardRejected', (e) =>
      controller.dispatch({ type: 'cardRejected', message: e.message }),
    );
    const start = () => void bridge.idcard.start();
    start();
    const offConnection = bridge.onConnection((up) => up && start());
    return () => {
      offCard();
      offRejected();
      offConnection();
    };
  }, [bridge, controller]);
  useEffect(() => reportDevices(bridge, connection), [bridge, connection]);

  const state = controller.state;
  const done = state.screen.name === 'done' || state.screen.name === 'failed';
  const goHome = useCallback(() => controller.dispatch({ type: 'idle' }), [controller]);
  const secondsLeft = useIdle(idles(state.screen), done ? 20 : record.idleSeconds, goHome);
  useEffect(() => {
    if (!state.notice) return;
    const timer = setTimeout(() => controller.dispatch({ type: 'notice', message: null }), 6000);
    return () => clearTimeout(timer);
  }, [state.notice, controller]);

  const [asking, setAsking] = useState(false);

  const caps = capabilities(devices.status, hall.state === 'online');
  canIssue.current = caps.hallOnline && caps.canPrint;
  const banners: string[] = [];
  if (agentRefused) banners.push(T.devicesRefused);
  else if (!devices.connected) banners.push(T.devicesOffline);
  else {
    if (!caps.canPrint) banners.push(K.printerDown);
    else if (caps.paperLow) banners.push(K.paperLow);
    if (!caps.cardReader) banners.push(K.cardReaderDown);
  }

  return (
    <Frame
      hallName={hall.config?.hallName ?? record.terminal.name}
      timeZone={hall.config?.timeZone ?? 'Asia/Shanghai'}
      elder={state.elder}
      showNav={state.screen.name !== 'home'}
      secondsLeft={secondsLeft}
      onBack={() => controller.dispatch({ type: 'back' })}
      onHome={() => controller.dispatch({ type: 'home' })}
      onSecret={() => setAsking(true)}
      homeBar={<HomeBar controller={controller} elder={state.elder} />}
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
      <KioskScreen state={state} config={hall.config} view={hall.view} caps={caps} controller={controller} />
      <div className="visually-hidden" aria-live="polite" data-testid="voice">
        {spoken}
      </div>
      <SettingsGate
        terminal={terminal}
        asking={asking}
        onClose={() => setAsking(false)}
        timeZone={hall.config?.timeZone ?? 'Asia/Shanghai'}
        devices={devices}
        idleTimeSetting
      />
    </Frame>
  );
}
