import type { Migration } from './types';

/**
 * The audit trail (every import, change of roles or options, run and export, with its time) and
 * project settings (what the person wrote for the model card, their alert rules). The log keeps
 * no foreign keys: an entry outlives the dataset or run it describes.
 */
export const migration004: Migration = {
  version: 4,
  name: 'audit-and-settings',
  sql: `
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      dataset_id INTEGER,
      run_id INTEGER,
      summary TEXT NOT NULL,
      details TEXT NOT NULL
    );
    CREATE INDEX audit_by_time ON audit_log(at);

    CREATE TABLE project_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
