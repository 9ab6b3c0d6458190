/**
 * ROC AUC per group with DeLong's interval, for every group of a grouping in one pass over the
 * rows in score order (prepare.ts puts the rows, and so every group code, in that order once).
 *
 * Same definitions as delongAuc (src/shared/metrics/fast-intervals.ts), which sorts each group on
 * its own: AUC = mean over a group's positives of V10 = (negatives of the group scored below +
 * ½ tied) / N; V01 of a negative = (positives scored above + ½ tied) / P; variance =
 * s²(V10)/P + s²(V01)/N with sample variances (n − 1); normal interval clipped to [0, 1].
 * Walking the rows in increasing score, each group keeps running counts of its positives and
 * negatives seen so far, so each row's placement value is known when it is reached; tied scores
 * are handled a whole tie run at a time. Tests check it against delongAuc group by group.
 */
import { normalQuantile } from '../metrics/normal';
import type { ConfidenceInterval } from '../metrics/types';
import type { GroupCodes } from './groups';


export interface GroupAuc {
  /** null where the group lacks positives or negatives. */
  auc: (number | null)[];
  interval: (ConfidenceInterval | null)[];
}

/**
 * `group` and `truth` are per row in increasing score order; `tieStart[i]` is 1 where row i's score
 * differs from row i − 1's; `cells` are the groups' confusion counts (for P and N).
 */
export function groupedDelongAuc(group: GroupCodes, groups: number, cells: Float64Array, truth: Uint8Array, tieStart: Uint8Array, level = 0.95): GroupAuc {
  const n = group.length;
  const P = new Float64Array(groups);
  const N = new Float64Array(groups);
  const invP = new Float64Array(groups);
  const invN = new Float64Array(groups);
  const both = new Uint8Array(groups);
  for (let g = 0; g < groups; g++) {
    P[g] = cells[4 * g + 2]! + cells[4 * g + 3]!;
    N[g] = cells[4 * g]! + cells[4 * g + 1]!;
    both[g] = P[g]! > 0 && N[g]! > 0 ? 1 : 0;
    invP[g] = both[g] ? 1 / P[g]! : 0;
    invN[g] = both[g] ? 1 / N[g]! : 0;
  }
  const posBelow = new Float64Array(groups);
  const negBelow = new Float64Array(groups);
  const tiePos = new Float64Array(groups);
  const tieNeg = new Float64Array(groups);
  const sum10 = new Float64Array(groups);
  const sq10 = new Float64Array(groups);
  const sum01 = new Float64Array(groups);
  const sq01 = new Float64Array(groups);
  let a = 0;
  while (a < n) {
    let b = a + 1;
    while (b < n && !tieStart[b]) b++;
    if (b === a + 1) {
      // A score no other row has: nothing tied.
      const g = group[a]!;
      if (truth[a]) {
        if (both[g]) {
          const v = negBelow[g]! * invN[g]!;
          sum10[g]! += v;
          sq10[g]! += v * v;
        }
        posBelow[g]! += 1;
      } else {
        if (both[g]) {
          const v = (P[g]! - posBelow[g]!) * invP[g]!;
          sum01[g]! += v;
          sq01[g]! += v * v;
        }
        negBelow[g]! += 1;
      }
      a = b;
      continue;
    }
    // Tie run [a, b): count it per group, place each row (ties count half), then add it to the running counts.
    for (let i = a; i < b; i++) {
      if (truth[i]) tiePos[group[i]!]! += 1;
      else tieNeg[group[i]!]! += 1;
    }
    for (let i = a; i < b; i++) {
      const g = group[i]!;
      if (!both[g]) continue;
      if (truth[i]) {
        const v = (negBelow[g]! + 0.5 * tieNeg[g]!) * invN[g]!;
        sum10[g]! += v;
        sq10[g]! += v * v;
      } else {
        const v = (P[g]! - posBelow[g]! - 0.5 * tiePos[g]!) * invP[g]!;
        sum01[g]! += v;
        sq01[g]! += v * v;
      }
    }
    for (let i = a; i < b; i++) {
      const g = group[i]!;
      posBelow[g]! += tiePos[g]!;
      negBelow[g]! += tieNeg[g]!;
      tiePos[g] = 0;
      tieNeg[g] = 0;
    }
    a = b;
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  const auc: (number | null)[] = [];
  const interval: (ConfidenceInterval | null)[] = [];
  const sampleVariance = (sq: number, count: number, mean: number): number => (count < 2 ? 0 : Math.max(0, (sq - count * mean * mean) / (count - 1)));
  for (let g = 0; g < groups; g++) {
    if (!both[g]) {
      auc.push(null);
      interval.push(null);
      continue;
    }
    const m = P[g]!;
    const k = N[g]!;
    const value = sum10[g]! / m;
    const se = Math.sqrt(sampleVariance(sq10[g]!, m, value) / m + sampleVariance(sq01[g]!, k, value) / k);
    auc.push(value);
    interval.push({ lower: Math.max(0, value - z * se), upper: Math.min(1, value + z * se), level, method: 'delong' });
  }
  return { auc, interval };
}
