import { DEFAULT_DISPLAY_SETTINGS, zhCN } from '@yimen/protocol';
import { ConnectionBanner } from '@yimen/shell/browser/components/ConnectionBanner';
import { SettingsGate } from '@yimen/shell/browser/components/SettingsGate';
import type { EnrolledTerminal } from '@yimen/shell/browser/components/TerminalApp';
import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { Speaker } from '@yimen/shell/browser/speaker';
import { useHall } from '@yimen/shell/browser/use-hall';
import { useNow } from '@yimen/shell/browser/use-now';
import { useSecretTaps } from '@yimen/shell/browser/use-secret-taps';
import { clock } from '@yimen/shell/common/time-format';
import { useEffect, useMemo, useState } from 'react';
import { Announcer } from './flow/announcer';
import { boardOf } from './flow/board';
import { HallLayout } from './screens/HallLayout';
import { WindowsLayout } from './screens/WindowsLayout';

const D = zhCN.display;

declare global {
  interface Window {
    /** What the display has queued to say, for the service engineer's console (and the tests): no sound needed. */
    yimenVoice?: Pick<Announcer, 'queued'>;
  }
}

/**
 * The hall display: connected with its terminal token, it draws the hall from the replayed
 * or live events, announces the live calls, and comes back by itself after the hall was
 * away. Nobody ever needs to touch it, except once to let the browser play sound.
 */
export function DisplayRoot({ terminal }: { readonly terminal: EnrolledTerminal }) {
  const { env, record } = terminal;
  const [spoken, setSpoken] = useState('');
  const [soundBlocked, setSoundBlocked] = useState(false);
  const [asking, setAsking] = useState(false);
  const connection = useMemo(
    () => new HallConnection({ url: record.hallUrl, auth: { token: record.token } }),
    [record.hallUrl, record.token],
  );
  const speaker = useMemo(
    () => new Speaker({ clipBase: env.clipBase, onSpeak: setSpoken, onBlocked: () => setSoundBlocked(true) }),
    [env],
  );
  const announcer = useMemo(
    () => new Announcer(speaker, () => connection.displaySettings ?? DEFAULT_DISPLAY_SETTINGS),
    [speaker, connection],
  );
  // Each closed only when it is replaced: a new record (a PIN try saves one) keeps the link and the voice.
  useEffect(() => () => connection.close(), [connection]);
  useEffect(() => () => speaker.silence(), [speaker]);
  useEffect(() => {
    window.yimenVoice = announcer;
    return connection.onLive((event) => announcer.heard(event));
  }, [connection, announcer]);

  const hall = useHall(connection);
  const now = useNow(5_000);
  const secretTap = useSecretTaps(() => setAsking(true));
  const settings = connection.displaySettings ?? DEFAULT_DISPLAY_SETTINGS;
  const timeZone = hall.config?.timeZone ?? 'Asia/Shanghai';
  const time = clock(now, timeZone);
  const view = hall.view;
  const board =
    view && hall.config
      ? boardOf(
          {
            recentCalls: view.recentCalls,
            waiting: view.summary.waiting,
            windows: view.windows,
            ticket: (id) => view.ticket(id),
          },
          hall.config,
          settings,
        )
      : null;

  return (
    <div className={`display layout-${settings.layout}`}>
      <header className="display-header">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a staff gesture, not a control for citizens. */}
        <h1 onClick={secretTap}>{hall.config?.hallName ?? record.terminal.name}</h1>
        <div className="clock tabular">
          <span>{time.date}</span>
          <strong data-testid="clock">{time.time}</strong>
        </div>
      </header>
      <ConnectionBanner state={hall.state} />
      {board && hall.config ? (
        settings.layout === 'windows' ? (
          <WindowsLayout board={board} config={hall.config} />
        ) : (
          <HallLayout board={board} config={hall.config} />
        )
      ) : (
        <main className="connecting">{zhCN.terminal.hallConnecting}</main>
      )}
      {view?.notice ? (
        <footer className="notice-line" data-testid="notice">
          {view.notice}
        </footer>
      ) : null}
      {soundBlocked ? (
        <button type="button" className="sound-button" onClick={() => setSoundBlocked(false)}>
          {D.enableSound}
        </button>
      ) : null}
      <div className="visually-hidden" aria-live="polite" data-testid="voice">
        {spoken}
      </div>
      <SettingsGate terminal={terminal} asking={asking} onClose={() => setAsking(false)} timeZone={timeZone} />
    </div>
  );
}
