/**
 * Model metrics use complete rows only: a row whose target, prediction or score is missing is left
 * out and counted, so the report can say "12 rows without a score were not used".
 * A missing mask is a Uint8Array with 1 where the value is missing (the columnar convention of
 * docs/architecture.md: values in a typed array plus a missing mask).
 */

export interface CompleteRows {
  /** Indices of the rows where nothing is missing, ascending. */
  rows: Uint32Array;
  /** How many rows were left out because something was missing. */
  excluded: number;
}

export function completeRows(length: number, missingMasks: readonly (Uint8Array | undefined)[]): CompleteRows {
  for (const mask of missingMasks) {
    if (mask && mask.length !== length) {
      throw new RangeError(`A missing mask has ${mask.length} entries for ${length} rows.`);
    }
  }
  const masks = missingMasks.filter((m): m is Uint8Array => m !== undefined);
  const keep = new Uint32Array(length);
  let kept = 0;
  for (let i = 0; i < length; i++) {
    let missing = false;
    for (const mask of masks) {
      if (mask[i] !== 0) {
        missing = true;
        break;
      }
    }
    if (!missing) keep[kept++] = i;
  }
  return { rows: keep.slice(0, kept), excluded: length - kept };
}

/** A missing mask for a number column where NaN marks a missing value. */
export function nanMask(values: Float64Array): Uint8Array {
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) mask[i] = 1;
  return mask;
}

type NumericArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

/** The values of `column` at `rows`, in a new array of the same type. */
export function takeRows<T extends NumericArray>(column: T, rows: Uint32Array): T {
  const out = new (column.constructor as new (length: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out;
}
