/**
 * The roles form's working copy: what the person has answered so far, and how it becomes the
 * saved DatasetRoles. Pure functions, so the form component only wires them to inputs.
 */
import type { ColumnProfileLite, Task } from '../../../../shared/roles/guess-roles';
import { pickPositive } from '../../../../shared/roles/guess-roles';
import type { DatasetRoles, RolesState } from '../../../../shared/roles/dataset-roles';

export type ColumnUse = 'feature' | 'id' | 'timestamp' | 'ignored';

export interface RolesDraft {
  target: string | null;
  task: Task | null;
  positiveClass: string | null;
  /** The model's answer that means the positive outcome, when it uses other words (null: the app's match). */
  predictionPositive: string | null;
  noModel: boolean;
  prediction: string | null;
  score: string | null;
  classScores: Record<string, string>;
  sensitive: Record<string, string>;
  use: Record<string, ColumnUse>;
}

export function draftFromState(state: RolesState): RolesDraft {
  const r = state.roles;
  const use: Record<string, ColumnUse> = {};
  for (const c of r.ids) use[c] = 'id';
  for (const c of r.timestamps) use[c] = 'timestamp';
  for (const c of r.ignored) use[c] = 'ignored';
  const hasModel = r.prediction !== null || r.score !== null || Object.keys(r.classScores).length > 0;
  return {
    target: r.target,
    task: r.task,
    positiveClass: r.positiveClass,
    predictionPositive: r.predictionPositive ?? null,
    // A saved "no model" stays; an unsaved guess that found no model columns starts that way too.
    noModel: !hasModel,
    prediction: r.prediction,
    score: r.score,
    classScores: r.classScores,
    sensitive: { ...r.sensitive },
    use,
  };
}

export function rolesFromDraft(d: RolesDraft): DatasetRoles {
  const byUse = (u: ColumnUse): string[] => Object.keys(d.use).filter((c) => d.use[c] === u && !isModelColumn(d, c));
  const sensitive: Record<string, string> = {};
  for (const [c, kind] of Object.entries(d.sensitive)) if (!isModelColumn(d, c)) sensitive[c] = kind;
  return {
    target: d.target,
    prediction: d.noModel ? null : d.prediction,
    score: d.noModel ? null : d.score,
    classScores: d.noModel ? {} : d.classScores,
    positiveClass: d.target !== null && d.task === 'binary' ? d.positiveClass : null,
    ...(d.target !== null && d.task === 'binary' && !d.noModel && d.prediction !== null && d.predictionPositive !== null ? { predictionPositive: d.predictionPositive } : {}),
    task: d.target !== null ? d.task : null,
    sensitive,
    ids: byUse('id'),
    timestamps: byUse('timestamp'),
    ignored: byUse('ignored'),
  };
}

/** The outcome, the model's guess or its score: these columns have their own questions. */
export function isModelColumn(d: RolesDraft, column: string): 'target' | 'prediction' | 'score' | null {
  if (d.target === column) return 'target';
  if (!d.noModel && d.prediction === column) return 'prediction';
  if (!d.noModel && (d.score === column || Object.values(d.classScores).includes(column))) return 'score';
  return null;
}

/** A kind of outcome for a column, from its profile (the same reading as the importer's guess). */
export function suggestTask(p: ColumnProfileLite | undefined): Task | null {
  if (!p) return null;
  if (p.kind === 'decimal') return 'regression';
  if (p.distinct === 2 || p.kind === 'boolean') return 'binary';
  if (p.distinct !== null && p.distinct > 2 && p.distinct <= 30) return 'multiclass';
  if (p.kind === 'integer') return 'regression';
  return null;
}

/** Choosing another outcome column re-suggests its kind and positive outcome. */
export function withTarget(d: RolesDraft, target: string | null, profiles: readonly ColumnProfileLite[]): RolesDraft {
  const p = profiles.find((x) => x.name === target);
  const task = target === null ? null : suggestTask(p);
  const positiveClass = task === 'binary' && p ? (pickPositive(p.values) ?? p.values[0] ?? null) : null;
  return { ...d, target, task, positiveClass };
}

export function withTask(d: RolesDraft, task: Task, profiles: readonly ColumnProfileLite[]): RolesDraft {
  if (task !== 'binary') return { ...d, task };
  const values = profiles.find((x) => x.name === d.target)?.values ?? [];
  const keep = d.positiveClass !== null && values.includes(d.positiveClass);
  return { ...d, task, positiveClass: keep ? d.positiveClass : (pickPositive(values) ?? values[0] ?? null) };
}
