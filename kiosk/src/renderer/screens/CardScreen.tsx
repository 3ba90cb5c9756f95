import { zhCN } from '@yimen/protocol';
import { reopening } from '@yimen/shell/common/time-format';
import { checkInOffer, type Screen } from '../flow/kiosk-flow';
import type { ScreenProps } from './KioskScreen';
import { CategoryTiles, issueBlocked, newKey } from './tiles';

const K = zhCN.kiosk;

/** A card was read: the masked holder, today's booking if any, and what they may take. */
export function CardScreen(props: ScreenProps & { screen: Extract<Screen, { name: 'card' }> }) {
  const { screen, controller, config } = props;
  const { lookup } = screen;
  const offer = checkInOffer(screen);
  const now = Date.now();
  const blocked = issueBlocked(props);
  return (
    <div className="card-screen">
      <section className="holder">
        <h2 data-testid="holder-name">{K.greeting(screen.card.masked.name)}</h2>
        <p className="tabular">{screen.card.masked.idNumber}</p>
        <div className="badges">
          {lookup?.elderly ? <span className="badge">{K.elderly}</span> : null}
          {lookup?.agent ? <span className="badge">{K.agent}</span> : null}
        </div>
        <button
          type="button"
          className="button secondary"
          data-testid="my-cases"
          onClick={() => controller.dispatch({ type: 'openCases' })}
        >
          {zhCN.cases.kioskMine}
        </button>
      </section>
      {screen.notice ? (
        <p className="notice" role="alert">
          {screen.notice}
        </p>
      ) : null}
      {offer ? (
        <section className="appointment" data-testid="appointment" data-check-in={offer.state}>
          <p>
            {K.appointment(
              offer.appointment.categoryName,
              `${offer.appointment.slotStart}-${offer.appointment.slotEnd}`,
            )}
          </p>
          {offer.state === 'open' ? null : (
            <p className="appointment-why">
              {offer.state === 'early'
                ? K.checkInTooEarly(reopening(offer.appointment.checkInFrom, now, config.timeZone))
                : K.checkInTooLate(reopening(offer.appointment.checkInUntil, now, config.timeZone))}
              <br />
              {K.ordinaryOffered}
            </p>
          )}
          <button
            type="button"
            className="button big"
            disabled={blocked !== null || offer.state !== 'open'}
            onClick={() => controller.dispatch({ type: 'checkIn', idempotencyKey: newKey() })}
          >
            {K.checkIn}
          </button>
        </section>
      ) : null}
      {lookup ? (
        <>
          {blocked ? null : <p className="subtitle">{K.chooseCategory}</p>}
          <CategoryTiles {...props} lookup={lookup} />
        </>
      ) : (
        <p className="subtitle">{K.issuing}</p>
      )}
    </div>
  );
}
