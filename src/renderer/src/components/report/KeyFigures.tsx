import { useMemo } from 'react';
import { buildPrChart, buildReportReliabilityChart, buildRocChart } from '../../../../shared/charts';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount } from '../../../../shared/text/format';
import { en } from '../../text/en';
import { LearnLink } from '../learn/LearnLink';
import { EChart } from '../charts/EChart';
import { useDarkTheme } from '../charts/useDarkTheme';
import { MetricTable } from './MetricTable';
import { curveOf, metricRows, reliabilityBinsOf } from './report-view';

/**
 * The model section's key figures: every measure with its range (report.performance and
 * report.calibration), the ROC and precision–recall curves, and the reliability diagram (unless
 * the calibration finding already shows it as its chart).
 */
export function KeyFigures({ report, showReliability }: { report: CheckReport; showReliability: boolean }) {
  const dark = useDarkTheme();
  const perf = report.performance ?? null;
  const rows = useMemo(() => {
    const model = metricRows(perf);
    // Both sections carry the Brier score; show it once.
    const shown = new Set(model.map((r) => r.key));
    return [...model, ...metricRows(report.calibration).filter((r) => !shown.has(r.key))];
  }, [perf, report.calibration]);
  const positive = typeof perf?.positive_class === 'string' ? perf.positive_class : '1';
  const charts = useMemo(() => {
    const roc = curveOf(perf, 'roc_curve');
    const pr = curveOf(perf, 'pr_curve');
    const bins = showReliability ? reliabilityBinsOf(report) : null;
    return {
      roc: roc ? buildRocChart(roc, positive, { dark }) : null,
      pr: pr ? buildPrChart(pr, positive, { dark }) : null,
      reliability: bins ? buildReportReliabilityChart(bins, { dark }) : null,
    };
  }, [perf, report, positive, dark, showReliability]);
  if (!perf && rows.length === 0) return null;
  const used = typeof perf?.rows_used === 'number' ? perf.rows_used : report.dataset.rows;
  return (
    <section className="key-figures" aria-labelledby="key-figures-heading" data-testid="key-figures">
      <h3 id="key-figures-heading" className="key-figures__title">
        {en.report.keyFigures} <LearnLink term="model.performance" />
      </h3>
      <p className="panel__intro">{en.report.keyFiguresIntro(formatCount(used))}</p>
      <div className="key-figures__grid">
        <MetricTable rows={rows} />
        <div className="key-figures__charts">
          {charts.roc ? <EChart option={charts.roc.option} height={charts.roc.height} caption={en.report.rocCaption} testId="roc-chart" /> : null}
          {charts.pr ? <EChart option={charts.pr.option} height={charts.pr.height} caption={en.report.prCaption} testId="pr-chart" /> : null}
          {charts.reliability ? (
            <EChart option={charts.reliability.option} height={charts.reliability.height} caption={en.report.reliabilityCaption} testId="reliability-chart" />
          ) : null}
          {charts.roc || charts.pr || charts.reliability ? (
            <p className="learn-charts muted">
              {en.learn.chartsLearn}
              {charts.roc ? (
                <LearnLink term="roc-curve" variant="text">
                  {en.learn.chartNames.roc}
                </LearnLink>
              ) : null}
              {charts.pr ? (
                <LearnLink term="pr-curve" variant="text">
                  {en.learn.chartNames.pr}
                </LearnLink>
              ) : null}
              {charts.reliability ? (
                <LearnLink term="reliability-diagram" variant="text">
                  {en.learn.chartNames.reliability}
                </LearnLink>
              ) : null}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
