import type { Migration } from './types';

/**
 * Big dictionaries (more than 250,000 values) may now be stored packed instead of as JSON (see
 * store/dictionary-codec). No table changes; the new format number makes versions that cannot read
 * them say that the project needs a newer Slicewise, rather than call it damaged.
 */
export const migration005: Migration = {
  version: 5,
  name: 'packed-dictionaries',
  sql: `SELECT 1;`,
};
