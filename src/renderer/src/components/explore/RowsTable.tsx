import { useState } from 'react';
import type { ExploreRows } from '../../../../shared/profile/explore-rows';
import { en } from '../../text/en';
import { formatCount } from '../../text/format';
import { TableWrap } from '../TableWrap';

const w = en.explore;
const PAGE = 100;

/** Rows behind a finding or a slice: 1-based row number, why, and every cell; a page of 100 at a time. */
export function RowsTable({ rows, label }: { rows: ExploreRows; label: string }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.rows.length / PAGE));
  const at = Math.min(page, pages - 1);
  const shown = rows.rows.slice(at * PAGE, at * PAGE + PAGE);
  return (
    <div className="explore-rows" data-testid="explore-rows" data-total={rows.total}>
      <p className="muted" data-testid="explore-rows-count">
        {w.rowsCount(rows.rows.length, rows.total)} {rows.complete ? '' : w.rowsPartial}
      </p>
      {rows.rows.length > PAGE ? (
        <div className="explore-rows__pager">
          <button type="button" className="button button--quiet" disabled={at === 0} onClick={() => setPage(at - 1)}>
            {w.previous}
          </button>
          <span aria-live="polite">{w.page(at * PAGE + 1, at * PAGE + shown.length, rows.rows.length)}</span>
          <button type="button" className="button button--quiet" disabled={at >= pages - 1} onClick={() => setPage(at + 1)} data-testid="explore-rows-next">
            {w.next}
          </button>
        </div>
      ) : null}
      <TableWrap label={w.rowsTable(label)}>
        <table className="metric-table explore-rows__table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {w.rowNumber}
              </th>
              <th scope="col">{w.why}</th>
              {rows.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row} data-testid="explore-row" data-row={r.row + 1}>
                <th scope="row" className="num">
                  {formatCount(r.row + 1)}
                </th>
                <td className="explore-rows__why">{r.reasons.join('; ')}</td>
                {r.cells.map((c, i) => (
                  <td key={i} className={c === null ? 'muted explore-rows__missing' : undefined}>
                    {c ?? w.missingCell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
