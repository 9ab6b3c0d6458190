/**
 * Turns the columns the roles name (outcome, prediction, score) into the arrays the metric kernels
 * take, dropping rows where any of them is missing and counting them. A binary task maps the
 * outcome to 1 for the positive class; the prediction's positive value is the same label when the
 * prediction uses the outcome's labels, otherwise `predictionPositive` or a recognised word
 * (approved, yes, true…). Without a prediction column, a score predicts positive at ≥ 0.5.
 */
import { pickPositive } from '../../roles/guess-roles';
import type { DatasetRoles } from '../../roles/dataset-roles';
import type { Column, Table } from '../../table';

export interface Excluded {
  missingTarget: number;
  missingPrediction: number;
  missingScore: number;
}

export type Outcome =
  | {
      task: 'binary';
      yTrue: Uint8Array;
      yPred: Uint8Array | null;
      score: Float64Array | null;
      positiveLabel: string;
      predictionPositive: string | null;
      predictionFrom: 'column' | 'score' | null;
      excluded: Excluded;
      rows: Uint32Array;
    }
  | {
      task: 'multiclass';
      yTrue: Int32Array;
      yPred: Int32Array | null;
      classes: string[];
      /** One score column per class, in `classes` order, when the roles name one for every class. */
      scores: Float64Array[] | null;
      excluded: Excluded;
      rows: Uint32Array;
    }
  | { task: 'regression'; yTrue: Float64Array; yPred: Float64Array | null; excluded: Excluded; rows: Uint32Array }
  | { task: null; reason: string };

export const SCORE_THRESHOLD = 0.5;

const byName = (t: Table, name: string | null): Column | null => (name ? (t.columns.find((c) => c.name === name) ?? null) : null);

/** The cell as the label text the roles use ('1', 'approved'…); null when missing. */
function label(col: Column, i: number): string | null {
  if (col.storage === 'codes') {
    const c = col.codes[i]!;
    return c < 0 ? null : col.dictionary[c]!;
  }
  return col.valid[i] ? String(col.values[i]) : null;
}

function isMissing(col: Column, i: number): boolean {
  return col.storage === 'codes' ? col.codes[i]! < 0 : !col.valid[i];
}

function distinctLabels(col: Column, limit = 1000): string[] {
  const seen = new Set<string>();
  const n = col.storage === 'codes' ? col.codes.length : col.values.length;
  for (let i = 0; i < n && seen.size < limit; i++) {
    const l = label(col, i);
    if (l !== null) seen.add(l);
  }
  return [...seen];
}

/**
 * Which prediction value means "positive" when the prediction uses other labels than the outcome
 * (outcome 1/0, decision approved/declined): the prediction's natural positive word when the
 * positive class is the outcome's natural positive (1 ↔ approved), the prediction's other value
 * when it is the outcome's other value (0 ↔ declined); null when it cannot be told.
 */
export function matchPredictionPositive(positive: string, targetLabels: readonly string[], predictionLabels: readonly string[]): string | null {
  if (predictionLabels.includes(positive)) return positive;
  const targetNatural = pickPositive(targetLabels);
  const predictionNatural = pickPositive(predictionLabels);
  if (predictionNatural === null || targetNatural === null) return null;
  if (positive === targetNatural) return predictionNatural;
  if (targetLabels.length === 2 && predictionLabels.length === 2) return predictionLabels.find((l) => l !== predictionNatural) ?? null;
  return null;
}

export function resolveOutcome(table: Table, roles: DatasetRoles & { predictionPositive?: string | null }): Outcome {
  const target = byName(table, roles.target);
  if (!target || !roles.task) return { task: null, reason: 'No column was chosen as the outcome, so the model cannot be checked.' };
  const prediction = byName(table, roles.prediction);
  const score = byName(table, roles.score);
  if (score && score.storage !== 'number') return { task: null, reason: `The score column "${score.name}" does not hold numbers.` };

  // Per-class score columns count only when every one is a number column.
  const classScoreColumns = roles.task === 'multiclass' ? Object.entries(roles.classScores).map(([cls, name]) => [cls, byName(table, name)] as const) : [];
  const perClass = classScoreColumns.length >= 2 && classScoreColumns.every(([, c]) => c?.storage === 'number') ? classScoreColumns : [];
  const excluded: Excluded = { missingTarget: 0, missingPrediction: 0, missingScore: 0 };
  const keep: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (isMissing(target, i)) excluded.missingTarget++;
    else if (prediction && isMissing(prediction, i)) excluded.missingPrediction++;
    else if ((score && isMissing(score, i)) || perClass.some(([, c]) => isMissing(c!, i))) excluded.missingScore++;
    else keep.push(i);
  }
  const rows = Uint32Array.from(keep);

  if (roles.task === 'regression') {
    if (target.storage !== 'number') return { task: null, reason: `"${target.name}" does not hold numbers, so it cannot be an amount to predict.` };
    if (prediction && prediction.storage !== 'number') return { task: null, reason: `"${prediction.name}" does not hold numbers.` };
    const yTrue = new Float64Array(rows.length);
    const yPred = prediction && prediction.storage === 'number' ? new Float64Array(rows.length) : null;
    rows.forEach((r, k) => {
      yTrue[k] = target.values[r]!;
      if (yPred && prediction?.storage === 'number') yPred[k] = prediction.values[r]!;
    });
    return { task: 'regression', yTrue, yPred, excluded, rows };
  }

  if (roles.task === 'multiclass') {
    const classes = distinctLabels(target);
    const index = new Map(classes.map((c, i) => [c, i]));
    const yTrue = new Int32Array(rows.length);
    const yPred = prediction ? new Int32Array(rows.length) : null;
    rows.forEach((r, k) => {
      yTrue[k] = index.get(label(target, r)!)!;
      if (yPred && prediction) {
        const l = label(prediction, r)!;
        let code = index.get(l);
        if (code === undefined) {
          // A predicted class the outcome never has: a class of its own (always wrong).
          code = classes.length;
          classes.push(l);
          index.set(l, code);
        }
        yPred[k] = code;
      }
    });
    // Scores in the classes' order; only when every class (including ones only predicted) has one.
    const byClass = new Map(perClass.map(([cls, c]) => [cls, c as Column & { storage: 'number' }]));
    const scores =
      perClass.length > 0 && classes.every((c) => byClass.has(c))
        ? classes.map((c) => {
            const col = byClass.get(c)!;
            const s = new Float64Array(rows.length);
            rows.forEach((r, k) => (s[k] = col.values[r]!));
            return s;
          })
        : null;
    return { task: 'multiclass', yTrue, yPred, classes, scores, excluded, rows };
  }

  const positiveLabel = roles.positiveClass;
  if (positiveLabel === null) return { task: null, reason: 'Say which outcome counts as positive, so the model can be checked.' };
  const yTrue = new Uint8Array(rows.length);
  rows.forEach((r, k) => (yTrue[k] = label(target, r) === positiveLabel ? 1 : 0));

  let yPred: Uint8Array | null = null;
  let predictionPositive: string | null = null;
  let predictionFrom: 'column' | 'score' | null = null;
  if (prediction) {
    predictionPositive = roles.predictionPositive ?? matchPredictionPositive(positiveLabel, distinctLabels(target), distinctLabels(prediction));
    if (predictionPositive === null) {
      return { task: null, reason: `Say which value of "${prediction.name}" means the model predicts "${positiveLabel}".` };
    }
    yPred = new Uint8Array(rows.length);
    rows.forEach((r, k) => (yPred![k] = label(prediction, r) === predictionPositive ? 1 : 0));
    predictionFrom = 'column';
  }
  let s: Float64Array | null = null;
  if (score && score.storage === 'number') {
    s = new Float64Array(rows.length);
    rows.forEach((r, k) => (s![k] = score.values[r]!));
    if (!yPred) {
      yPred = new Uint8Array(rows.length);
      for (let k = 0; k < s.length; k++) yPred[k] = s[k]! >= SCORE_THRESHOLD ? 1 : 0;
      predictionFrom = 'score';
    }
  }
  return { task: 'binary', yTrue, yPred, score: s, positiveLabel, predictionPositive, predictionFrom, excluded, rows };
}
