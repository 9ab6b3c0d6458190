/**
 * What starting and finishing a comparison (two batches or two models) does to the screen, and
 * opening a stored one or the project's history. Split from useAppController like checkup-actions.
 */
import type { JobFinished } from '../../shared/contract';
import type { ExampleInfo, ProjectInfo } from '../../shared/domain';
import type { ModelChoice } from '../../shared/models/choice';
import { request } from './api/client';
import type { Screen } from './app-state';
import type { NoticeData } from './components/Notice';
import { en } from './text/en';

interface Deps {
  show: (next: Screen, note?: NoticeData) => void;
  guarded: (title: string, action: () => Promise<void>) => Promise<void>;
  current: () => Screen;
  openProjectScreen: (projectId: string, note?: NoticeData) => Promise<void>;
}

export function changesActions({ show, guarded, current, openProjectScreen }: Deps) {
  const w = en.changes;
  return {
    startCompare: (project: ProjectInfo, referenceId: number, currentId: number) =>
      guarded(w.failedTitle, async () => {
        const { jobId } = await request('startCompare', { projectId: project.id, referenceId, currentId });
        show({ kind: 'comparing', project, jobId, what: 'compare' });
      }),

    startModelComparison: (project: ProjectInfo, datasetId: number, models: ModelChoice) =>
      guarded(w.failedTitle, async () => {
        const { jobId } = await request('startModelComparison', { projectId: project.id, datasetId, models });
        show({ kind: 'comparing', project, jobId, what: 'models' });
      }),

    onComparisonFinished: (finished: JobFinished): void => {
      const screen = current();
      if (screen.kind !== 'comparing' || screen.jobId !== finished.jobId) return;
      const { project, what } = screen;
      if (finished.status === 'succeeded' && finished.runId !== undefined) {
        show(what === 'compare' ? { kind: 'drift', project, runId: finished.runId } : { kind: 'models', project, runId: finished.runId });
        return;
      }
      const note: NoticeData =
        finished.status === 'failed'
          ? { tone: 'error', title: w.failedTitle, message: finished.error?.message ?? en.errors.generic }
          : { tone: 'info', message: w.cancelledNote };
      void guarded(en.errors.loadFailed, () => openProjectScreen(project.id, note));
    },

    addLaterBatch: (project: ProjectInfo, example: ExampleInfo) =>
      guarded(en.errors.exampleFailed, async () => {
        const { jobId } = await request('openExample', { exampleId: example.id, projectId: project.id });
        show({ kind: 'importing', target: { project, createdForImport: false }, jobId, source: { path: undefined, fileName: example.fileName, choices: undefined } });
      }),

    openDrift: (project: ProjectInfo, runId: number): void => show({ kind: 'drift', project, runId }),
    openModels: (project: ProjectInfo, runId: number): void => show({ kind: 'models', project, runId }),
    openHistory: (project: ProjectInfo): void => show({ kind: 'history', project }),
  };
}
