import { type IssuedTicket, zhCN } from '@yimen/protocol';
import { Fragment } from 'react';
import { windowNumbers } from '../flow/print-jobs';
import type { ScreenProps } from './KioskScreen';

const K = zhCN.kiosk;

const PROGRESS = { issuing: K.issuing, waitingForHall: K.waitingForHall, printing: K.printing } as const;

export function ProgressScreen({ text }: { text: keyof typeof PROGRESS | '' }) {
  return (
    <div className="progress" role="status" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p>{text ? PROGRESS[text] : ''}</p>
    </div>
  );
}

/** 请取走您的号票: the number large, people ahead, the wait and the windows. */
export function DoneScreen({ ticket, config }: ScreenProps & { ticket: IssuedTicket }) {
  const category = config.categories.find((c) => c.id === ticket.categoryId);
  const windows = windowNumbers(config, ticket.categoryId);
  return (
    <div className="done" data-testid="done">
      <h2>{K.takeTicket}</h2>
      <p className="muted">{K.yourNumber}</p>
      <p className="ticket-number tabular" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="done-category">
        {category?.name}
        {ticket.priority !== 'ordinary' ? ` · ${zhCN.priorityLabel[ticket.priority]}` : ''}
      </p>
      <dl className="done-facts">
        <dt className="visually-hidden">{zhCN.statusPage.ahead}</dt>
        <dd data-testid="ahead">{K.ahead(ticket.aheadCount)}</dd>
        <dt className="visually-hidden">{zhCN.statusPage.estimatedWait}</dt>
        <dd>{K.estimatedWait(zhCN.waitText(ticket.estimatedWaitMin, ticket.windowsOpen))}</dd>
        {windows.length > 0 ? (
          <>
            <dt className="visually-hidden">{zhCN.statusPage.window}</dt>
            <dd data-testid="windows">
              {K.windowsLabel}：
              {windows.map((n, i) => (
                // A line may break between windows, never inside "12号".
                <Fragment key={n}>
                  {i > 0 ? '、' : ''}
                  <span className="nowrap">{n}号</span>
                </Fragment>
              ))}
              窗口
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{K.scanForStatus}</p>
    </div>
  );
}

export function FailedScreen({ message, deskAdvice }: { message: string; deskAdvice: boolean }) {
  return (
    <div className="failed" role="alert" data-testid="failed">
      <h2>{deskAdvice ? K.printFailed : K.failed}</h2>
      <p>{message}</p>
      {deskAdvice ? <p className="desk">{K.goToDesk}</p> : null}
    </div>
  );
}
