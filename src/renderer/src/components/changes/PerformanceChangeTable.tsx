import type { MetricChange, PerformanceChange } from '../../../../shared/drift/types';
import { formatNumber, formatShare } from '../../../../shared/text/format';
import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { ChangeVerdict } from './ChangeVerdict';
import { TableWrap } from '../TableWrap';

const NAMES: Record<MetricChange['metric'], string> = { accuracy: 'Accuracy', roc_auc: 'ROC AUC', mae: 'Average error (MAE)' };

function show(m: MetricChange['metric'], v: number): string {
  return m === 'accuracy' ? formatShare(v) : formatNumber(v, 3);
}
function change(m: MetricChange['metric'], c: MetricChange): string {
  const f = (v: number): string => (m === 'accuracy' ? `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)} pts` : `${v > 0 ? '+' : ''}${formatNumber(v, 3)}`);
  return `${f(c.difference)} (${f(c.interval.lower)} to ${f(c.interval.upper)})`;
}

function Row({ c, label, scope }: { c: MetricChange; label: string; scope: string }) {
  return (
    <tr data-testid="performance-row" data-scope={scope} data-metric={c.metric} data-worse={c.worse ? 'true' : 'false'}>
      <th scope="row">
        {label}
        {scope === 'overall' ? <LearnLink term={glossaryIdForMetric(c.metric)} name={NAMES[c.metric]} /> : null}
      </th>
      <td className="num">{show(c.metric, c.reference)}</td>
      <td className="num">{show(c.metric, c.current)}</td>
      <td className="num nowrap">{change(c.metric, c)}</td>
      <td>
        <ChangeVerdict worse={c.worse} better={c.better} />
      </td>
    </tr>
  );
}

/** The model's performance on both batches with the change and its likely range; the groups that got worse. */
export function PerformanceChangeTable({ performance }: { performance: PerformanceChange | null }) {
  const w = en.changes;
  const worseGroups = performance?.groups.filter((g) => g.worse) ?? [];
  const worseSlices = performance?.slices?.filter((sl) => sl.worse) ?? [];
  return (
    <section className="report-section" aria-labelledby="drift-performance-heading" data-testid="drift-performance">
      <h2 id="drift-performance-heading" className="report-section__title">
        {w.performanceHeading} <LearnLink term="drift.performance" />
      </h2>
      {!performance || performance.metrics.length === 0 ? (
        <p className="muted">{w.performanceNone}</p>
      ) : (
        <TableWrap label={en.tables.performanceChange}>
          <table className="metric-table">
            <thead>
              <tr>
                <th scope="col">{w.metricHeader}</th>
                <th scope="col" className="num">{w.referenceHeader}</th>
                <th scope="col" className="num">{w.currentHeader}</th>
                <th scope="col" className="num">
                  {w.changeHeader} <LearnLink term="confidence-interval" name={w.changeHeader.toLowerCase()} />
                </th>
                <th scope="col">{w.verdictHeader}</th>
              </tr>
            </thead>
            <tbody>
              {performance.metrics.map((c) => (
                <Row key={c.metric} c={c} label={NAMES[c.metric]} scope="overall" />
              ))}
              {worseGroups.map((g) => (
                <Row key={`${g.column}=${g.group}`} c={g} label={`${NAMES[g.metric]}, ${g.column} = ${g.group}`} scope={`${g.column}=${g.group}`} />
              ))}
              {worseSlices.map((sl) => (
                <Row key={`slice:${sl.description}`} c={sl} label={`${NAMES[sl.metric]} where ${sl.description}`} scope={`slice:${sl.description}`} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
