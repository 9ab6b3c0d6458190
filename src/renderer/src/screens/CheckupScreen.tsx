import type { JobFinished } from '../../../shared/contract';
import { useFollowJob } from '../api/useFollowJob';
import { AppHeader } from '../components/AppHeader';
import { CheckupStages } from '../components/CheckupStages';
import { ProgressBar } from '../components/ProgressBar';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  jobId: string;
  datasetName: string;
  projectName: string;
  onFinished: (finished: JobFinished) => void;
}

/** While the check-up runs (in a worker, so the window stays responsive): its steps, a progress bar, and Cancel. */
export function CheckupScreen({ jobId, datasetName, projectName, onFinished }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { progress, fraction, cancelling, cancel } = useFollowJob(jobId, onFinished);
  return (
    <div className="screen" data-testid="checkup-screen" data-job-id={jobId}>
      <AppHeader context={projectName} />
      <main id="main" className="page page--narrow">
        <section className="panel panel--raised import-panel" aria-labelledby="checkup-heading">
          <h1 id="checkup-heading" ref={heading} tabIndex={-1} className="import-panel__title">
            {en.checkup.heading(datasetName)}
          </h1>
          <p className="muted">{en.checkup.body}</p>
          <CheckupStages current={progress?.stage} />
          <div className="import-panel__status" aria-live="polite">
            <span data-testid="checkup-stage">{progress ? en.checkup.step(progress.stage) : en.checkup.starting}</span>
            <span className="import-panel__numbers" data-testid="checkup-percent">
              {en.checkup.percent(Math.round(fraction * 100))}
            </span>
          </div>
          <ProgressBar fraction={fraction} label={en.checkup.progressLabel} />
          <div className="import-panel__actions">
            <button type="button" className="button button--secondary" onClick={cancel} disabled={cancelling} data-testid="cancel-checkup">
              {cancelling ? en.checkup.cancelling : en.checkup.cancel}
            </button>
          </div>
        </section>
      </main>
    </div>
  );
}
