/**
 * A curve on [0, 1] × [0, 1] (ROC or precision–recall), optionally with the diagonal a coin toss
 * would draw. Axes are shown as percentages; the diagonal is dashed and named, so it differs from
 * the curve by more than its colour.
 */
import type { FindingChart } from '../findings/types';
import { axis, baseOption, grid, legend, tidy, tooltip } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type CurveChart = Extract<FindingChart, { kind: 'curve' }>;

export function buildCurveChart(chart: CurveChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const points: ChartValue[] = chart.x.map((x, i) => [tidy(x * 100), tidy((chart.y[i] ?? 0) * 100)]);
  const names = chart.diagonal ? [words.modelCurve, words.chance] : [words.modelCurve];
  const series: ChartValue[] = [
    { type: 'line', name: words.modelCurve, data: points, showSymbol: false, lineStyle: { color: p.primary, width: 2.5 }, itemStyle: { color: p.primary } },
  ];
  if (chart.diagonal) {
    series.push({
      type: 'line',
      name: words.chance,
      data: [
        [0, 0],
        [100, 100],
      ],
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
      lineStyle: { color: p.reference, type: 'dashed', width: 1.5 },
      itemStyle: { color: p.reference },
    });
  }
  const percentAxis = { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: p.muted, formatter: '{value}%' } };
  return {
    height: 300,
    option: {
      ...baseOption(theme, words.curveAria(chart.title, chart.xLabel, chart.yLabel, chart.x.length)),
      ...(names.length > 1 ? { legend: legend(theme, names) } : {}),
      grid: grid({ top: names.length > 1 ? 36 : 12, right: 20 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: axis(theme, { ...percentAxis, name: chart.xLabel }),
      yAxis: axis(theme, { ...percentAxis, name: chart.yLabel }),
      series,
    },
  };
}
