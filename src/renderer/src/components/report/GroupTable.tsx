import { formatCount, formatNumber, formatShare } from '../../../../shared/text/format';
import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { formatShareRange } from './report-view';
import type { GroupEvidence, GroupMeasure, KeyEvidence } from './fairness-view';
import { TableWrap } from '../TableWrap';

const w = en.fairness;

function cell(g: GroupEvidence, m: GroupMeasure) {
  const metric = g[m];
  if (!metric || metric.value === null) return <span className="muted" title={metric?.reason}>{metric?.reason ? '—' : w.notEnough}</span>;
  const value = m === 'mae' ? formatNumber(metric.value) : formatShare(metric.value);
  const range = metric.interval ? (m === 'mae' ? `${formatNumber(metric.interval.lower)} – ${formatNumber(metric.interval.upper)}` : formatShareRange(metric.interval.lower, metric.interval.upper)) : null;
  return (
    <>
      {value}
      {range ? <span className="fairness-range muted"> ({range})</span> : null}
    </>
  );
}

/** Every group: its size and each measure with its likely range; small groups say so instead of showing a number. */
export function GroupTable({ evidence, measures }: { evidence: KeyEvidence; measures: readonly GroupMeasure[] }) {
  // Ratio to the reference group of the headline measure: selection rate (yes/no) or MAE (amounts).
  const ratioOf = (group: string): number | null => {
    const r = evidence.ratio_to_reference[group];
    return r?.selection_rate ?? r?.mae ?? null;
  };
  return (
    <TableWrap label={en.tables.groups}>
      <table className="metric-table fairness-groups" data-testid="group-table">
        <caption className="fairness-table__caption">
          <strong>{w.groupsHeading}</strong>
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.groupHeader}</th>
            <th scope="col" className="num">
              {w.rowsHeader} <LearnLink term="support" name={w.rowsHeader.toLowerCase()} />
            </th>
            {measures.map((m) => (
              <th key={m} scope="col" className="num" title={w.measures[m]}>
                {w.short[m]} <LearnLink term={glossaryIdForMetric(m)} name={w.measures[m]} />
              </th>
            ))}
            <th scope="col" className="num">
              {w.ratioHeader} <LearnLink term="reference-group" name={w.ratioHeader.toLowerCase()} />
            </th>
          </tr>
        </thead>
        <tbody>
          {evidence.groups.map((g) => (
            <tr key={g.group} data-testid="group-row" data-group={g.group} data-small={g.small_group ? 'true' : 'false'}>
              <th scope="row">
                {g.group}
                {g.group === evidence.reference_group ? <span className="muted"> (reference)</span> : null}
              </th>
              <td className="num">
                {formatCount(g.count)} <span className="muted">({formatShare(g.share)})</span>
              </td>
              {g.small_group ? (
                <td colSpan={measures.length + 1} className="metric-table__reason" data-testid="small-group">
                  {w.notEnough}
                  {g.small_group_reason ? `: ${g.small_group_reason}` : ''}
                </td>
              ) : (
                <>
                  {measures.map((m) => (
                    <td key={m} className="num">
                      {cell(g, m)}
                    </td>
                  ))}
                  <td className="num">{ratioOf(g.group) === null ? '—' : formatNumber(ratioOf(g.group)!, 2)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
