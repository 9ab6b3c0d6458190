/**
 * Reliability diagram: for each range of scores, the share of rows where the outcome really
 * happened (bars), against what it would be if the scores were right (the diagonal through the
 * middle of each range). Empty ranges are gaps (null), never zero-height bars.
 */
import type { FindingChart } from '../findings/types';
import { formatShare } from '../text/format';
import { axis, baseOption, grid, legend, tidy } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type ReliabilityBin = Extract<FindingChart, { kind: 'reliability' }>['bins'][number];

const pct = (x: number): string => `${tidy(x * 100)}%`;

export function buildReliabilityChart(bins: readonly ReliabilityBin[], theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const ranges = bins.map((b) => `${pct(b.lower)}–${pct(b.upper)}`);
  const bars: ChartValue[] = bins.map((b, i) => {
    const range = ranges[i] ?? '';
    if (b.count === 0 || b.fractionPositive === null) return { value: null, name: range, tooltip: { formatter: words.emptyBin(range) } };
    const text = words.reliabilityBin(range, words.rows(b.count), b.meanScore === null ? '?' : formatShare(b.meanScore), formatShare(b.fractionPositive));
    return { value: tidy(b.fractionPositive * 100), name: range, tooltip: { formatter: text } };
  });
  const diagonal = bins.map((b) => tidy(((b.lower + b.upper) / 2) * 100));
  const described = bins.map((b, i) => (b.count === 0 || b.fractionPositive === null ? `${ranges[i]}: ${words.noRows}` : `${ranges[i]}: ${formatShare(b.fractionPositive)} (${words.rows(b.count)})`));
  return {
    height: 280,
    option: {
      ...baseOption(theme, words.reliabilityAria(described.join('; '))),
      legend: legend(theme, [words.happened, words.ifRight]),
      grid: grid({ top: 36, right: 16 }),
      xAxis: axis(theme, { type: 'category', name: words.scoreRange, data: ranges, axisLabel: { color: p.muted, interval: 0, hideOverlap: true } }),
      yAxis: axis(theme, { type: 'value', name: words.happened, min: 0, max: 100, axisLabel: { color: p.muted, formatter: '{value}%' } }),
      series: [
        { type: 'bar', name: words.happened, data: bars, barCategoryGap: '12%', itemStyle: { color: p.primary } },
        {
          type: 'line',
          name: words.ifRight,
          data: diagonal,
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
          lineStyle: { color: p.reference, type: 'dashed', width: 2 },
          itemStyle: { color: p.reference },
        },
      ],
    },
  };
}
