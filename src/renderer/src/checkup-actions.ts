/**
 * What starting, finishing and opening a check-up does to the screen. Split from
 * useAppController so each file keeps one job; the controller passes in its `show` and `guarded`.
 */
import type { ExploreTab } from './screens/ExploreScreen';
import type { CheckOptions } from '../../shared/checks/options';
import type { JobFinished } from '../../shared/contract';
import type { DatasetSummary, ProjectInfo } from '../../shared/domain';
import { asErrorData, request } from './api/client';
import type { Screen } from './app-state';
import type { NoticeData } from './components/Notice';
import { en } from './text/en';

interface Deps {
  show: (next: Screen, note?: NoticeData) => void;
  setNotice: (note: NoticeData | undefined) => void;
  setBusy: (busy: boolean) => void;
  current: () => Screen;
}

export function checkupActions({ show, setNotice, setBusy, current }: Deps) {
  return {
    startCheckup: async (project: ProjectInfo, dataset: DatasetSummary, options?: Partial<CheckOptions>): Promise<void> => {
      setBusy(true);
      try {
        const { jobId } = await request('startCheckup', { projectId: project.id, datasetId: dataset.id, ...(options ? { options } : {}) });
        show({ kind: 'checkup', project, dataset, jobId, startedAt: Date.now() });
      } catch (err) {
        setNotice({ tone: 'error', title: en.checkup.failedTitle, message: asErrorData(err).message });
      } finally {
        setBusy(false);
      }
    },

    onCheckupFinished: (finished: JobFinished): void => {
      const screen = current();
      if (screen.kind !== 'checkup' || screen.jobId !== finished.jobId) return;
      const { project, dataset } = screen;
      if (finished.status === 'succeeded' && finished.runId !== undefined) {
        show({ kind: 'report', project, dataset, runId: finished.runId });
      } else if (finished.status === 'failed') {
        const message = finished.error?.message ?? en.errors.generic;
        show({ kind: 'dataset', project, dataset }, { tone: 'error', title: en.checkup.failedTitle, message });
      } else {
        show({ kind: 'dataset', project, dataset }, { tone: 'info', message: en.checkup.cancelledNote });
      }
    },

    openReport: (project: ProjectInfo, dataset: DatasetSummary, runId: number): void => show({ kind: 'report', project, dataset, runId }),
    openExplore: (project: ProjectInfo, dataset: DatasetSummary, runId: number, at: { tab?: ExploreTab; findingId?: string } = {}): void =>
      show({ kind: 'explore', project, dataset, runId, ...at }),
  };
}
