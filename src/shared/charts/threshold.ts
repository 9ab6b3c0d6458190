/**
 * The threshold explorer's charts. The measures against the cut-off (accuracy, precision, share
 * caught, false alarms, F1, share chosen), with a vertical line at the cut-off on the slider; and
 * the total cost of the mistakes against the cut-off, with the cheapest cut-off marked by a
 * labelled diamond and the chosen one by a line. Lines differ by colour AND dash (and by symbol in
 * the legend), so meaning never rests on colour alone; undefined points (0 out of 0) are gaps, never 0.
 */
import { formatNumber } from '../text/format';
import { axis, baseOption, grid, legend, tidy, tooltip } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn } from './words-en';

export interface ThresholdCurves {
  title: string;
  /** Cut-offs, 0..1, increasing. */
  thresholds: number[];
  /** One line per measure: a share (0..1) at each cut-off, null where undefined. */
  lines: { name: string; values: (number | null)[] }[];
  /** The cut-off on the slider. */
  current: number;
}

export interface ThresholdCostCurve {
  title: string;
  thresholds: number[];
  /** Total cost of the mistakes at each cut-off. */
  totals: number[];
  cheapestIndex: number;
  /** Index of the cut-off on the slider. */
  currentIndex: number;
}

export const thresholdChartWordsEn = {
  cutoffAxis: chartWordsEn.threshold,
  shareAxis: 'Share of rows (see each line)',
  costAxis: 'Total cost of the mistakes',
  totalCost: 'Total cost',
  cheapest: 'Cheapest cut-off',
  cutoff: (t: number): string => t.toFixed(2),
  chosen: (t: string) => `chosen ${t}`,
  chosenCost: (t: string, cost: string) => `chosen ${t}: ${cost}`,
  cheapestLabel: (t: string, cost: string) => `cheapest ${t}: ${cost}`,
  notDefined: 'undefined',
  metricsAria: (title: string, lines: string, t: string, values: string) =>
    `Line chart: ${title}. Cut-off score across, from 0 to 1; share up, from 0% to 100%; one line per measure: ${lines}. A vertical line marks the chosen cut-off ${t}, where ${values}.`,
  costAria: (title: string, cheapestT: string, cheapest: string, t: string, now: string) =>
    `Line chart: ${title}. Cut-off score across, from 0 to 1; total cost of the mistakes up. The cheapest cut-off is ${cheapestT}, costing ${cheapest}; the chosen cut-off ${t} costs ${now}.`,
};

export type ThresholdChartWords = typeof thresholdChartWordsEn;

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
const OKABE_ITO_DARK = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#0072b2', '#ffffff'];
const DASHES = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [2, 2], [12, 4], [4, 4]] as const;
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];

const percent = (v: number | null): string => (v === null ? '' : `${formatNumber(v * 100, 1)}%`);

function cutoffLine(theme: ChartTheme, x: number, label: string): ChartValue {
  const p = paletteFor(theme);
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: p.reference, type: 'dashed', width: 1.5 },
    label: { color: p.text, formatter: label, position: 'end' },
    data: [{ xAxis: tidy(x) }],
  };
}

const cutoffAxis = (theme: ChartTheme, words: ThresholdChartWords): ChartValue =>
  axis(theme, { type: 'value', min: 0, max: 1, interval: 0.1, name: words.cutoffAxis, axisLabel: { color: paletteFor(theme).muted, formatter: '{value}' } });

export function buildThresholdMetricsChart(chart: ThresholdCurves, theme: ChartTheme, words: ThresholdChartWords = thresholdChartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const colours = theme.dark ? OKABE_ITO_DARK : OKABE_ITO;
  const at = chart.thresholds.reduce((best, t, i) => (Math.abs(t - chart.current) < Math.abs(chart.thresholds[best]! - chart.current) ? i : best), 0);
  const t = words.cutoff(chart.current);
  const series: ChartValue[] = chart.lines.map((line, i) => ({
    type: 'line',
    name: line.name,
    data: chart.thresholds.map((x, k) => {
      const v = line.values[k];
      return [tidy(x), v === null || v === undefined ? null : tidy(v * 100)];
    }),
    connectNulls: false,
    // The symbol shows in the legend and on hover; drawing it on all points of every line made
    // each move of the slider several times slower. Lines still differ by dash as well as colour.
    symbol: SYMBOLS[i % SYMBOLS.length]!,
    symbolSize: 7,
    showSymbol: false,
    lineStyle: { color: colours[i % colours.length]!, width: 2, type: DASHES[i % DASHES.length] as ChartValue },
    itemStyle: { color: colours[i % colours.length]! },
    ...(i === 0 ? { markLine: cutoffLine(theme, chart.current, words.chosen(t)) } : {}),
  }));
  const values = chart.lines.map((l) => `${l.name} ${l.values[at] === null || l.values[at] === undefined ? words.notDefined : percent(l.values[at]!)}`).join(', ');
  return {
    height: 340,
    option: {
      ...baseOption(theme, words.metricsAria(chart.title, chart.lines.map((l) => l.name).join(', '), t, values)),
      legend: { ...legend(theme, chart.lines.map((l) => l.name)), type: 'scroll' },
      grid: grid({ top: 36, right: 24 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: cutoffAxis(theme, words),
      yAxis: axis(theme, { type: 'value', min: 0, max: 100, interval: 25, name: words.shareAxis, axisLabel: { color: p.muted, formatter: '{value}%' } }),
      series,
    },
  };
}

export function buildThresholdCostChart(chart: ThresholdCostCurve, theme: ChartTheme, words: ThresholdChartWords = thresholdChartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const cheapestT = chart.thresholds[chart.cheapestIndex] ?? 0;
  const cheapest = chart.totals[chart.cheapestIndex] ?? 0;
  const currentT = chart.thresholds[chart.currentIndex] ?? 0;
  const now = chart.totals[chart.currentIndex] ?? 0;
  const series: ChartValue[] = [
    {
      type: 'line',
      name: words.totalCost,
      data: chart.thresholds.map((x, k) => [tidy(x), tidy(chart.totals[k] ?? 0)]),
      showSymbol: false,
      lineStyle: { color: p.primary, width: 2.5 },
      itemStyle: { color: p.primary },
      markLine: cutoffLine(theme, currentT, words.chosenCost(words.cutoff(currentT), formatNumber(now))),
    },
    {
      type: 'scatter',
      name: words.cheapest,
      data: [[tidy(cheapestT), tidy(cheapest)]],
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: p.highlight, borderColor: theme.dark ? '#15181e' : '#ffffff', borderWidth: 1.5 },
      label: { show: true, position: 'top', color: p.text, formatter: words.cheapestLabel(words.cutoff(cheapestT), formatNumber(cheapest)) },
      z: 3,
    },
  ];
  return {
    height: 300,
    option: {
      ...baseOption(theme, words.costAria(chart.title, words.cutoff(cheapestT), formatNumber(cheapest), words.cutoff(currentT), formatNumber(now))),
      legend: legend(theme, [words.totalCost, words.cheapest]),
      grid: grid({ top: 36, right: 24 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: cutoffAxis(theme, words),
      yAxis: axis(theme, { type: 'value', min: 0, name: words.costAxis }),
      series,
    },
  };
}
