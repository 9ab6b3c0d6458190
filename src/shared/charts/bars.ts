/**
 * Bars for shares or counts, one per label, drawn horizontally so long labels (column names,
 * spellings) stay readable. Highlighted bars get the highlight colour AND a hatch AND a ▲ in
 * their label, so the point does not rest on colour.
 */
import type { FindingChart } from '../findings/types';
import { formatCount, formatShare } from '../text/format';
import { axis, baseOption, grid, tidy } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartOption, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type BarsChart = Extract<FindingChart, { kind: 'bars' }>;

export function buildBarsChart(chart: BarsChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const share = chart.unit === 'share';
  const marked = new Set(chart.highlight ?? []);
  const shown = (v: number): string => (share ? formatShare(v) : formatCount(v));
  const data: ChartValue[] = chart.values.map((v, i) => {
    const label = `${marked.has(i) ? '▲ ' : ''}${shown(v)}`;
    const value = share ? tidy(v * 100) : v;
    const name = chart.labels[i] ?? '';
    const tooltip = { formatter: `${name}: ${shown(v)}` };
    const item: ChartOption = { value, name, tooltip, label: { formatter: label } };
    if (!marked.has(i)) return item;
    return {
      ...item,
      itemStyle: { color: p.highlight, decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: tidy(-Math.PI / 4), color: p.hatch } },
      label: { formatter: label, fontWeight: 'bold' },
    };
  });
  const items = chart.labels.map((l, i) => `${l}: ${shown(chart.values[i] ?? 0)}${marked.has(i) ? ` (${words.highlighted})` : ''}`);
  const longest = Math.max(4, ...chart.labels.map((l) => l.length));
  return {
    height: Math.max(120, 48 + chart.labels.length * 30),
    option: {
      ...baseOption(theme, `${words.barChart(chart.title)} ${items.join('; ')}.`),
      grid: grid({ top: 8, right: 64 }),
      xAxis: axis(theme, {
        type: 'value',
        name: share ? words.shareOfValues : words.numberOfRows,
        min: 0,
        ...(share ? { max: 100, axisLabel: { color: p.muted, formatter: '{value}%' } } : {}),
      }),
      yAxis: axis(theme, {
        type: 'category',
        inverse: true,
        data: [...chart.labels],
        axisLabel: { color: p.text, width: Math.min(220, longest * 8), overflow: 'truncate' },
        splitLine: { show: false },
      }),
      series: [
        {
          type: 'bar',
          name: chart.title,
          data,
          barMaxWidth: 22,
          itemStyle: { color: p.primary, borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', color: p.text },
        },
      ],
    },
  };
}
