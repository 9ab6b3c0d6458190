import type { SlicewiseErrorData } from '../../../shared/errors';
import type { ImportChoices } from '../../../shared/import-choices';
import { AppHeader } from '../components/AppHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { hasRetryChoices, RetryChoices } from '../components/RetryChoices';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { en } from '../text/en';

interface Props {
  fileName: string;
  error: SlicewiseErrorData;
  projectName: string | undefined;
  busy: boolean;
  /** Absent when the file cannot be read again from here (its path is unknown). */
  onRetry: ((choices: ImportChoices) => void) | undefined;
  onBack: () => void;
}

/** A file that could not be read: the problem in plain words, where it is, what can be tried, and a way back. */
export function ImportFailedScreen({ fileName, error, projectName, busy, onRetry, onBack }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const choices = onRetry !== undefined && hasRetryChoices(error);
  return (
    <div className="screen" data-testid="import-failed-screen">
      <AppHeader context={projectName} />
      <main id="main" className="page page--narrow">
        <h1 ref={heading} tabIndex={-1} className="visually-hidden">
          {en.importFailed.heading}
        </h1>
        <ErrorPanel title={en.importFailed.heading} intro={en.importFailed.intro(fileName)} error={error}>
          {choices && onRetry ? <RetryChoices error={error} onRetry={onRetry} disabled={busy} /> : null}
          <p className="muted">{en.importFailed.reassurance}</p>
          <div className="error-panel__actions">
            <button type="button" className={`button ${choices ? 'button--secondary' : 'button--primary'}`} onClick={onBack} data-testid="try-another-file">
              {en.importFailed.tryAnother}
            </button>
          </div>
        </ErrorPanel>
      </main>
    </div>
  );
}
