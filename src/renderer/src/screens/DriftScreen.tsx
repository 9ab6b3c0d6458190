import { useMemo } from 'react';
import { buildDriftSummaryChart } from '../../../shared/charts';
import type { ProjectInfo } from '../../../shared/domain';
import { DRIFT_DETECTABLE_VS_LARGE } from '../../../shared/drift/texts-en';
import { rankFindings } from '../../../shared/findings/types';
import { formatShare } from '../../../shared/text/format';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { LearnLink } from '../components/learn/LearnLink';
import { LearnProvider } from '../components/learn/LearnProvider';
import { EChart } from '../components/charts/EChart';
import { useDarkTheme } from '../components/charts/useDarkTheme';
import { DriftColumns } from '../components/changes/DriftColumns';
import { PerformanceChangeTable } from '../components/changes/PerformanceChangeTable';
import { BackLink, CloseProjectButton } from '../components/ProjectNav';
import { FindingCard } from '../components/report/FindingCard';
import { RequestFallback } from '../components/RequestFallback';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';

interface Props {
  project: ProjectInfo;
  runId: number;
  onBack: () => void;
  onCloseProject: () => void;
}

/** A comparison of two batches: how many columns changed, how much each did, the model's performance, and the findings. */
export function DriftScreen({ project, runId, onBack, onCloseProject }: Props) {
  const w = en.changes;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const dark = useDarkTheme();
  const state = useRequest(() => request('getDriftReport', { projectId: project.id, runId }));
  const report = state.value;
  const drift = report?.drift;
  const names = useMemo(() => ({ reference: report?.reference.name ?? '', current: report?.current.name ?? '' }), [report]);
  const summaryChart = useMemo(() => {
    if (!drift) return null;
    const extra = [drift.prediction.score, drift.prediction.prediction, drift.label].filter((c) => c !== null);
    const bars = [...drift.columns, ...extra].map((c) => ({ name: c.name, effect: c.effect, drifted: c.drifted }));
    return buildDriftSummaryChart(bars, { moderate: drift.thresholds.psi_moderate, major: drift.thresholds.psi_major }, { dark });
  }, [drift, dark]);
  const issues = useMemo(() => rankFindings(report?.findings.filter((f) => f.status !== 'passed') ?? []), [report]);
  return (
    <LearnProvider report={report ?? null}>
      <div className="screen" data-testid="drift-screen" data-run-id={runId}>
        <AppHeader context={project.name} actions={<CloseProjectButton onClick={onCloseProject} />} />
        <main id="main" className="page page--report">
          <BackLink onClick={onBack} testId="drift-back">
            {w.back(project.name)}
          </BackLink>
          <div className="page-head__text">
            <p className="eyebrow">{w.driftEyebrow(report?.run ? formatDateTime(report.run.started_at) : '…')}</p>
            <h1 ref={heading} tabIndex={-1} className="page-head__title">
              {report ? w.driftHeading(report.current.name, report.reference.name) : w.loading}
            </h1>
          </div>
          {!report || !drift ? (
            <RequestFallback state={state} loading={w.loading} />
          ) : (
            <>
              <section className="panel panel--raised drift-summary" aria-label={w.summaryChartHeading}>
                <p className="drift-summary__line" data-testid="drift-summary" data-share={drift.share_drifted ?? ''}>
                  <strong>{w.driftSummary(drift.drifted_count, drift.compared, drift.share_drifted === null ? '—' : formatShare(drift.share_drifted))}</strong>{' '}
                  <LearnLink term="drift.dataset" /> {w.datasetVerdict[drift.verdict.severity]}
                </p>
                {drift.only_in_reference.length ? <p className="muted">{w.onlyIn('reference', drift.only_in_reference.join(', '))}</p> : null}
                {drift.only_in_current.length ? <p className="muted">{w.onlyIn('current', drift.only_in_current.join(', '))}</p> : null}
                <p className="drift-summary__explain">{DRIFT_DETECTABLE_VS_LARGE}</p>
                {summaryChart ? <EChart option={summaryChart.option} height={summaryChart.height} caption={w.summaryChartHeading} testId="drift-summary-chart" /> : null}
              </section>
              <DriftColumns columns={drift.columns} names={names} />
              <PerformanceChangeTable performance={drift.performance} />
              <section className="report-section" aria-labelledby="drift-findings-heading">
                <h2 id="drift-findings-heading" className="report-section__title">
                  {w.findingsHeading}
                </h2>
                {issues.map((f) => (
                  <FindingCard key={f.id} finding={f} />
                ))}
              </section>
            </>
          )}
        </main>
      </div>
    </LearnProvider>
  );
}
