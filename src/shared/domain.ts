/** Domain types shared by every layer. Plain data only: structured-cloneable, JSON-safe. */

export type ColumnType = 'number' | 'text' | 'empty';

export interface ColumnSummary {
  name: string;
  /** Position in the source file, 0-based. */
  index: number;
  type: ColumnType;
  /** Cells that are empty or hold a missing-value token. */
  missing: number;
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
  /** How the file was read: delimiter, encoding, missing tokens. */
  importOptions: { delimiter: string; encoding: string; missingTokens: string[] };
  importedAt: string;
  importMs: number;
}

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
}

export interface ExampleInfo {
  id: string;
  title: string;
  description: string;
  fileName: string;
}

export interface AppInfo {
  version: string;
  /** 'electron' inside the desktop app, 'browser-harness' in renderer tests, 'cli' for the command line. */
  host: 'electron' | 'browser-harness' | 'cli';
  examples: ExampleInfo[];
}

export type JobKind = 'import-csv';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  stage: string;
  /** 0..1 within the whole job. */
  fraction: number;
  message?: string;
}
