import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { disparityRows, formatP, type KeyEvidence } from './fairness-view';
import { TableWrap } from '../TableWrap';

const w = en.fairness;

/** The gaps between groups as fairlearn defines them, each with "could it be chance?". */
export function DisparityTable({ evidence }: { evidence: KeyEvidence }) {
  const rows = disparityRows(evidence);
  if (rows.length === 0) return null;
  return (
    <TableWrap label={en.tables.disparities}>
      <table className="metric-table" data-testid="disparity-table">
        <caption className="fairness-table__caption">
          <strong>{w.gapsHeading}</strong> <span className="muted">{w.gapsIntro}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.gapHeader}</th>
            <th scope="col" className="num">
              {w.valueHeader}
            </th>
            <th scope="col">{w.betweenHeader}</th>
            <th scope="col">
              {w.chanceHeader} <LearnLink term="p-value" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="disparity-row" data-disparity={r.key}>
              <th scope="row">
                {w.gaps[r.key]}
                <LearnLink term={glossaryIdForMetric(r.key)} />
                {r.key === 'demographic_parity_ratio' ? <LearnLink term="four-fifths-rule" /> : null}
              </th>
              <td className="num metric-table__value">{r.value}</td>
              <td>{r.high && r.low ? w.between(r.high, r.low) : ''}</td>
              <td data-testid="disparity-chance">{r.test ? w.chance(formatP(r.test.p_value)!, formatP(r.test.q_value), r.test.significant) : w.notTested}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
