/**
 * One value per label with its interval, drawn as a dot with error bars (per-group rates, slice
 * error rates). Error bars use ECharts' boxplot series with the box collapsed onto the value
 * ([lower, value, value, value, upper]), so the option stays plain JSON (a custom series would need
 * a render function). A label with no value says "not enough data to say" instead of drawing a 0.
 */
import type { FindingChart } from '../findings/types';
import { formatNumber, formatShare } from '../text/format';
import { axis, baseOption, grid, tidy } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartOption, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export type IntervalsChart = Extract<FindingChart, { kind: 'intervals' }>;

export function buildIntervalsChart(chart: IntervalsChart, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const share = chart.unit === 'share';
  const scale = (v: number): number => (share ? tidy(v * 100) : tidy(v));
  const shown = (v: number): string => (share ? formatShare(v) : formatNumber(v));
  const marked = new Set(chart.highlight ?? []);
  const labels = chart.labels.map((l, i) => {
    const v = chart.values[i];
    return `${marked.has(i) ? '▲ ' : ''}${l}${v === null || v === undefined ? ` (${words.notEnoughData})` : ''}`;
  });
  const boxes: ChartValue[] = chart.labels.map((_, i) => {
    const v = chart.values[i];
    const lo = chart.lower[i];
    const hi = chart.upper[i];
    if (v === null || v === undefined) return '-';
    const low = lo ?? v;
    const high = hi ?? v;
    return { value: [scale(low), scale(v), scale(v), scale(v), scale(high)], itemStyle: { color: 'transparent', borderColor: marked.has(i) ? p.highlight : p.primary, borderWidth: 2 } };
  });
  // Plain and highlighted values are two scatter series (circle / larger diamond), so the highlight
  // does not rest on colour alone.
  const dot = (name: string, i: number): ChartValue => {
    const v = chart.values[i];
    if (v === null || v === undefined) return '-';
    const lo = chart.lower[i];
    const hi = chart.upper[i];
    const range = lo !== null && lo !== undefined && hi !== null && hi !== undefined ? ` (${words.intervalRange(shown(lo), shown(hi))})` : '';
    const item: ChartOption = { value: [scale(v), i], tooltip: { formatter: `${name}: ${shown(v)}${range}` } };
    return item;
  };
  const dots: ChartValue[] = chart.labels.map((name, i) => (marked.has(i) ? '-' : dot(name, i)));
  const markedDots: ChartValue[] = chart.labels.map((name, i) => (marked.has(i) ? dot(name, i) : '-'));
  const items = chart.labels.map((l, i) => {
    const v = chart.values[i];
    if (v === null || v === undefined) return `${l}: ${words.notEnoughData}`;
    const lo = chart.lower[i];
    const hi = chart.upper[i];
    const range = lo !== null && lo !== undefined && hi !== null && hi !== undefined ? ` (${words.intervalRange(shown(lo), shown(hi))})` : '';
    return `${l}: ${shown(v)}${range}${marked.has(i) ? ` (${words.highlighted})` : ''}`;
  });
  const longest = Math.max(4, ...labels.map((l) => l.length));
  const reference = chart.reference;
  return {
    height: Math.max(140, 64 + chart.labels.length * 32),
    option: {
      ...baseOption(theme, `${words.intervalsChart(chart.title)} ${items.join('; ')}.`),
      grid: grid({ top: reference ? 24 : 8, right: 24, bottom: 8 }),
      xAxis: axis(theme, {
        type: 'value',
        name: share ? words.shareOfRows : words.values,
        ...(share ? { min: 0, max: 100, axisLabel: { color: p.muted, formatter: '{value}%' } } : { scale: true }),
      }),
      yAxis: axis(theme, {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: { color: p.text, width: Math.min(260, longest * 8), overflow: 'truncate' },
        splitLine: { show: false },
      }),
      series: [
        {
          type: 'boxplot',
          name: words.interval,
          layout: 'horizontal',
          boxWidth: [0, 0],
          data: boxes,
          silent: true,
          ...(reference
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: p.reference, type: 'dashed', width: 1.5 },
                  // The y axis runs top-down (inverse), so 'start' puts the label above the first row, clear of the x axis.
                  label: { color: p.text, formatter: `${reference.label}: ${shown(reference.value)}`, position: 'start' },
                  data: [{ xAxis: scale(reference.value) }],
                },
              }
            : {}),
        },
        { type: 'scatter', name: chart.title, data: dots, symbolSize: 10, itemStyle: { color: p.primary }, z: 3 },
        ...(marked.size ? [{ type: 'scatter', name: words.highlighted, data: markedDots, symbol: 'diamond', symbolSize: 14, itemStyle: { color: p.highlight }, z: 4 }] : []),
      ],
    },
  };
}
