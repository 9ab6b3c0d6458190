/**
 * The composition root: builds every main-side service and the request handlers from a host
 * configuration. Electron (src/main/index.ts), the browser test harness and the CLI all call this,
 * so the renderer is always tested against the real services.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppInfo } from '../shared/domain';
import { SlicewiseError } from '../shared/errors';
import { WorkerPool } from './engine-host/worker-pool';
import { engineWorkerScript, type WorkerScript } from './engine-host/worker-entry';
import { createRouter, type RequestHandlers, type Router } from './router';
import { CheckupService } from './services/checkup-service';
import { DeletionService } from './services/deletion-service';
import { Examples } from './services/examples';
import { ExportService, type PrintPdf } from './services/export-service';
import { ExploreService } from './services/explore-service';
import { ImportService } from './services/import-service';
import type { Dialogs, EventSink } from './services/ports';
import { ProjectService } from './services/project-service';
import { RecentProjects } from './services/recent-projects';
import { SettingsStore } from './services/settings-store';

export interface AppConfig {
  appVersion: string;
  host: AppInfo['host'];
  /** Where app settings live (Electron: app.getPath('userData')). */
  userDataDir: string;
  /** Where new projects are created. */
  projectsDir: string;
  /** The folder holding examples/ (Electron: process.resourcesPath or the repo's resources/). */
  resourcesDir: string;
  dialogs: Dialogs;
  events: EventSink;
  /** better-sqlite3 addon for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string | undefined;
  workers?: number;
  /** The computer's memory in bytes, for "would this fit?" before a job starts (os.totalmem() by default; tests pass a small one). */
  totalMemory?: number;
  /** Open this example on the first getAppInfo when there are no recent projects (first launch). */
  firstLaunchExample?: string;
  /** The engine worker script; by default the one next to this bundle (or the source under tsx). */
  workerScript?: WorkerScript;
  /** Prints an HTML report to PDF (Electron: webContents.printToPDF); otherwise headless Chromium in a worker. */
  printPdf?: PrintPdf;
}

export interface AppServices {
  router: Router;
  handlers: RequestHandlers;
  settings: SettingsStore;
  projects: ProjectService;
  imports: ImportService;
  checkups: CheckupService;
  exports: ExportService;
  pool: WorkerPool;
  shutdown(): Promise<void>;
}

/** The jobs that load a whole dataset (or file) into memory. */
export const HEAVY_JOB_KINDS = ['import-file', 'join-predictions', 'checkup', 'compare', 'models'] as const;

export function createAppServices(config: AppConfig): AppServices {
  const settings = new SettingsStore(join(config.userDataDir, 'settings.json'));
  const recent = new RecentProjects(settings);
  const sqlite = { nativeBinding: config.nativeBinding, appVersion: config.appVersion };
  const projects = new ProjectService({ ...sqlite, projectsDir: config.projectsDir, recent });
  const pool = new WorkerPool({
    script: config.workerScript ?? engineWorkerScript(),
    // Leave a core for the UI; on a 2-core laptop one job runs at a time and the next one queues.
    size: config.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
    maxQueue: 16,
    // One table-sized job at a time (see WorkerPoolOptions.heavy); exports and Explore still run beside it.
    heavy: { kinds: HEAVY_JOB_KINDS, max: 1 },
    // After a job on a table of roughly half a million rows or more, start the next on a fresh worker
    // (WorkerPoolOptions.recycleAboveBytes): a 1M-row check-up otherwise leaves ~240 MB held while
    // idle, and the next check-up on the warm worker peaked 30–50 MB higher than on a fresh one.
    recycleAboveBytes: 128 * 1048576,
  });
  const imports = new ImportService({ pool, projects, events: config.events, ...sqlite, totalMemory: config.totalMemory });
  const checkups = new CheckupService({ pool, projects, events: config.events, ...sqlite, totalMemory: config.totalMemory });
  const examples = new Examples(config.resourcesDir);
  const exports = new ExportService({ pool, projects, dialogs: config.dialogs, ...sqlite, printPdf: config.printPdf });
  const explore = new ExploreService({ pool, projects, ...sqlite });
  const deletions = new DeletionService({ pool, projects, forgetCached: (projectId) => explore.forget(projectId) });

  let firstLaunchExample: string | null =
    config.firstLaunchExample && recent.list().length === 0 && examples.all().some((e) => e.id === config.firstLaunchExample) ? config.firstLaunchExample : null;

  const handlers: RequestHandlers = {
    getAppInfo: () => {
      const startWithExample = firstLaunchExample;
      firstLaunchExample = null; // once per app start
      return { version: config.appVersion, host: config.host, examples: examples.all(), startWithExample };
    },
    listRecentProjects: () => recent.list(),
    forgetRecentProject: ({ path }) => recent.forget(path),
    createProject: ({ name }) => projects.create(name),
    openProject: ({ path }) => projects.openFile(path),
    recoverProject: ({ path }) => {
      const { project, report } = projects.recoverFile(path);
      return { project, summary: report.summary, complete: report.complete };
    },
    chooseProjectToOpen: async () => {
      const path = await config.dialogs.chooseProjectFile();
      if (!path) return null;
      try {
        return projects.openFile(path);
      } catch (err) {
        // The window offers to recover a damaged project: it needs to know which file was chosen.
        if (err instanceof SlicewiseError && err.code === 'PROJECT_UNREADABLE') throw new SlicewiseError({ ...err.toData(), location: { ...err.location, file: resolve(path) } });
        throw err;
      }
    },
    getProject: ({ projectId }) => projects.info(projectId),
    closeProject: ({ projectId }) => {
      explore.forget(projectId);
      projects.close(projectId);
      return null;
    },
    discardProject: ({ projectId }) => {
      projects.discard(projectId);
      return null;
    },
    chooseDataFile: async () => {
      const path = await config.dialogs.chooseDataFile();
      return path ? { path } : null;
    },
    importDataFile: ({ projectId, path, choices }) => ({ jobId: imports.start(projectId, path, choices).jobId }),
    openExample: ({ exampleId, projectId }) => {
      const example = examples.find(exampleId);
      const project = projectId ? projects.info(projectId) : projects.create(example.info.title);
      const { jobId } = imports.start(project.id, example.path);
      return { project, jobId };
    },
    getDataset: ({ projectId, datasetId }) => projects.dataset(projectId, datasetId),
    getRoles: ({ projectId, datasetId }) => projects.roles(projectId, datasetId),
    setRoles: ({ projectId, datasetId, roles }) => projects.setRoles(projectId, datasetId, roles),
    getRows: ({ projectId, datasetId, offset, limit }) => projects.rows(projectId, datasetId, offset, limit),
    joinPredictions: ({ projectId, datasetId, path, keys, accept }) => ({ jobId: imports.join(projectId, datasetId, path, { keys, accept }).jobId }),
    startCheckup: ({ projectId, datasetId, options }) => ({ jobId: checkups.start(projectId, datasetId, options ? { options } : {}).jobId }),
    getReport: ({ projectId, runId }) => checkups.report(projectId, runId),
    startCompare: ({ projectId, referenceId, currentId }) => ({ jobId: checkups.compare(projectId, referenceId, currentId).jobId }),
    getDriftReport: ({ projectId, runId }) => checkups.driftReport(projectId, runId),
    startModelComparison: ({ projectId, datasetId, models }) => ({ jobId: checkups.compareModels(projectId, datasetId, models).jobId }),
    getModelComparison: ({ projectId, runId }) => checkups.modelComparison(projectId, runId),
    listRuns: ({ projectId, datasetId }) => checkups.runs(projectId, datasetId),
    deleteRun: ({ projectId, runId }) => deletions.deleteRun(projectId, runId),
    previewDeleteDataset: ({ projectId, datasetId }) => deletions.previewDataset(projectId, datasetId),
    deleteDataset: ({ projectId, datasetId }) => deletions.deleteDataset(projectId, datasetId),
    listAudit: ({ projectId, limit }) => projects.audit(projectId, limit),
    getTimeline: ({ projectId }) => projects.timeline(projectId),
    setAlertRules: ({ projectId, rules }) => projects.setAlertRules(projectId, rules),
    exportRun: ({ projectId, runId, format, personalData }) => exports.export(projectId, runId, format, personalData),
    getModelCardText: ({ projectId }) => projects.modelCardText(projectId),
    setModelCardText: ({ projectId, text }) => projects.setModelCardText(projectId, text),
    exportModelCard: ({ projectId, runId, format }) => exports.exportModelCard(projectId, runId, format),
    cancelJob: ({ jobId }) => ({ cancelled: pool.cancel(jobId) }),
    getColumnProfiles: ({ projectId, datasetId }) => explore.columnProfiles(projectId, datasetId),
    getFindingRows: ({ projectId, runId, findingId, sliceIndex }) => explore.rows(projectId, runId, { findingId, sliceIndex }),
  };

  return {
    router: createRouter(handlers),
    handlers,
    settings,
    projects,
    imports,
    checkups,
    exports,
    pool,
    async shutdown() {
      await pool.close();
      projects.closeAll();
    },
  };
}
