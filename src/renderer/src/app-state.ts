/** The screens the app can show, as a small state machine driven by App.tsx. */
import type { DatasetSummary, ProjectInfo } from '../../shared/domain';
import type { SlicewiseErrorData } from '../../shared/errors';

/** Where an import started, so "back" and "cancel" return there. */
export interface ImportTarget {
  project: ProjectInfo;
  /** True when the project was created just for this file (it is tidied away if the import fails). */
  createdForImport: boolean;
}

export type Screen =
  | { kind: 'home' }
  | { kind: 'project'; project: ProjectInfo }
  | { kind: 'dataset'; project: ProjectInfo; dataset: DatasetSummary }
  | { kind: 'importing'; target: ImportTarget; jobId: string; fileName: string }
  | { kind: 'import-failed'; target: ImportTarget | undefined; fileName: string; error: SlicewiseErrorData };

/** The project the person is in, if any (menu commands act on it). */
export function currentProject(screen: Screen): ProjectInfo | undefined {
  switch (screen.kind) {
    case 'project':
    case 'dataset':
      return screen.project;
    case 'importing':
      return screen.target.createdForImport ? undefined : screen.target.project;
    case 'import-failed':
      return screen.target && !screen.target.createdForImport ? screen.target.project : undefined;
    case 'home':
      return undefined;
  }
}

/** The file name at the end of a path, on any OS. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
