import { type PublicConfig, zhCN } from '@yimen/protocol';
import type { CSSProperties } from 'react';
import type { Board, WindowColumn } from '../flow/board';
import { NowCalling } from './NowCalling';
import { WaitingBar } from './WaitingBar';

const D = zhCN.display;
/** Columns in a row before the next row starts; the type shrinks with the rows. */
const PER_ROW = 10;

function statusText(column: WindowColumn): string {
  if (column.status === 'paused') return D.windowPaused;
  if (column.status === 'closed') return D.windowClosed;
  if (!column.ticket) return D.windowIdle;
  return column.ticket.status === 'serving' ? D.windowServing : D.windowCalling;
}

/** One column per window: what each window is serving now, the latest call on top. */
export function WindowsLayout({ board, config }: { readonly board: Board; readonly config: PublicConfig }) {
  const { current, columns } = board;
  const rows = Math.ceil(columns.length / PER_ROW);
  return (
    <main className={`windows-view rows-${Math.min(rows, 3)}`}>
      <NowCalling board={board} config={config} className="now-strip" split={false} />
      {/* The type is sized by the columns in a row (display.css): a ticket number must fit its column. */}
      <div className="columns" style={{ '--cols': Math.max(1, Math.min(columns.length, PER_ROW)) } as CSSProperties}>
        {columns.map((column) => {
          const label = column.window.name.replace(zhCN.windowLabel(column.window.number), '').trim();
          const calling = current?.windowId === column.window.id && column.ticket?.id === current.ticketId;
          return (
            <section
              key={column.window.id}
              className={`column ${column.status}${calling ? ' calling' : ''}`}
              aria-label={column.window.name}
              data-window={column.window.id}
            >
              <h2 className="tabular">{zhCN.windowLabel(column.window.number)}</h2>
              <p className="label">{label || '\u00a0'}</p>
              <p className="led tabular">{column.ticket?.number ?? '\u00a0'}</p>
              <p className="state">{statusText(column)}</p>
            </section>
          );
        })}
      </div>
      <WaitingBar board={board} />
    </main>
  );
}
