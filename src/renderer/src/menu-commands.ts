/** What each application-menu command does on the screen that is showing. */
import type { MenuCommand } from '../../shared/contract';
import type { ProjectInfo } from '../../shared/domain';
import { request } from './api/client';
import { baseName, currentProject, type ImportSource, type Screen } from './app-state';

export interface MenuActions {
  closeProject: (project: ProjectInfo) => Promise<void>;
  goHome: () => void;
  chooseProject: () => Promise<void>;
  openRecent: (path: string) => Promise<void>;
  importSource: (source: ImportSource, into: ProjectInfo | undefined) => Promise<void>;
}

export async function runMenuCommand(command: MenuCommand, path: string | undefined, screen: Screen, actions: MenuActions): Promise<void> {
  if (screen.kind === 'importing' || screen.kind === 'checkup') return; // one thing at a time; Cancel is on screen
  const project = currentProject(screen);
  switch (command) {
    case 'new-project':
    case 'close-project':
      if (project) await actions.closeProject(project);
      else actions.goHome();
      return;
    case 'open-project':
      await actions.chooseProject();
      return;
    case 'open-recent':
      if (path) await actions.openRecent(path);
      return;
    case 'import-data': {
      const chosen = await request('chooseDataFile', {}).catch(() => null);
      if (chosen) await actions.importSource({ path: chosen.path, fileName: baseName(chosen.path), choices: undefined }, project);
      return;
    }
  }
}

/** A project made only for a file that then failed is deleted (main refuses if it holds data). */
export async function tidyAway(project: ProjectInfo): Promise<void> {
  await request('discardProject', { projectId: project.id }).catch(() => request('closeProject', { projectId: project.id }).catch(() => undefined));
}
