/**
 * The threshold explorer's charts, on the hand-worked ten-row table of
 * test/unit/shared/explore/threshold-view.test.ts (cut-offs 0, .25, .5, .75, 1). Each option is
 * compared with a snapshot of its JSON (test/fixtures/charts/threshold-*.json; rewrite with
 * UPDATE_CHART_SNAPSHOTS=1 after a deliberate change, and read the diff).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCommon, matchesSnapshot } from './chart-assertions';
import { buildThresholdCostChart, buildThresholdMetricsChart, type ChartOption } from '../../../../src/shared/charts';


const series = (o: ChartOption): Record<string, unknown>[] => o.series as Record<string, unknown>[];
const description = (o: ChartOption): string => (o.aria as { label: { description: string } }).label.description;
const T = [0, 0.25, 0.5, 0.75, 1];

describe('measures against the cut-off', () => {
  const built = buildThresholdMetricsChart(
    {
      title: 'How the measures move with the cut-off',
      thresholds: T,
      lines: [
        { name: 'Accuracy', values: [0.4, 0.7, 0.7, 0.8, 0.6] },
        { name: 'Precision', values: [0.4, 4 / 7, 0.6, 1, null] },
      ],
      current: 0.5,
    },
    { dark: false },
  );
  test('one line per measure in percent; the undefined precision at 1 is a gap, not 0', () => {
    assertCommon(built.option);
    matchesSnapshot('threshold-metrics-light', built);
    const [accuracy, precision] = series(built.option);
    assert.deepEqual(accuracy!.data, [
      [0, 40],
      [0.25, 70],
      [0.5, 70],
      [0.75, 80],
      [1, 60],
    ]);
    assert.deepEqual((precision!.data as unknown[])[4], [1, null]);
    assert.equal((precision!.data as number[][])[1]![1], 57.1429);
    assert.equal(precision!.connectNulls, false);
  });
  test('lines differ by dash and symbol as well as colour; a dashed line marks the chosen cut-off', () => {
    const [a, b] = series(built.option);
    assert.notEqual((a!.lineStyle as { type: unknown }).type, (b!.lineStyle as { type: unknown }).type);
    assert.notEqual(a!.symbol, b!.symbol);
    const mark = a!.markLine as { data: { xAxis: number }[]; label: { formatter: string } };
    assert.deepEqual(mark.data, [{ xAxis: 0.5 }]);
    assert.equal(mark.label.formatter, 'chosen 0.50');
    assert.equal(b!.markLine, undefined);
  });
  test('the description reads the values at the chosen cut-off, "undefined" where 0 out of 0', () => {
    assert.match(description(built.option), /chosen cut-off 0\.50, where Accuracy 70%, Precision 60%\./);
    const atOne = buildThresholdMetricsChart({ title: 't', thresholds: T, lines: [{ name: 'Precision', values: [0.4, 4 / 7, 0.6, 1, null] }], current: 1 }, { dark: false });
    assert.match(description(atOne.option), /where Precision undefined\./);
  });
});

describe('cost against the cut-off', () => {
  // A wrong "yes" costs 1, a missed "yes" 5: totals 6, 3, 7, 10, 20; cheapest at .25; 7 at .5.
  const built = buildThresholdCostChart({ title: 'What the mistakes cost', thresholds: T, totals: [6, 3, 7, 10, 20], cheapestIndex: 1, currentIndex: 2 }, { dark: true });
  test('the total cost line, the chosen cut-off marked with its cost, the cheapest a labelled diamond', () => {
    assertCommon(built.option);
    matchesSnapshot('threshold-cost-dark', built);
    const [line, cheapest] = series(built.option);
    assert.deepEqual(line!.data, [
      [0, 6],
      [0.25, 3],
      [0.5, 7],
      [0.75, 10],
      [1, 20],
    ]);
    const mark = line!.markLine as { data: { xAxis: number }[]; label: { formatter: string } };
    assert.deepEqual(mark.data, [{ xAxis: 0.5 }]);
    assert.equal(mark.label.formatter, 'chosen 0.50: 7');
    assert.deepEqual(cheapest!.data, [[0.25, 3]]);
    assert.equal(cheapest!.symbol, 'diamond');
    assert.equal((cheapest!.label as { formatter: string }).formatter, 'cheapest 0.25: 3');
    assert.match(description(built.option), /cheapest cut-off is 0\.25, costing 3; the chosen cut-off 0\.50 costs 7\./);
  });
});
