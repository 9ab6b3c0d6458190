/**
 * The roles a person confirmed for a dataset's columns. The checks read these; the importer's
 * guess (guess-roles.ts) is only the starting point shown on the roles screen.
 */
import { z } from 'zod';
import type { ColumnProfileLite, RolesGuess } from './guess-roles';

const columnName = z.string().min(1).max(1000);

export const datasetRolesSchema = z
  .object({
    target: columnName.nullable(),
    prediction: columnName.nullable(),
    score: columnName.nullable(),
    /** class → column, when the model gives one score column per class. */
    classScores: z.record(z.string().max(1000), columnName),
    /** The outcome value that counts as positive (binary tasks). */
    positiveClass: z.string().max(1000).nullable(),
    /**
     * The prediction's value that means "positive", when the prediction does not use the outcome's
     * labels (outcome 1/0, decision approved/declined). Omitted: the same label, or a recognised word.
     */
    predictionPositive: z.string().max(1000).nullable().optional(),
    task: z.enum(['binary', 'multiclass', 'regression']).nullable(),
    /** Columns describing people in ways the law protects, with what they describe. */
    sensitive: z.record(columnName, z.string().max(64)),
    ids: z.array(columnName),
    timestamps: z.array(columnName),
    /** Columns left out of every check. */
    ignored: z.array(columnName),
  })
  .strict();

export type DatasetRoles = z.infer<typeof datasetRolesSchema>;

/** What the importer worked out: the guess and the small per-column profiles it came from. */
export interface StoredGuess {
  guess: RolesGuess;
  profiles: ColumnProfileLite[];
}

/** What the roles screen shows: the guess, the profiles, and the roles in force. */
export interface RolesState extends StoredGuess {
  roles: DatasetRoles;
  /** False until the person has confirmed the roles at least once. */
  confirmed: boolean;
}

/** The guess, in the shape of confirmed roles (what the roles screen starts from). */
export function rolesFromGuess(g: RolesGuess): DatasetRoles {
  const sensitive: Record<string, string> = {};
  const ids: string[] = [];
  const timestamps: string[] = [];
  for (const c of g.columns) {
    if (c.role === 'sensitive') sensitive[c.column] = c.sensitiveKind ?? 'other';
    if (c.role === 'id') ids.push(c.column);
    if (c.role === 'timestamp') timestamps.push(c.column);
  }
  return {
    target: g.target,
    prediction: g.prediction,
    score: g.score,
    classScores: g.classScores,
    positiveClass: g.positiveClass,
    task: g.task,
    sensitive,
    ids,
    timestamps,
    ignored: [],
  };
}

/** Problems with a set of roles, in words (empty when they make sense). */
export function checkRoles(roles: DatasetRoles, columns: readonly string[], valuesOf: (column: string) => readonly string[] | null): string[] {
  const problems: string[] = [];
  const known = new Set(columns);
  const named = [roles.target, roles.prediction, roles.score, ...Object.values(roles.classScores), ...Object.keys(roles.sensitive), ...roles.ids, ...roles.timestamps, ...roles.ignored].filter(
    (c): c is string => c !== null,
  );
  for (const c of named) if (!known.has(c)) problems.push(`There is no column called "${c}".`);
  const single = [roles.target, roles.prediction, roles.score].filter((c): c is string => c !== null);
  if (new Set(single).size !== single.length) problems.push('The outcome, the prediction and the score must be three different columns.');
  if ((roles.prediction || roles.score || Object.keys(roles.classScores).length) && !roles.target) {
    problems.push('To check a model, also say which column holds what really happened (the outcome).');
  }
  if (roles.target && !roles.task) problems.push('Say what kind of outcome it is: yes/no, one of several classes, or an amount.');
  if (roles.task === 'binary' && roles.target) {
    if (roles.positiveClass === null) problems.push('Say which outcome counts as positive (the one the model tries to find).');
    else {
      const values = valuesOf(roles.target);
      if (values && !values.includes(roles.positiveClass)) {
        problems.push(`"${roles.positiveClass}" does not appear in "${roles.target}" (its values include ${values.slice(0, 5).map((v) => `"${v}"`).join(', ')}).`);
      }
    }
  }
  if (roles.target && roles.sensitive[roles.target] !== undefined) problems.push('The outcome cannot also be a sensitive column.');
  return problems;
}
