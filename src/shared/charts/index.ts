/**
 * Chart option builders: pure functions from findings' chart data and report sections to ECharts
 * options (plain JSON). The app mounts them with a thin component; the HTML report can embed them.
 */
import type { FindingChart } from '../findings/types';
import { buildBarsChart } from './bars';
import { buildDriftSummaryChart, buildOverlaidChart, buildTimelineChart, type DriftBar } from './changes';
import { buildConfusionChart } from './confusion';
import { buildCurveChart } from './curve';
import { buildGroupCurvesChart, type GroupCurves } from './group-curves';
import { buildHistogramChart } from './histogram';
import { buildIntervalsChart } from './intervals';
import { buildReliabilityChart, type ReliabilityBin } from './reliability';
import type { ChartTheme } from './theme';
import type { BuiltChart } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type { BuiltChart, ChartOption } from './types';
export type { ChartTheme } from './theme';
export type { DriftBar, GroupCurves };
export { buildDriftSummaryChart, buildOverlaidChart, buildTimelineChart };
export { buildThresholdCostChart, buildThresholdMetricsChart, thresholdChartWordsEn, type ThresholdChartWords, type ThresholdCostCurve, type ThresholdCurves } from './threshold';
export { buildBarsChart, buildConfusionChart, buildCurveChart, buildGroupCurvesChart, buildHistogramChart, buildIntervalsChart, buildReliabilityChart };

/** The chart for a finding's chart data. */
export function buildFindingChart(chart: FindingChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  switch (chart.kind) {
    case 'bars':
      return buildBarsChart(chart, theme, words);
    case 'histogram':
      return buildHistogramChart(chart, theme, words);
    case 'reliability':
      return buildReliabilityChart(chart.bins, theme, words);
    case 'confusion':
      return buildConfusionChart(chart, theme, words);
    case 'curve':
      return buildCurveChart(chart, theme, words);
    case 'intervals':
      return buildIntervalsChart(chart, theme, words);
  }
}

/** The report's `calibration.bins` (snake_case) as reliability-chart bins. */
export interface ReportCalibrationBin {
  lower: number;
  upper: number;
  count: number;
  mean_score: number | null;
  fraction_positive: number | null;
}

export function buildReportReliabilityChart(bins: readonly ReportCalibrationBin[], theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const converted: ReliabilityBin[] = bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, meanScore: b.mean_score, fractionPositive: b.fraction_positive }));
  return buildReliabilityChart(converted, theme, words);
}

/** The ROC curve from the report's `performance.roc_curve` ({ x: false positive rate, y: true positive rate }). */
export function buildRocChart(curve: { x: number[]; y: number[] }, positiveLabel: string, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const negative = `not ${positiveLabel}`;
  return buildCurveChart({ kind: 'curve', title: words.rocTitle, x: curve.x, y: curve.y, xLabel: words.rocX(negative), yLabel: words.rocY(positiveLabel), diagonal: true }, theme, words);
}

/** The precision–recall curve from `performance.pr_curve` ({ x: recall, y: precision }). */
export function buildPrChart(curve: { x: number[]; y: number[] }, positiveLabel: string, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  return buildCurveChart({ kind: 'curve', title: words.prTitle, x: curve.x, y: curve.y, xLabel: words.prX(positiveLabel), yLabel: words.prY, diagonal: false }, theme, words);
}
