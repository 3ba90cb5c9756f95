import { type PublicConfig, zhCN } from '@yimen/protocol';
import type { Board } from '../flow/board';
import { NowCalling } from './NowCalling';
import { WaitingBar } from './WaitingBar';

const D = zhCN.display;

/** The hall view: the latest call large, the calls before it, and the waiting counts. */
export function HallLayout({ board, config }: { readonly board: Board; readonly config: PublicConfig }) {
  return (
    <main className="hall-view">
      <NowCalling board={board} config={config} className="now" split />
      <section className="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">{D.recentCalls}</h2>
        <ol data-testid="recent-calls">
          {board.recent.map((c) => (
            <li key={`${c.ticketId}-${c.at}`}>
              <span className="led tabular">{c.number}</span>
              <span className="arrow" aria-hidden="true">
                →
              </span>
              <span className="tabular">{zhCN.windowLabel(c.windowNumber)}</span>
            </li>
          ))}
        </ol>
      </section>
      <WaitingBar board={board} />
    </main>
  );
}
