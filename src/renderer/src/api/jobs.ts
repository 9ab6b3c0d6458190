/**
 * Remembers the latest progress and the outcome of every job since the app started. Events can
 * arrive before the request that started the job has returned its id, so the renderer listens
 * from the start and screens look jobs up by id.
 */
import { useSyncExternalStore } from 'react';
import type { JobFinished } from '../../../shared/contract';
import type { JobProgress } from '../../../shared/domain';
import { subscribe } from './client';

export interface JobState {
  progress: JobProgress | undefined;
  finished: JobFinished | undefined;
}

const EMPTY: JobState = { progress: undefined, finished: undefined };
const jobs = new Map<string, JobState>();
const listeners = new Set<() => void>();
let started = false;

function update(jobId: string, change: Partial<JobState>): void {
  jobs.set(jobId, { ...(jobs.get(jobId) ?? EMPTY), ...change });
  for (const l of listeners) l();
}

/** Call once at startup; returns the unsubscribe function. */
export function startJobTracking(): () => void {
  if (started) return () => undefined;
  started = true;
  const offProgress = subscribe('jobProgress', (p) => {
    // A late progress event must not overwrite a finished job's last state.
    if (!jobs.get(p.jobId)?.finished) update(p.jobId, { progress: p });
  });
  const offFinished = subscribe('jobFinished', (f) => update(f.jobId, { finished: f }));
  return () => {
    offProgress();
    offFinished();
    started = false;
  };
}

const onChange = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useJob(jobId: string): JobState {
  return useSyncExternalStore(onChange, () => jobs.get(jobId) ?? EMPTY);
}
