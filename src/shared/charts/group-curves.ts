/**
 * One line per group over the score threshold (selection rate, TPR or FPR as the cut-off moves),
 * so a person can see how moving the cut-off changes each group. Lines differ by colour AND dash
 * AND symbol (Okabe–Ito colours; meaning never rests on colour alone); a vertical line marks the
 * threshold chosen on the slider. Null points (a group with no rows of a class) are gaps.
 */
import { axis, baseOption, grid, legend, tidy, tooltip } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

export interface GroupCurves {
  title: string;
  /** Threshold values (0..1). */
  x: number[];
  groups: { name: string; y: (number | null)[] }[];
  yLabel: string;
  /** The threshold the person picked, drawn as a vertical line. */
  marker?: number;
}

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];
const OKABE_ITO_DARK = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#0072b2', '#d55e00', '#ffffff'];
const DASHES = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [2, 2], [12, 4]] as const;
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'];

export function buildGroupCurvesChart(chart: GroupCurves, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const colours = theme.dark ? OKABE_ITO_DARK : OKABE_ITO;
  const series: ChartValue[] = chart.groups.map((g, i) => ({
    type: 'line',
    name: g.name,
    data: chart.x.map((x, k) => [tidy(x * 100), g.y[k] === null || g.y[k] === undefined ? null : tidy(g.y[k]! * 100)]),
    connectNulls: false,
    symbol: SYMBOLS[i % SYMBOLS.length]!,
    symbolSize: 6,
    // ECharts thins symbols on dense lines on its own; they keep lines apart in greyscale.
    showSymbol: true,
    lineStyle: { color: colours[i % colours.length]!, width: 2, type: DASHES[i % DASHES.length] as ChartValue },
    itemStyle: { color: colours[i % colours.length]! },
    ...(i === 0 && chart.marker !== undefined
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: p.reference, type: 'dashed', width: 1.5 },
            label: { color: p.text, formatter: words.thresholdAt(`${tidy(chart.marker * 100)}%`), position: 'end' },
            data: [{ xAxis: tidy(chart.marker * 100) }],
          },
        }
      : {}),
  }));
  const percentAxis = { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: p.muted, formatter: '{value}%' } };
  const description = words.groupCurvesAria(chart.title, chart.yLabel, chart.groups.map((g) => g.name).join(', '));
  return {
    height: 320,
    option: {
      ...baseOption(theme, description),
      legend: { ...legend(theme, chart.groups.map((g) => g.name)), type: 'scroll' },
      grid: grid({ top: 36, right: 24 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: axis(theme, { ...percentAxis, name: words.threshold }),
      yAxis: axis(theme, { ...percentAxis, name: chart.yLabel }),
      series,
    },
  };
}
