import type { SlicewiseErrorData } from '../../../../shared/errors';
import { en } from '../../text/en';

/** A tab's answer while it is being worked out, or why it could not be, with a retry. */
export function Loading({ error, reload }: { error: SlicewiseErrorData | undefined; reload: () => void }) {
  if (error) {
    return (
      <p className="notice notice--error" role="alert" data-testid="explore-error">
        <strong>{en.explore.failed}: </strong>
        {error.message}{' '}
        <button type="button" className="link-button" onClick={reload}>
          {en.errors.retry}
        </button>
      </p>
    );
  }
  return (
    <p className="muted" aria-busy="true">
      {en.explore.loading}
    </p>
  );
}
