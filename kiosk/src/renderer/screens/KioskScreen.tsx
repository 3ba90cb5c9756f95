import type { PublicConfig } from '@yimen/protocol';
import type { HallView } from '@yimen/shell/common/hall-view';
import type { KioskController } from '../flow/kiosk-controller';
import type { KioskState } from '../flow/kiosk-flow';
import type { Capabilities } from '../KioskRoot';
import { CardScreen } from './CardScreen';
import { CasesScreen } from './CasesScreen';
import { GuideScreen } from './GuideScreen';
import { HomeScreen } from './HomeScreen';
import { DoneScreen, FailedScreen, ProgressScreen } from './ResultScreens';
import { SearchScreen } from './SearchScreen';

export interface ScreenProps {
  readonly config: PublicConfig;
  readonly view: HallView | null;
  readonly caps: Capabilities;
  readonly controller: KioskController;
  readonly elder: boolean;
  /** Elder mode shows every queue (更多业务 was tapped). */
  readonly allCategories: boolean;
}

/** Renders the flow's state; every decision was made in the flow. */
export function KioskScreen({
  state,
  config,
  ...rest
}: Omit<ScreenProps, 'config' | 'elder' | 'allCategories'> & { state: KioskState; config: PublicConfig | null }) {
  if (!config) return <ProgressScreen text="" />;
  const props: ScreenProps = { ...rest, config, elder: state.elder, allCategories: state.allCategories };
  const { screen } = state;
  switch (screen.name) {
    case 'home':
      return <HomeScreen {...props} notice={state.notice} />;
    case 'card':
      return <CardScreen {...props} screen={screen} />;
    case 'issuing':
      return <ProgressScreen text={screen.waitingForHall ? 'waitingForHall' : 'issuing'} />;
    case 'printing':
      return <ProgressScreen text="printing" />;
    case 'done':
      return <DoneScreen {...props} ticket={screen.ticket} />;
    case 'failed':
      return <FailedScreen message={screen.message} deskAdvice={screen.deskAdvice} />;
    case 'search':
      return <SearchScreen {...props} query={screen.query} />;
    case 'cases':
      return <CasesScreen {...props} screen={screen} />;
    case 'guide':
      return <GuideScreen {...props} departmentId={screen.departmentId} itemId={screen.itemId} notice={state.notice} />;
  }
}
