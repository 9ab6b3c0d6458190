import type { SlicewiseErrorData } from '../../../shared/errors';
import type { ImportChoices } from '../../../shared/import-choices';
import { en } from '../text/en';

/** Lines of the wrong length (details from the CSV reader), if that is what went wrong. */
function raggedCount(error: SlicewiseErrorData): number | undefined {
  const d = error.details;
  if (typeof d === 'object' && d !== null && 'raggedCount' in d && typeof d.raggedCount === 'number' && 'raggedLines' in d) return d.raggedCount;
  return undefined;
}

const notUtf8 = (error: SlicewiseErrorData): boolean =>
  typeof error.details === 'object' && error.details !== null && 'byteOffset' in error.details;

/** True when RetryChoices has something to offer for this error. */
export const hasRetryChoices = (error: SlicewiseErrorData): boolean => raggedCount(error) !== undefined || notUtf8(error);

/**
 * The ways to read a failed file again that the problem allows: keep or skip lines of the wrong
 * length; read bytes that are not UTF-8 as Windows-1252. Nothing for any other problem.
 */
export function RetryChoices({ error, onRetry, disabled }: { error: SlicewiseErrorData; onRetry: (choices: ImportChoices) => void; disabled: boolean }) {
  const ragged = raggedCount(error);
  if (ragged !== undefined) {
    return (
      <section className="retry-choices" aria-labelledby="ragged-title" data-testid="ragged-choice">
        <h3 id="ragged-title" className="retry-choices__title">
          {en.importFailed.raggedHeading}
        </h3>
        <p>{en.importFailed.raggedIntro(ragged)}</p>
        <div className="retry-choices__options">
          <div className="retry-option">
            <button type="button" className="button button--primary" onClick={() => onRetry({ raggedRows: 'keep' })} disabled={disabled} aria-describedby="keep-hint" data-testid="ragged-keep">
              {en.importFailed.keepLines}
            </button>
            <p id="keep-hint" className="muted">
              {en.importFailed.keepLinesHint}
            </p>
          </div>
          <div className="retry-option">
            <button type="button" className="button button--secondary" onClick={() => onRetry({ raggedRows: 'skip' })} disabled={disabled} aria-describedby="skip-hint" data-testid="ragged-skip">
              {en.importFailed.skipLines}
            </button>
            <p id="skip-hint" className="muted">
              {en.importFailed.skipLinesHint}
            </p>
          </div>
        </div>
      </section>
    );
  }
  if (notUtf8(error)) {
    return (
      <section className="retry-choices" aria-labelledby="encoding-retry-title" data-testid="encoding-retry">
        <h3 id="encoding-retry-title" className="retry-choices__title">
          {en.importFailed.encodingHeading}
        </h3>
        <div className="retry-choices__options">
          <button type="button" className="button button--primary" onClick={() => onRetry({ encoding: 'windows-1252' })} disabled={disabled} data-testid="read-as-windows-1252">
            {en.importFailed.readAsLegacy}
          </button>
        </div>
      </section>
    );
  }
  return null;
}
