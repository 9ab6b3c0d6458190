import { useDeferredValue, useMemo } from 'react';
import { buildConfusionChart, buildThresholdMetricsChart } from '../../../../shared/charts';
import { formatCutoff, OVERALL_METRICS, type AvailableThresholdData, type OverallAt } from '../../../../shared/explore/threshold-view';
import { formatCount, formatNumber, formatShare } from '../../../../shared/text/format';
import { exploreWords as x } from '../../text/en-explore';
import { EChart } from '../charts/EChart';
import { TableWrap } from '../TableWrap';
import { glossaryIdForMetric } from '../../../../shared/text/en/glossary';
import { LearnLink } from '../learn/LearnLink';

interface Props {
  data: AvailableThresholdData;
  overall: OverallAt;
  dark: boolean;
}

/** The right and wrong calls at the cut-off, as a chart and as a table of counts. */
export function ThresholdConfusion({ data, overall, dark }: Props) {
  const p = data.positiveClass;
  const { tp, fp, tn, fn, total } = overall.confusion;
  const t = formatCutoff(overall.threshold);
  // The table follows the slider at once; the chart may lag a frame behind (see useDeferredValue).
  const late = useDeferredValue(overall.confusion);
  const chart = useMemo(
    () =>
      buildConfusionChart(
        {
          kind: 'confusion',
          labels: [`not ${p}`, p],
          matrix: [
            [late.tn, late.fp],
            [late.fn, late.tp],
          ],
        },
        { dark },
      ),
    [p, late, dark],
  );
  const cell = (count: number, verdict: string, wrong: boolean) => (
    <td className={`num threshold-confusion__cell${wrong ? ' threshold-confusion__cell--wrong' : ''}`}>
      <span className="threshold-confusion__count">{formatCount(count)}</span> <span className="muted">({total > 0 ? formatShare(count / total) : '–'})</span>
      <span className="threshold-confusion__verdict">
        {wrong ? '✗ ' : '✓ '}
        {verdict}
      </span>
    </td>
  );
  return (
    <section className="threshold-explorer__part" aria-labelledby="threshold-confusion-heading">
      <h3 id="threshold-confusion-heading">{x.confusionHeading}</h3>
      <div className="threshold-explorer__pair">
        <TableWrap label={x.tableLabels.confusion}>
          <table className="metric-table threshold-confusion" data-testid="threshold-confusion">
            <caption className="muted">{x.confusionCaption(t)}</caption>
            <thead>
              <tr>
                <th scope="col">{x.reallyHeader}</th>
                <th scope="col" className="num">
                  {x.saidNot(p)}
                </th>
                <th scope="col" className="num">
                  {x.said(p)}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr data-testid="confusion-negative">
                <th scope="row">{x.reallyNot(p)}</th>
                {cell(tn, x.cell.tn, false)}
                {cell(fp, x.cell.fp(p), true)}
              </tr>
              <tr data-testid="confusion-positive">
                <th scope="row">{x.really(p)}</th>
                {cell(fn, x.cell.fn(p), true)}
                {cell(tp, x.cell.tp, false)}
              </tr>
            </tbody>
          </table>
        </TableWrap>
        <EChart option={chart.option} height={chart.height} testId="threshold-confusion-chart" />
      </div>
    </section>
  );
}

/** The overall measures at the cut-off, and how they move along the whole range. */
export function ThresholdMetrics({ data, overall, dark }: Props) {
  const t = formatCutoff(overall.threshold);
  const lines = useMemo(() => OVERALL_METRICS.map((key) => ({ name: x.metricShort[key], values: data.rows.map((r) => r[key]) })), [data]);
  const lateThreshold = useDeferredValue(overall.threshold);
  const chart = useMemo(
    () => buildThresholdMetricsChart({ title: x.metricsChartCaption, thresholds: data.thresholds, lines, current: lateThreshold }, { dark }),
    [data, lines, lateThreshold, dark],
  );
  return (
    <section className="threshold-explorer__part" aria-labelledby="threshold-metrics-heading">
      <h3 id="threshold-metrics-heading">{x.metricsHeading}</h3>
      <TableWrap label={x.tableLabels.metrics}>
        <table className="metric-table" data-testid="threshold-metrics">
          <caption className="muted">{x.metricsCaption(t)}</caption>
          <thead>
            <tr>
              <th scope="col">{x.measureHeader}</th>
              <th scope="col" className="num">
                {x.valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {OVERALL_METRICS.map((key) => {
              const m = overall.metrics[key];
              const word = x.metric(key);
              return (
                <tr key={key} data-testid="threshold-metric" data-metric={key}>
                  <th scope="row">
                    {word.name} <span className="metric-table__technical">({word.technical})</span>{' '}
                    <LearnLink term={glossaryIdForMetric(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))} name={word.technical} />
                  </th>
                  <td className="num">
                    {m.value === null ? (
                      <span className="metric-table__reason">
                        {x.undefinedValue}: {m.reason}
                      </span>
                    ) : (
                      <span className="metric-table__value">{word.as === 'share' ? formatShare(m.value) : formatNumber(m.value)}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <EChart option={chart.option} height={chart.height} caption={x.metricsChartCaption} testId="threshold-metrics-chart" />
    </section>
  );
}
