import type { ReactNode } from 'react';
import { glossaryEntry } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { useLearn } from './learn-context';

interface Props {
  /** A glossary entry id (glossaryIdForMetric / glossaryIdForCheck give them); nothing is shown for null or an unknown id. */
  term: string | null;
  /** What the number or term is called where the link stands (for "Learn about …"); the entry's jargon name by default. */
  name?: string | undefined;
  /** 'icon': a small ⓘ next to a number or heading; 'text': the visible words (children, or the entry's name). */
  variant?: 'icon' | 'text';
  children?: ReactNode;
}

/** A small button next to a number or a term that opens its glossary entry. */
export function LearnLink({ term, name, variant = 'icon', children }: Props) {
  const learn = useLearn();
  const entry = term ? glossaryEntry(term) : null;
  if (!learn || !entry) return null;
  const label = en.learn.linkLabel(name ?? entry.technical);
  return (
    <button
      type="button"
      className={`learn-link learn-link--${variant}`}
      aria-label={variant === 'icon' ? label : undefined}
      title={label}
      data-testid="learn-link"
      data-term={entry.id}
      onClick={(e) => learn.open(entry.id, e.currentTarget)}
    >
      {variant === 'icon' ? (
        <span className="learn-link__icon" aria-hidden="true">
          {en.learn.linkIcon}
        </span>
      ) : (
        (children ?? entry.term)
      )}
    </button>
  );
}

/** The header's "Learn" button: opens the glossary's index (on every screen, with or without a report). */
export function LearnButton() {
  const learn = useLearn();
  if (!learn) return null;
  return (
    <button type="button" className="button button--quiet learn-open" aria-label={en.learn.openLabel} onClick={(e) => learn.open(null, e.currentTarget)} data-testid="learn-open">
      <span className="learn-link__icon" aria-hidden="true">
        {en.learn.linkIcon}
      </span>
      {en.learn.open}
    </button>
  );
}
