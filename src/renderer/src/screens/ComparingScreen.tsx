import type { JobFinished } from '../../../shared/contract';
import { useFollowJob } from '../api/useFollowJob';
import { AppHeader } from '../components/AppHeader';
import { ProgressBar } from '../components/ProgressBar';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  jobId: string;
  what: 'compare' | 'models';
  projectName: string;
  onFinished: (finished: JobFinished) => void;
}

/** While a comparison runs in a worker: its current step, a progress bar, and Cancel. */
export function ComparingScreen({ jobId, what, projectName, onFinished }: Props) {
  const w = en.changes;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { progress, fraction, cancelling, cancel } = useFollowJob(jobId, onFinished);
  return (
    <div className="screen" data-testid="comparing-screen" data-job-id={jobId}>
      <AppHeader context={projectName} />
      <main id="main" className="page page--narrow">
        <section className="panel panel--raised import-panel" aria-labelledby="comparing-heading">
          <h1 id="comparing-heading" ref={heading} tabIndex={-1} className="import-panel__title">
            {w.jobHeading[what]}
          </h1>
          <p className="muted">{w.jobBody}</p>
          <div className="import-panel__status" aria-live="polite">
            <span data-testid="comparing-stage">{progress ? progress.stage : w.starting}</span>
            <span className="import-panel__numbers">{en.checkup.percent(Math.round(fraction * 100))}</span>
          </div>
          <ProgressBar fraction={fraction} label={w.progressLabel} />
          <div className="import-panel__actions">
            <button type="button" className="button button--secondary" onClick={cancel} disabled={cancelling} data-testid="cancel-comparison">
              {cancelling ? w.cancelling : w.cancel}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
