import type { Migration } from './types';

/** What each column is for: the importer's guess, and the roles the person confirmed. */
export const migration003: Migration = {
  version: 3,
  name: 'roles',
  sql: `
    ALTER TABLE datasets ADD COLUMN roles_guess TEXT;
    ALTER TABLE datasets ADD COLUMN roles TEXT;
  `,
};
