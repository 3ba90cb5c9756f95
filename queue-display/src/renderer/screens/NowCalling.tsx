import { type PublicConfig, zhCN } from '@yimen/protocol';
import type { Board } from '../flow/board';

const D = zhCN.display;

export interface NowCallingProps {
  readonly board: Board;
  readonly config: PublicConfig;
  /** The section's class: the hall view's large panel or the windows view's strip. */
  readonly className: string;
  /** The number and the window on lines of their own (the hall view), or on one. */
  readonly split: boolean;
}

/** The latest call: 请 A012 号 到 3号窗口 办理, in LED figures, with its queue. */
export function NowCalling({ board, config, className, split }: NowCallingProps) {
  const { current } = board;
  const category = current ? config.categories.find((c) => c.id === current.categoryId) : undefined;
  const number = current ? (
    <>
      <span className="word">{D.please}</span>
      <span className="led number tabular" data-testid="current-number">
        {current.number}
      </span>
      <span className="word">{D.hao}</span>
    </>
  ) : null;
  const window = current ? (
    <>
      <span className="word">{D.to}</span>
      <span className="led window tabular" data-testid="current-window">
        {zhCN.windowLabel(current.windowNumber)}
      </span>
      <span className="word">{D.serve}</span>
    </>
  ) : null;
  return (
    <section className={className} aria-labelledby="now-title" data-testid="current-call">
      <h2 id="now-title">{D.nowCalling}</h2>
      {!current ? <p className="none">{D.noCalls}</p> : null}
      {current && split ? (
        <>
          <p className="call">{number}</p>
          <p className="call">{window}</p>
        </>
      ) : null}
      {current && !split ? (
        <p className="call">
          {number}
          {window}
        </p>
      ) : null}
      {category ? <p className="category">{category.name}</p> : null}
    </section>
  );
}
