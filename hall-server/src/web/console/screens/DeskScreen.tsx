import { type PublicConfig, type Ticket, zhCN } from '@yimen/protocol';
import { ConnectionBanner } from '@yimen/shell/browser/components/ConnectionBanner';
import { useNow } from '@yimen/shell/browser/use-now';
import { clock } from '@yimen/shell/common/time-format';
import type { ConsoleController } from '../flow/console-controller';
import { type ClerkSession, CONTROLS, type Control, KEY_OF, refusalFor } from '../flow/console-flow';
import type { Desk } from '../flow/desk';
import { CurrentTicket } from './CurrentTicket';
import { CallSpecificDialog, PauseDialog, TransferDialog } from './dialogs';

const C = zhCN.clerkConsole;
const A = C.actions;
/** The waiting list shows this many; the rest are counted. */
const LISTED = 40;

/** A control's label as the window stands: the toggles name what they would do now. */
function label(control: Control, desk: Desk | null): string {
  switch (control) {
    case 'holdOrResume':
      return !desk?.current && desk?.held.length ? A.resume : A.hold;
    case 'pauseOrResume':
      return desk?.window.status === 'paused' ? A.resumeWindow : A.pause;
    default:
      return A[control];
  }
}

/** Whether the control could do anything now (the flow refuses it otherwise, with the reason). */
function usable(control: Control, desk: Desk | null): boolean {
  if (!desk) return false;
  switch (control) {
    case 'callSpecific':
      return refusalFor({ kind: 'callNext' }, desk) === null && desk.waiting.length > 0;
    case 'transfer':
      return desk.current !== null;
    case 'holdOrResume':
      return desk.current !== null || (desk.held.length > 0 && refusalFor({ kind: 'callNext' }, desk) === null);
    case 'pauseOrResume':
      return true;
    default:
      return refusalFor({ kind: control }, desk) === null;
  }
}

function categoryName(config: PublicConfig | null, id: string): string {
  return config?.categories.find((c) => c.id === id)?.name ?? id;
}

export function DeskScreen({ controller, session }: { controller: ConsoleController; session: ClerkSession }) {
  const now = useNow(15_000);
  const { state } = controller;
  const hall = controller.hall;
  const config = hall?.config ?? null;
  const desk = controller.desk;
  const timeZone = config?.timeZone ?? 'Asia/Shanghai';
  const setup = config?.windows.find((w) => w.id === session.windowId);
  const windowName = setup?.name ?? session.windowId;
  const status = desk?.window.status ?? 'closed';
  const time = clock(now, timeZone);
  const canCall = desk !== null && refusalFor({ kind: 'callNext' }, desk) === null;
  const dispatch = controller.dispatch.bind(controller);

  return (
    <div className="console">
      <header className="console-header">
        <div className="where">
          <span className="hall-name">{config?.hallName ?? ''}</span>
          <h1 data-testid="window-name">{windowName}</h1>
        </div>
        <span className={`window-status ${status}`} data-testid="window-status">
          {C.windowStatus[status]}
          {desk?.window.pauseReason ? `：${desk.window.pauseReason}` : ''}
        </span>
        <span className="clerk" data-testid="clerk">
          {C.clerkAt(session.clerk.name, session.clerk.staffNo)}
        </span>
        <button
          type="button"
          className="desk-button quiet"
          onClick={() => dispatch({ type: 'signOut' })}
          disabled={state.pending !== null}
          data-testid="sign-out"
        >
          {C.signOut}
        </button>
        <span className="time tabular">{time.time}</span>
      </header>
      <ConnectionBanner state={hall?.state ?? 'connecting'} />
      <main className="desk">
        <section className="current-panel" aria-labelledby="current-title">
          <h2 id="current-title">{C.current}</h2>
          <CurrentTicket
            ticket={desk?.current ?? null}
            lastFinished={state.lastFinished}
            lastRating={state.lastRating}
            config={config}
            now={now}
            paused={desk?.window.status === 'paused' ? (desk.window.pauseReason ?? '') : null}
          />
        </section>
        <section className="actions" aria-label={C.keys}>
          {CONTROLS.map((control) => (
            <button
              key={control}
              type="button"
              className={`desk-button action${control === 'callNext' ? ' primary' : ''}`}
              data-control={control}
              disabled={state.pending !== null || !usable(control, desk)}
              aria-keyshortcuts={KEY_OF[control]}
              onClick={() => dispatch({ type: 'press', control })}
            >
              <span className="key">{KEY_OF[control]}</span>
              <span>{label(control, desk)}</span>
            </button>
          ))}
        </section>
        <p className={`result${state.result?.ok === false ? ' refused' : ''}`} role="status" data-testid="result">
          {state.result?.text ?? ''}
        </p>
        <aside className="side">
          <section className="card stats" aria-labelledby="stats-title">
            <h2 id="stats-title">{C.stats}</h2>
            <dl>
              <dt>{C.served}</dt>
              <dd data-testid="served">{state.stats ? C.servedCount(state.stats.served) : C.noAverage}</dd>
              <dt>{C.avgHandling}</dt>
              <dd data-testid="avg-handling">
                {state.stats?.avgHandlingSec != null ? C.duration(state.stats.avgHandlingSec) : C.noAverage}
              </dd>
            </dl>
          </section>
          {desk && desk.held.length > 0 ? (
            <section className="card" aria-labelledby="held-title">
              <h2 id="held-title">{C.heldList}</h2>
              <ul className="tickets" data-testid="held">
                {desk.held.map((t) => (
                  <li key={t.id}>
                    <span className="number tabular">{t.number}</span>
                    <span className="muted">{categoryName(config, t.categoryId)}</span>
                    <button
                      type="button"
                      className="desk-button small"
                      disabled={state.pending !== null || !canCall}
                      onClick={() => dispatch({ type: 'act', action: { kind: 'resume', ticketId: t.id } })}
                    >
                      {A.resume}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card waiting" aria-labelledby="waiting-title">
            <h2 id="waiting-title">
              {C.waitingList}
              <span className="count" data-testid="waiting-count">
                {C.waitingCount(desk?.waiting.length ?? 0)}
              </span>
            </h2>
            <p className="muted small">{C.waitingOrder}</p>
            <WaitingList
              tickets={desk?.waiting.slice(0, LISTED) ?? []}
              config={config}
              windowId={session.windowId}
              canCall={canCall && state.pending === null}
              onCall={(ticketId) => dispatch({ type: 'act', action: { kind: 'callSpecific', ticketId } })}
              timeZone={timeZone}
            />
            {desk && desk.waiting.length > LISTED ? (
              <p className="muted small">{C.more(desk.waiting.length - LISTED)}</p>
            ) : null}
          </section>
        </aside>
      </main>
      {state.dialog === 'callSpecific' ? (
        <CallSpecificDialog
          onCall={(number) => dispatch({ type: 'callNumber', number })}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      ) : null}
      {state.dialog === 'transfer' && config ? (
        <TransferDialog
          config={config}
          windows={hall?.view?.windows ?? []}
          ownWindowId={session.windowId}
          onTransfer={(action) => dispatch({ type: 'act', action })}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      ) : null}
      {state.dialog === 'pause' ? (
        <PauseDialog
          onPause={(reason) => dispatch({ type: 'act', action: { kind: 'pause', reason } })}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      ) : null}
    </div>
  );
}

interface WaitingListProps {
  readonly tickets: readonly Ticket[];
  readonly config: PublicConfig | null;
  readonly windowId: string;
  readonly canCall: boolean;
  readonly onCall: (ticketId: string) => void;
  readonly timeZone: string;
}

function WaitingList({ tickets, config, windowId, canCall, onCall, timeZone }: WaitingListProps) {
  if (tickets.length === 0) return <p className="muted">{C.noneWaiting}</p>;
  return (
    <ul className="tickets" data-testid="waiting">
      {tickets.map((t) => (
        <li key={t.id} data-number={t.number}>
          <span className="number tabular">{t.number}</span>
          <span className="what">
            {categoryName(config, t.categoryId)}
            {t.priority !== 'ordinary' ? <span className="tag">{zhCN.priorityLabel[t.priority]}</span> : null}
            {t.targetWindowId === windowId ? <span className="tag">{C.transferTag}</span> : null}
          </span>
          <span className="muted tabular">{clock(t.issuedAt, timeZone).time}</span>
          <button
            type="button"
            className="desk-button small"
            disabled={!canCall}
            onClick={() => onCall(t.id)}
            aria-label={`${A.callSpecific} ${t.number}`}
          >
            {A.callSpecific}
          </button>
        </li>
      ))}
    </ul>
  );
}
