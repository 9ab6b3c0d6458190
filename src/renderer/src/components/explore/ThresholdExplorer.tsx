import { useMemo, useState } from 'react';
import { formatCutoff, overallAt, thresholdData, type AvailableThresholdData } from '../../../../shared/explore/threshold-view';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatCount, formatShare } from '../../../../shared/text/format';
import { exploreWords as x } from '../../text/en-explore';
import { useDarkTheme } from '../charts/useDarkTheme';
import { ThresholdControls } from './ThresholdControls';
import { ThresholdCosts } from './ThresholdCosts';
import { ThresholdGroups } from './ThresholdGroups';
import { ThresholdConfusion, ThresholdMetrics } from './ThresholdOverall';
import '../../styles/explore.css';

export interface ThresholdExplorerProps {
  report: CheckReport;
}

/**
 * The threshold slider: move the cut-off score and see, at once, the right and wrong calls, the
 * overall measures, every group's rates and (if the person gives them) what the mistakes cost.
 * Everything comes from the report's precomputed tables (performance.threshold_table and
 * fairness[key].thresholds), so nothing is requested while the slider moves.
 */
export function ThresholdExplorer({ report }: ThresholdExplorerProps) {
  const data = useMemo(() => thresholdData(report), [report]);
  if (!data.available) {
    return (
      <section className="threshold-explorer" aria-labelledby="threshold-explorer-heading" data-testid="threshold-explorer">
        <h2 id="threshold-explorer-heading">{x.heading}</h2>
        <p className="threshold-explorer__unavailable" data-testid="threshold-unavailable">
          <strong>{x.unavailableHeading}.</strong> {data.reason}
        </p>
      </section>
    );
  }
  // A new report starts again from its own cut-off.
  return <Explorer key={`${report.run?.id ?? ''}|${report.generated_at}`} report={report} data={data} />;
}

function Explorer({ report, data }: { report: CheckReport; data: AvailableThresholdData }) {
  const dark = useDarkTheme();
  const [index, setIndex] = useState(data.startIndex);
  const overall = useMemo(() => overallAt(data, index), [data, index]);
  const p = data.positiveClass;
  const t = formatCutoff(overall.threshold);
  const chosen = overall.confusion.tp + overall.confusion.fp;
  const total = overall.confusion.total;
  return (
    <section className="threshold-explorer" aria-labelledby="threshold-explorer-heading" data-testid="threshold-explorer">
      <h2 id="threshold-explorer-heading">{x.heading}</h2>
      <p className="panel__intro">{x.intro(p)}</p>
      <div className="threshold-explorer__sticky">
        <ThresholdControls data={data} index={index} onChange={setIndex} />
        <p className="threshold-explorer__summary" data-testid="threshold-summary">
          {x.summary(t, formatCount(chosen), formatCount(total), total > 0 ? formatShare(chosen / total) : '–', p)}
        </p>
      </div>
      <ThresholdConfusion data={data} overall={overall} dark={dark} />
      <ThresholdMetrics data={data} overall={overall} dark={dark} />
      <ThresholdGroups report={report} positiveClass={p} threshold={overall.threshold} />
      <ThresholdCosts data={data} index={index} dark={dark} onJump={setIndex} />
    </section>
  );
}
