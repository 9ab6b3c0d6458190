/**
 * Chart option builders: each option is compared with a snapshot of its JSON
 * (test/fixtures/charts/*.json; rewrite with UPDATE_CHART_SNAPSHOTS=1 after a deliberate change,
 * and read the diff), and the properties that matter are asserted directly.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCommon, matchesSnapshot } from './chart-assertions';
import {
  buildBarsChart,
  buildConfusionChart,
  buildCurveChart,
  buildFindingChart,
  buildHistogramChart,
  buildReliabilityChart,
  buildReportReliabilityChart,
  buildRocChart,
  type ChartOption,
} from '../../../../src/shared/charts';
import type { FindingChart } from '../../../../src/shared/findings/types';

const light = { dark: false };
const dark = { dark: true };

const series = (o: ChartOption): Record<string, unknown>[] => o.series as Record<string, unknown>[];
const data = (o: ChartOption, i = 0): Record<string, unknown>[] => series(o)[i]!.data as Record<string, unknown>[];

const bars: FindingChart = {
  kind: 'bars',
  title: 'Spellings that mean the same value',
  labels: ['"North"', '"north "', '"N."'],
  values: [577, 15, 4],
  unit: 'count',
  highlight: [1, 2],
};
const shares: FindingChart = { kind: 'bars', title: 'Share of missing values per column', labels: ['income', 'age'], values: [0.0697, 0.0005], unit: 'share', highlight: [0] };
const histogram: FindingChart = {
  kind: 'histogram',
  title: 'Values of age',
  edges: [0, 20, 40, 60, 80, 100],
  counts: [5, 40, 30, 4, 1],
  markers: [
    { label: 'lower fence', value: -10 },
    { label: 'median', value: 38 },
    { label: 'upper fence', value: 82 },
  ],
};
const bins = [
  { lower: 0, upper: 0.25, count: 10, meanScore: 0.1, fractionPositive: 0.3 },
  { lower: 0.25, upper: 0.5, count: 0, meanScore: null, fractionPositive: null },
  { lower: 0.5, upper: 0.75, count: 20, meanScore: 0.6, fractionPositive: 0.55 },
  { lower: 0.75, upper: 1, count: 5, meanScore: 0.9, fractionPositive: 1 },
];
const confusion: FindingChart = {
  kind: 'confusion',
  labels: ['not 1', '1'],
  matrix: [
    [40, 10],
    [5, 45],
  ],
};
const curve: FindingChart = { kind: 'curve', title: 'ROC', x: [0, 0.1, 0.4, 1], y: [0, 0.5, 0.8, 1], xLabel: 'False alarms', yLabel: 'Caught', diagonal: true };

describe('bars', () => {
  test('counts: horizontal, labels top to bottom, highlighted bars hatched and marked ▲ (not colour alone)', () => {
    const built = buildBarsChart(bars as Extract<FindingChart, { kind: 'bars' }>, light);
    assertCommon(built.option);
    matchesSnapshot('bars-counts-light', built);
    assert.equal((built.option.yAxis as { inverse: boolean }).inverse, true);
    const items = data(built.option);
    assert.deepEqual(
      items.map((d) => d.value),
      [577, 15, 4],
    );
    assert.equal(items[0]!.itemStyle, undefined);
    assert.ok((items[1]!.itemStyle as { decal: unknown }).decal);
    assert.equal((items[1]!.label as { formatter: string }).formatter, '▲ 15');
    assert.match((built.option.aria as { label: { description: string } }).label.description, /"north ": 15 \(highlighted\)/);
  });
  test('shares: percentages on a 0–100% axis, tooltips with the formatted share', () => {
    const built = buildBarsChart(shares as Extract<FindingChart, { kind: 'bars' }>, dark);
    assertCommon(built.option);
    matchesSnapshot('bars-shares-dark', built);
    assert.equal((built.option.xAxis as { max: number }).max, 100);
    assert.deepEqual(
      data(built.option).map((d) => [d.value, (d.tooltip as { formatter: string }).formatter]),
      [
        [6.97, 'income: 7%'],
        [0.05, 'age: 0.05%'],
      ],
    );
  });
});

describe('histogram', () => {
  test('a bar per bin at its centre; markers inside the values drawn, those outside described', () => {
    const built = buildHistogramChart(histogram as Extract<FindingChart, { kind: 'histogram' }>, light);
    assertCommon(built.option);
    matchesSnapshot('histogram-light', built);
    assert.deepEqual(
      data(built.option).map((d) => d.value),
      [
        [10, 5],
        [30, 40],
        [50, 30],
        [70, 4],
        [90, 1],
      ],
    );
    const marks = (series(built.option)[0]!.markLine as { data: { name: string; xAxis: number }[] }).data;
    assert.deepEqual(marks, [
      { name: 'median', xAxis: 38 },
      { name: 'upper fence', xAxis: 82 },
    ]);
    assert.match((built.option.aria as { label: { description: string } }).label.description, /outside the values: lower fence at -10/);
  });
});

describe('reliability', () => {
  test('bars of how often it happened vs the diagonal; empty bins are gaps; counts in tooltips', () => {
    const built = buildReliabilityChart(bins, light);
    assertCommon(built.option);
    matchesSnapshot('reliability-light', built);
    assert.deepEqual(
      data(built.option).map((d) => d.value),
      [30, null, 55, 100],
    );
    assert.deepEqual(series(built.option)[1]!.data, [12.5, 37.5, 62.5, 87.5]);
    assert.equal((series(built.option)[1]!.lineStyle as { type: string }).type, 'dashed');
    assert.equal((data(built.option)[0]!.tooltip as { formatter: string }).formatter, 'Scores 0%–25% (10 rows): said 10% on average, happened 30% of the time');
    assert.equal((data(built.option)[1]!.tooltip as { formatter: string }).formatter, 'Scores 25%–50%: no rows');
  });
  test('the report’s snake_case bins give the same chart', () => {
    const snake = bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, mean_score: b.meanScore, fraction_positive: b.fractionPositive }));
    assert.deepEqual(buildReportReliabilityChart(snake, light), buildReliabilityChart(bins, light));
  });
});

describe('confusion', () => {
  test('what happened down, what the model said across; each cell has its count, share and right/wrong', () => {
    const built = buildConfusionChart(confusion as Extract<FindingChart, { kind: 'confusion' }>, dark);
    assertCommon(built.option);
    matchesSnapshot('confusion-dark', built);
    assert.deepEqual(
      data(built.option).map((d) => [d.value, (d.label as { formatter: string }).formatter]),
      [
        [[0, 0, 40], '40 (40%)\nright'],
        [[1, 0, 10], '10 (10%)\nwrong'],
        [[0, 1, 5], '5 (5%)\nwrong'],
        [[1, 1, 45], '45 (45%)\nright'],
      ],
    );
  });
});

describe('curve', () => {
  test('percent axes, the curve and the dashed coin-toss diagonal', () => {
    const built = buildCurveChart(curve as Extract<FindingChart, { kind: 'curve' }>, light);
    assertCommon(built.option);
    matchesSnapshot('curve-light', built);
    assert.deepEqual(series(built.option)[0]!.data, [
      [0, 0],
      [10, 50],
      [40, 80],
      [100, 100],
    ]);
    assert.deepEqual(series(built.option)[1]!.data, [
      [0, 0],
      [100, 100],
    ]);
  });
  test('ROC from the report names the axes in plain words', () => {
    const built = buildRocChart({ x: [0, 1], y: [0, 1] }, 'repaid', light);
    assert.equal((built.option.xAxis as { name: string }).name, 'False alarms: share of “not repaid” rows flagged');
    assert.equal((built.option.yAxis as { name: string }).name, 'Share of “repaid” rows caught');
  });
});

test('buildFindingChart dispatches every kind, and the dark theme changes colours only', () => {
  for (const chart of [bars, histogram, { kind: 'reliability', bins } as FindingChart, confusion, curve]) {
    const l = buildFindingChart(chart, light);
    const d = buildFindingChart(chart, dark);
    assertCommon(l.option);
    assert.notDeepEqual(l.option, d.option, chart.kind);
    const strip = (o: unknown): string => JSON.stringify(o).replace(/"(#[0-9a-f]{6}|rgba\([^)]*\)|transparent)"/g, '"C"');
    assert.equal(strip(l.option), strip(d.option), `${chart.kind}: only colours differ`);
  }
});
