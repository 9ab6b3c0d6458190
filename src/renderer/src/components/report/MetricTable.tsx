import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import type { MetricRow } from './report-view';
import { TableWrap } from '../TableWrap';

/** The model's measures with their likely ranges (each with its glossary entry); an undefined measure shows why, never 0. */
export function MetricTable({ rows }: { rows: MetricRow[] }) {
  return (
    <TableWrap label={en.tables.metrics}>
      <table className="metric-table" data-testid="metric-table">
        <thead>
          <tr>
            <th scope="col">{en.report.metricHeader}</th>
            <th scope="col" className="num">
              {en.report.valueHeader}
            </th>
            <th scope="col" className="num">
              {en.report.rangeHeader} <LearnLink term="confidence-interval" name={en.report.rangeHeader.toLowerCase()} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="metric-row" data-metric={r.key}>
              <th scope="row">
                {r.name} <span className="metric-table__technical">({r.technical})</span>
                <LearnLink term={glossaryIdForMetric(r.key)} name={r.technical} />
              </th>
              {r.value === null ? (
                <td colSpan={2} className="metric-table__reason" data-testid="metric-reason">
                  {r.reason}
                </td>
              ) : (
                <>
                  <td className="num metric-table__value" data-testid="metric-value">
                    {r.value}
                  </td>
                  <td className="num muted">{r.range ?? en.report.noRange}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
