/**
 * A comparison of two models on one table as one JSON-safe document: what `slicewise
 * compare-models --json` writes, what a stored comparison run keeps, and what the app shows.
 * One builder, so the three cannot drift apart.
 */
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import { compareModels, recommendation, type ModelComparison } from './compare-models';
import type { ModelChoice } from './choice';
import { modelsFromTable } from './models-from-table';

export { modelChoiceSchema, type ModelChoice } from './choice';

export interface ModelComparisonDocument extends ModelComparison {
  models: { a: string; b: string; score_a: string | null; score_b: string | null };
  /** Rows left out because the outcome or either model's answer was missing. */
  excluded_rows: number;
  recommendation: string;
}

/** A stored model comparison (a run of kind 'models') with the run and dataset it belongs to. */
export interface StoredModelComparison {
  run: { id: number; started_at: string };
  dataset: { id: number; name: string; rows: number };
  comparison: ModelComparisonDocument;
}

/** Compares the two models, or says in plain words why they cannot be compared on this table. */
export function compareModelColumns(table: Table, roles: DatasetRoles, choice: ModelChoice): ModelComparisonDocument | { reason: string } {
  const names = new Set(table.columns.map((c) => c.name));
  for (const c of [choice.a, choice.b, choice.scoreA, choice.scoreB]) if (c && !names.has(c)) return { reason: `There is no column called "${c}".` };
  if (choice.a === choice.b) return { reason: 'Choose two different columns: a model compared with itself always agrees.' };
  const input = modelsFromTable(table, roles, { predictionA: choice.a, predictionB: choice.b, scoreA: choice.scoreA ?? null, scoreB: choice.scoreB ?? null });
  if ('reason' in input) return input;
  const result = compareModels(input);
  return {
    models: { a: choice.a, b: choice.b, score_a: choice.scoreA ?? null, score_b: choice.scoreB ?? null },
    excluded_rows: input.excluded,
    ...result,
    recommendation: recommendation(result, { a: choice.a, b: choice.b }),
  };
}
