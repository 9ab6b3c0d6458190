import { en } from '../text/en';
import type { Loaded } from './useRequest';

/** What a list shows while its request is out: the error with a retry, or the loading line; nothing once loaded. */
export function RequestFallback({ state, loading }: { state: Pick<Loaded<unknown>, 'value' | 'error' | 'reload'>; loading: string }) {
  if (state.error) {
    return (
      <p className="muted" role="alert">
        {state.error.message}{' '}
        <button type="button" className="link-button" onClick={state.reload}>
          {en.errors.retry}
        </button>
      </p>
    );
  }
  if (state.value === undefined) {
    return (
      <p className="muted" aria-busy="true">
        {loading}
      </p>
    );
  }
  return null;
}
