import { BAD_LEVELS, type PublicConfig, type Ticket, type TicketRatingState, zhCN } from '@yimen/protocol';

const C = zhCN.clerkConsole;

const minutes = (from: number, to: number) => Math.max(0, Math.floor((to - from) / 60_000));

export interface CurrentTicketProps {
  readonly ticket: Ticket | null;
  /** Shown when no ticket is current: the one just finished, and how the citizen rated it (live). */
  readonly lastFinished: Ticket | null;
  readonly lastRating: TicketRatingState | null;
  readonly config: PublicConfig | null;
  readonly now: number;
  /** The window's pause reason while it is paused. */
  readonly paused: string | null;
}

/** The ticket at the window: number, queue, class, wait, holder (masked), recalls, and where it came from. */
/** 待评价, 未评价 or the level given. */
function RatingLine({ rating }: { readonly rating: TicketRatingState }) {
  const text =
    rating.state === 'rated'
      ? zhCN.ratingLevel[rating.level]
      : rating.state === 'unrated'
        ? zhCN.unrated
        : C.ratingAwaiting;
  const tone = rating.state === 'rated' ? (BAD_LEVELS.includes(rating.level) ? 'bad' : 'good') : rating.state;
  return (
    <p className={`last-rating ${tone}`} data-testid="last-rating" aria-live="polite">
      {C.rating}：<strong>{text}</strong>
    </p>
  );
}

export function CurrentTicket({ ticket, lastFinished, lastRating, config, now, paused }: CurrentTicketProps) {
  if (!ticket) {
    return (
      <div className="current idle" data-testid="current">
        {paused !== null ? <p className="paused-now">{C.pausedNow(paused)}</p> : <p className="none">{C.noCurrent}</p>}
        {lastFinished ? (
          <p className="after-service" data-testid="last-finished">
            {C.lastFinished(lastFinished.number)}
          </p>
        ) : null}
        {lastFinished && lastRating?.ticketId === lastFinished.id ? <RatingLine rating={lastRating} /> : null}
      </div>
    );
  }
  const category = config?.categories.find((c) => c.id === ticket.categoryId)?.name ?? ticket.categoryId;
  const from = ticket.transferFromWindowId
    ? (config?.windows.find((w) => w.id === ticket.transferFromWindowId)?.name ?? ticket.transferFromWindowId)
    : null;
  return (
    <div className="current" data-testid="current">
      <div className="headline">
        <span className="number tabular" data-testid="current-number">
          {ticket.number}
        </span>
        <span className={`ticket-status ${ticket.status}`} data-testid="current-status">
          {ticket.status === 'serving' ? C.ticketStatus.serving : C.ticketStatus.called}
        </span>
      </div>
      <dl className="facts">
        <dt>{C.category}</dt>
        <dd>{category}</dd>
        <dt>{C.priority}</dt>
        <dd>{zhCN.priorityLabel[ticket.priority]}</dd>
        <dt>{C.waited}</dt>
        <dd>{C.minutes(minutes(ticket.issuedAt, ticket.calledAt ?? now))}</dd>
        {ticket.startedAt !== null ? (
          <>
            <dt>{C.servingFor}</dt>
            <dd>{C.minutes(minutes(ticket.startedAt, now))}</dd>
          </>
        ) : null}
        <dt>{C.holder}</dt>
        <dd data-testid="holder">
          {ticket.holder ? `${ticket.holder.nameMasked}  ${ticket.holder.idMasked}` : C.noHolder}
        </dd>
        {ticket.recallCount > 0 ? (
          <>
            <dt>{C.actions.recall}</dt>
            <dd data-testid="recalls">{C.recalls(ticket.recallCount)}</dd>
          </>
        ) : null}
      </dl>
      {from || ticket.transferNote ? (
        <div className="transfer-note" data-testid="transfer-note">
          {from ? <strong>{C.transferredFrom(from)}</strong> : null}
          {ticket.transferNote ? (
            <p>
              {C.transferredNote}：{ticket.transferNote}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
