/**
 * Turns the columns the roles name (outcome, prediction, score) into the arrays the metric kernels
 * take, dropping rows where any of them is missing and counting them. A binary task maps the
 * outcome to 1 for the positive class; the prediction's positive value is the same label when the
 * prediction uses the outcome's labels, otherwise `predictionPositive` or a recognised word
 * (approved, yes, true…). Without a prediction column, a score predicts positive at ≥ 0.5.
 */
import { matchClassScores, quotedClasses } from '../../roles/class-scores';
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
      /** Why per-class scores were named but cannot be used (a class without one…); null otherwise. */
      scoresReason: string | null;
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

function distinctLabels(col: Column, limit = 1000): string[] {
  const out: string[] = [];
  if (col.storage === 'codes') {
    // A dictionary holds each text once, so different codes are different labels.
    const seen = new Uint8Array(col.dictionary.length);
    const codes = col.codes;
    for (let i = 0; i < codes.length && out.length < limit; i++) {
      const c = codes[i]!;
      if (c >= 0 && seen[c] === 0) {
        seen[c] = 1;
        out.push(col.dictionary[c]!);
      }
    }
    return out;
  }
  // Different numbers have different texts (String gives the shortest round-trip form), except
  // −0 and 0, which a Set also takes as one value. A row holding one of the first two values (all
  // of a yes/no column's) is passed over without asking the Set.
  const seen = new Set<number>();
  const { values, valid } = col;
  let first = NaN;
  let second = NaN;
  for (let i = 0; i < values.length && seen.size < limit; i++) {
    if (valid[i] === 0) continue;
    const v = values[i]!;
    if (v === first || v === second || seen.has(v)) continue;
    seen.add(v);
    out.push(String(v));
    if (seen.size === 1) first = v;
    else if (seen.size === 2) second = v;
  }
  return out;
}

/**
 * For each of `rows`: 1 when the cell's label (see `label`) is `text`, else 0 — without making a
 * string per row. A number's label equals `text` exactly when `text` is the shortest form of a
 * number (String(Number(text)) === text) and the cell holds that number.
 */
function labelIs(col: Column, rows: Uint32Array, text: string): Uint8Array {
  const out = new Uint8Array(rows.length);
  if (col.storage === 'codes') {
    const match = Uint8Array.from(col.dictionary, (d) => (d === text ? 1 : 0));
    const codes = col.codes;
    for (let k = 0; k < rows.length; k++) {
      const c = codes[rows[k]!]!;
      out[k] = c >= 0 ? match[c]! : 0;
    }
    return out;
  }
  const { values, valid } = col;
  const asNumber = Number(text);
  if (Number.isNaN(asNumber)) {
    for (let k = 0; k < rows.length; k++) out[k] = valid[rows[k]!] !== 0 && String(values[rows[k]!]) === text ? 1 : 0;
    return out;
  }
  if (String(asNumber) !== text) return out;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    out[k] = valid[r] !== 0 && values[r] === asNumber ? 1 : 0;
  }
  return out;
}

/** Rows with an outcome, a prediction and a score, into `kept`; counts the others (the first missing one). Returns how many were kept. */
function keepComplete(targetMissing: Uint8Array, predictionMissing: Uint8Array | null, scoreMissing: Uint8Array | null, kept: Uint32Array, excluded: Excluded): number {
  let keptCount = 0;
  for (let i = 0; i < targetMissing.length; i++) {
    if (targetMissing[i] === 1) excluded.missingTarget++;
    else if (predictionMissing && predictionMissing[i] === 1) excluded.missingPrediction++;
    else if (scoreMissing && scoreMissing[i] === 1) excluded.missingScore++;
    else kept[keptCount++] = i;
  }
  return keptCount;
}

/** 1 where the cell has no value. */
function missingMask(col: Column): Uint8Array {
  if (col.storage === 'codes') {
    const codes = col.codes;
    const out = new Uint8Array(codes.length);
    for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < 0 ? 1 : 0;
    return out;
  }
  const valid = col.valid;
  const out = new Uint8Array(valid.length);
  for (let i = 0; i < valid.length; i++) out[i] = valid[i] ? 0 : 1;
  return out;
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
  const notNumbers = classScoreColumns.filter(([, c]) => c?.storage !== 'number').map(([cls, c]) => c?.name ?? roles.classScores[cls]!);
  const perClass = notNumbers.length === 0 ? classScoreColumns : [];
  const excluded: Excluded = { missingTarget: 0, missingPrediction: 0, missingScore: 0 };
  const targetMissing = missingMask(target);
  const predictionMissing = prediction ? missingMask(prediction) : null;
  // A row misses its score when the score or any per-class score is missing.
  let scoreMissing: Uint8Array | null = score ? missingMask(score) : null;
  for (const [, c] of perClass) {
    const m = missingMask(c!);
    if (!scoreMissing) scoreMissing = m;
    else for (let i = 0; i < m.length; i++) scoreMissing[i]! |= m[i]!;
  }
  const kept = new Uint32Array(table.rowCount);
  const rows = kept.slice(0, keepComplete(targetMissing, predictionMissing, scoreMissing, kept, excluded));

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
    // Scores in the classes' order; only when every class (including ones only predicted) has one,
    // matched to the labels as written (case, spaces and punctuation aside: class-scores.ts).
    const match = matchClassScores(classes, new Map(perClass.map(([cls, c]) => [cls, c as Column & { storage: 'number' }])));
    let scores: Float64Array[] | null = null;
    let scoresReason: string | null = null;
    if (notNumbers.length > 0) scoresReason = `The score column${notNumbers.length === 1 ? '' : 's'} ${quotedClasses(notNumbers)} ${notNumbers.length === 1 ? 'does' : 'do'} not hold numbers, so the class scores cannot be used.`;
    else if (perClass.length > 0 && match.missing.length > 0) {
      scoresReason = `No score column for the class${match.missing.length === 1 ? '' : 'es'} ${quotedClasses(match.missing)}, so the scores cannot be read as chances over all classes.`;
    } else if (perClass.length > 0) {
      scores = match.columns.map((col) => {
        const s = new Float64Array(rows.length);
        rows.forEach((r, k) => (s[k] = col!.values[r]!));
        return s;
      });
    }
    return { task: 'multiclass', yTrue, yPred, classes, scores, scoresReason, excluded, rows };
  }

  const positiveLabel = roles.positiveClass;
  if (positiveLabel === null) return { task: null, reason: 'Say which outcome counts as positive, so the model can be checked.' };
  const yTrue = labelIs(target, rows, positiveLabel);

  let yPred: Uint8Array | null = null;
  let predictionPositive: string | null = null;
  let predictionFrom: 'column' | 'score' | null = null;
  if (prediction) {
    predictionPositive = roles.predictionPositive ?? matchPredictionPositive(positiveLabel, distinctLabels(target), distinctLabels(prediction));
    if (predictionPositive === null) {
      return { task: null, reason: `Say which value of "${prediction.name}" means the model predicts "${positiveLabel}".` };
    }
    yPred = labelIs(prediction, rows, predictionPositive);
    predictionFrom = 'column';
  }
  let s: Float64Array | null = null;
  if (score && score.storage === 'number') {
    s = new Float64Array(rows.length);
    const values = score.values;
    for (let k = 0; k < rows.length; k++) s[k] = values[rows[k]!]!;
    if (!yPred) {
      yPred = new Uint8Array(rows.length);
      for (let k = 0; k < s.length; k++) yPred[k] = s[k]! >= SCORE_THRESHOLD ? 1 : 0;
      predictionFrom = 'score';
    }
  }
  return { task: 'binary', yTrue, yPred, score: s, positiveLabel, predictionPositive, predictionFrom, excluded, rows };
}
