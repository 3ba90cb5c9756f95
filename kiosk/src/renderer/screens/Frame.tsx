import { zhCN } from '@yimen/protocol';
import { useNow } from '@yimen/shell/browser/use-now';
import { useSecretTaps } from '@yimen/shell/browser/use-secret-taps';
import { clock } from '@yimen/shell/common/time-format';
import type { ReactNode } from 'react';

const K = zhCN.kiosk;

export interface FrameProps {
  readonly hallName: string;
  readonly timeZone: string;
  readonly elder: boolean;
  readonly showNav: boolean;
  readonly secondsLeft: number | null;
  readonly onBack: () => void;
  readonly onHome: () => void;
  /** Five taps on the hall's name within three seconds: the PIN, then the settings. */
  readonly onSecret: () => void;
  readonly banners: ReactNode;
  /** What the footer holds where 返回 · 首页 have no place (home): its own actions, in the same place. */
  readonly homeBar: ReactNode;
  readonly children: ReactNode;
}

/** Every kiosk screen: the hall's header with the clock, banners, the screen, and 返回 · 首页 in the same place. */
export function Frame(props: FrameProps) {
  const now = useNow(15_000);
  const secretTap = useSecretTaps(props.onSecret);
  const time = clock(now, props.timeZone);
  return (
    <div className={`kiosk contrast-aaa${props.elder ? ' elder' : ''}`}>
      <header className="kiosk-header">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a staff gesture, not a control for citizens. */}
        <h1 onClick={secretTap}>{props.hallName}</h1>
        <div className="clock tabular">
          <span>{time.date}</span>
          <strong>{time.time}</strong>
        </div>
      </header>
      {props.banners}
      {/* Focusable, so a long screen can be scrolled from a keyboard too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable. */}
      <main className="kiosk-main" tabIndex={0}>
        {props.children}
      </main>
      {props.showNav ? (
        <nav className="kiosk-nav">
          <button type="button" className="nav-button" data-testid="nav-back" onClick={props.onBack}>
            ‹ {K.back}
          </button>
          <span className="countdown tabular" data-testid="countdown">
            {props.secondsLeft !== null ? K.idleIn(props.secondsLeft) : ''}
          </span>
          <button type="button" className="nav-button" data-testid="nav-home" onClick={props.onHome}>
            {K.home}
          </button>
        </nav>
      ) : (
        <nav className="kiosk-nav home-bar">{props.homeBar}</nav>
      )}
    </div>
  );
}
