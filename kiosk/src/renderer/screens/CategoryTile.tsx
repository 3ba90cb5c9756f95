import type { Category, CategoryAvailability, HolderAvailability } from '@yimen/protocol';
import { zhCN } from '@yimen/protocol';
import { reopening } from '@yimen/shell/common/time-format';

const K = zhCN.kiosk;

export interface TileProps {
  readonly category: Category;
  readonly waiting: number;
  readonly estimatedMin: number;
  /** A window serving the queue is open: else no wait can be promised. */
  readonly windowsOpen: boolean;
  readonly availability: CategoryAvailability | HolderAvailability;
  /**
   * Why the tile is off although the category is open (needs a card): null when it is on,
   * '' when it is off for a reason the whole screen already shows (no printer, no hall).
   */
  readonly blocked: string | null;
  readonly now: number;
  readonly timeZone: string;
  readonly onChoose: () => void;
  readonly onReprint?: () => void;
}

/** Why a queue cannot be taken now (closed, full, the holder's limit or open ticket); null when it can. */
export function unavailableReason(
  a: CategoryAvailability | HolderAvailability,
  now: number,
  timeZone: string,
): string | null {
  switch (a.state) {
    case 'open':
      return null;
    case 'closed':
      return a.reopensAt ? K.closedUntil(reopening(a.reopensAt, now, timeZone)) : K.closed;
    case 'full':
      return a.reopensAt ? K.fullUntil(reopening(a.reopensAt, now, timeZone)) : K.full;
    case 'idLimit':
      return K.idLimit;
    case 'holding':
      return K.holding(a.number);
  }
}

/** One queue: its name, who waits, the wait, and why it cannot be taken when it cannot. */
export function CategoryTile(props: TileProps) {
  const why = unavailableReason(props.availability, props.now, props.timeZone) ?? props.blocked;
  const holding = props.availability.state === 'holding' ? props.availability : null;
  if (holding) {
    return (
      <div className="tile holding" data-category={props.category.id}>
        <span className="tile-name">{props.category.name}</span>
        <span className="tile-why">{why}</span>
        {holding.reprintsLeft > 0 && props.onReprint ? (
          <button
            type="button"
            className="button tile-action"
            disabled={props.blocked !== null}
            onClick={props.onReprint}
          >
            {K.reprint}
          </button>
        ) : (
          <span className="tile-why">{K.noReprint}</span>
        )}
      </div>
    );
  }
  return (
    <button
      type="button"
      className="tile"
      data-category={props.category.id}
      disabled={why !== null}
      onClick={props.onChoose}
    >
      <span className="tile-name">{props.category.name}</span>
      <span className="tile-figures tabular">
        {K.waiting(props.waiting)} · {zhCN.waitText(props.estimatedMin, props.windowsOpen)}
      </span>
      {why ? <span className="tile-why">{why}</span> : null}
    </button>
  );
}
