/** The "what changed?" charts: overlaid distributions, the drift summary and the timeline. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDriftSummaryChart, buildOverlaidChart, buildTimelineChart, type ChartOption } from '../../../../src/shared/charts';
import type { TimelinePoint } from '../../../../src/shared/history/timeline';

const light = { dark: false };
const series = (o: ChartOption): Record<string, unknown>[] => o.series as Record<string, unknown>[];
const description = (o: ChartOption): string => (o.aria as { label: { description: string } }).label.description;
const plain = (o: ChartOption): void => {
  assert.deepEqual(JSON.parse(JSON.stringify(o)), o, 'plain JSON only');
  assert.equal(o.animation, false);
};

describe('overlaid distributions', () => {
  test('numeric bins: one bar pair per bin, shares in percent, the reference hatched, bins named by their edges', () => {
    const { option } = buildOverlaidChart('income', { edges: [0, 10, 20, 30], ref_shares: [0.5, 0.3, 0.2], cur_shares: [0.2, 0.3, 0.5], tails_folded: true }, { reference: '2025', current: '2026' }, light);
    plain(option);
    const [ref, cur] = series(option);
    assert.deepEqual(ref!.data, [50, 30, 20]);
    assert.deepEqual(cur!.data, [20, 30, 50]);
    assert.ok((ref!.itemStyle as { decal?: unknown }).decal, 'the reference is hatched, not only a different colour');
    assert.equal((cur!.itemStyle as { decal?: unknown }).decal, undefined);
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['0 to 10', '10 to 20', '20 to 30']);
    assert.match(description(option), /0 to 10: 50% then 20%/);
    assert.match(description(option), /extreme values/);
  });

  test('categories: horizontal, with the categories beyond the list summed as one "other" bar', () => {
    const { option } = buildOverlaidChart('region', { labels: ['North', 'Online'], ref_shares: [0.6, 0], cur_shares: [0.4, 0.2], other: { categories: 3, ref_share: 0.4, cur_share: 0.4 } }, { reference: 'a', current: 'b' }, light);
    assert.deepEqual((option.yAxis as { data: string[] }).data, ['North', 'Online', '(3 other values)']);
    assert.deepEqual(series(option)[1]!.data, [40, 20, 40]);
  });
});

describe('drift summary', () => {
  const chart = buildDriftSummaryChart(
    [
      { name: 'age', effect: 0.02, drifted: false },
      { name: 'region', effect: 1.8, drifted: true },
      { name: 'notes', effect: null, drifted: false },
      { name: 'income', effect: 0.0996, drifted: false },
    ],
    { moderate: 0.1, major: 0.25 },
    light,
  );
  test('largest effect first; unmeasured columns left out, never drawn as 0', () => {
    plain(chart.option);
    assert.deepEqual((chart.option.yAxis as { data: string[] }).data, ['region', 'income', 'age']);
  });
  test('drifted columns are marked with ▲ and a hatch; PSI just under a threshold never reads as the threshold', () => {
    const data = series(chart.option)[0]!.data as { label: { formatter: string }; itemStyle: { decal?: unknown } }[];
    assert.equal(data[0]!.label.formatter, '▲ 1.8');
    assert.ok(data[0]!.itemStyle.decal);
    assert.equal(data[1]!.label.formatter, '0.099');
    const lines = (series(chart.option)[0]!.markLine as { data: { xAxis: number }[] }).data.map((d) => d.xAxis);
    assert.deepEqual(lines, [0.1, 0.25]);
  });
});

describe('timeline', () => {
  const point = (runId: number, accuracy: number | null, drift: number | null): TimelinePoint => ({
    runId,
    at: `2026-0${runId}-01T10:00:00.000Z`,
    dataset: 'd',
    values: { accuracy, roc_auc: null, ece: null, worst_dp_ratio: null, worst_dp_difference: null, share_drifted: drift },
    worstFairnessKey: null,
  });
  test('one line per measured metric on a 0–1 axis (ROC AUC is not a percentage), with a gap (null) where a run did not measure it', () => {
    const { option } = buildTimelineChart([point(1, 0.72, null), point(2, null, 0.18), point(3, 0.664, null)], ['accuracy', 'roc_auc', 'share_drifted'], light);
    plain(option);
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['#1 2026-01-01', '#2 2026-02-01', '#3 2026-03-01']);
    const s = series(option);
    assert.deepEqual(s.map((x) => x.name), ['Accuracy', 'Columns changed'], 'ROC AUC was never measured: no empty line');
    assert.deepEqual(s[0]!.data, [0.72, null, 0.664]);
    assert.deepEqual(s[1]!.data, [null, 0.18, null]);
    assert.equal((option.yAxis as { max: number }).max, 1);
    assert.notDeepEqual((s[0]!.lineStyle as { type: unknown }).type, (s[1]!.lineStyle as { type: unknown }).type, 'lines differ in dash, not only colour');
    assert.match(description(option), /#2 2026-02-01 not measured/);
  });
});
