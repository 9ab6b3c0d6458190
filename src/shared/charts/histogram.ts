/**
 * A histogram: one bar per bin on a numeric axis (ECharts sizes bars on a value axis by the gap
 * between them, so equal-width bins touch), with marker lines (fences, median) as dashed
 * vertical lines. Markers outside the values are listed in the description instead of
 * stretching the axis until the bars are slivers.
 */
import type { FindingChart } from '../findings/types';
import { formatNumber } from '../text/format';
import { axis, baseOption, grid, tidy } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type HistogramChart = Extract<FindingChart, { kind: 'histogram' }>;

export function buildHistogramChart(chart: HistogramChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const lo = chart.edges[0] ?? 0;
  const hi = chart.edges[chart.edges.length - 1] ?? lo;
  const data: ChartValue[] = chart.counts.map((count, i) => {
    const from = chart.edges[i] ?? lo;
    const to = chart.edges[i + 1] ?? from;
    const range = words.binRange(formatNumber(from), formatNumber(to));
    return { value: [tidy((from + to) / 2), count], name: range, tooltip: { formatter: `${range}: ${words.rows(count)}` } };
  });
  const markers = chart.markers ?? [];
  const inside = markers.filter((m) => m.value >= lo && m.value <= hi);
  const outside = markers.filter((m) => m.value < lo || m.value > hi);
  const markerText = (m: { label: string; value: number }): string => words.markerAt(m.label, formatNumber(m.value));
  const description = [
    words.histogram(chart.title),
    `${words.binRange(formatNumber(lo), formatNumber(hi))}, ${chart.counts.length} bins.`,
    inside.length ? `${inside.map(markerText).join('; ')}.` : '',
    outside.length ? words.markersOutside(outside.map(markerText).join('; ')) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    height: 240,
    option: {
      ...baseOption(theme, description),
      grid: grid({ top: inside.length ? 36 : 16, right: 24 }),
      xAxis: axis(theme, { type: 'value', name: chart.title, min: tidy(lo), max: tidy(hi), scale: true }),
      yAxis: axis(theme, { type: 'value', name: words.numberOfRows, minInterval: 1 }),
      series: [
        {
          type: 'bar',
          name: chart.title,
          data,
          barWidth: '96%',
          itemStyle: { color: p.primary },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: p.marker, type: 'dashed', width: 1.5 },
            label: { color: p.text, formatter: '{b}', position: 'end' },
            data: inside.map((m) => ({ name: m.label, xAxis: tidy(m.value) })),
          },
        },
      ],
    },
  };
}
