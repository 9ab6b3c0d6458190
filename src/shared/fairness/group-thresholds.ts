/**
 * Threshold view data: each group's selection rate, TPR and FPR at the 101 thresholds 0, 0.01, …, 1
 * (predicted positive when score ≥ threshold, as the performance check's threshold table), read
 * off the per-group bucket counts gathered in the counting pass — no extra pass over the rows.
 */
import { evenThresholds } from '../metrics/thresholds';
import type { BinaryGroupCounts } from './group-counts';
import { THRESHOLD_BUCKETS, THRESHOLD_STEPS } from './prepare';

export interface GroupThresholdCurve {
  group: string;
  /** One value per threshold; null where the rate is 0/0 (no rows, no positives or no negatives). */
  selectionRate: (number | null)[];
  tpr: (number | null)[];
  fpr: (number | null)[];
}

export function thresholdValues(): number[] {
  return Array.from(evenThresholds(THRESHOLD_STEPS));
}

export function groupThresholdCurve(counts: BinaryGroupCounts, g: number, group: string): GroupThresholdCurve {
  const h = counts.thresholds;
  if (!h) throw new RangeError('No threshold counts were gathered (no score).');
  const base = g * THRESHOLD_BUCKETS * 2;
  let positives = 0;
  let negatives = 0;
  for (let b = 0; b < THRESHOLD_BUCKETS; b++) {
    negatives += h[base + 2 * b]!;
    positives += h[base + 2 * b + 1]!;
  }
  const n = positives + negatives;
  const selectionRate: (number | null)[] = new Array<number | null>(THRESHOLD_STEPS + 1);
  const tpr: (number | null)[] = new Array<number | null>(THRESHOLD_STEPS + 1);
  const fpr: (number | null)[] = new Array<number | null>(THRESHOLD_STEPS + 1);
  // Rows predicted positive at threshold k are those in buckets k + 1 … 101: accumulate from the top.
  let tp = 0;
  let fp = 0;
  for (let k = THRESHOLD_STEPS; k >= 0; k--) {
    fp += h[base + 2 * (k + 1)]!;
    tp += h[base + 2 * (k + 1) + 1]!;
    selectionRate[k] = n === 0 ? null : (tp + fp) / n;
    tpr[k] = positives === 0 ? null : tp / positives;
    fpr[k] = negatives === 0 ? null : fp / negatives;
  }
  return { group, selectionRate, tpr, fpr };
}
