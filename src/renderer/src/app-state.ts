/** The screens the app can show, as a small state machine driven by App.tsx. */
import type { DatasetSummary, ProjectInfo } from '../../shared/domain';
import type { SlicewiseErrorData } from '../../shared/errors';
import type { ImportChoices } from '../../shared/import-choices';
import type { ExploreTab } from './screens/ExploreScreen';

/** Where an import started, so "back" and "cancel" return there. */
export interface ImportTarget {
  project: ProjectInfo;
  /** True when the project was created just for this file (it is tidied away if the import fails). */
  createdForImport: boolean;
}

/** The file being imported and the choices it was read with, so it can be read again differently. */
export interface ImportSource {
  /** Unknown for a shipped example (main finds it), so such an import cannot be repeated with choices. */
  path: string | undefined;
  fileName: string;
  choices: ImportChoices | undefined;
}

export type Screen =
  | { kind: 'home' }
  | { kind: 'project'; project: ProjectInfo }
  | { kind: 'dataset'; project: ProjectInfo; dataset: DatasetSummary }
  | { kind: 'preview'; project: ProjectInfo; dataset: DatasetSummary; source: ImportSource | undefined }
  | { kind: 'roles'; project: ProjectInfo; dataset: DatasetSummary; source: ImportSource | undefined; from: 'preview' | 'dataset' }
  | { kind: 'importing'; target: ImportTarget; jobId: string; source: ImportSource }
  | { kind: 'import-failed'; target: ImportTarget | undefined; source: ImportSource; error: SlicewiseErrorData }
  | { kind: 'checkup'; project: ProjectInfo; dataset: DatasetSummary; jobId: string; startedAt: number }
  | { kind: 'report'; project: ProjectInfo; dataset: DatasetSummary; runId: number }
  /** A check-up up close (columns, groups, slices, the cut-off, flagged rows), on a tab or a finding's rows. */
  | { kind: 'explore'; project: ProjectInfo; dataset: DatasetSummary; runId: number; tab?: ExploreTab; findingId?: string }
  /** A comparison of two batches or two models running in a worker. */
  | { kind: 'comparing'; project: ProjectInfo; jobId: string; what: 'compare' | 'models' }
  | { kind: 'drift'; project: ProjectInfo; runId: number }
  | { kind: 'models'; project: ProjectInfo; runId: number }
  | { kind: 'history'; project: ProjectInfo }
  /** Checking how a predictions file's rows match a dataset, before its columns are added. */
  | { kind: 'join'; project: ProjectInfo; dataset: DatasetSummary; path: string; fileName: string };

/** The project the person is in, if any (menu commands act on it). */
export function currentProject(screen: Screen): ProjectInfo | undefined {
  switch (screen.kind) {
    case 'project':
    case 'dataset':
    case 'preview':
    case 'roles':
    case 'checkup':
    case 'report':
    case 'explore':
    case 'join':
    case 'comparing':
    case 'drift':
    case 'models':
    case 'history':
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
