import type { HolderAvailability, KioskLookup } from '@yimen/protocol';
import { zhCN } from '@yimen/protocol';
import { elderCategories } from '../flow/elder-choices';
import { CategoryTile, unavailableReason } from './CategoryTile';
import type { ScreenProps } from './KioskScreen';

const K = zhCN.kiosk;

/** Why nothing can be issued now, whatever the category: no hall, no paper. */
export function issueBlocked({ caps }: Pick<ScreenProps, 'caps'>): string | null {
  if (!caps.hallOnline) return K.offlineNoTickets;
  if (!caps.canPrint) return K.printerDown;
  return null;
}

/**
 * Why a ticket for this queue cannot be taken by a tap right now, or null: nothing issues,
 * the queue stopped issuing (said first: a card would not help), or it needs a card.
 */
export function tapBlocked(props: Pick<ScreenProps, 'caps' | 'config' | 'view'>, categoryId: string): string | null {
  const category = props.config.categories.find((c) => c.id === categoryId);
  const availability = props.view?.summary.availability[categoryId] ?? { state: 'open' as const };
  return (
    issueBlocked(props) ??
    unavailableReason(availability, Date.now(), props.config.timeZone) ??
    (category?.requiresIdCard ? K.needsCard : null)
  );
}

/** 取号（社会保障）: a ticket for an item's queue in one tap, off when `tapBlocked` gives a reason. */
export function TakeButton(
  props: Pick<ScreenProps, 'config' | 'controller'> & { categoryId: string; why: string | null; className: string },
) {
  const category = props.config.categories.find((c) => c.id === props.categoryId);
  return (
    <button
      type="button"
      className={props.className}
      disabled={props.why !== null}
      onClick={() =>
        props.controller.dispatch({ type: 'choose', categoryId: props.categoryId, idempotencyKey: newKey() })
      }
    >
      {K.takeFor(category?.name ?? '')}
    </button>
  );
}

let keys = 0;
/** A fresh idempotency key per attempt; a retry of the same attempt reuses it. */
export function newKey(): string {
  return `${Date.now().toString(36)}-${(keys++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The category tiles, with or without a card's holder-specific availability. */
export function CategoryTiles(props: ScreenProps & { lookup: KioskLookup | null }) {
  const { config, view, controller } = props;
  const shown =
    props.elder && !props.allCategories ? elderCategories(config.categories, props.lookup) : config.categories;
  const blocked = issueBlocked(props);
  const summary = view?.summary;
  const now = Date.now();
  return (
    <>
      {blocked ? (
        <p className="notice blocked" role="alert" data-testid="blocked">
          {blocked}
        </p>
      ) : null}
      <div className="tiles">
        {shown.map((c) => {
          const availability: HolderAvailability = props.lookup?.categories[c.id] ??
            summary?.availability[c.id] ?? { state: 'open' };
          const needsCard = !props.lookup && c.requiresIdCard ? K.needsCard : null;
          return (
            <CategoryTile
              key={c.id}
              category={c}
              waiting={summary?.waiting[c.id] ?? 0}
              estimatedMin={summary?.estimatedWaitMin[c.id] ?? 0}
              windowsOpen={summary?.windowsOpen[c.id] ?? false}
              availability={availability}
              blocked={blocked ? '' : needsCard}
              now={now}
              timeZone={config.timeZone}
              onChoose={() => controller.dispatch({ type: 'choose', categoryId: c.id, idempotencyKey: newKey() })}
              {...(availability.state === 'holding'
                ? { onReprint: () => controller.dispatch({ type: 'reprint', ticketId: availability.ticketId }) }
                : {})}
            />
          );
        })}
      </div>
      {shown.length < config.categories.length ? (
        <button
          type="button"
          className="button secondary big more-categories"
          onClick={() => controller.dispatch({ type: 'moreCategories' })}
        >
          {K.moreCategories}
        </button>
      ) : null}
    </>
  );
}
