/**
 * The one contract between the renderer and main: every request the renderer may make
 * (name → input schema → output type) and every event main may push. The preload exposes
 * exactly this map as `window.slicewise`; main validates every input against its schema before
 * any work (src/main/router.ts). Adding a capability means adding an entry here.
 */
import { z } from 'zod';
import type {
  AuditEntry,
  ExportOutcome,
  AppInfo,
  RunSummary,
  DatasetSummary,
  DatasetDeletion,
  JobProgress,
  JobStatus,
  ProjectInfo,
  RecentProject,
  RunDeletion,
} from './domain';
import type { Result, SlicewiseErrorData } from './errors';
import { checkOptionsSchema } from './checks/options';
import { alertRulesSchema, type AlertRule } from './history/rules';
import type { TimelinePoint } from './history/timeline';
import { importChoicesSchema } from './import-choices';
import { modelCardTextSchema, type ModelCardText } from './model-card/text-schema';
import type { JoinReport } from './join/join-tables';
import { modelChoiceSchema } from './models/choice';
import type { StoredModelComparison } from './models/document';
import type { CheckReport } from './report/check-report';
import type { ColumnProfile } from './profile/column-profile';
import type { ExploreRows } from './profile/explore-rows';
import type { DriftReport } from './report/drift-report';
import { datasetRolesSchema, type DatasetRoles, type RolesState } from './roles/dataset-roles';

/** Phantom marker for an output type (types only; outputs are produced by trusted main code). */
const returns = <T>(): T => undefined as T;

const projectId = z.string().uuid();
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character');
const strictEmpty = z.object({}).strict();

export const requests = {
  getAppInfo: { input: strictEmpty, output: returns<AppInfo>() },
  listRecentProjects: { input: strictEmpty, output: returns<RecentProject[]>() },
  forgetRecentProject: { input: z.object({ path: filePath }).strict(), output: returns<RecentProject[]>() },
  createProject: {
    input: z.object({ name: z.string().trim().min(1).max(120) }).strict(),
    output: returns<ProjectInfo>(),
  },
  openProject: { input: z.object({ path: filePath }).strict(), output: returns<ProjectInfo>() },
  /**
   * Copies what can still be read from a damaged project file into a new one next to it (the
   * damaged file is never changed) and opens it; `summary` says what was recovered and what was lost.
   */
  recoverProject: { input: z.object({ path: filePath }).strict(), output: returns<{ project: ProjectInfo; summary: string[]; complete: boolean }>() },
  /** Shows the native "Open project" dialog; null when the person cancels. */
  chooseProjectToOpen: { input: strictEmpty, output: returns<ProjectInfo | null>() },
  getProject: { input: z.object({ projectId }).strict(), output: returns<ProjectInfo>() },
  closeProject: { input: z.object({ projectId }).strict(), output: returns<null>() },
  /**
   * Closes a project and deletes its file — only when it holds no data (a project made for an
   * import that then failed or was cancelled). A project with data is refused, never deleted.
   */
  discardProject: { input: z.object({ projectId }).strict(), output: returns<null>() },
  /** Shows the native "Import data" dialog; null when the person cancels. */
  chooseDataFile: { input: strictEmpty, output: returns<{ path: string } | null>() },
  importDataFile: {
    input: z.object({ projectId, path: filePath, choices: importChoicesSchema.optional() }).strict(),
    output: returns<{ jobId: string }>(),
  },
  /** Opens a shipped example in a new project, or (with projectId) adds it to an open project. */
  openExample: {
    input: z.object({ exampleId: z.string().min(1).max(64), projectId: projectId.optional() }).strict(),
    output: returns<{ project: ProjectInfo; jobId: string }>(),
  },
  getDataset: {
    input: z.object({ projectId, datasetId: z.number().int().positive() }).strict(),
    output: returns<DatasetSummary>(),
  },
  getRoles: {
    input: z.object({ projectId, datasetId: z.number().int().positive() }).strict(),
    output: returns<RolesState>(),
  },
  setRoles: {
    input: z.object({ projectId, datasetId: z.number().int().positive(), roles: datasetRolesSchema }).strict(),
    output: returns<DatasetRoles>(),
  },
  /** Rows for the data preview grid (a window of at most 500 rows), cells as text, null = missing. */
  getRows: {
    input: z.object({ projectId, datasetId: z.number().int().positive(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict(),
    output: returns<{ offset: number; rows: (string | null)[][] }>(),
  },
  /**
   * Joins a predictions file onto a dataset by a key column (guessed when not given). With
   * accept: false nothing is saved: jobFinished carries the report of matched, unmatched and
   * duplicated keys on both sides; accept: true saves the joined table as a new dataset.
   */
  joinPredictions: {
    input: z
      .object({
        projectId,
        datasetId: z.number().int().positive(),
        path: filePath,
        keys: z.object({ left: z.string().min(1).max(1000), right: z.string().min(1).max(1000) }).strict().optional(),
        accept: z.boolean(),
      })
      .strict(),
    output: returns<{ jobId: string }>(),
  },
  /** Runs the check-up on a dataset with its roles; the outcome arrives as jobFinished (with runId). */
  startCheckup: {
    input: z.object({ projectId, datasetId: z.number().int().positive(), options: checkOptionsSchema.partial().optional() }).strict(),
    output: returns<{ jobId: string }>(),
  },
  /** A finished check-up as the documented report (the same JSON the CLI writes). */
  getReport: { input: z.object({ projectId, runId: z.number().int().positive() }).strict(), output: returns<CheckReport>() },
  listRuns: {
    input: z.object({ projectId, datasetId: z.number().int().positive().optional() }).strict(),
    output: returns<RunSummary[]>(),
  },
  /**
   * Deletes one run (a check-up or a comparison) and its findings, in one transaction with a line in
   * the audit trail. Refused while a job (an export, the Explore view) still reads it.
   */
  deleteRun: { input: z.object({ projectId, runId: z.number().int().positive() }).strict(), output: returns<RunDeletion>() },
  /** What deleteDataset would remove (rows, check-ups, comparisons that used it), for the confirmation; changes nothing. */
  previewDeleteDataset: {
    input: z.object({ projectId, datasetId: z.number().int().positive() }).strict(),
    output: returns<DatasetDeletion>(),
  },
  /**
   * Deletes a dataset with its stored rows, columns and roles and every run that used it (its
   * check-ups, comparisons on it or with it as the reference), in one transaction with a line in
   * the audit trail. Refused while a job still uses that dataset or one of those runs.
   */
  deleteDataset: {
    input: z.object({ projectId, datasetId: z.number().int().positive() }).strict(),
    output: returns<DatasetDeletion>(),
  },
  /** Compares a current dataset with a reference one (drift); the outcome arrives as jobFinished with the runId. */
  startCompare: {
    input: z.object({ projectId, referenceId: z.number().int().positive(), currentId: z.number().int().positive() }).strict(),
    output: returns<{ jobId: string }>(),
  },
  /** A finished comparison of two datasets (a run of kind 'compare') as its drift report. */
  getDriftReport: { input: z.object({ projectId, runId: z.number().int().positive() }).strict(), output: returns<DriftReport>() },
  /** Compares two models' columns of one dataset on the same rows; the outcome arrives as jobFinished with the runId. */
  startModelComparison: {
    input: z.object({ projectId, datasetId: z.number().int().positive(), models: modelChoiceSchema }).strict(),
    output: returns<{ jobId: string }>(),
  },
  /** A finished comparison of two models (a run of kind 'models'). */
  getModelComparison: { input: z.object({ projectId, runId: z.number().int().positive() }).strict(), output: returns<StoredModelComparison>() },
  cancelJob: { input: z.object({ jobId: z.string().min(1).max(64) }).strict(), output: returns<{ cancelled: boolean }>() },
  /** The project's audit trail, newest first: imports, joins, role changes, runs, exports. */
  /** Key numbers of every run, oldest first, and the alert rules in force. */
  getTimeline: { input: z.object({ projectId }).strict(), output: returns<{ points: TimelinePoint[]; rules: AlertRule[]; defaults: boolean }>() },
  /** Replaces the project's alert rules (checked on every new run). */
  setAlertRules: { input: z.object({ projectId, rules: alertRulesSchema }).strict(), output: returns<AlertRule[]>() },
  /**
   * Exports a run to a file the person picks in a save dialog. Personal data is masked unless
   * `personalData` is 'include' (the person's explicit opt-in for this export).
   */
  exportRun: {
    input: z
      .object({
        projectId,
        runId: z.number().int().positive(),
        format: z.enum(['html', 'pdf', 'md', 'json', 'csv']),
        personalData: z.enum(['mask', 'drop', 'include']).default('mask'),
      })
      .strict(),
    output: returns<ExportOutcome>(),
  },
  /** What the person wrote for the model card (owner, intended use, out of scope, data, limitations). */
  getModelCardText: { input: z.object({ projectId }).strict(), output: returns<ModelCardText>() },
  setModelCardText: { input: z.object({ projectId, text: modelCardTextSchema }).strict(), output: returns<ModelCardText>() },
  /** The model card of a run, to a file the person picks (HTML or Markdown). */
  exportModelCard: {
    input: z.object({ projectId, runId: z.number().int().positive(), format: z.enum(['md', 'html']) }).strict(),
    output: returns<ExportOutcome>(),
  },
  listAudit: { input: z.object({ projectId, limit: z.number().int().min(1).max(5000).optional() }).strict(), output: returns<AuditEntry[]>() },
  /** Every column's profile (missing, distinct, spread, unusual values, a chart, examples), computed in a worker. */
  getColumnProfiles: { input: z.object({ projectId, datasetId: z.number().int().positive() }).strict(), output: returns<ColumnProfile[]>() },
  /**
   * The rows behind a run's finding (findingId), one of its weak slices (sliceIndex into
   * report.slices), or every row a finding flags (neither): reasons and cells, the first 2,000.
   */
  getFindingRows: {
    input: z
      .object({ projectId, runId: z.number().int().positive(), findingId: z.string().min(1).max(2000).optional(), sliceIndex: z.number().int().min(0).max(10_000).optional() })
      .strict()
      .refine((v) => v.findingId === undefined || v.sliceIndex === undefined, 'Ask for a finding or a slice, not both.'),
    output: returns<ExploreRows>(),
  },
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>;
export type ParsedInput<K extends RequestName> = z.output<Requests[K]['input']>;
export type RequestOutput<K extends RequestName> = Requests[K]['output'];
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

export interface JobFinished {
  jobId: string;
  kind: string;
  status: Exclude<JobStatus, 'queued' | 'running'>;
  projectId: string;
  datasetId?: number;
  /** The stored check-up, for check-up jobs that succeeded. */
  runId?: number;
  /** For join jobs: how the rows matched (the new dataset's id is datasetId, when accepted). */
  joinReport?: JoinReport;
  error?: SlicewiseErrorData;
}

export const MENU_COMMANDS = ['new-project', 'open-project', 'open-recent', 'import-data', 'close-project'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Events main pushes to the renderer. Job events may arrive before the request that started the
 * job has returned its id: keep events from the start and match them by job id.
 */
export interface Events {
  jobProgress: JobProgress;
  jobFinished: JobFinished;
  /** `path` comes with 'open-recent': a project from main's own recent list. */
  menuCommand: { command: MenuCommand; path?: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES = ['jobProgress', 'jobFinished', 'menuCommand'] as const satisfies readonly EventName[];

/** IPC channel names carry a prefix that the preload and main both check. */
export const CHANNEL_PREFIX = 'slicewise:';
export const requestChannel = (name: RequestName): string => `${CHANNEL_PREFIX}req:${name}`;
export const eventChannel = (name: EventName): string => `${CHANNEL_PREFIX}evt:${name}`;

type Listener<E extends EventName> = (payload: Events[E]) => void;
type EventMethods = {
  [E in EventName as `on${Capitalize<E>}`]: (listener: Listener<E>) => () => void;
};
type RequestMethods = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<Result<RequestOutput<K>>>;
};

/** What `window.slicewise` is: one method per request, one subscribe method per event. */
export type SlicewiseApi = RequestMethods &
  EventMethods & {
    /** The path of a file the person dropped or picked (empty when it has none). Local only, no IPC. */
    pathForFile: (file: Blob) => string;
  };

export const eventMethodName = <E extends EventName>(name: E): `on${Capitalize<E>}` =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<E>}`;

/**
 * Builds the API object from a transport. The preload uses it with ipcRenderer; the browser test
 * harness uses it with Playwright bindings. Only names in the contract become methods.
 */
export function buildApi(transport: {
  invoke: (channel: string, input: unknown) => Promise<unknown>;
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void;
  pathForFile: (file: Blob) => string;
}): SlicewiseApi {
  const api: Record<string, unknown> = {};
  for (const name of REQUEST_NAMES) {
    const channel = requestChannel(name);
    api[name] = (input: unknown) => transport.invoke(channel, input);
  }
  for (const name of EVENT_NAMES) {
    const channel = eventChannel(name);
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(channel, listener);
    };
  }
  api.pathForFile = (file: Blob) => transport.pathForFile(file);
  return Object.freeze(api) as SlicewiseApi;
}
