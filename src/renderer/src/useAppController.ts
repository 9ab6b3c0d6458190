/**
 * The app's behaviour in one place: which screen is showing and what each action does to it.
 * Screens stay presentational; every request to main goes through api/client.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobFinished, MenuCommand } from '../../shared/contract';
import type { ProjectInfo } from '../../shared/domain';
import { asErrorData, pathForFile, request, subscribe } from './api/client';
import { baseName, currentProject, type ImportTarget, type Screen } from './app-state';
import type { NoticeData } from './components/Notice';
import { en } from './text/en';
import { fileStem } from './text/format';

export function useAppController() {
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [notice, setNotice] = useState<NoticeData>();
  const [busy, setBusy] = useState(false);
  const screenRef = useRef(screen);
  screenRef.current = screen;

  const show = useCallback((next: Screen, note?: NoticeData) => {
    setScreen(next);
    setNotice(note);
  }, []);

  /** Runs an action that talks to main, showing its failure as a notice instead of losing it. */
  const guarded = useCallback(async (title: string, action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setNotice({ tone: 'error', title, message: asErrorData(err).message });
    } finally {
      setBusy(false);
    }
  }, []);

  const importPath = useCallback(
    async (path: string, fileName: string, into: ProjectInfo | undefined) => {
      setBusy(true);
      let target: ImportTarget | undefined;
      try {
        const project = into ?? (await request('createProject', { name: fileStem(fileName) }));
        target = { project, createdForImport: into === undefined };
        const { jobId } = await request('importDataFile', { projectId: project.id, path });
        show({ kind: 'importing', target, jobId, fileName });
      } catch (err) {
        if (target?.createdForImport) await tidyAway(target.project);
        show({ kind: 'import-failed', target: target?.createdForImport ? undefined : target, fileName, error: asErrorData(err) });
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const importFile = useCallback(
    (file: File, into: ProjectInfo | undefined) => {
      const path = pathForFile(file);
      if (!path) {
        setNotice({ tone: 'error', message: en.drop.noPath });
        return;
      }
      void importPath(path, file.name, into);
    },
    [importPath],
  );

  const openProjectScreen = useCallback(
    async (projectId: string, note?: NoticeData) => show({ kind: 'project', project: await request('getProject', { projectId }) }, note),
    [show],
  );

  const onImportFinished = useCallback(
    async (finished: JobFinished) => {
      const current = screenRef.current;
      if (current.kind !== 'importing' || current.jobId !== finished.jobId) return;
      const { target, fileName } = current;
      if (finished.status === 'succeeded' && finished.datasetId !== undefined) {
        const datasetId = finished.datasetId;
        await guarded(en.errors.loadFailed, async () => {
          const project = await request('getProject', { projectId: target.project.id });
          const dataset = project.datasets.find((d) => d.id === datasetId) ?? (await request('getDataset', { projectId: project.id, datasetId }));
          show({ kind: 'dataset', project, dataset });
        });
        return;
      }
      if (target.createdForImport) await tidyAway(target.project);
      if (finished.status === 'failed') {
        const error = finished.error ?? { code: 'INTERNAL' as const, message: en.errors.generic };
        show({ kind: 'import-failed', target: target.createdForImport ? undefined : target, fileName, error });
        return;
      }
      const note: NoticeData = { tone: 'info', message: en.importing.cancelledNote(fileName) };
      if (target.createdForImport) show({ kind: 'home' }, note);
      else await guarded(en.errors.loadFailed, () => openProjectScreen(target.project.id, note));
    },
    [guarded, show, openProjectScreen],
  );

  const actions = {
    importFile,
    onImportFinished,
    dismissNotice: () => setNotice(undefined),
    goHome: () => show({ kind: 'home' }),
    openRecent: (path: string) =>
      guarded(en.errors.openFailed, async () => show({ kind: 'project', project: await request('openProject', { path }) })),
    chooseProject: () =>
      guarded(en.errors.openFailed, async () => {
        const project = await request('chooseProjectToOpen', {});
        if (project) show({ kind: 'project', project });
      }),
    openExample: (exampleId: string) =>
      guarded(en.errors.exampleFailed, async () => {
        const { project, jobId } = await request('openExample', { exampleId });
        show({ kind: 'importing', target: { project, createdForImport: true }, jobId, fileName: project.name });
      }),
    openDataset: (project: ProjectInfo, datasetId: number) =>
      guarded(en.errors.loadFailed, async () => {
        show({ kind: 'dataset', project, dataset: await request('getDataset', { projectId: project.id, datasetId }) });
      }),
    backToProject: (project: ProjectInfo) => guarded(en.errors.loadFailed, () => openProjectScreen(project.id)),
    closeProject: (project: ProjectInfo) =>
      guarded(en.errors.generic, async () => {
        await request('closeProject', { projectId: project.id });
        show({ kind: 'home' });
      }),
    tryAnother: () => {
      const current = screenRef.current;
      const project = current.kind === 'import-failed' ? current.target?.project : undefined;
      if (project) void guarded(en.errors.loadFailed, () => openProjectScreen(project.id));
      else show({ kind: 'home' });
    },
  };

  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  useEffect(
    () =>
      subscribe('menuCommand', ({ command, path }) => {
        void runMenuCommand(command, path, screenRef.current, actionsRef.current, importPath);
      }),
    [importPath],
  );

  return { screen, notice, busy, actions };
}

type Actions = ReturnType<typeof useAppController>['actions'];

async function runMenuCommand(
  command: MenuCommand,
  path: string | undefined,
  screen: Screen,
  actions: Actions,
  importPath: (path: string, fileName: string, into: ProjectInfo | undefined) => Promise<void>,
): Promise<void> {
  if (screen.kind === 'importing') return; // one thing at a time; Cancel is on screen
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
      if (chosen) await importPath(chosen.path, baseName(chosen.path), project);
      return;
    }
  }
}

/** A project made only for a file that then failed is deleted (main refuses if it holds data). */
async function tidyAway(project: ProjectInfo): Promise<void> {
  await request('discardProject', { projectId: project.id }).catch(() => request('closeProject', { projectId: project.id }).catch(() => undefined));
}
