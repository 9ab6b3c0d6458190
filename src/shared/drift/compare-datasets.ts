/**
 * Compare a reference dataset with a current batch: per column drift (column-drift.ts), columns
 * that appear on one side only or changed type, the share of drifted columns and a verdict for
 * the dataset, prediction drift (score and decision columns), label drift, the change in
 * performance when both batches have labels, and estimated performance (CBPE) when the current
 * batch has scores.
 *
 * Which columns are compared as features: every column in both tables except the model's own
 * (outcome, prediction, score, per-class scores — reported as prediction and label drift instead),
 * ids, timestamps and ignored columns (by role or by kind: timestamps always move forward between
 * batches, ids are all new) and free text. Columns are matched by name; categories by their text.
 *
 * Dataset verdict: major when at least `datasetShare` (30%) of the compared columns drifted (the
 * dataset "has drifted"), moderate when at least one did, none otherwise.
 */
import { type DatasetRoles } from '../roles/dataset-roles';
import { matchPredictionPositive, resolveOutcome } from '../checks/model/outcome';
import { type Column, type NumberColumn, type Table } from '../table';
import { compareCategorical, compareNumericSides, labelCounts, numericSide } from './column-drift';
import { type EstimatedPerformance, estimatePerformance } from './estimate-performance';
import { type DriftOptions, driftOptions } from './options';
import { performanceChange } from './performance-change';
import { groupScores } from './score-groups';
import { currentWeakSlices } from './weak-slices';
import type { ColumnDrift, DatasetVerdict, PerformanceChange, SkippedColumn, TypeMismatch } from './types';

export type DriftRoles = DatasetRoles & { predictionPositive?: string | null };

export interface DatasetDrift {
  rows_ref: number;
  rows_cur: number;
  /** The compared feature columns, in the reference's column order. */
  columns: ColumnDrift[];
  skipped: SkippedColumn[];
  only_in_reference: string[];
  only_in_current: string[];
  type_mismatches: TypeMismatch[];
  compared: number;
  drifted_count: number;
  /** drifted_count ÷ compared; null when no column could be compared. */
  share_drifted: number | null;
  verdict: DatasetVerdict;
  prediction: { score: ColumnDrift | null; prediction: ColumnDrift | null };
  label: ColumnDrift | null;
  labels_available: { reference: boolean; current: boolean };
  performance: PerformanceChange | null;
  estimated_performance: EstimatedPerformance | null;
  thresholds: { psi_moderate: number; psi_major: number; alpha: number; dataset_share: number; min_rows: number };
}

const byName = (t: Table, name: string | null): Column | null => (name ? (t.columns.find((c) => c.name === name) ?? null) : null);

const hasValues = (col: Column | null): boolean => {
  if (!col) return false;
  if (col.storage === 'codes') return col.codes.some((c) => c >= 0);
  return col.valid.some((v) => v === 1);
};

const emptyNumericSide = (col: Column): ReturnType<typeof numericSide> => ({ sorted: new Float64Array(0), missing: col.storage === 'codes' ? col.codes.length : col.values.length, kind: col.kind });

/**
 * Compare one column pair by its storage. A side that is entirely empty is compared by its missing
 * share only (the column emptied or filled up); different storage otherwise is a type mismatch.
 */
export function compareColumnPair(name: string, ref: Column, cur: Column, o: DriftOptions, as: 'auto' | 'categorical' = 'auto'): ColumnDrift | TypeMismatch {
  if (as === 'categorical') return compareCategorical(name, ref, cur, o);
  const refEmpty = ref.kind === 'empty';
  const curEmpty = cur.kind === 'empty';
  if (ref.storage === 'number' && cur.storage === 'number') return compareNumericSides(name, numericSide(ref), numericSide(cur), o);
  if (ref.storage === 'number' && curEmpty) return compareNumericSides(name, numericSide(ref), emptyNumericSide(cur), o);
  if (cur.storage === 'number' && refEmpty) return compareNumericSides(name, emptyNumericSide(ref), numericSide(cur as NumberColumn), o);
  if (ref.storage === 'codes' && cur.storage === 'codes') return compareCategorical(name, ref, cur, o);
  return { name, type_ref: ref.kind, type_cur: cur.kind };
}

const isMismatch = (r: ColumnDrift | TypeMismatch): r is TypeMismatch => 'type_ref' in r;

function skipReason(name: string, ref: Column, cur: Column, roles: DriftRoles): string | null {
  if (roles.ignored.includes(name)) return 'Marked as ignored.';
  if (roles.ids.includes(name) || ref.kind === 'id' || cur.kind === 'id') return 'An identifier: every batch has new ones, so its distribution says nothing.';
  if (roles.timestamps.includes(name)) return 'A timestamp: a later batch always has later dates.';
  if (ref.kind === 'empty' && cur.kind === 'empty') return 'Empty in both datasets.';
  if (ref.kind === 'text' && cur.kind === 'text') return 'Free text: compared neither as numbers nor as categories.';
  return null;
}

/** The current batch's scores and decisions for estimating performance (rows with a score, and a decision when there is a prediction column). */
function currentScores(table: Table, roles: DriftRoles, refTarget: Column | null, positiveLabel: string): { score: Float64Array; yPred: Uint8Array | null } | null {
  const score = byName(table, roles.score);
  if (!score || score.storage !== 'number') return null;
  const prediction = byName(table, roles.prediction);
  let positive: string | null = null;
  if (prediction) {
    const targetLabels = refTarget ? labelCounts(refTarget).labels : [positiveLabel];
    positive = roles.predictionPositive ?? matchPredictionPositive(positiveLabel, targetLabels, labelCounts(prediction).labels);
    if (positive === null) return null;
  }
  const s: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const v = score.values[i]!;
    if (!score.valid[i] || !Number.isFinite(v)) continue;
    if (prediction) {
      const label = prediction.storage === 'codes' ? (prediction.codes[i]! < 0 ? null : prediction.dictionary[prediction.codes[i]!]!) : prediction.valid[i] ? String(prediction.values[i]) : null;
      if (label === null) continue;
      p.push(label === positive ? 1 : 0);
    }
    s.push(v);
  }
  return { score: Float64Array.from(s), yPred: prediction ? Uint8Array.from(p) : null };
}

export function compareDatasets(reference: Table, current: Table, roles: DriftRoles, partial: Partial<DriftOptions> = {}): DatasetDrift {
  const o = driftOptions(partial);
  const modelColumns = new Set([roles.target, roles.prediction, roles.score, ...Object.values(roles.classScores)].filter((c): c is string => c !== null));
  const curNames = new Set(current.columns.map((c) => c.name));
  const refNames = new Set(reference.columns.map((c) => c.name));

  const columns: ColumnDrift[] = [];
  const skipped: SkippedColumn[] = [];
  const mismatches: TypeMismatch[] = [];
  for (const ref of reference.columns) {
    const cur = byName(current, ref.name);
    if (!cur || modelColumns.has(ref.name)) continue;
    const reason = skipReason(ref.name, ref, cur, roles);
    if (reason) {
      skipped.push({ name: ref.name, reason });
      continue;
    }
    const r = compareColumnPair(ref.name, ref, cur, o);
    if (isMismatch(r)) mismatches.push(r);
    else columns.push(r);
  }

  const driftedCount = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? null : driftedCount / columns.length;
  const verdict: DatasetVerdict = {
    severity: share !== null && share >= o.datasetShare ? 'major' : driftedCount > 0 ? 'moderate' : 'none',
    drifted: share !== null && share >= o.datasetShare,
    rule: `${Math.round(o.datasetShare * 100)}% or more of the compared columns drifted → major (the dataset has drifted); at least one → moderate. A column drifts when its PSI is ${o.psiModerate} or more and the change is statistically detectable (p < ${o.alpha}).`,
  };

  // Model columns: prediction drift and label drift.
  const pair = (name: string | null, as: 'auto' | 'categorical'): ColumnDrift | null => {
    const a = byName(reference, name);
    const b = byName(current, name);
    if (!a || !b || !hasValues(a) || !hasValues(b)) return null;
    const r = compareColumnPair(a.name, a, b, o, as);
    if (isMismatch(r)) {
      mismatches.push(r);
      return null;
    }
    return r;
  };
  const categoricalTask = roles.task === 'binary' || roles.task === 'multiclass';
  const scoreDrift = pair(roles.score, 'auto');
  const predictionDrift = pair(roles.prediction, categoricalTask ? 'categorical' : 'auto');
  const labelsRef = hasValues(byName(reference, roles.target));
  const labelsCur = hasValues(byName(current, roles.target));
  const labelDrift = pair(roles.target, categoricalTask ? 'categorical' : 'auto');

  let performance: PerformanceChange | null = null;
  let estimated: EstimatedPerformance | null = null;
  if (roles.target && labelsRef) {
    const refOutcome = resolveOutcome(reference, roles);
    const referenceGroups = refOutcome.task === 'binary' && refOutcome.score ? groupScores(refOutcome.yTrue, refOutcome.score) : undefined;
    if (labelsCur) {
      const curOutcome = resolveOutcome(current, roles);
      performance = performanceChange({
        reference: refOutcome,
        current: curOutcome,
        tables: { reference, current, sensitive: Object.keys(roles.sensitive), kinds: roles.sensitive },
        level: o.confidenceLevel,
        minGroupSize: o.minGroupSize,
        referenceGroups,
        slices: currentWeakSlices(current, roles, curOutcome, o),
        fdr: o.fdr,
      });
    }
    if (refOutcome.task === 'binary' && refOutcome.score) {
      const cur = currentScores(current, roles, byName(reference, roles.target), refOutcome.positiveLabel);
      if (cur) {
        estimated = estimatePerformance(
          { yTrue: refOutcome.yTrue, score: refOutcome.score, yPred: refOutcome.yPred, groups: referenceGroups },
          cur,
          { level: o.confidenceLevel, eceLimit: o.eceLimit, recalibrate: o.recalibrate, minReferenceRows: o.minReferenceRows },
        );
      }
    }
  }

  return {
    rows_ref: reference.rowCount,
    rows_cur: current.rowCount,
    columns,
    skipped,
    only_in_reference: reference.columns.filter((c) => !curNames.has(c.name)).map((c) => c.name),
    only_in_current: current.columns.filter((c) => !refNames.has(c.name)).map((c) => c.name),
    type_mismatches: mismatches,
    compared: columns.length,
    drifted_count: driftedCount,
    share_drifted: share,
    verdict,
    prediction: { score: scoreDrift, prediction: predictionDrift },
    label: labelsCur ? labelDrift : null,
    labels_available: { reference: labelsRef, current: labelsCur },
    performance,
    estimated_performance: estimated,
    thresholds: { psi_moderate: o.psiModerate, psi_major: o.psiMajor, alpha: o.alpha, dataset_share: o.datasetShare, min_rows: o.minRows },
  };
}
