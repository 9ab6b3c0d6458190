import type { ProjectInfo } from '../../../shared/domain';
import type { ModelComparisonDocument } from '../../../shared/models/document';
import { formatCount, formatNumber, formatShare } from '../../../shared/text/format';
import { request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { LearnLink } from '../components/learn/LearnLink';
import { LearnProvider } from '../components/learn/LearnProvider';
import { ChangeVerdict } from '../components/changes/ChangeVerdict';
import { BackLink, CloseProjectButton } from '../components/ProjectNav';
import { RequestFallback } from '../components/RequestFallback';
import { formatShareRange } from '../components/report/report-view';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';
import { TableWrap } from '../components/TableWrap';

interface Props {
  project: ProjectInfo;
  runId: number;
  onBack: () => void;
  onCloseProject: () => void;
}

const p = (v: number | null): string => (v === null ? '—' : v < 0.001 ? '< 0.001' : `= ${formatNumber(v, 2)}`);
const points = (d: number): string => `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pts`;

function Figure({ label, value, range, testId, term }: { label: string; value: string; range?: string | undefined; testId: string; term: string }) {
  return (
    <div className="figure-tile" data-testid={testId}>
      <span className="figure-tile__label">
        {label} <LearnLink term={term} name={label.toLowerCase()} />
      </span>
      <span className="figure-tile__value">{value}</span>
      {range ? <span className="muted">{range}</span> : null}
    </div>
  );
}

function Overall({ c }: { c: ModelComparisonDocument }) {
  const w = en.changes;
  const range = (i: { lower: number; upper: number } | null): string | undefined => (i ? formatShareRange(i.lower, i.upper) : undefined);
  return (
    <div className="figure-tiles">
      <Figure label={w.agreement} value={formatShare(c.agreement.value)} range={range(c.agreement.interval)} testId="models-agreement" term="models.comparison" />
      <Figure label={w.accuracyOf(c.models.a)} value={formatShare(c.accuracy_a.value)} range={range(c.accuracy_a.interval)} testId="models-accuracy-a" term="accuracy" />
      <Figure label={w.accuracyOf(c.models.b)} value={formatShare(c.accuracy_b.value)} range={range(c.accuracy_b.interval)} testId="models-accuracy-b" term="accuracy" />
      {c.auc ? (
        <>
          <Figure label={w.aucOf(c.models.score_a ?? c.models.a)} value={formatNumber(c.auc.auc_a, 3)} testId="models-auc-a" term="roc-auc" />
          <Figure label={w.aucOf(c.models.score_b ?? c.models.b)} value={formatNumber(c.auc.auc_b, 3)} testId="models-auc-b" term="roc-auc" />
        </>
      ) : null}
    </div>
  );
}

/** Two models on the same rows: the recommendation first, then the overall figures with paired tests, then group by group. */
export function ModelsScreen({ project, runId, onBack, onCloseProject }: Props) {
  const w = en.changes;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const state = useRequest(() => request('getModelComparison', { projectId: project.id, runId }));
  const stored = state.value;
  const c = stored?.comparison;
  return (
    <LearnProvider report={c ?? null}>
      <div className="screen" data-testid="models-screen" data-run-id={runId}>
        <AppHeader context={project.name} actions={<CloseProjectButton onClick={onCloseProject} />} />
        <main id="main" className="page page--report">
          <BackLink onClick={onBack} testId="models-back">
            {w.back(project.name)}
          </BackLink>
          <div className="page-head__text">
            <p className="eyebrow">{stored ? w.modelsEyebrow(stored.dataset.name, formatDateTime(stored.run.started_at)) : '…'}</p>
            <h1 ref={heading} tabIndex={-1} className="page-head__title">
              {c ? w.modelsHeadingFor(c.models.a, c.models.b) : w.loading}
            </h1>
          </div>
          {!c ? (
            <RequestFallback state={state} loading={w.loading} />
          ) : (
            <>
              <section className="panel panel--raised models-advice" aria-labelledby="advice-heading" data-verdict={c.verdict}>
                <h2 id="advice-heading" className="panel__title">
                  {w.recommendation} <LearnLink term="models.comparison" />
                </h2>
                <p className="models-advice__text" data-testid="models-recommendation">
                  {c.recommendation}
                </p>
                <p className="muted">{w.rowsCompared(formatCount(c.rows), c.excluded_rows ? formatCount(c.excluded_rows) : null)}</p>
                <Overall c={c} />
                <p className="muted" data-testid="models-tests">
                  {w.mcnemar} <LearnLink term="mcnemar-test" />: p {p(c.mcnemar.p_value)} ({points(c.accuracy_difference)}).
                  {c.auc ? (
                    <>
                      {' '}
                      {w.delong} <LearnLink term="delong-test" />: p {p(c.auc.p_value)}.
                    </>
                  ) : null}{' '}
                  {w.verdicts2[c.verdict]}
                </p>
              </section>
              <section className="report-section" aria-labelledby="models-groups-heading">
                <h2 id="models-groups-heading" className="report-section__title">
                  {w.groupsHeading}
                </h2>
                <p className="panel__intro">{w.groupsIntro}</p>
                {c.groups.length === 0 ? (
                  <p className="muted">{w.noGroups}</p>
                ) : (
                  <TableWrap label={en.tables.modelGroups}>
                    <table className="metric-table" data-testid="models-groups">
                      <thead>
                        <tr>
                          <th scope="col">{w.groupHeader}</th>
                          <th scope="col" className="num">{w.rowsHeader}</th>
                          <th scope="col" className="num">{c.models.a}</th>
                          <th scope="col" className="num">{c.models.b}</th>
                          <th scope="col" className="num">{w.differenceHeader}</th>
                          <th scope="col" className="num">
                            {w.qHeader} <LearnLink term="q-value" />
                          </th>
                          <th scope="col">{w.verdictHeader}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.groups.map((g) => (
                          <tr key={`${g.column}=${g.group}`} data-testid="models-group-row" data-group={`${g.column}=${g.group}`} data-worse={g.worse ? 'true' : 'false'}>
                            <th scope="row">
                              {g.column} = {g.group}
                            </th>
                            <td className="num">{formatCount(g.rows)}</td>
                            <td className="num">{formatShare(g.accuracy_a)}</td>
                            <td className="num">{formatShare(g.accuracy_b)}</td>
                            <td className="num">{points(g.difference)}</td>
                            <td className="num">{g.q_value === null ? '—' : g.q_value < 0.001 ? '< 0.001' : formatNumber(g.q_value, 2)}</td>
                            <td>
                              <ChangeVerdict worse={g.worse} better={g.better} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                )}
              </section>
            </>
          )}
        </main>
      </div>
    </LearnProvider>
  );
}
