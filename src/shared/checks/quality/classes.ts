/**
 * The target as classes: a class index per row (−1 where the target is missing), the class labels
 * as text, and how many rows hold each. Shared by class imbalance, conflicting labels and leakage.
 */
import type { DatasetRoles } from '../../roles/dataset-roles';
import type { Column } from '../../table';
import { formatValue } from './common';

export interface TargetClasses {
  column: string;
  /** Class index per row, −1 where the target is missing. */
  index: Int32Array;
  labels: string[];
  counts: number[];
  present: number;
}

/** More distinct target values than this: not a set of classes. */
export const MAX_CLASSES = 1000;

export function targetClasses(col: Column): TargetClasses | null {
  const n = col.storage === 'codes' ? col.codes.length : col.values.length;
  const index = new Int32Array(n);
  const labels: string[] = [];
  const counts: number[] = [];
  let present = 0;
  if (col.storage === 'codes') {
    const remap = new Int32Array(col.dictionary.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i]!;
      if (c < 0) {
        index[i] = -1;
        continue;
      }
      if (remap[c] === -1) {
        remap[c] = labels.length;
        labels.push(col.dictionary[c]!);
        counts.push(0);
      }
      index[i] = remap[c]!;
      counts[remap[c]!]!++;
      present++;
    }
  } else {
    const seen = new Map<number, number>();
    // The first two values and their classes (a yes/no target's all), looked at before the Map.
    let first = NaN;
    let second = NaN;
    for (let i = 0; i < n; i++) {
      if (col.valid[i] === 0) {
        index[i] = -1;
        continue;
      }
      const v = col.values[i]! === 0 ? 0 : col.values[i]!;
      if (v === first || v === second) {
        const k = v === first ? 0 : 1;
        index[i] = k;
        counts[k]!++;
        present++;
        continue;
      }
      let k = seen.get(v);
      if (k === undefined) {
        if (seen.size >= MAX_CLASSES) return null;
        k = seen.size;
        seen.set(v, k);
        labels.push(formatValue(col, v));
        counts.push(0);
        if (k === 0) first = v;
        else if (k === 1) second = v;
      }
      index[i] = k;
      counts[k]!++;
      present++;
    }
  }
  if (labels.length > MAX_CLASSES) return null;
  return { column: col.name, index, labels, counts, present };
}

/** The class index of roles.positiveClass (text equal, or numerically equal for number labels), or −1. */
export function positiveIndex(classes: TargetClasses, roles: DatasetRoles): number {
  const p = roles.positiveClass;
  if (p === null) return -1;
  const exact = classes.labels.indexOf(p);
  if (exact >= 0) return exact;
  const asNumber = Number(p);
  if (p.trim() === '' || !Number.isFinite(asNumber)) return -1;
  return classes.labels.findIndex((l) => Number(l) === asNumber);
}

/** y = 1 for the positive class, 0 for the others; `present` marks rows with a target. */
export function binaryOutcome(classes: TargetClasses, positive: number): { y: Uint8Array; present: Uint8Array } {
  const n = classes.index.length;
  const y = new Uint8Array(n);
  const present = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = classes.index[i]!;
    if (k < 0) continue;
    present[i] = 1;
    y[i] = k === positive ? 1 : 0;
  }
  return { y, present };
}
