import { type CaseProgress, zhCN } from '@yimen/protocol';
import type { Screen } from '../flow/kiosk-flow';
import type { ScreenProps } from './KioskScreen';

const C = zhCN.cases;
const K = zhCN.kiosk;
const DIGITS = ['123', '456', '789'];

/** 2026-03-05 → 3月5日 */
function shortDate(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

function CaseCard({ c }: { c: CaseProgress }) {
  const done = c.status === 'handedOver' || c.status === 'approved';
  const refused = c.status === 'returned' || c.status === 'denied';
  return (
    <article className="case-card" data-testid="case-card">
      <header>
        <span className="muted tabular">
          {C.field.number} {c.number}
        </span>
        <span className="badge">{C.kind[c.kind]}</span>
      </header>
      <h3>{c.title}</h3>
      <p className={`case-status${done ? ' done' : refused ? ' refused' : ''}`} data-testid="case-status">
        {C.status[c.status]}
      </p>
      <p className="muted">
        {C.field.applicant}：{c.applicantNameMasked}
        {c.deadline ? `　${C.kioskDeadline(shortDate(c.deadline))}` : ''}
        {c.windowNumber !== null ? `　${zhCN.windowLabel(c.windowNumber)}` : ''}
      </p>
      {c.outstanding.length > 0 ? (
        <p className="case-owed">
          {c.dueDate ? C.kioskDue(shortDate(c.dueDate)) : `${C.outstanding}：`}
          {c.outstanding.join('、')}
        </p>
      ) : null}
      {c.steps.length > 0 ? (
        <p className="muted">{c.steps.map((s) => `${s.title}${s.done ? C.stepDone : C.stepPending}`).join('　')}</p>
      ) : null}
      {c.reasons.length > 0 ? <p className="muted">{`${C.reasons}：${c.reasons.join('；')}`}</p> : null}
    </article>
  );
}

/** 办件查询: a keypad for the case number, or the card on the reader; each case masked, as on the public page. */
export function CasesScreen({ screen, controller }: ScreenProps & { screen: Extract<Screen, { name: 'cases' }> }) {
  const set = (number: string) => controller.dispatch({ type: 'caseNumber', number });
  return (
    <div className="cases">
      <h2>{C.kioskTitle}</h2>
      {screen.card ? (
        <p className="subtitle">{K.greeting(screen.card.masked.name)}</p>
      ) : (
        <p className="subtitle">{C.kioskIntro}</p>
      )}
      {screen.notice ? (
        <p className="notice" role="alert">
          {screen.notice}
        </p>
      ) : null}
      {screen.searching ? (
        <p className="subtitle" role="status">
          {C.kioskSearching}
        </p>
      ) : null}
      {screen.results && screen.results.length > 0 ? (
        <section className="case-list" aria-live="polite">
          <p className="subtitle">{C.kioskCount(screen.results.length)}</p>
          {screen.results.map((c) => (
            <CaseCard key={c.number} c={c} />
          ))}
        </section>
      ) : null}
      {screen.card ? null : (
        <>
          <label className="case-number">
            <span>{C.kioskNumber}</span>
            <output className="tabular" data-testid="case-number-input">
              {screen.number || '　'}
            </output>
          </label>
          <fieldset className="keyboard">
            <legend className="visually-hidden">{C.kioskNumber}</legend>
            {DIGITS.map((row) => (
              <div key={row} className="key-row">
                {[...row].map((d) => (
                  <button key={d} type="button" className="key" onClick={() => set(screen.number + d)}>
                    {d}
                  </button>
                ))}
              </div>
            ))}
            <div className="key-row">
              <button type="button" className="key wide" onClick={() => set(screen.number.slice(0, -1))}>
                {zhCN.terminal.delete}
              </button>
              <button type="button" className="key" onClick={() => set(`${screen.number}0`)}>
                0
              </button>
              <button
                type="button"
                className="key wide primary"
                data-testid="case-search"
                disabled={screen.searching}
                onClick={() => controller.dispatch({ type: 'findCase' })}
              >
                {C.kioskSearch}
              </button>
            </div>
          </fieldset>
        </>
      )}
    </div>
  );
}
