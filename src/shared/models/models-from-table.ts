/**
 * Two models' columns of one table → the arrays compareModels takes: the rows where the outcome
 * and both models' decisions (and scores, when given) are present, with each decision mapped to
 * 1/0 exactly as the performance check maps it (resolveOutcome), and the sensitive columns' groups.
 */
import { resolveOutcome } from '../checks/model/outcome';
import { columnGrouping, selectRows } from '../fairness/groups';
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import type { ModelsInput } from './compare-models';

export interface ModelColumns {
  predictionA: string | null;
  predictionB: string | null;
  scoreA?: string | null;
  scoreB?: string | null;
}

export function modelsFromTable(table: Table, roles: DatasetRoles, models: ModelColumns): (ModelsInput & { excluded: number }) | { reason: string } {
  const a = resolveOutcome(table, { ...roles, prediction: models.predictionA, score: models.scoreA ?? null });
  const b = resolveOutcome(table, { ...roles, prediction: models.predictionB, score: models.scoreB ?? null });
  if (a.task === null) return { reason: a.reason };
  if (b.task === null) return { reason: b.reason };
  if (a.task !== 'binary' || b.task !== 'binary') return { reason: 'Comparing two models is done for yes/no outcomes; choose the outcome and its positive value.' };
  if (!a.yPred || !b.yPred) return { reason: 'Each model needs a decision column, or a score (a score of 0.5 or more counts as positive).' };
  // Rows both models have (each list is in table order).
  const keep: number[] = [];
  const ia: number[] = [];
  const ib: number[] = [];
  for (let i = 0, j = 0; i < a.rows.length && j < b.rows.length; ) {
    const ra = a.rows[i]!;
    const rb = b.rows[j]!;
    if (ra === rb) {
      keep.push(ra);
      ia.push(i++);
      ib.push(j++);
    } else if (ra < rb) i++;
    else j++;
  }
  const pick = <T extends Uint8Array | Float64Array>(src: T, idx: number[]): T => {
    const out = new (src.constructor as new (n: number) => T)(idx.length);
    idx.forEach((k, i) => (out[i] = src[k]!));
    return out;
  };
  const rows = Uint32Array.from(keep);
  const groups = Object.entries(roles.sensitive).flatMap(([column, kind]) => {
    const col = table.columns.find((c) => c.name === column);
    if (!col) return [];
    const g = selectRows(columnGrouping(col, kind), rows);
    return [{ column, labels: g.labels, codes: g.codes }];
  });
  return {
    yTrue: pick(a.yTrue, ia),
    predA: pick(a.yPred, ia),
    predB: pick(b.yPred, ib),
    scoreA: a.score && models.scoreA ? pick(a.score, ia) : null,
    scoreB: b.score && models.scoreB ? pick(b.score, ib) : null,
    groups,
    excluded: table.rowCount - rows.length,
  };
}
