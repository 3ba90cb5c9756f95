import { zhCN } from '@yimen/protocol';
import type { Board } from '../flow/board';

const D = zhCN.display;

/** How many wait in each queue the display shows. */
export function WaitingBar({ board }: { readonly board: Board }) {
  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{D.waiting}</h2>
      <ul data-testid="waiting-counts">
        {board.waiting.map(({ category, count }) => (
          <li key={category.id} data-category={category.id}>
            <span className="prefix">{category.prefix}</span>
            <span className="name">{category.name}</span>
            <span className="count tabular">{D.people(count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
