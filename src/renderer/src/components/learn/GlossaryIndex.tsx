import { useId, useMemo, useState, type RefObject } from 'react';
import { GLOSSARY, GLOSSARY_KIND_ORDER, searchGlossary, type GlossaryEntry } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';

interface Props {
  current: string | null;
  onPick: (id: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

function EntryButton({ entry, current, onPick }: { entry: GlossaryEntry; current: string | null; onPick: (id: string) => void }) {
  return (
    <li>
      <button
        type="button"
        className="glossary-index__item"
        aria-current={entry.id === current ? 'true' : undefined}
        onClick={() => onPick(entry.id)}
        data-testid="glossary-index-item"
        data-term={entry.id}
      >
        <span className="glossary-index__term">{entry.term}</span>
        <span className="glossary-index__technical">{entry.technical}</span>
      </button>
    </li>
  );
}

/** Every entry, grouped by kind, with a search box that filters the list as you type. */
export function GlossaryIndex({ current, onPick, searchRef }: Props) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const found = useMemo(() => searchGlossary(query), [query]);
  const searching = query.trim() !== '';
  const w = en.learn;
  return (
    <nav className="glossary-index" aria-label={w.indexLabel}>
      <label htmlFor={inputId} className="glossary-index__label">
        {w.searchLabel}
      </label>
      <input
        ref={searchRef}
        id={inputId}
        type="search"
        className="glossary-index__search"
        value={query}
        placeholder={w.searchPlaceholder}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="glossary-search"
      />
      <p className="glossary-index__count muted" role="status" data-testid="glossary-count">
        {found.length === 0 ? w.noResults(query.trim()) : w.results(found.length)}
      </p>
      <div className="glossary-index__list">
        {searching ? (
          <ul>
            {found.map((e) => (
              <EntryButton key={e.id} entry={e} current={current} onPick={onPick} />
            ))}
          </ul>
        ) : (
          GLOSSARY_KIND_ORDER.map((kind) => {
            const entries = GLOSSARY.filter((e) => e.kind === kind);
            return entries.length ? (
              <section key={kind} aria-label={w.kinds[kind]}>
                <h3 className="glossary-index__kind">{w.kinds[kind]}</h3>
                <ul>
                  {entries.map((e) => (
                    <EntryButton key={e.id} entry={e} current={current} onPick={onPick} />
                  ))}
                </ul>
              </section>
            ) : null;
          })
        )}
      </div>
    </nav>
  );
}
