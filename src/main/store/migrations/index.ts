import { migration001 } from './001-initial';
import { migration002 } from './002-typed-columns';
import { migration003 } from './003-roles';
import { migration004 } from './004-audit-and-settings';
import { migration005 } from './005-packed-dictionaries';
import type { Migration } from './types';

/** Every schema change, in order. Forward-only: never edit one that has shipped; add the next. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1} (no gaps, no reordering).`);
    }
  });
}

checkMigrationOrder(MIGRATIONS);

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
