/**
 * The app's behaviour in one place: which screen is showing and what each action does to it.
 * Screens stay presentational; every request to main goes through api/client.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobFinished } from '../../shared/contract';
import type { DatasetDeletion, DatasetSummary, ProjectInfo } from '../../shared/domain';
import type { SlicewiseErrorData } from '../../shared/errors';
import type { ImportChoices } from '../../shared/import-choices';
import { asErrorData, pathForFile, request, subscribe } from './api/client';
import type { ImportSource, ImportTarget, Screen } from './app-state';
import { changesActions } from './changes-actions';
import { checkupActions } from './checkup-actions';
import type { NoticeData } from './components/Notice';
import { joinActions } from './join-actions';
import { runMenuCommand, tidyAway } from './menu-commands';
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

  const importSource = useCallback(
    async (source: ImportSource, into: ProjectInfo | undefined) => {
      if (source.path === undefined) return;
      setBusy(true);
      let target: ImportTarget | undefined;
      try {
        const project = into ?? (await request('createProject', { name: fileStem(source.fileName) }));
        target = { project, createdForImport: into === undefined };
        const { jobId } = await request('importDataFile', { projectId: project.id, path: source.path, ...(source.choices ? { choices: source.choices } : {}) });
        show({ kind: 'importing', target, jobId, source });
      } catch (err) {
        if (target?.createdForImport) await tidyAway(target.project);
        show({ kind: 'import-failed', target: target?.createdForImport ? undefined : target, source, error: asErrorData(err) });
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
      void importSource({ path, fileName: file.name, choices: undefined }, into);
    },
    [importSource],
  );

  const openProjectScreen = useCallback(
    async (projectId: string, note?: NoticeData) => show({ kind: 'project', project: await request('getProject', { projectId }) }, note),
    [show],
  );

  const onImportFinished = useCallback(
    async (finished: JobFinished) => {
      const current = screenRef.current;
      if (current.kind !== 'importing' || current.jobId !== finished.jobId) return;
      const { target, source } = current;
      if (finished.status === 'succeeded' && finished.datasetId !== undefined) {
        const datasetId = finished.datasetId;
        await guarded(en.errors.loadFailed, async () => {
          const project = await request('getProject', { projectId: target.project.id });
          const dataset = project.datasets.find((d) => d.id === datasetId) ?? (await request('getDataset', { projectId: project.id, datasetId }));
          show({ kind: 'preview', project, dataset, source });
        });
        return;
      }
      if (target.createdForImport) await tidyAway(target.project);
      if (finished.status === 'failed') {
        const error = finished.error ?? { code: 'INTERNAL' as const, message: en.errors.generic };
        show({ kind: 'import-failed', target: target.createdForImport ? undefined : target, source, error });
        return;
      }
      const note: NoticeData = { tone: 'info', message: en.importing.cancelledNote(source.fileName) };
      if (target.createdForImport) show({ kind: 'home' }, note);
      else await guarded(en.errors.loadFailed, () => openProjectScreen(target.project.id, note));
    },
    [guarded, show, openProjectScreen],
  );

  /** Reads the current screen's file again with more choices, into the project it belongs to. */
  const reimport = useCallback(
    (choices: ImportChoices) => {
      const current = screenRef.current;
      if (current.kind !== 'import-failed' && current.kind !== 'preview') return;
      const source = current.source;
      if (!source) return;
      const into = current.kind === 'preview' ? current.project : current.target && !current.target.createdForImport ? current.target.project : undefined;
      void importSource({ ...source, choices: { ...source.choices, ...choices } }, into);
    },
    [importSource],
  );

  /** Says a project could not be opened; a damaged one gets an offer to recover what is readable into a new file. */
  const openFailed = useCallback(
    (path: string | undefined, error: SlicewiseErrorData) => {
      const recover = async (file: string): Promise<void> => {
        await guarded(en.errors.recoverFailed, async () => {
          const { project, summary, complete } = await request('recoverProject', { path: file });
          show({ kind: 'project', project }, { tone: complete ? 'info' : 'error', title: en.errors.recovered, message: summary.join(' ') });
        });
      };
      setNotice({
        tone: 'error',
        title: en.errors.openFailed,
        message: error.message,
        ...(error.code === 'PROJECT_UNREADABLE' && path?.endsWith('.slicewise') ? { action: { label: en.errors.recover, run: () => void recover(path), testId: 'recover-project' } } : {}),
      });
    },
    [guarded, show],
  );

  /** Opens a project file from the recent list. */
  const openProjectFile = useCallback(
    async (path: string) => {
      setBusy(true);
      try {
        show({ kind: 'project', project: await request('openProject', { path }) });
      } catch (err) {
        openFailed(path, asErrorData(err));
      } finally {
        setBusy(false);
      }
    },
    [openFailed, show],
  );

  /** Opens a project file the person picks (home screen or the File menu); main names the file when it is damaged. */
  const chooseProject = useCallback(async () => {
    setBusy(true);
    try {
      const project = await request('chooseProjectToOpen', {});
      if (project) show({ kind: 'project', project });
    } catch (err) {
      const error = asErrorData(err);
      openFailed(error.location?.file, error);
    } finally {
      setBusy(false);
    }
  }, [openFailed, show]);

  const actions = {
    ...checkupActions({ show, setNotice, setBusy, current: () => screenRef.current }),
    ...joinActions({ show, setNotice, guarded }),
    ...changesActions({ show, guarded, current: () => screenRef.current, openProjectScreen }),
    importFile,
    importSource,
    reimport,
    onImportFinished,
    dismissNotice: () => setNotice(undefined),
    goHome: () => show({ kind: 'home' }),
    openRecent: (path: string) => openProjectFile(path),
    chooseProject,
    openExample: (exampleId: string) =>
      guarded(en.errors.exampleFailed, async () => {
        const { project, jobId } = await request('openExample', { exampleId });
        show({ kind: 'importing', target: { project, createdForImport: true }, jobId, source: { path: undefined, fileName: project.name, choices: undefined } });
      }),
    openDataset: (project: ProjectInfo, datasetId: number) =>
      guarded(en.errors.loadFailed, async () => {
        show({ kind: 'dataset', project, dataset: await request('getDataset', { projectId: project.id, datasetId }) });
      }),
    showDataset: (project: ProjectInfo, dataset: DatasetSummary, note?: NoticeData) => show({ kind: 'dataset', project, dataset }, note),
    showPreview: (project: ProjectInfo, dataset: DatasetSummary, source?: ImportSource) => show({ kind: 'preview', project, dataset, source }),
    showRoles: (project: ProjectInfo, dataset: DatasetSummary, from: 'preview' | 'dataset', source?: ImportSource) =>
      show({ kind: 'roles', project, dataset, source, from }),
    rolesSaved: (project: ProjectInfo, dataset: DatasetSummary) => show({ kind: 'dataset', project, dataset }, { tone: 'info', message: en.roles.saved }),
    backToProject: (project: ProjectInfo) => guarded(en.errors.loadFailed, () => openProjectScreen(project.id)),
    datasetDeleted: (project: ProjectInfo, deletion: DatasetDeletion) =>
      guarded(en.errors.loadFailed, () => openProjectScreen(project.id, { tone: 'info', message: en.deletion.dataset.done(deletion) })),
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
        void runMenuCommand(command, path, screenRef.current, actionsRef.current);
      }),
    [],
  );

  return { screen, notice, busy, actions };
}
