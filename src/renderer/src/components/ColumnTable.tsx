import type { ColumnSummary } from '../../../shared/domain';
import { en } from '../text/en';
import { formatCount, formatMissingShare } from '../text/format';
import { MissingBar } from './MissingBar';
import { TypeTag } from './TypeTag';
import { TableWrap } from './TableWrap';

/** One row per column: name, kind of values, empty cells as a count, a share and a small bar. */
export function ColumnTable({ columns, rows }: { columns: ColumnSummary[]; rows: number }) {
  if (columns.length === 0) return <p className="muted">{en.dataset.emptyColumnsNote}</p>;
  return (
    <TableWrap label={en.tables.columns}>
      <table className="column-table" data-testid="column-table">
        <thead>
          <tr>
            <th scope="col">{en.dataset.colName}</th>
            <th scope="col">{en.dataset.colType}</th>
            <th scope="col" className="num">
              {en.dataset.colMissing}
            </th>
            <th scope="col">{en.dataset.colMissingShare}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const share = formatMissingShare(c.missing, rows);
            return (
              <tr key={c.index} data-testid="column-row" data-column={c.name}>
                <th scope="row" className="column-table__name" data-testid="column-name">
                  {c.name}
                </th>
                <td data-testid="column-type" data-type={c.type}>
                  <TypeTag type={c.type} />
                </td>
                <td className="num" data-testid="column-missing" data-missing={c.missing}>
                  {c.missing === 0 ? <span className="muted">{en.dataset.none}</span> : formatCount(c.missing)}
                </td>
                <td data-testid="column-missing-share">
                  <span className="missing-cell">
                    <MissingBar share={rows > 0 ? c.missing / rows : 0} />
                    <span className={c.missing === 0 ? 'muted' : undefined}>{share}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
