/**
 * What adding a model's predictions from a second file does to the screen: a dropped file opens
 * the join check; accepting opens the new dataset's preview (as after an import); cancelling goes
 * back to the dataset. The join jobs themselves are run by the join check screen (useJoinCheck).
 */
import type { DatasetSummary, ProjectInfo } from '../../shared/domain';
import { pathForFile, request } from './api/client';
import type { Screen } from './app-state';
import type { NoticeData } from './components/Notice';
import { en } from './text/en';

interface Deps {
  show: (next: Screen, note?: NoticeData) => void;
  setNotice: (note: NoticeData | undefined) => void;
  guarded: (title: string, action: () => Promise<void>) => Promise<void>;
}

export function joinActions({ show, setNotice, guarded }: Deps) {
  return {
    addPredictions: (project: ProjectInfo, dataset: DatasetSummary, file: File): void => {
      const path = pathForFile(file);
      if (!path) {
        setNotice({ tone: 'error', message: en.drop.noPath });
        return;
      }
      show({ kind: 'join', project, dataset, path, fileName: file.name });
    },

    joinAccepted: (project: ProjectInfo, original: DatasetSummary, datasetId: number): Promise<void> =>
      guarded(en.errors.loadFailed, async () => {
        const fresh = await request('getProject', { projectId: project.id });
        const dataset = fresh.datasets.find((d) => d.id === datasetId) ?? (await request('getDataset', { projectId: project.id, datasetId }));
        show({ kind: 'preview', project: fresh, dataset, source: undefined }, { tone: 'info', message: en.join.accepted(original.name) });
      }),

    joinCancelled: (project: ProjectInfo, dataset: DatasetSummary): void =>
      show({ kind: 'dataset', project, dataset }, { tone: 'info', message: en.join.cancelled }),
  };
}
