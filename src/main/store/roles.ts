import { SlicewiseError } from '../../shared/errors';
import { checkRoles, datasetRolesSchema, rolesFromGuess, type DatasetRoles, type RolesState, type StoredGuess } from '../../shared/roles/dataset-roles';
import { recordAudit } from './audit';
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
  const changes = describeRoleChanges(state.roles, roles);
  recordAudit(db, {
    action: 'roles',
    datasetId,
    summary: state.confirmed || changes.length ? `Roles ${state.confirmed ? 'changed' : 'confirmed'}${changes.length ? `: ${changes.join('; ')}` : ''}` : 'Roles confirmed as guessed',
    details: { before: state.confirmed ? state.roles : null, after: roles },
  });
  return roles;
}

/** What changed between two sets of roles, in words ("outcome repaid → defaulted"). */
export function describeRoleChanges(before: DatasetRoles, after: DatasetRoles): string[] {
  const out: string[] = [];
  const one = (label: string, a: string | null | undefined, b: string | null | undefined): void => {
    if ((a ?? null) !== (b ?? null)) out.push(`${label} ${a ?? '(none)'} → ${b ?? '(none)'}`);
  };
  one('outcome', before.target, after.target);
  one('prediction', before.prediction, after.prediction);
  one('score', before.score, after.score);
  one('positive value', before.positiveClass, after.positiveClass);
  one('task', before.task, after.task);
  const list = (label: string, a: readonly string[], b: readonly string[]): void => {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    if (added.length) out.push(`${label} added: ${added.join(', ')}`);
    if (removed.length) out.push(`${label} removed: ${removed.join(', ')}`);
  };
  list('sensitive', Object.keys(before.sensitive), Object.keys(after.sensitive));
  list('ids', before.ids, after.ids);
  list('ignored', before.ignored, after.ignored);
  return out;
}
