import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/domain';
import { en } from '../../text/en';
import { formatCount } from '../../text/format';
import { TypeTag } from '../TypeTag';
import { columnWidths, isNumeric, ROW_PX, visibleRows } from './grid-geometry';
import { GridRow } from './GridRow';
import { useRowBlocks } from './useRowBlocks';

interface Props {
  projectId: string;
  dataset: DatasetSummary;
}

/**
 * The data itself, as a virtual table: only the rows on screen (and a few around them) are in the
 * page, fetched in blocks as the person scrolls. The header stays at the top with each column's
 * name and kind; the scroller takes keyboard focus so the arrow keys, Page Up/Down, Home and End
 * scroll it.
 */
export function DataGrid({ projectId, dataset }: Props) {
  const { rows: rowCount, columns } = dataset;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const frame = useRef(0);
  const helpId = useId();
  const blocks = useRowBlocks(projectId, dataset.id, rowCount);

  const widths = useMemo(() => columnWidths(columns, (k) => en.types[k], rowCount), [columns, rowCount]);
  const template = `${widths.rowNumber}px ${widths.columns.map((w) => `${w}px`).join(' ')}`;
  const totalWidth = widths.rowNumber + widths.columns.reduce((a, b) => a + b, 0);
  const numeric = useMemo(() => columns.map((c) => isNumeric(c.type)), [columns]);

  const measure = useCallback(() => {
    frame.current = 0;
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  const onScroll = (): void => {
    if (frame.current === 0) frame.current = requestAnimationFrame(measure);
  };
  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  const shown = visibleRows(rowCount, view.top, view.height);
  const { want } = blocks;
  useEffect(() => want(shown.first, shown.last), [want, shown.first, shown.last]);

  const label = en.preview.gridLabel(dataset.name, formatCount(rowCount), formatCount(columns.length));
  const indices: number[] = [];
  for (let i = shown.first; i <= shown.last; i++) indices.push(i);

  return (
    <div className="data-grid-wrap">
      <p id={helpId} className="muted data-grid__help">
        {en.preview.gridHelp}
      </p>
      <div
        ref={scroller}
        className="data-grid"
        role="region"
        aria-label={label}
        aria-describedby={helpId}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="data-grid"
        data-first-row={shown.first}
        data-last-row={shown.last}
      >
        <div role="table" aria-label={label} aria-rowcount={rowCount + 1} aria-colcount={columns.length + 1} style={{ width: totalWidth, minWidth: '100%' }}>
          <div role="rowgroup" className="data-grid__head">
            <div role="row" aria-rowindex={1} className="data-grid__row data-grid__row--head" style={{ gridTemplateColumns: template }}>
              <div role="columnheader" className="data-grid__rownum">
                {en.preview.rowNumber}
              </div>
              {columns.map((c, i) => (
                <div role="columnheader" key={c.index} className={`data-grid__colhead${numeric[i] ? ' num' : ''}`} data-testid="grid-column" data-type={c.type}>
                  <span className="data-grid__colname" title={c.name}>
                    {c.name}
                  </span>
                  <TypeTag type={c.type} />
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="data-grid__body" style={{ height: shown.bodyPx }}>
            <div className="data-grid__window" style={{ transform: `translateY(${shown.windowTop}px)` }}>
              {indices.map((i) => (
                <GridRow key={i} index={i} top={(i - shown.base) * ROW_PX} template={template} cells={blocks.rowAt(i)} columnCount={columns.length} numeric={numeric} />
              ))}
            </div>
          </div>
        </div>
      </div>
      {rowCount === 0 ? <p className="muted">{en.preview.noRows}</p> : null}
      {blocks.failed ? (
        <p className="data-grid__failed" role="alert">
          {en.preview.rowsFailed}{' '}
          <button type="button" className="link-button" onClick={blocks.retry}>
            {en.errors.retry}
          </button>
        </p>
      ) : null}
    </div>
  );
}
