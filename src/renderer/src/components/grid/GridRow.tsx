import { memo } from 'react';
import { en } from '../../text/en';
import { formatCount } from '../../text/format';
import type { Row } from './useRowBlocks';

interface Props {
  index: number;
  top: number;
  template: string;
  /** Undefined while the row is loading. */
  cells: Row | undefined;
  columnCount: number;
  numeric: readonly boolean[];
}

/** One row of the preview grid; a missing value says "empty" in a dashed box (never colour alone). */
export const GridRow = memo(function GridRow({ index, top, template, cells, columnCount, numeric }: Props) {
  const loading = cells === undefined;
  const slots = loading ? Array.from({ length: columnCount }, () => undefined) : cells;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy={loading || undefined}
      className={`data-grid__row${index % 2 === 1 ? ' data-grid__row--odd' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      data-testid="grid-row"
      data-row={index + 1}
    >
      <div role="rowheader" className="data-grid__rownum">
        {formatCount(index + 1)}
      </div>
      {slots.map((value, c) => (
        <div role="cell" key={c} className={`data-grid__cell${numeric[c] ? ' num' : ''}`} title={value ?? undefined}>
          {loading ? (
            <span className="data-grid__loading">{c === 0 ? <span className="visually-hidden">{en.preview.loadingRow}</span> : null}</span>
          ) : value === null ? (
            <span className="cell-empty" title={en.preview.emptyCellTitle}>
              {en.preview.emptyCell}
            </span>
          ) : (
            value
          )}
        </div>
      ))}
    </div>
  );
});
