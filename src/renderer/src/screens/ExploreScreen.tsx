import { useState } from 'react';
import type { CheckOptions } from '../../../shared/checks/options';
import type { DatasetSummary, ProjectInfo } from '../../../shared/domain';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { BackLink, CloseProjectButton } from '../components/ProjectNav';
import { ColumnProfiles } from '../components/explore/ColumnProfiles';
import { FlaggedRows } from '../components/explore/FlaggedRows';
import { Loading } from '../components/explore/Loading';
import { SliceExplorer } from '../components/explore/SliceExplorer';
import { Tabs, type Tab } from '../components/explore/Tabs';
import { ThresholdExplorer } from '../components/explore/ThresholdExplorer';
import { FairnessPanel } from '../components/report/FairnessPanel';
import { withCustomSlice } from '../components/report/report-view';
import { LearnProvider } from '../components/learn/LearnProvider';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';

const w = en.explore;

export type ExploreTab = 'columns' | 'groups' | 'slices' | 'threshold' | 'flagged';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  runId: number;
  tab?: ExploreTab | undefined;
  /** Open the flagged-rows tab on this finding's rows. */
  findingId?: string | undefined;
  onBack: () => void;
  onCloseProject: () => void;
  onRerun?: ((options: Partial<CheckOptions>) => void) | undefined;
}

/** A check-up up close: column profiles, groups, weak slices with their rows, the cut-off slider, and the flagged rows. */
export function ExploreScreen({ project, dataset, runId, tab, findingId, onBack, onCloseProject, onRerun }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const state = useRequest(() => request('getReport', { projectId: project.id, runId }));
  const [current, setCurrent] = useState<ExploreTab>(tab ?? (findingId ? 'flagged' : 'columns'));
  const report = state.value;
  const tabs: Tab<ExploreTab>[] = (['columns', 'groups', 'slices', 'threshold', 'flagged'] as const).map((key) => ({ key, label: w.tabs[key] }));
  const onAddSlice = onRerun && report ? (definition: string) => onRerun(withCustomSlice(report, definition)) : undefined;
  return (
    // The glossary's worked examples use this run's report.
    <LearnProvider report={report ?? null}>
      <div className="screen" data-testid="explore-screen" data-run-id={runId}>
        <AppHeader context={project.name} actions={<CloseProjectButton onClick={onCloseProject} />} />
        <main id="main" className="page page--report">
          <BackLink onClick={onBack} testId="explore-back">
            {w.back}
          </BackLink>
          <div className="page-head__text">
            <p className="eyebrow">{w.eyebrow}</p>
            <h1 ref={heading} tabIndex={-1} className="page-head__title">
              {w.heading(dataset.name)}
            </h1>
            <p className="panel__intro">{w.intro}</p>
          </div>
          {!report ? (
            <Loading error={state.error} reload={state.reload} />
          ) : (
            <Tabs label={w.tabsLabel} tabs={tabs} current={current} onChange={setCurrent}>
              {current === 'columns' ? <ColumnProfiles projectId={project.id} dataset={dataset} /> : null}
              {current === 'groups' ? (
                report.fairness && Object.keys(report.fairness).length > 0 ? (
                  <>
                    <p className="panel__intro">{w.groupsIntro}</p>
                    <FairnessPanel report={report} />
                  </>
                ) : (
                  <p className="report-section__clear">{w.noGroups}</p>
                )
              ) : null}
              {current === 'slices' ? <SliceExplorer projectId={project.id} runId={runId} report={report} onAddSlice={onAddSlice} /> : null}
              {current === 'threshold' ? <ThresholdExplorer report={report} /> : null}
              {current === 'flagged' ? <FlaggedRows projectId={project.id} runId={runId} report={report} initialFinding={findingId} /> : null}
            </Tabs>
          )}
        </main>
      </div>
    </LearnProvider>
  );
}
