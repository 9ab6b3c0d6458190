import type { Migration } from './types';

/** The first schema: project metadata, datasets (with their parsed data), runs, findings, notes. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      uuid TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by_version TEXT NOT NULL
    );

    CREATE TABLE datasets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      source_name TEXT NOT NULL,
      source_size INTEGER NOT NULL,
      source_mtime TEXT NOT NULL,
      source_sha256 TEXT NOT NULL,
      import_options TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      imported_at TEXT NOT NULL,
      import_ms INTEGER NOT NULL
    );

    CREATE TABLE dataset_columns (
      dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      missing INTEGER NOT NULL,
      PRIMARY KEY (dataset_id, idx)
    );

    -- The parsed table, as Arrow IPC stream chunks, so reopening never re-parses the source.
    CREATE TABLE dataset_chunks (
      dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      row_start INTEGER NOT NULL,
      row_count INTEGER NOT NULL,
      arrow_ipc BLOB NOT NULL,
      PRIMARY KEY (dataset_id, seq)
    );

    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      params TEXT NOT NULL,
      versions TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      timings TEXT,
      results TEXT
    );
    CREATE INDEX runs_by_dataset ON runs(dataset_id);

    CREATE TABLE findings (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      finding_key TEXT NOT NULL,
      category TEXT NOT NULL,
      severity TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX findings_by_run ON findings(run_id);

    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      target_kind TEXT NOT NULL,
      target_id INTEGER,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
