import { useMemo } from 'react';
import { buildTimelineChart } from '../../../shared/charts';
import type { ProjectInfo } from '../../../shared/domain';
import { isRatioMetric } from '../text/en-changes';
import { TIMELINE_METRICS, type TimelineMetric } from '../../../shared/history/timeline';
import { glossaryIdForMetric } from '../../../shared/text/en/glossary';
import { formatNumber, formatShare } from '../../../shared/text/format';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { LearnLink } from '../components/learn/LearnLink';
import { RulesEditor } from '../components/changes/RulesEditor';
import { EChart } from '../components/charts/EChart';
import { useDarkTheme } from '../components/charts/useDarkTheme';
import { BackLink, CloseProjectButton } from '../components/ProjectNav';
import { RequestFallback } from '../components/RequestFallback';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';
import { TableWrap } from '../components/TableWrap';

interface Props {
  project: ProjectInfo;
  onBack: () => void;
  onCloseProject: () => void;
}

const shown = (m: TimelineMetric, v: number | null): string => (v === null ? en.changes.notMeasured : isRatioMetric(m) ? formatNumber(v, 3) : formatShare(v));

/** The project's runs over time: key numbers as lines and as a table, and the rules that warn. */
export function HistoryScreen({ project, onBack, onCloseProject }: Props) {
  const w = en.changes;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const dark = useDarkTheme();
  const state = useRequest(() => request('getTimeline', { projectId: project.id }));
  const timeline = state.value;
  const measured = useMemo(() => TIMELINE_METRICS.filter((m) => timeline?.points.some((p) => p.values[m] !== null)), [timeline]);
  const chart = useMemo(() => (timeline && timeline.points.length ? buildTimelineChart(timeline.points, TIMELINE_METRICS, { dark }) : null), [timeline, dark]);
  return (
    <div className="screen" data-testid="history-screen">
      <AppHeader context={project.name} actions={<CloseProjectButton onClick={onCloseProject} />} />
      <main id="main" className="page page--report">
        <BackLink onClick={onBack} testId="history-back">
          {w.back(project.name)}
        </BackLink>
        <div className="page-head__text">
          <p className="eyebrow">{w.historyEyebrow}</p>
          <h1 ref={heading} tabIndex={-1} className="page-head__title">
            {w.historyTitle(project.name)}
          </h1>
        </div>
        {!timeline ? (
          <RequestFallback state={state} loading={w.loading} />
        ) : (
          <>
            <section className="panel" aria-labelledby="timeline-heading" data-testid="timeline">
              <h2 id="timeline-heading" className="panel__title">
                {w.timelineHeading}
              </h2>
              {timeline.points.length === 0 ? (
                <p className="empty-inline">{w.timelineEmpty}</p>
              ) : (
                <>
                  {chart ? <EChart option={chart.option} height={chart.height} testId="timeline-chart" /> : null}
                  <TableWrap label={en.tables.timeline}>
                    <table className="metric-table timeline-table" data-testid="timeline-table">
                      <thead>
                        <tr>
                          <th scope="col">{w.runHeader}</th>
                          <th scope="col">{w.whenHeader}</th>
                          <th scope="col">{w.datasetHeader}</th>
                          {measured.map((m) => (
                            <th key={m} scope="col" className="num" title={w.metricNames[m]}>
                              {w.metricShort[m]} <LearnLink term={glossaryIdForMetric(m)} name={w.metricNames[m]} />
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {timeline.points.map((p) => (
                          <tr key={p.runId} data-testid="timeline-row" data-run-id={p.runId}>
                            <th scope="row">#{p.runId}</th>
                            <td className="nowrap">{formatDateTime(p.at)}</td>
                            <td className="nowrap">{p.dataset}</td>
                            {measured.map((m) => (
                              <td key={m} className="num">
                                {shown(m, p.values[m])}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </>
              )}
            </section>
            <RulesEditor
              projectId={project.id}
              points={timeline.points}
              rules={timeline.rules}
              defaults={timeline.defaults}
              onSaved={(rules) => state.set({ ...timeline, rules, defaults: false })}
            />
          </>
        )}
      </main>
    </div>
  );
}
