import { request } from '../api/client';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';
import { RequestFallback } from './RequestFallback';
import { useRequest } from './useRequest';

interface Props {
  projectId: string;
  datasetId: number;
  onOpen: (runId: number) => void;
}

/** Earlier check-ups of a dataset, newest first, each opening its report. */
export function RunList({ projectId, datasetId, onOpen }: Props) {
  const runs = useRequest(() => request('listRuns', { projectId, datasetId }));
  const list = runs.value ? [...runs.value].filter((r) => r.kind === 'checkup').sort((a, b) => b.startedAt.localeCompare(a.startedAt)) : undefined;
  return (
    <section className="panel" aria-labelledby="runs-heading" data-testid="run-list">
      <h2 id="runs-heading" className="panel__title">
        {en.runs.heading}
      </h2>
      {!list ? (
        <RequestFallback state={runs} loading={en.runs.loading} />
      ) : list.length === 0 ? (
        <p className="empty-inline" data-testid="no-runs">
          {en.runs.none}
        </p>
      ) : (
        <ul className="run-list">
          {list.map((r) => {
            const when = formatDateTime(r.startedAt);
            return (
              <li key={r.id} className="run-item" data-testid="run-item" data-run-id={r.id}>
                <span className="run-item__when">{en.runs.when(when)}</span>
                <span className="run-item__counts muted" data-testid="run-counts">
                  {en.runs.counts(r.counts.issues, r.counts.passed)}
                </span>
                <button type="button" className="button button--secondary" onClick={() => onOpen(r.id)} aria-label={en.runs.openLabel(when)} data-testid="run-open">
                  {en.runs.open}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
