import { zhCN } from '@yimen/protocol';
import type { ScreenProps } from './KioskScreen';
import { CategoryTiles, issueBlocked } from './tiles';

const K = zhCN.kiosk;

/** Home: swipe your card, or tap a category; search, the guide and elder mode below. */
export function HomeScreen(props: ScreenProps & { notice: string | null }) {
  const { caps } = props;
  // With no paper or no hall, inviting a swipe or a tap would promise a ticket that cannot come.
  const canIssue = issueBlocked(props) === null;
  return (
    <div className="home">
      {caps.cardReader && canIssue ? (
        <section className="swipe" aria-label={K.swipeCard}>
          <div className="card-art" aria-hidden="true" />
          <div>
            <h2>{K.swipeCard}</h2>
            <p>{K.swipeHint}</p>
          </div>
        </section>
      ) : null}
      {props.notice ? (
        <p className="notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      {canIssue ? <p className="subtitle">{K.orTap}</p> : null}
      <CategoryTiles {...props} lookup={null} />
    </div>
  );
}

/** Home's footer: search and the guide, and elder mode on or off, never scrolled out of reach. */
export function HomeBar({ controller, elder }: Pick<ScreenProps, 'controller' | 'elder'>) {
  return (
    <>
      {elder ? null : (
        <>
          <button
            type="button"
            className="button secondary big"
            onClick={() => controller.dispatch({ type: 'openSearch' })}
          >
            {K.search}
          </button>
          <button
            type="button"
            className="button secondary big"
            onClick={() => controller.dispatch({ type: 'openGuide', departmentId: null, itemId: null })}
          >
            {K.guide}
          </button>
          <button
            type="button"
            className="button secondary big"
            data-testid="open-cases"
            onClick={() => controller.dispatch({ type: 'openCases' })}
          >
            {zhCN.cases.kioskTitle}
          </button>
        </>
      )}
      <button
        type="button"
        className="button big elder-toggle"
        aria-pressed={elder}
        onClick={() => controller.dispatch({ type: 'toggleElder' })}
      >
        {elder ? K.elderOff : K.elderOn}
      </button>
    </>
  );
}
