import { useEffect, useRef, useState } from 'react';
import type { JobFinished } from '../../../shared/contract';
import type { JobProgress } from '../../../shared/domain';
import { request } from './client';
import { useJob } from './jobs';

/**
 * What a screen that follows a running job needs: its latest progress, a Cancel that asks main
 * to stop it, and one call of `onFinished` when the outcome arrives (the latest callback is read
 * through a ref, so only the arrival of the outcome matters).
 */
export function useFollowJob(
  jobId: string,
  onFinished: (finished: JobFinished) => void,
): { progress: JobProgress | undefined; fraction: number; cancelling: boolean; cancel: () => void } {
  const { progress, finished } = useJob(jobId);
  const [cancelling, setCancelling] = useState(false);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  useEffect(() => {
    if (finished) finishedRef.current(finished);
  }, [finished]);
  const cancel = (): void => {
    setCancelling(true);
    request('cancelJob', { jobId }).catch(() => setCancelling(false));
  };
  return { progress, fraction: progress?.fraction ?? 0, cancelling, cancel };
}
