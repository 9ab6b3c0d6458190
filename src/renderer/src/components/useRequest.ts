import { useCallback, useEffect, useState } from 'react';
import type { SlicewiseErrorData } from '../../../shared/errors';
import { asErrorData } from '../api/client';

export interface Loaded<T> {
  value: T | undefined;
  error: SlicewiseErrorData | undefined;
  set: (value: T) => void;
  reload: () => void;
}

/** Loads a value when the component mounts; `set` replaces it after a change made elsewhere. */
export function useRequest<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<SlicewiseErrorData>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (v) => live && setValue(v),
      (err: unknown) => live && setError(asErrorData(err)),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render, so it is not a dependency; reloading is explicit.
  }, [attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { value, error, set: setValue, reload };
}
