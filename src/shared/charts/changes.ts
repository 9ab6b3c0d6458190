/**
 * Charts for "what changed?": a column's distribution in two batches overlaid, the drift summary
 * (every column's effect size, largest first, against the thresholds), and the project's timeline
 * of key numbers across runs. Meaning never rests on colour alone: the reference batch is hatched,
 * drifted columns carry ▲, timeline lines differ in dash and symbol too.
 */
import type { OverlaidHistogram } from '../drift/types';
import type { TimelineMetric, TimelinePoint } from '../history/timeline';
import { formatPsi, formatShare } from '../text/format';
import { asValues, axis, baseOption, grid, legend, tidy, tooltip } from './base';
import { paletteFor, type ChartTheme } from './theme';
import type { BuiltChart, ChartValue } from './types';
import { chartWordsEn, type ChartWords } from './words-en';

const hatch = (colour: string): ChartValue => ({ symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: tidy(Math.PI / 4), color: colour });

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** Bin labels: "14.3K to 21.3K" for numbers (edges to 3 significant digits), the category itself otherwise, "(other)" last. */
export function overlaidLabels(h: OverlaidHistogram, words: ChartWords = chartWordsEn): string[] {
  const labels = h.edges ? h.edges.slice(0, -1).map((lo, i) => words.binRange(compact.format(lo), compact.format(h.edges![i + 1]!))) : [...(h.labels ?? [])];
  if (h.other) labels.push(words.otherCategories(h.other.categories));
  return labels;
}

/** One column's shares in the reference and the current batch, side by side per bin or category. */
export function buildOverlaidChart(column: string, h: OverlaidHistogram, names: { reference: string; current: string }, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const labels = overlaidLabels(h, words);
  const ref = [...h.ref_shares, ...(h.other ? [h.other.ref_share] : [])];
  const cur = [...h.cur_shares, ...(h.other ? [h.other.cur_share] : [])];
  const items = labels.map((l, i) => words.overlaidItem(l, formatShare(ref[i] ?? 0), formatShare(cur[i] ?? 0)));
  const horizontal = !h.edges; // categories read better as rows, numeric bins as an axis from low to high
  const valueAxis = axis(theme, { type: 'value', name: words.shareOfRows, min: 0, axisLabel: { color: p.muted, formatter: '{value}%' } });
  const categoryAxis = axis(theme, {
    type: 'category',
    data: labels,
    ...(horizontal ? { inverse: true, axisLabel: { color: p.text, width: 160, overflow: 'truncate' } } : { axisLabel: { color: p.muted, rotate: labels.length > 6 ? 30 : 0 } }),
    splitLine: { show: false },
  });
  const series = (name: string, shares: number[], colour: string, hatched: boolean): ChartValue => ({
    type: 'bar',
    name,
    data: shares.map((s) => tidy(s * 100)),
    barMaxWidth: 18,
    itemStyle: { color: colour, ...(hatched ? { decal: hatch(p.hatch) } : {}) },
  });
  return {
    height: horizontal ? Math.max(160, 60 + labels.length * 34) : 280,
    option: {
      ...baseOption(theme, `${words.overlaidAria(column, names.reference, names.current)} ${items.join('; ')}.${h.tails_folded ? ` ${words.tailsFolded}` : ''}`),
      legend: legend(theme, [names.reference, names.current]),
      grid: grid({ top: 32, right: 24 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [series(names.reference, ref, p.reference, true), series(names.current, cur, p.primary, false)],
    },
  };
}

export interface DriftBar {
  name: string;
  /** PSI (or PSI of the missing share); null when it could not be measured. */
  effect: number | null;
  drifted: boolean;
}

/** Every column's effect size, largest first, with the moderate and major thresholds drawn. */
export function buildDriftSummaryChart(columns: readonly DriftBar[], thresholds: { moderate: number; major: number }, theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const p = paletteFor(theme);
  const sorted = columns.filter((c) => c.effect !== null).sort((a, b) => b.effect! - a.effect! || a.name.localeCompare(b.name));
  const data: ChartValue[] = sorted.map((c): ChartValue => {
    const label = `${c.drifted ? '▲ ' : ''}${formatPsi(c.effect!)}`;
    if (!c.drifted) return { value: tidy(c.effect!), name: c.name, label: { formatter: label }, itemStyle: { color: p.primary } };
    return { value: tidy(c.effect!), name: c.name, label: { formatter: label, fontWeight: 'bold' }, itemStyle: { color: p.highlight, decal: hatch(p.hatch) } };
  });
  const items = sorted.map((c) => `${c.name}: ${formatPsi(c.effect!)}${c.drifted ? ` (${words.drifted})` : ''}`);
  const longest = Math.max(4, ...sorted.map((c) => c.name.length));
  return {
    height: Math.max(140, 56 + sorted.length * 26),
    option: {
      ...baseOption(theme, `${words.driftSummaryAria} ${items.join('; ')}.`),
      grid: grid({ top: 24, right: 72 }),
      xAxis: axis(theme, { type: 'value', name: words.driftEffect, min: 0 }),
      yAxis: axis(theme, { type: 'category', inverse: true, data: sorted.map((c) => c.name), axisLabel: { color: p.text, width: Math.min(220, longest * 8), overflow: 'truncate' }, splitLine: { show: false } }),
      series: [
        {
          type: 'bar',
          name: words.driftEffect,
          data,
          barMaxWidth: 18,
          label: { show: true, position: 'right', color: p.text },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: p.reference, type: 'dashed' },
            // The value axis runs top to bottom here (categories inverted): 'start' is the top.
            label: { color: p.muted, position: 'start' },
            data: [
              { xAxis: thresholds.moderate, label: { formatter: words.moderateLine, color: p.muted } },
              { xAxis: thresholds.major, label: { formatter: words.majorLine, color: p.muted } },
            ],
          },
        },
      ],
    },
  };
}

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
const OKABE_ITO_DARK = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#0072b2'];
const DASHES: ChartValue[] = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [2, 2], [12, 4]];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect'];

/**
 * Key numbers across runs, oldest first; a number a run did not measure is a gap. They share one
 * axis from 0 to 1: some are shares (accuracy) and some are not (ROC AUC, a ratio), so none is
 * drawn as a percentage.
 */
export function buildTimelineChart(points: readonly TimelinePoint[], metrics: readonly TimelineMetric[], theme: ChartTheme, words: ChartWords = chartWordsEn): BuiltChart {
  const colours = theme.dark ? OKABE_ITO_DARK : OKABE_ITO;
  const runs = points.map((pt) => words.runLabel(pt.runId, pt.at.slice(0, 10)));
  const shown = metrics.filter((m) => points.some((pt) => pt.values[m] !== null));
  const series: ChartValue[] = shown.map((m, i) => ({
    type: 'line',
    name: words.timelineMetric[m],
    data: asValues(points.map((pt) => pt.values[m])),
    connectNulls: false,
    symbol: SYMBOLS[i % SYMBOLS.length]!,
    symbolSize: 8,
    lineStyle: { color: colours[i % colours.length]!, width: 2, type: DASHES[i % DASHES.length]! },
    itemStyle: { color: colours[i % colours.length]! },
  }));
  const described = shown.map((m) => `${words.timelineMetric[m]}: ${points.map((pt, k) => `${runs[k]} ${pt.values[m] === null ? words.notMeasured : String(Number(pt.values[m]!.toFixed(3)))}`).join(', ')}`);
  return {
    height: 320,
    option: {
      ...baseOption(theme, `${words.timelineAria} ${described.join('; ')}.`),
      legend: { ...legend(theme, shown.map((m) => words.timelineMetric[m])), type: 'scroll' },
      grid: grid({ top: 36, right: 24, bottom: 8 }),
      tooltip: tooltip(theme, { trigger: 'axis' }),
      xAxis: axis(theme, { type: 'category', data: runs, name: words.runsAxis, boundaryGap: false, splitLine: { show: false } }),
      yAxis: axis(theme, { type: 'value', min: 0, max: 1, interval: 0.25, name: words.valueAxis }),
      series,
    },
  };
}
