import {
  type BadRatingReason,
  type Clerk,
  type RatingRules,
  type Ticket,
  type WindowView,
  zhCN,
} from '@yimen/protocol';
import { clock } from '@yimen/shell/common/time-format';
import { useEffect, useState } from 'react';
import { type EvaluatorEvent, type EvaluatorState, levelsOf, secondsLeft } from '../flow/evaluator-flow';
import type { DeskNotice } from '../flow/fingerprint-desk';

const E = zhCN.evaluator;

export interface EvaluatorScreenProps {
  readonly state: EvaluatorState;
  readonly rules: RatingRules;
  readonly window: WindowView | undefined;
  readonly ticket: Ticket | undefined;
  readonly clerk: Clerk | undefined;
  readonly complaintPhone: string;
  readonly notice: DeskNotice | null;
  readonly timeZone: string;
  readonly onEvent: (event: EvaluatorEvent) => void;
}

const REASONS = Object.keys(zhCN.badRatingReason) as BadRatingReason[];
const PHONE_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0'];

/** Re-renders every half second while a countdown shows. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function Idle({ window, ticket, clerk, complaintPhone }: EvaluatorScreenProps) {
  if (!window || window.status === 'closed' || !clerk) {
    return (
      <section className="idle empty" data-testid="screen-nobody">
        <h2 className="state-title">{E.nobody}</h2>
        <p>{E.nobodyHint}</p>
      </section>
    );
  }
  const card = (
    <div className="clerk-card" data-testid="clerk-card">
      <img className="photo" src={clerk.photoUrl} alt={clerk.name} width={240} height={320} />
      <div className="facts">
        <p className="on-duty">{E.onDuty}</p>
        <p className="name" data-testid="clerk-name">
          {clerk.name}
        </p>
        <dl>
          <dt>{E.position}</dt>
          <dd>{clerk.position}</dd>
          <dt>{E.staffNo}</dt>
          <dd className="tabular" data-testid="clerk-staff-no">
            {clerk.staffNo}
          </dd>
          <dt>{E.complaintPhone}</dt>
          <dd className="tabular">{complaintPhone}</dd>
        </dl>
      </div>
    </div>
  );
  if (window.status === 'paused') {
    return (
      <section className="idle paused" data-testid="screen-paused">
        <h2 className="state-title alert">{E.paused}</h2>
        {window.pauseReason && window.pauseReason !== E.paused ? <p>{E.pausedHint(window.pauseReason)}</p> : null}
        {card}
      </section>
    );
  }
  return (
    <section className="idle" data-testid="screen-idle">
      {card}
      {ticket && (ticket.status === 'called' || ticket.status === 'serving') ? (
        <p className="serving tabular" data-testid="serving">
          {E.serving(ticket.number)}
        </p>
      ) : null}
    </section>
  );
}

function Countdown({ seconds }: { seconds: number | null }) {
  return (
    <p className="countdown tabular" data-testid="countdown">
      {seconds === null ? '' : E.secondsLeft(seconds)}
    </p>
  );
}

function noticeText(notice: DeskNotice, timeZone: string): string {
  switch (notice.kind) {
    case 'punched':
      return notice.signedIn ? E.signedIn(notice.name) : E.punched(notice.name, clock(notice.at, timeZone).time);
    case 'unknown':
      return E.punchUnknown;
    case 'signIn':
      return E.signInPrompt(notice.code);
    case 'enrolling':
      return `${E.enrolling(notice.clerkName)}：${E.enrolSteps[notice.step]}`;
    case 'done':
      return '';
  }
}

/** The pad: the clerk on duty, or the rating being asked for, its reason, the thanks. */
export function EvaluatorScreen(props: EvaluatorScreenProps) {
  const { state, rules, onEvent, notice } = props;
  const { screen } = state;
  const now = useNow(screen.name === 'rating' || screen.name === 'reason');
  const toast = notice ? (
    <div className={`toast ${notice.kind}`} role="status" data-testid="desk-notice">
      {noticeText(notice, props.timeZone)}
    </div>
  ) : null;

  let body: React.ReactNode;
  switch (screen.name) {
    case 'idle':
      body = <Idle {...props} />;
      break;
    case 'rating':
    case 'sending':
      body = (
        <section className="rating" data-testid="screen-rating" aria-busy={screen.name === 'sending'}>
          <h2>{E.askRating}</h2>
          <p className="hint tabular">{E.askRatingHint(screen.asked.number)}</p>
          <fieldset className="levels">
            <legend className="visually-hidden">{E.askRating}</legend>
            {levelsOf(rules).map((level) => (
              <button
                key={level}
                type="button"
                className={`level level-${level}`}
                data-level={level}
                disabled={screen.name === 'sending'}
                onClick={() => onEvent({ type: 'choose', level, channel: 'touch', now: Date.now() })}
              >
                {zhCN.ratingLevel[level]}
              </button>
            ))}
          </fieldset>
          {screen.name === 'sending' ? (
            <p className="countdown">{E.sending}</p>
          ) : (
            <Countdown seconds={secondsLeft(screen, now)} />
          )}
        </section>
      );
      break;
    case 'reason':
      body = (
        <section className="reason" data-testid="screen-reason">
          <h2>{E.reasonTitle}</h2>
          <div className="reason-body">
            <fieldset className="reasons">
              <legend>{E.reasonHint}</legend>
              {REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className={`reason-option${screen.reason === reason ? ' chosen' : ''}`}
                  aria-pressed={screen.reason === reason}
                  data-reason={reason}
                  onClick={() => onEvent({ type: 'pickReason', reason })}
                >
                  {zhCN.badRatingReason[reason]}
                </button>
              ))}
            </fieldset>
            <fieldset className="phone">
              <legend>{E.phoneLabel}</legend>
              <output className="phone-value tabular" data-testid="phone-value" aria-live="polite">
                {screen.phone || E.phonePlaceholder}
              </output>
              <div className="phone-keys">
                {PHONE_KEYS.map((key) => (
                  <button key={key} type="button" onClick={() => onEvent({ type: 'phoneKey', key })}>
                    {key}
                  </button>
                ))}
                <button type="button" onClick={() => onEvent({ type: 'phoneClear' })}>
                  {E.clear}
                </button>
              </div>
            </fieldset>
          </div>
          {screen.error ? (
            <p className="error" role="alert" data-testid="reason-error">
              {screen.error}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="back" onClick={() => onEvent({ type: 'back' })}>
              {E.back}
            </button>
            <Countdown seconds={secondsLeft(screen, now)} />
            <button
              type="button"
              className="submit"
              data-testid="submit-reason"
              onClick={() => onEvent({ type: 'submitReason' })}
            >
              {E.submit}
            </button>
          </div>
        </section>
      );
      break;
    case 'thanks':
      body = (
        <section className={`thanks${screen.bad ? ' bad' : ''}`} data-testid="screen-thanks" role="status">
          <h2>{screen.message}</h2>
        </section>
      );
      break;
  }
  return (
    <>
      {body}
      {toast}
    </>
  );
}
