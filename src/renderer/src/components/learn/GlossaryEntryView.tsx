import { useMemo, type RefObject } from 'react';
import { glossaryEntry, workedExample, type GlossaryReport } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';

interface Props {
  id: string;
  report: GlossaryReport | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPick: (id: string) => void;
}

/** One entry: plain words, the worked example on the person's data (or why there is none), when it misleads, the exact definition, related entries. */
export function GlossaryEntryView({ id, report, headingRef, onPick }: Props) {
  const entry = glossaryEntry(id);
  const example = useMemo(() => (entry ? workedExample(entry, report) : null), [entry, report]);
  if (!entry) return null;
  const w = en.learn;
  const missing = !report ? w.exampleNoReport : entry.kind === 'check' || entry.id.includes('.') ? w.exampleNoCheck : w.exampleNoNumbers;
  const headingId = `glossary-entry-${entry.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <article className="glossary-entry" aria-labelledby={headingId} data-testid="glossary-entry" data-term={entry.id}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="glossary-entry__term">
        {entry.term}
      </h3>
      <p className="glossary-entry__technical muted">{w.also(entry.technical)}</p>
      <section>
        <h4 className="glossary-entry__label">{w.what}</h4>
        <p data-testid="glossary-what">{entry.what}</p>
      </section>
      <section className={`glossary-entry__example${example ? '' : ' glossary-entry__example--none'}`}>
        <h4 className="glossary-entry__label">{w.example}</h4>
        <p data-testid="glossary-example" data-worked={example ? 'true' : 'false'}>
          {example ?? missing}
        </p>
      </section>
      <section>
        <h4 className="glossary-entry__label">{w.misleads}</h4>
        <p data-testid="glossary-misleads">{entry.misleads}</p>
      </section>
      {entry.definition ? (
        <details className="glossary-entry__definition" data-testid="glossary-definition">
          <summary>{w.definition}</summary>
          <p>{entry.definition}</p>
        </details>
      ) : null}
      {entry.related.length ? (
        <section>
          <h4 className="glossary-entry__label">{w.related}</h4>
          <ul className="glossary-entry__related">
            {entry.related.map((r) => {
              const other = glossaryEntry(r);
              return other ? (
                <li key={r}>
                  <button type="button" className="link-button" onClick={() => onPick(r)} data-testid="glossary-related" data-term={r}>
                    {other.term}
                  </button>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
