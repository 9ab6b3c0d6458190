import { useRef, useState } from 'react';
import type { DatasetDeletion, DatasetSummary, ProjectInfo } from '../../../shared/domain';
import { asErrorData, request } from '../api/client';
import { en } from '../text/en';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  disabled: boolean;
  onDeleted: (deletion: DatasetDeletion) => void;
}

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  /** Asking; `impact` is what main says would be deleted (undefined when that could not be found out). */
  | { step: 'confirm'; impact: DatasetDeletion | undefined; busy: boolean; error?: string };

/**
 * "Delete dataset": first asks main what would go with it (its check-ups, comparisons that used
 * it), then confirms in those exact words; on success the caller leaves the screen.
 */
export function DeleteDatasetButton({ project, dataset, disabled, onDeleted }: Props) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const w = en.deletion.dataset;

  const open = (): void => {
    // Not disabled while asking: a disabled button would drop focus, which must come back here.
    if (state.step !== 'idle') return;
    setState({ step: 'checking' });
    request('previewDeleteDataset', { projectId: project.id, datasetId: dataset.id }).then(
      (impact) => setState({ step: 'confirm', impact, busy: false }),
      (err: unknown) => setState({ step: 'confirm', impact: undefined, busy: false, error: asErrorData(err).message }),
    );
  };

  const confirm = (): void => {
    if (state.step !== 'confirm' || !state.impact) return;
    const impact = state.impact;
    setState({ step: 'confirm', impact, busy: true });
    request('deleteDataset', { projectId: project.id, datasetId: dataset.id }).then(onDeleted, (err: unknown) =>
      setState({ step: 'confirm', impact, busy: false, error: asErrorData(err).message }),
    );
  };

  const impact = state.step === 'confirm' ? state.impact : undefined;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--danger-quiet"
        onClick={open}
        disabled={disabled}
        aria-label={w.buttonLabel(dataset.name)}
        aria-busy={state.step === 'checking'}
        title={state.step === 'checking' ? w.checking : undefined}
        data-testid="delete-dataset"
      >
        {w.button}
      </button>
      {state.step === 'confirm' ? (
        <ConfirmDialog
          title={w.question(impact ?? { name: dataset.name, checkups: 0 })}
          confirmLabel={w.confirm}
          busy={state.busy}
          error={state.error ? `${w.failed}: ${state.error}` : undefined}
          canConfirm={impact !== undefined}
          onConfirm={confirm}
          onCancel={() => setState({ step: 'idle' })}
          fallbackFocus={() => button.current?.focus()}
          testId="delete-dataset-dialog"
        >
          {impact ? (
            <>
              <p>{w.lostIntro}</p>
              <ul data-testid="delete-dataset-lost">
                <li>{w.lostRows(impact.rows)}</li>
                {impact.checkups > 0 ? <li>{w.lostCheckups(impact.checkups)}</li> : null}
                {impact.comparisons > 0 ? <li>{w.lostComparisons(impact.comparisons)}</li> : null}
              </ul>
              <p className="muted">{w.fileStays(dataset.source.fileName)}</p>
            </>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
