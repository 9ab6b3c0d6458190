import type { Migration } from './types';

/**
 * Big dictionaries (more than 250,000 values) are stored packed, in pieces (see
 * store/dictionary-codec): the first in dataset_columns.dictionary, the others here. Versions
 * before this one say that such a project needs a newer Slicewise rather than call it damaged.
 */
export const migration005: Migration = {
  version: 5,
  name: 'packed-dictionaries',
  sql: `
    CREATE TABLE dataset_dictionary_pieces (
      dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      packed BLOB NOT NULL,
      PRIMARY KEY (dataset_id, idx, seq)
    );
  `,
};
