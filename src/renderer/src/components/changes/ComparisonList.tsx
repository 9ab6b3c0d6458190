import type { ProjectInfo } from '../../../../shared/domain';
import { request } from '../../api/client';
import { en } from '../../text/en';
import { formatDateTime } from '../../text/format';
import { RequestFallback } from '../RequestFallback';
import { useRequest } from '../useRequest';

interface Props {
  project: ProjectInfo;
  onOpenDrift: (runId: number) => void;
  onOpenModels: (runId: number) => void;
}

/** Earlier comparisons of batches and of models, newest first, each opening its screen. */
export function ComparisonList({ project, onOpenDrift, onOpenModels }: Props) {
  const w = en.changes;
  const runs = useRequest(() => request('listRuns', { projectId: project.id }));
  const list = runs.value?.filter((r) => r.kind === 'compare' || r.kind === 'models');
  const name = (datasetId: number): string => project.datasets.find((d) => d.id === datasetId)?.name ?? '';
  return (
    <section className="changes-block" aria-labelledby="earlier-heading" data-testid="comparison-list">
      <h3 id="earlier-heading" className="changes-block__title">
        {w.earlierHeading}
      </h3>
      {!list ? (
        <RequestFallback state={runs} loading={w.earlierLoading} />
      ) : list.length === 0 ? (
        <p className="empty-inline">{w.earlierNone}</p>
      ) : (
        <ul className="run-list">
          {list.map((r) => {
            const label = r.kind === 'compare' ? w.earlierDrift(name(r.datasetId)) : w.earlierModels(name(r.datasetId));
            return (
              <li key={r.id} className="run-item" data-testid="comparison-item" data-run-id={r.id} data-kind={r.kind}>
                <span className="run-item__when">{label}</span>
                <span className="run-item__counts muted">{formatDateTime(r.startedAt)}</span>
                <button type="button" className="button button--secondary" onClick={() => (r.kind === 'compare' ? onOpenDrift(r.id) : onOpenModels(r.id))} aria-label={`${w.open}: ${label}`}>
                  {w.open}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
