import assert from 'node:assert/strict';
import { test } from 'node:test';
import { performanceCheck } from '../../../../src/shared/checks/model/performance';
import { DEFAULT_CHECK_OPTIONS } from '../../../../src/shared/checks/options';
import type { DatasetRoles } from '../../../../src/shared/roles/dataset-roles';
import type { Table } from '../../../../src/shared/table';

const codes = (name: string, values: string[]) => {
  const dictionary = [...new Set(values)];
  return { storage: 'codes' as const, name, kind: 'category' as const, dictionary, codes: Int32Array.from(values.map((v) => dictionary.indexOf(v))) };
};
const nums = (name: string, values: number[]) => ({ storage: 'number' as const, name, kind: 'decimal' as const, values: Float64Array.from(values), valid: new Uint8Array(values.length).fill(1) });
const roles = (r: Partial<DatasetRoles>): DatasetRoles => ({
  target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [], ...r,
});
const run = (table: Table, r: DatasetRoles) => performanceCheck.run({ table, columns: [], roles: r, options: DEFAULT_CHECK_OPTIONS, now: 0 }).evidence as Record<string, unknown>;
const value = (m: unknown): number | null => (m as { value: number | null }).value;

test('multiclass with one score column per class: log loss and one-vs-rest AUC (hand-worked)', () => {
  const table: Table = {
    rowCount: 4,
    columns: [
      codes('label', ['a', 'b', 'c', 'a']),
      codes('predicted', ['a', 'b', 'b', 'a']),
      nums('proba_a', [0.7, 0.2, 0.1, 0.6]),
      nums('proba_b', [0.2, 0.7, 0.6, 0.3]),
      nums('proba_c', [0.1, 0.1, 0.3, 0.1]),
    ],
  };
  const ev = run(table, roles({ target: 'label', prediction: 'predicted', task: 'multiclass', classScores: { a: 'proba_a', b: 'proba_b', c: 'proba_c' } }));
  assert.equal(value(ev.accuracy), 0.75);
  // Log loss = −(ln 0.7 + ln 0.7 + ln 0.3 + ln 0.6) / 4.
  assert.ok(Math.abs(value(ev.log_loss)! - -(Math.log(0.7) * 2 + Math.log(0.3) + Math.log(0.6)) / 4) < 1e-12);
  // Every class's score puts its own rows above all others: AUC 1 for each, macro 1.
  assert.equal(value(ev.roc_auc_ovr_macro), 1);
  assert.equal(ev.rows_not_summing_to_one, 0);
});

test('regression: residuals by decile of the prediction', () => {
  const y = Array.from({ length: 20 }, (_, i) => i);
  const table: Table = { rowCount: 20, columns: [nums('price', y), nums('predicted_price', y.map((v) => v + 1))] };
  const ev = run(table, roles({ target: 'price', prediction: 'predicted_price', task: 'regression' }));
  assert.equal(value(ev.mae), 1);
  const deciles = ev.residuals_by_decile as { count: number; meanResidual: number | null }[];
  assert.equal(deciles.length, 10);
  assert.equal(deciles.reduce((a, d) => a + d.count, 0), 20);
  assert.ok(deciles.every((d) => d.meanResidual === -1));
});

test('binary with a score: the threshold table for the slider (predicted positive when score ≥ t)', () => {
  const table: Table = { rowCount: 4, columns: [codes('y', ['0', '0', '1', '1']), nums('score', [0.1, 0.4, 0.35, 0.8])] };
  const ev = run(table, roles({ target: 'y', score: 'score', task: 'binary', positiveClass: '1' }));
  const rows = ev.threshold_table as { threshold: number; tp: number; fp: number; tn: number; fn: number }[];
  assert.equal(rows.length, 101);
  const at = (t: number) => rows.find((r) => Math.abs(r.threshold - t) < 1e-9)!;
  assert.deepEqual([at(0.35).tp, at(0.35).fp, at(0.35).tn, at(0.35).fn], [2, 1, 1, 0]);
  assert.deepEqual([at(0.5).tp, at(0.5).fp], [1, 0]);
  assert.equal(value(ev.roc_auc), 0.75);
});
