import type { ColumnKind } from '../../../shared/domain';
import { en } from '../text/en';

/** A small shape per kind of value, so kinds differ by more than their word (never by colour). */
export const TYPE_GLYPHS: Record<ColumnKind, string> = {
  integer: '123',
  decimal: '1.5',
  boolean: 'y/n',
  date: 'd/m',
  datetime: 'd/m:',
  category: 'a|b',
  text: 'Abc',
  id: '#',
  empty: '∅',
};

/** What a column holds, in words with its small symbol. */
export function TypeTag({ type }: { type: ColumnKind }) {
  return (
    <span className={`type-tag type-tag--${type}`}>
      <span className="type-tag__glyph" aria-hidden="true">
        {TYPE_GLYPHS[type]}
      </span>
      <span className="type-tag__word">{en.types[type]}</span>
    </span>
  );
}
