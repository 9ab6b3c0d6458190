/**
 * Slicewise's side of the benchmark, run as the app runs it: every import, check-up, comparison
 * and export is a job in the worker pool (createAppServices), while this (main) thread's event
 * loop is watched — its longest stall is what a person would feel.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../src/main/app-services';
import type { WorkerScript } from '../src/main/engine-host/worker-entry';
import { noDialogs } from '../src/main/services/ports';
import { columnShapes, getDataset, loadRowRange, loadTable } from '../src/main/store/datasets';
import { ProjectDb } from '../src/main/store/project-db';
import { getRun } from '../src/main/store/runs';
import type { CheckOptions } from '../src/shared/checks/options';
import type { DatasetRoles } from '../src/shared/roles/dataset-roles';
import type { BatchFiles, WarmUpFiles } from './generate';
import { attempt, maxRssMb, measure, type StageMeasure } from './measure';

/** The bench table's roles: 3 sensitive columns; the free text stays in (the privacy checks read it). */
export const CHECKUP_ROLES: DatasetRoles = {
  target: 'label', prediction: 'prediction', score: 'score', classScores: {}, positiveClass: '1', task: 'binary',
  sensitive: { sex: 'sex', age_group: 'age', region: 'other' }, ids: ['id'], timestamps: [], ignored: [],
};
/** For comparing batches the date is a timestamp: a later batch always has later dates, so it is not compared. */
export const COMPARE_ROLES: DatasetRoles = { ...CHECKUP_ROLES, timestamps: ['event_date'] };
/** Fairness over the 3 sensitive columns and their pairwise intersections; slices to depth 2 (issues #5, #9). */
export const CHECKUP_OPTIONS: Partial<CheckOptions> = {
  sliceMaxDepth: 2,
  intersections: [['sex', 'age_group'], ['sex', 'region'], ['age_group', 'region']],
};
/** Check-up stages as the run's stored per-check timings name them (the prefix of each check id). */
export const CHECKUP_PARTS = ['quality', 'privacy', 'model', 'fairness', 'slices'] as const;
export type CheckupPart = (typeof CHECKUP_PARTS)[number];

export interface SlicewiseMeasures {
  importCsv: StageMeasure;
  importParquet: StageMeasure;
  checkup: StageMeasure;
  /** Seconds per run of each stage's checks, from the run's stored timings (compute only, no load or save). */
  checkupParts: Record<CheckupPart, number[]>;
  drift: StageMeasure;
  htmlExport: StageMeasure;
  /** Peak RSS of the process after the CSV imports and the check-ups (before Parquet, drift, DuckDB). */
  peakRssImportCheckupMb: number;
  /** The process's RSS after the warm-up, before the first timed stage: the floor under every figure. */
  baselineRssMb: number;
  longestStallMs: number;
  /** 99th percentile of the event-loop delay over the same time. */
  stallP99Ms: number;
  /** Per-check milliseconds of the last check-up. */
  stageTimings: Record<string, number>;
  /** Compared columns (drifted ones marked *) and skipped ones. */
  driftSummary: { compared: number; drifted: number; share: number | null; columns: string[]; skipped: string[] };
  projectId: string;
  projectPath: string;
  datasetId: number;
  lastRunId: number;
}

/** The app's services for a benchmark; `emit` sees their events (job progress…). */
export function createBenchServices(
  root: string,
  work: string,
  workerScript: WorkerScript,
  emit: (name: string, payload: unknown) => void = () => {},
  create: typeof createAppServices = createAppServices,
): AppServices {
  return create({
    appVersion: 'bench',
    host: 'cli',
    userDataDir: work,
    projectsDir: work,
    resourcesDir: join(root, 'resources'),
    dialogs: noDialogs,
    events: { emit },
    // The app's own choice of pool size (one worker on a 2-core laptop, leaving a core for the UI).
    workerScript,
  });
}

const ok = <T>(o: { status: string; value?: T; error?: unknown }): T => {
  if (o.status !== 'succeeded') throw new Error(`job ${o.status}: ${JSON.stringify(o.error)}`);
  return o.value as T;
};

const importFile = async (services: AppServices, projectId: string, path: string): Promise<number> =>
  ok<{ datasetId: number }>(await services.imports.start(projectId, path).outcome).datasetId;

/**
 * Runs every kind of job once on a small generated pair of batches (generate.ts's warmUpFiles), so
 * the workers have loaded (and, under tsx, compiled) every module before anything is timed.
 */
export async function warmUp(services: AppServices, files: WarmUpFiles, work: string): Promise<void> {
  const projectId = services.projects.create('warm-up').id;
  const a = await importFile(services, projectId, files.reference);
  await importFile(services, projectId, files.referenceParquet);
  const b = await importFile(services, projectId, files.drifted);
  const { runId } = ok<{ runId: number }>(await services.checkups.start(projectId, a, { roles: CHECKUP_ROLES, options: CHECKUP_OPTIONS }).outcome);
  ok(await services.checkups.compare(projectId, a, b, { roles: COMPARE_ROLES }).outcome);
  await services.exports.export(projectId, runId, 'html', 'mask', join(work, 'warm-report.html'));
}

const partSeconds = (timings: Record<string, number>, part: CheckupPart): number =>
  Object.entries(timings).reduce((s, [k, v]) => (k.startsWith(`${part}.`) ? s + v : s), 0) / 1000;

/**
 * Times, in this order: CSV import, the full check-up, Parquet import, the comparison of the
 * reference with the drifted batch, and the HTML export of the last check-up. The peak RSS for the
 * CSV-size target is read right after the check-ups, before Parquet or a second batch is held.
 *
 * Each run starts from a settled pool (WorkerPool.settled), as a person's next action does: the
 * last job's after-reply work done and a worker left holding a big table replaced. Timed back to
 * back, the second and third CSV imports each waited ~0.8 s for the previous one's checkpoint,
 * which was counted in their seconds.
 */
export async function runSlicewise(services: AppServices, files: { reference: BatchFiles; drifted: BatchFiles }, runs: number, work: string, log: (s: string) => void): Promise<SlicewiseMeasures> {
  // The projects the imports go into are made first, outside every timing and the stall watch:
  // making one is the person's earlier step, and made right after a big import, while the worker
  // copies the last one's ~150 MB into its file, its fsync on this thread waited 0.2–0.4 s for the disk.
  const csvProjects = Array.from({ length: runs }, (_, r) => services.projects.create(`import-csv-${r}`).id);
  const parquetProjects = Array.from({ length: runs }, (_, r) => services.projects.create(`import-parquet-${r}`).id);
  const baselineRssMb = process.memoryUsage.rss() / 1048576;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const settle = (): Promise<void> => services.pool.settled();
  let projectId = '';
  let datasetId = 0;
  log('slicewise: import CSV');
  const importCsv = await measure(runs, async (r) => {
    projectId = csvProjects[r]!;
    datasetId = await importFile(services, projectId, files.reference.csv);
  }, settle);

  log('slicewise: check-up');
  const checkupRuns: number[] = [];
  const checkup = await measure(runs, async () => {
    checkupRuns.push(ok<{ runId: number }>(await services.checkups.start(projectId, datasetId, { roles: CHECKUP_ROLES, options: CHECKUP_OPTIONS }).outcome).runId);
  }, settle);
  const peakRssImportCheckupMb = maxRssMb();

  // Parquet, drift and export may fail at sizes the app does not handle yet (10M rows); the rest is still reported.
  log('slicewise: import Parquet');
  const importParquet = await attempt(runs, async (r) => {
    await importFile(services, parquetProjects[r]!, files.reference.parquet);
  }, log, settle);

  log('slicewise: drift');
  let driftedId = 0;
  let driftRunId = 0;
  const driftedImport = await attempt(1, async () => (driftedId = await importFile(services, projectId, files.drifted.csv)), log); // not timed
  const drift = driftedImport.error
    ? { ...driftedImport, error: `importing the drifted batch: ${driftedImport.error}` }
    : await attempt(runs, async () => {
        driftRunId = ok<{ runId: number }>(await services.checkups.compare(projectId, datasetId, driftedId, { roles: COMPARE_ROLES }).outcome).runId;
      }, log, settle);
  loop.disable();
  // Read back after the stall monitor stops: parsing stored runs here is the bench's work, not the app's.
  const checkupParts = Object.fromEntries(CHECKUP_PARTS.map((p) => [p, [] as number[]])) as unknown as Record<CheckupPart, number[]>;
  let stageTimings: Record<string, number> = {};
  for (const runId of checkupRuns) {
    stageTimings = getRun(services.projects.get(projectId).db, runId).timings;
    for (const p of CHECKUP_PARTS) checkupParts[p].push(partSeconds(stageTimings, p));
  }
  const lastRunId = checkupRuns[checkupRuns.length - 1]!;
  const report = driftRunId ? services.checkups.driftReport(projectId, driftRunId).drift : null;
  const driftSummary = {
    compared: report?.compared ?? 0,
    drifted: report?.drifted_count ?? 0,
    share: report?.share_drifted ?? null,
    columns: report?.columns.map((c) => `${c.name}${c.drifted ? '*' : ''}`) ?? [],
    skipped: report?.skipped.map((c) => c.name) ?? [],
  };

  log('slicewise: HTML export');
  const htmlExport = await attempt(runs, async (r) => {
    const out = await services.exports.export(projectId, lastRunId, 'html', 'mask', join(work, `report-timed-${r}.html`));
    if (out.status !== 'written') throw new Error(`HTML export ${out.status}`);
  }, log, settle);

  return {
    importCsv, importParquet, checkup, checkupParts, drift, htmlExport, peakRssImportCheckupMb, baselineRssMb,
    longestStallMs: loop.max / 1e6, stallP99Ms: loop.percentile(99) / 1e6, stageTimings, driftSummary,
    projectId, projectPath: services.projects.get(projectId).path, datasetId, lastRunId,
  };
}

/**
 * Reopening the project after a restart, two ways: what a person waits for before the data shows
 * (open the file, the dataset's summary, the first 100 rows of the grid — what the app's
 * getDataset and getRows do), and every column back in memory (what a new check-up starts with).
 */
export async function reopen(projectPath: string, datasetId: number, runs: number): Promise<{ shown: StageMeasure; full: StageMeasure }> {
  const shown = await measure(runs, () => {
    const p = ProjectDb.open(projectPath, { appVersion: 'bench' });
    getDataset(p.db, datasetId);
    loadRowRange(p.db, datasetId, 0, 100, columnShapes(p.db, datasetId));
    p.close();
  });
  const full = await measure(runs, () => {
    const p = ProjectDb.open(projectPath, { appVersion: 'bench' });
    loadTable(p.db, datasetId);
    p.close();
  });
  return { shown, full };
}
