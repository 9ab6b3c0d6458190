import { useMemo } from 'react';
import type { DatasetSummary, ProjectInfo } from '../../../shared/domain';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { LearnProvider } from '../components/learn/LearnProvider';
import { CloseProjectButton, BackLink } from '../components/ProjectNav';
import type { CheckOptions } from '../../../shared/checks/options';
import { ExportBar } from '../components/report/ExportBar';
import { FairnessPanel } from '../components/report/FairnessPanel';
import { FindingCard } from '../components/report/FindingCard';
import { SlicesPanel } from '../components/report/SlicesPanel';
import { KeyFigures } from '../components/report/KeyFigures';
import { PassedList } from '../components/report/PassedList';
import { ReportSummary } from '../components/report/ReportSummary';
import { revealParts, revealedSections, sectionsOf, withCustomSlice } from '../components/report/report-view';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRevealed } from '../components/useRevealed';
import type { ExploreTab } from './ExploreScreen';
import { ReportNextSteps } from '../components/report/ReportNextSteps';
import { useRequest } from '../components/useRequest';
import { sectionIntro, sectionName } from '../../../shared/export/report-words-en';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  runId: number;
  onBack: () => void;
  onCloseProject: () => void;
  /** Runs the check-up again with these options (e.g. a slice of the person's own added). */
  onRerun?: (options: Partial<CheckOptions>) => void;
  /** Opens the Explore screen on this run (a tab, or a finding's rows). */
  onExplore?: (at: { tab?: ExploreTab; findingId?: string }) => void;
}

/** A check-up's findings, findings first: the summary, then each section's findings ranked by severity, then what passed. */
export function ReportScreen({ project, dataset, runId, onBack, onCloseProject, onRerun, onExplore }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const state = useRequest(() => request('getReport', { projectId: project.id, runId }));
  const report = state.value;
  const grouped = useMemo(() => sectionsOf(report), [report]);
  const reliabilityCard = grouped.sections.some((s) => s.findings.some((f) => f.chart?.kind === 'reliability'));
  // The summary at once, then the sections and their findings a few parts per frame (see
  // useRevealed): a million-row report never holds the window in one long task while it appears.
  const parts = revealParts(grouped.sections);
  const shown = useRevealed(parts + 1, report, 3);
  const complete = shown > parts;
  const sections = revealedSections(grouped.sections, shown);
  return (
    // The glossary's worked examples use this report (links inside, and the header's Learn button).
    <LearnProvider report={report ?? null}>
      <div className="screen" data-testid="report-screen" data-run-id={runId}>
        <AppHeader
          context={project.name}
          actions={<CloseProjectButton onClick={onCloseProject} />}
        />
        <main id="main" className="page page--report" data-complete={report ? String(complete) : undefined}>
          <BackLink onClick={onBack} testId="report-back">
            {en.report.back(dataset.name)}
          </BackLink>
          <div className="page-head__text">
            <p className="eyebrow">{en.report.eyebrow(report?.run ? formatDateTime(report.run.started_at) : '…')}</p>
            <h1 ref={heading} tabIndex={-1} className="page-head__title">
              {en.report.heading(dataset.name)}
            </h1>
          </div>
          {state.error ? (
            <p className="notice notice--error" role="alert" data-testid="report-error">
              <strong>{en.report.failed}: </strong>
              {state.error.message}{' '}
              <button type="button" className="link-button" onClick={state.reload}>
                {en.errors.retry}
              </button>
            </p>
          ) : !report ? (
            <p className="muted" aria-busy="true">
              {en.report.loading}
            </p>
          ) : (
            <>
              <ReportSummary report={report} sections={grouped.sections} passedCount={grouped.passed.length} />
              <ReportNextSteps fileName={dataset.source.fileName} ready={complete} onExplore={onExplore ? () => onExplore({}) : undefined} />
              {sections.map((s) => (
                <section key={s.category} id={`section-${s.category}`} className="report-section" aria-labelledby={`heading-${s.category}`} data-testid="report-section" data-category={s.category}>
                  <h2 id={`heading-${s.category}`} className="report-section__title">
                    {sectionName(s.category)}
                  </h2>
                  <p className="panel__intro">{sectionIntro(s.category)}</p>
                  {s.category === 'performance' ? <KeyFigures report={report} showReliability={!reliabilityCard} /> : null}
                  {s.category === 'fairness' ? <FairnessPanel report={report} /> : null}
                  {s.category === 'slices' ? (
                    <SlicesPanel
                      report={report}
                      onAddSlice={onRerun ? (definition) => onRerun(withCustomSlice(report, definition)) : undefined}
                    />
                  ) : null}
                  {s.findings.length === 0 && complete ? <p className="report-section__clear">{en.report.sectionClear}</p> : s.findings.map((f) => <FindingCard key={f.id} finding={f} />)}
                </section>
              ))}
              {complete ? (
                <>
                  <PassedList findings={grouped.passed} />
                  <ExportBar projectId={project.id} runId={runId} />
                </>
              ) : (
                <p className="muted" aria-busy="true">
                  {en.report.loading}
                </p>
              )}
            </>
          )}
        </main>
      </div>
    </LearnProvider>
  );
}
