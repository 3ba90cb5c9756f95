import { zhCN } from '@yimen/protocol';
import type { HallState } from '../hall-connection';

const T = zhCN.terminal;

/** A red bar while the hall cannot be reached: the screen says so instead of looking alive. */
export function ConnectionBanner({ state }: { state: HallState }) {
  if (state === 'online') return null;
  return (
    <div className="banner offline" role="alert" data-testid="hall-banner">
      {state === 'unauthorized' ? T.unauthorized : T.hallOffline}
    </div>
  );
}
