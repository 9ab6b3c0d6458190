import { SlicewiseError } from '../../shared/errors';
import { checkRoles, datasetRolesSchema, rolesFromGuess, type DatasetRoles, type RolesState, type StoredGuess } from '../../shared/roles/dataset-roles';
import type { Db } from './sqlite';

export type { RolesState, StoredGuess };

export function saveRolesGuess(db: Db, datasetId: number, stored: StoredGuess): void {
  db.prepare('UPDATE datasets SET roles_guess = ? WHERE id = ?').run(JSON.stringify(stored), datasetId);
}

export function getRoles(db: Db, datasetId: number): RolesState {
  const row = db.prepare('SELECT roles_guess, roles FROM datasets WHERE id = ?').get(datasetId) as { roles_guess: string | null; roles: string | null } | undefined;
  if (!row) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no dataset number ${datasetId}.` });
  const stored: StoredGuess = row.roles_guess
    ? (JSON.parse(row.roles_guess) as StoredGuess)
    : { guess: { columns: [], target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, reasons: { target: '', prediction: '', score: '', positiveClass: '', task: '' } }, profiles: [] };
  const confirmed = row.roles !== null;
  const roles = confirmed ? datasetRolesSchema.parse(JSON.parse(row.roles!)) : rolesFromGuess(stored.guess);
  return { ...stored, roles, confirmed };
}

/** Saves confirmed roles after checking they make sense for this dataset's columns. */
export function setRoles(db: Db, datasetId: number, roles: DatasetRoles): DatasetRoles {
  const state = getRoles(db, datasetId);
  const columns = (db.prepare('SELECT name FROM dataset_columns WHERE dataset_id = ? ORDER BY idx').all(datasetId) as { name: string }[]).map((r) => r.name);
  const profiles = new Map(state.profiles.map((p) => [p.name, p]));
  const problems = checkRoles(roles, columns, (c) => {
    const p = profiles.get(c);
    return p && p.distinct !== null ? p.values : null;
  });
  if (problems.length > 0) {
    throw new SlicewiseError({ code: 'INVALID_REQUEST', message: problems.join(' '), details: { problems } });
  }
  db.prepare('UPDATE datasets SET roles = ? WHERE id = ?').run(JSON.stringify(roles), datasetId);
  return roles;
}
