import { useCallback, useEffect, useRef, useState } from 'react';
import type { SlicewiseErrorData } from '../../../../shared/errors';
import type { JoinKeys, JoinReport } from '../../../../shared/join/join-tables';
import { asErrorData, request } from '../../api/client';
import { useJob } from '../../api/jobs';
import { en } from '../../text/en';

interface Args {
  projectId: string;
  datasetId: number;
  path: string;
  /** Called once the joined table is saved, with the new dataset's id. */
  onAccepted: (datasetId: number) => void;
}

export interface JoinCheck {
  /** The latest report (kept while a new check runs, so the page does not jump). */
  report: JoinReport | undefined;
  error: SlicewiseErrorData | undefined;
  /** What is running now, if anything. */
  running: 'check' | 'accept' | undefined;
  fraction: number;
  check: (keys?: JoinKeys) => void;
  accept: () => void;
  /** Stops a running check (never a save: that finishes or fails as one transaction). */
  stop: () => void;
}

/**
 * Runs the join jobs for the join check screen: a check (accept: false, nothing saved) when it
 * opens and whenever the person changes the key, and the save (accept: true) with the same keys.
 */
export function useJoinCheck({ projectId, datasetId, path, onAccepted }: Args): JoinCheck {
  const [run, setRun] = useState<{ jobId: string | undefined; accept: boolean; keys: JoinKeys | undefined }>();
  const [report, setReport] = useState<JoinReport>();
  const [error, setError] = useState<SlicewiseErrorData>();
  const { progress, finished } = useJob(run?.jobId ?? '');
  const acceptedRef = useRef(onAccepted);
  acceptedRef.current = onAccepted;

  const start = useCallback(
    (accept: boolean, keys: JoinKeys | undefined) => {
      setError(undefined);
      setRun({ jobId: undefined, accept, keys });
      request('joinPredictions', { projectId, datasetId, path, accept, ...(keys ? { keys } : {}) }).then(
        ({ jobId }) => setRun((r) => (r && r.jobId === undefined && r.accept === accept ? { ...r, jobId } : r)),
        (err: unknown) => {
          setRun(undefined);
          setError(asErrorData(err));
        },
      );
    },
    [projectId, datasetId, path],
  );

  // The first check, once (StrictMode runs mount effects twice in development).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    start(false, undefined);
  }, [start]);

  useEffect(() => {
    if (!finished || !run) return;
    setRun(undefined);
    if (finished.status === 'succeeded' && run.accept && finished.datasetId !== undefined) acceptedRef.current(finished.datasetId);
    else if (finished.status === 'succeeded' && finished.joinReport) setReport(finished.joinReport);
    else if (finished.status === 'failed') setError(finished.error ?? { code: 'INTERNAL', message: en.errors.generic });
    else if (finished.status === 'cancelled') setError({ code: 'CANCELLED', message: en.join.cancelledJob });
    // Only the arrival of an outcome matters; `run` is read as it was when the job started.
  }, [finished]);

  return {
    report,
    error,
    running: run ? (run.accept ? 'accept' : 'check') : undefined,
    fraction: progress?.fraction ?? 0,
    check: (keys) => start(false, keys),
    accept: () => start(true, report?.keys),
    stop: () => {
      if (run?.jobId && !run.accept) void request('cancelJob', { jobId: run.jobId }).catch(() => undefined);
    },
  };
}
