import { zhCN } from '@yimen/protocol';
import { useMemo } from 'react';
import { searchIndex, searchItems } from '../flow/item-search';
import type { ScreenProps } from './KioskScreen';
import { TakeButton, tapBlocked } from './tiles';

const K = zhCN.kiosk;
const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** Search by item name or pinyin initials on a touch keyboard; each hit says which queue serves it. */
export function SearchScreen(props: ScreenProps & { query: string }) {
  const { config, controller, query } = props;
  const index = useMemo(() => searchIndex(config.items), [config.items]);
  const results = useMemo(() => searchItems(index, query, 8), [index, query]);
  const set = (q: string) => controller.dispatch({ type: 'search', query: q });
  return (
    <div className="search">
      <label className="search-box">
        <span className="visually-hidden">{K.search}</span>
        <input
          value={query}
          placeholder={K.searchHint}
          onChange={(e) => set(e.target.value)}
          aria-label={K.search}
          data-testid="search-input"
        />
      </label>
      <div className="results" aria-live="polite">
        {query.trim() ? (
          <p className="subtitle">{results.length ? K.searchResults(results.length) : K.noResults}</p>
        ) : null}
        {results.map((item) => {
          const category = config.categories.find((c) => c.id === item.categoryId);
          const department = config.departments.find((d) => d.id === item.departmentId);
          const why = tapBlocked(props, item.categoryId);
          return (
            <div key={item.id} className="result" data-item={item.id}>
              <div>
                <strong className="result-name">{item.name}</strong>
                <span className="muted">
                  {department?.shortName} · {K.categoryOf(category?.name ?? '')}
                </span>
                {why ? <span className="tile-why result-why">{why}</span> : null}
              </div>
              <div className="result-actions">
                <TakeButton {...props} categoryId={item.categoryId} why={why} className="button" />
                <button
                  type="button"
                  className="button secondary"
                  onClick={() =>
                    controller.dispatch({ type: 'openGuide', departmentId: item.departmentId, itemId: item.id })
                  }
                >
                  {K.guide}
                </button>
              </div>
            </div>
          );
        })}
      </div>
      <fieldset className="keyboard">
        <legend className="visually-hidden">键盘</legend>
        {ROWS.map((row) => (
          <div key={row} className="key-row">
            {[...row].map((letter) => (
              <button key={letter} type="button" className="key" onClick={() => set(query + letter.toLowerCase())}>
                {letter}
              </button>
            ))}
          </div>
        ))}
        <div className="key-row">
          <button type="button" className="key wide" onClick={() => set(query.slice(0, -1))}>
            {zhCN.terminal.delete}
          </button>
          <button type="button" className="key wide" onClick={() => set('')}>
            {K.clear}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
