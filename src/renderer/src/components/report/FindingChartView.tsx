import { useMemo } from 'react';
import { buildFindingChart } from '../../../../shared/charts';
import type { FindingChart } from '../../../../shared/findings/types';
import { en } from '../../text/en';
import { EChart } from '../charts/EChart';
import { useDarkTheme } from '../charts/useDarkTheme';

/** A finding's chart, built from its data by the shared option builders, in the current theme. */
export function FindingChartView({ chart }: { chart: FindingChart }) {
  const dark = useDarkTheme();
  const built = useMemo(() => buildFindingChart(chart, { dark }), [chart, dark]);
  const caption = 'title' in chart ? chart.title : chart.kind === 'reliability' ? en.report.chartCaption.reliability : en.report.chartCaption.confusion;
  return <EChart option={built.option} height={built.height} caption={caption} testId="finding-chart" />;
}
