import { useRef, useState } from 'react';
import type { RunSummary } from '../../../shared/domain';
import { asErrorData, request } from '../api/client';
import { en } from '../text/en';
import { formatDateTime } from '../text/format';
import { ConfirmDialog } from './ConfirmDialog';
import { RequestFallback } from './RequestFallback';
import { useRequest } from './useRequest';

interface Props {
  projectId: string;
  datasetId: number;
  onOpen: (runId: number) => void;
}

/** The run being asked about, and how the asking goes. */
interface Asking {
  run: RunSummary;
  busy: boolean;
  error?: string;
}

/** Earlier check-ups of a dataset, newest first, each opening its report or deleted after a confirmation. */
export function RunList({ projectId, datasetId, onOpen }: Props) {
  const runs = useRequest(() => request('listRuns', { projectId, datasetId }));
  const [asking, setAsking] = useState<Asking>();
  const [deleted, setDeleted] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = runs.value ? [...runs.value].filter((r) => r.kind === 'checkup').sort((a, b) => b.startedAt.localeCompare(a.startedAt)) : undefined;

  const confirm = (): void => {
    if (!asking) return;
    const { run } = asking;
    setAsking({ run, busy: true });
    request('deleteRun', { projectId, runId: run.id }).then(
      () => {
        runs.set((runs.value ?? []).filter((r) => r.id !== run.id));
        setDeleted(en.deletion.run.done(formatDateTime(run.startedAt)));
        setAsking(undefined);
      },
      (err: unknown) => setAsking({ run, busy: false, error: `${en.deletion.run.failed}: ${asErrorData(err).message}` }),
    );
  };

  return (
    <section className="panel" aria-labelledby="runs-heading" data-testid="run-list">
      <h2 id="runs-heading" ref={heading} tabIndex={-1} className="panel__title">
        {en.runs.heading}
      </h2>
      <p role="status" className={deleted ? 'muted' : 'visually-hidden'} data-testid="run-deleted">
        {deleted ?? ''}
      </p>
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
                <button
                  type="button"
                  className="button button--danger-quiet"
                  onClick={() => {
                    setDeleted(undefined);
                    setAsking({ run: r, busy: false });
                  }}
                  aria-label={en.deletion.run.buttonLabel(when)}
                  data-testid="run-delete"
                >
                  {en.deletion.run.button}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {asking ? (
        <ConfirmDialog
          title={en.deletion.run.question(formatDateTime(asking.run.startedAt))}
          confirmLabel={en.deletion.run.confirm}
          busy={asking.busy}
          error={asking.error}
          onConfirm={confirm}
          onCancel={() => setAsking(undefined)}
          fallbackFocus={() => heading.current?.focus()}
          testId="delete-run-dialog"
        >
          <p>{en.deletion.run.lost(asking.run.counts.issues, asking.run.counts.passed)}</p>
          <p className="muted">{en.deletion.run.stays}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
