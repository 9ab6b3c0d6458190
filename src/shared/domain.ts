/** Domain types shared by every layer. Plain data only: structured-cloneable, JSON-safe. */
import type { ColumnKind } from './table';
import type { DateOrder } from './value-patterns';

export type { ColumnKind };

export interface CellExample {
  /** 1-based line in the source file. */
  line: number;
  value: string;
}

export interface ColumnSummary {
  name: string;
  /** Position in the source file, 0-based. */
  index: number;
  /** What the column holds, as detected (integer, decimal, date, category, text, id, …). */
  type: ColumnKind;
  /** How it is stored: numbers (and dates) or text codes. */
  storage: 'number' | 'codes';
  /** Cells that are empty or hold a missing-value token. */
  missing: number;
  /** Which missing-value tokens appeared, with counts. */
  missingTokens: Record<string, number>;
  /** Distinct present values, when known (text columns); null when not computed. */
  distinct: number | null;
  /** Cells that did not fit the detected type (kept, and reported as a quality issue). */
  nonConforming: number;
  nonConformingExamples: CellExample[];
  /** For dates written d/m/y: the order used, or 'ambiguous' when every day and month were ≤ 12. */
  dateOrder?: DateOrder;
}

export interface SourceFingerprint {
  fileName: string;
  sizeBytes: number;
  modifiedAt: string;
  sha256: string;
}

export interface DatasetSummary {
  id: number;
  name: string;
  rows: number;
  columns: ColumnSummary[];
  source: SourceFingerprint;
  /** How the file was read: delimiter, encoding, missing tokens, number convention. */
  importOptions: ImportOptionsUsed;
  /** Things the person should know about the import (renamed headers, skipped lines, encoding). */
  notes: string[];
  importedAt: string;
  importMs: number;
}

/**
 * How the file was read: its format, the missing-value tokens, and what the reader detected or
 * was told (CSV: delimiter, encoding, decimal, thousands, raggedRows; xlsx: sheet, sheets,
 * headerRow; Parquet/Arrow: skipped columns…).
 */
export type ImportOptionsUsed = {
  format: string;
  missingTokens: string[];
} & Record<string, string | number | boolean | string[]>;

export interface ProjectInfo {
  id: string;
  name: string;
  path: string;
  createdAt: string;
  schemaVersion: number;
  datasets: DatasetSummary[];
}

export interface RecentProject {
  path: string;
  name: string;
  lastOpenedAt: string;
  /** False when the file has been moved or deleted since. */
  exists: boolean;
  /**
   * The project's newest check-up, remembered when a check-up finishes and when the project is
   * opened (so listing never opens project files). null: it has none; absent: not known yet (the
   * entry was recorded by an older version).
   */
  lastRun?: LastRunSummary | null;
}

/** A check-up's headline numbers: what the report's summary line says, and when it ran. */
export interface LastRunSummary {
  runId: number;
  /** When it finished (or started, for a run without an end time). */
  at: string;
  issues: number;
  passed: number;
  notEnoughData: number;
}

export interface ExampleInfo {
  id: string;
  title: string;
  description: string;
  fileName: string;
  /** A later batch of another example (its id): offered in that example's project for a comparison. */
  laterBatchOf?: string;
}

export interface AppInfo {
  version: string;
  /** 'electron' inside the desktop app, 'browser-harness' in renderer tests, 'cli' for the command line. */
  host: 'electron' | 'browser-harness' | 'cli';
  examples: ExampleInfo[];
  /**
   * An example to open right away (first launch: nobody has a project yet, so the app starts on
   * something useful). Given once; null afterwards.
   */
  startWithExample: string | null;
}

export type JobKind = 'import-file' | 'checkup';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  stage: string;
  /** 0..1 within the whole job. */
  fraction: number;
  message?: string;
}

/** A check-up run in a list (history): when, and how many findings of each kind. */
export interface RunSummary {
  id: number;
  datasetId: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  counts: { issues: number; passed: number; notEnoughData: number; bySeverity: Record<string, number> };
}

/** What an audit-trail entry records. */
export type AuditAction = 'import' | 'join' | 'roles' | 'run' | 'export' | 'settings' | 'delete';

/** What deleting a dataset removes (or would remove): its stored rows and roles, and every run that used it. */
export interface DatasetDeletion {
  datasetId: number;
  name: string;
  rows: number;
  /** Its check-ups (runs of kind 'checkup'). */
  checkups: number;
  /** Comparisons that used it: of two datasets (as either side) or of two models on it. */
  comparisons: number;
  /** Every run removed with it, check-ups and comparisons. */
  runIds: number[];
}

/** What deleting one run removed. */
export interface RunDeletion {
  runId: number;
  datasetId: number;
  kind: string;
  findings: number;
}

/** One line of the project's audit trail (newest first when listed). */
export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  datasetId: number | null;
  runId: number | null;
  /** One line in words, e.g. "Imported loan-applications.csv (2,024 rows × 18 columns)". */
  summary: string;
  details: Record<string, unknown>;
}

/** What an export request did: the file written (and what was masked), or cancelled in the save dialog. */
export type ExportOutcome =
  | { status: 'cancelled' }
  | {
      status: 'written';
      format: 'html' | 'pdf' | 'md' | 'json' | 'csv';
      path: string;
      bytes: number;
      /** What was masked, in plain words. */
      statement: string;
      notes: string[];
    };
