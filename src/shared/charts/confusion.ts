/**
 * Confusion matrix as a heatmap: what really happened (rows, top to bottom) against what the model
 * said (columns). Every cell carries its count, its share of all rows, and the word "right" or
 * "wrong", so the reading never depends on the shade.
 */
import type { FindingChart } from '../findings/types';
import { formatCount, formatShare } from '../text/format';
import { axis, baseOption, grid } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type ConfusionChart = Extract<FindingChart, { kind: 'confusion' }>;

export function buildConfusionChart(chart: ConfusionChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const total = chart.matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const max = Math.max(1, ...chart.matrix.flat());
  const cells: ChartValue[] = [];
  const described: string[] = [];
  chart.matrix.forEach((row, actual) =>
    row.forEach((count, predicted) => {
      const verdict = actual === predicted ? words.right : words.wrong;
      const share = total > 0 ? formatShare(count / total) : '–';
      const text = words.confusionCell(chart.labels[actual] ?? '', chart.labels[predicted] ?? '', formatCount(count), share, verdict);
      described.push(text);
      cells.push({
        value: [predicted, actual, count],
        label: { formatter: `${formatCount(count)} (${share})\n${verdict}`, color: count / max > 0.5 ? p.onStrong : p.onLight },
        tooltip: { formatter: text },
      });
    }),
  );
  const n = chart.labels.length;
  return {
    height: Math.max(220, 90 + n * 64),
    option: {
      ...baseOption(theme, words.confusionAria(described.join('; '))),
      grid: grid({ top: 8, right: 16 }),
      xAxis: axis(theme, { type: 'category', position: 'top', name: words.predicted, data: [...chart.labels], splitArea: { show: false }, axisLabel: { color: p.text } }),
      yAxis: axis(theme, { type: 'category', inverse: true, name: words.actual, axisLabel: { color: p.text, width: 110, overflow: 'truncate' }, data: [...chart.labels] }),
      visualMap: { show: false, min: 0, max, dimension: 2, inRange: { color: [...p.ramp] } },
      series: [
        {
          type: 'heatmap',
          name: words.predicted,
          data: cells,
          label: { show: true, fontSize: 13, lineHeight: 18 },
          itemStyle: { borderColor: theme.dark ? '#15181e' : '#ffffff', borderWidth: 2 },
          emphasis: { disabled: true },
        },
      ],
    },
  };
}
