import type { JobFinished } from '../../../shared/contract';
import { useFollowJob } from '../api/useFollowJob';
import { AppHeader } from '../components/AppHeader';
import { ProgressBar } from '../components/ProgressBar';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  jobId: string;
  fileName: string;
  projectName: string;
  onFinished: (finished: JobFinished) => void;
}

/** Shown while a file is being read: the stage, a progress bar, rows so far, and Cancel. */
export function ImportScreen({ jobId, fileName, projectName, onFinished }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { progress, fraction, cancelling, cancel } = useFollowJob(jobId, onFinished);
  return (
    <div className="screen" data-testid="import-screen" data-job-id={jobId}>
      <AppHeader context={projectName} />
      <main id="main" className="page page--narrow">
        <section className="panel panel--raised import-panel" aria-labelledby="import-heading">
          <h1 id="import-heading" ref={heading} tabIndex={-1} className="import-panel__title">
            {en.importing.heading(fileName)}
          </h1>
          <p className="muted">{en.importing.body}</p>
          <div className="import-panel__status" aria-live="polite">
            <span data-testid="import-stage">{progress ? en.importing.stage(progress.stage) : en.importing.starting}</span>
            <span className="import-panel__numbers">
              {progress?.message ? <span data-testid="import-rows">{en.importing.rowsSoFar(progress.message)}</span> : null}
              <span data-testid="import-percent">{en.importing.percent(Math.round(fraction * 100))}</span>
            </span>
          </div>
          <ProgressBar fraction={fraction} label={en.importing.progressLabel} />
          <div className="import-panel__actions">
            <button type="button" className="button button--secondary" onClick={cancel} disabled={cancelling} data-testid="cancel-import">
              {cancelling ? en.importing.cancelling : en.importing.cancel}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
