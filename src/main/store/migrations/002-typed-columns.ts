import type { Migration } from './types';

/**
 * Typed column storage: numbers and dates as Float64, text as dictionary codes (storage_format 2).
 * Datasets imported before keep their text chunks (storage_format 1) and still read back: columns
 * the first importer called 'number' are parsed from text when read.
 */
export const migration002: Migration = {
  version: 2,
  name: 'typed-columns',
  sql: `
    ALTER TABLE datasets ADD COLUMN storage_format INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE datasets ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE dataset_columns ADD COLUMN storage TEXT NOT NULL DEFAULT 'codes';
    ALTER TABLE dataset_columns ADD COLUMN distinct_count INTEGER;
    ALTER TABLE dataset_columns ADD COLUMN stats TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE dataset_columns ADD COLUMN dictionary TEXT;
    UPDATE dataset_columns SET storage = 'number', type = 'decimal' WHERE type = 'number';
    UPDATE dataset_columns SET type = 'category' WHERE type = 'text';
  `,
};
