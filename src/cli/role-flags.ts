import { SlicewiseError } from '../shared/errors';
import { checkRoles, type DatasetRoles } from '../shared/roles/dataset-roles';
import type { ColumnProfileLite } from '../shared/roles/guess-roles';

export interface RoleFlags {
  target?: string | undefined;
  prediction?: string | undefined;
  score?: string | undefined;
  positive?: string | undefined;
  task?: string | undefined;
  sensitive?: string | undefined;
}

const TASKS = ['binary', 'multiclass', 'regression'] as const;
const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The guessed roles with the command line's choices on top, checked like the roles screen does. */
export function applyRoleFlags(guessed: DatasetRoles, flags: RoleFlags, profiles: readonly ColumnProfileLite[]): DatasetRoles {
  const roles: DatasetRoles = { ...guessed, sensitive: { ...guessed.sensitive } };
  if (flags.target !== undefined) roles.target = flags.target;
  if (flags.prediction !== undefined) roles.prediction = flags.prediction;
  if (flags.score !== undefined) roles.score = flags.score;
  if (flags.positive !== undefined) roles.positiveClass = flags.positive;
  if (flags.task !== undefined) {
    if (!(TASKS as readonly string[]).includes(flags.task)) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `--task must be one of ${TASKS.join(', ')}; got "${flags.task}".` });
    }
    roles.task = flags.task as DatasetRoles['task'];
  }
  if (flags.sensitive !== undefined) {
    roles.sensitive = Object.fromEntries(list(flags.sensitive).map((c) => [c, guessed.sensitive[c] ?? 'other']));
  }
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const problems = checkRoles(roles, [...byName.keys()], (c) => {
    const p = byName.get(c);
    return p && p.distinct !== null ? p.values : null;
  });
  if (problems.length) throw new SlicewiseError({ code: 'INVALID_REQUEST', message: problems.join(' ') });
  return roles;
}
