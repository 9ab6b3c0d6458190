/**
 * Input checks shared by the kernels. A failed check is a caller bug (mismatched lengths, labels
 * that are not 0/1, NaN that should have been dropped as missing), so it throws with a message that
 * says how to fix it. Data for which a metric is merely undefined is not an error: that is
 * `value: null` with a reason.
 */
import type { Codes } from '../table';

export function assertSameLength(name: string, expected: number, actual: number): void {
  if (actual !== expected) {
    throw new RangeError(`${name} has ${actual} rows but the target has ${expected}; pass aligned columns.`);
  }
}

export function assertBinaryLabels(name: string, labels: Uint8Array): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! > 1) {
      throw new RangeError(`${name}[${i}] is ${labels[i]}; binary labels must be 0 or 1 (map the positive class to 1).`);
    }
  }
}

export function assertFinite(name: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new RangeError(
        `${name}[${i}] is ${values[i]}; drop rows with missing values first (see completeRows in missing-rows.ts).`,
      );
    }
  }
}

export function assertClassCodes(name: string, codes: Codes, classCount: number): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0 || c >= classCount) {
      throw new RangeError(`${name}[${i}] is ${c}; class codes must be 0..${classCount - 1}.`);
    }
  }
}
