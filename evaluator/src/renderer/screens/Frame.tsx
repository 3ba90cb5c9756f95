import { useNow } from '@yimen/shell/browser/use-now';
import { useSecretTaps } from '@yimen/shell/browser/use-secret-taps';
import { clock } from '@yimen/shell/common/time-format';
import type { ReactNode } from 'react';

export interface FrameProps {
  readonly hallName: string;
  readonly windowName: string;
  readonly timeZone: string;
  /** Five taps on the hall's name within three seconds: the PIN, then the settings. */
  readonly onSecret: () => void;
  readonly banners: ReactNode;
  readonly children: ReactNode;
}

/** Every pad screen: the hall's header with the window and the clock, banners, the screen. */
export function Frame(props: FrameProps) {
  const now = useNow(15_000);
  const secretTap = useSecretTaps(props.onSecret);
  const time = clock(now, props.timeZone);
  return (
    <div className="pad">
      <header className="pad-header">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a staff gesture, not a control for citizens. */}
        <h1 onClick={secretTap}>{props.hallName}</h1>
        <p className="window-name" data-testid="window-name">
          {props.windowName}
        </p>
        <div className="clock tabular">
          <span>{time.date}</span>
          <strong>{time.time}</strong>
        </div>
      </header>
      {props.banners}
      <main className="pad-main">{props.children}</main>
    </div>
  );
}
