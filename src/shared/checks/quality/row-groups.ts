/**
 * Groups rows whose values are equal in a set of key columns, without building a string per row:
 * each row gets a 32-bit hash built column by column (MurmurHash3's mixing steps over the float's
 * two 32-bit words, or over the dictionary code), rows are placed in an open-addressing table keyed
 * by that hash, and every hash match is confirmed by comparing the typed values, so the result is
 * exact (a hash collision can only cost time, never a wrong answer).
 *
 * Equality: number cells are equal when both are missing or both hold the same number (0 and −0
 * are one value); codes cells when their codes are equal (a dictionary holds each text once).
 */
import { float64Values, type Codes, type Column, type NumberValues } from '../../table';

export type KeyColumn =
  | { storage: 'number'; values: NumberValues; valid: Uint8Array }
  | { storage: 'codes'; codes: Codes };

/** A table column as a grouping key. */
export const keyOf = (c: Column): KeyColumn => (c.storage === 'codes' ? { storage: 'codes', codes: c.codes } : { storage: 'number', values: c.values, valid: c.valid });

const MISSING_WORD = 0x7ff8dead;

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One hash per row over the key columns, computed column by column (cache-friendly). */
export function rowHashes(rowCount: number, keys: readonly KeyColumn[]): Int32Array {
  const h = new Int32Array(rowCount).fill(0x9747b28c);
  // Each column's pass is its own function: a loop that ends its function (see metrics/row-ranges.ts).
  for (const key of keys) {
    if (key.storage === 'codes') mixCodes(h, key.codes);
    else mixNumbers(h, float64Values(key.values), key.valid);
  }
  finishHashes(h);
  return h;
}

function mixCodes(h: Int32Array, codes: Codes): void {
  for (let i = 0; i < h.length; i++) h[i] = mix(h[i]!, codes[i]!);
}

function mixNumbers(h: Int32Array, values: Float64Array, valid: Uint8Array): void {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < h.length; i++) {
    if (valid[i] === 0) h[i] = mix(mix(h[i]!, MISSING_WORD), MISSING_WORD);
    else if (values[i] === 0) h[i] = mix(mix(h[i]!, 0), 0); // −0 and 0 hash alike
    else h[i] = mix(mix(h[i]!, words[2 * i]!), words[2 * i + 1]!);
  }
}

function finishHashes(h: Int32Array): void {
  for (let i = 0; i < h.length; i++) h[i] = finalMix(h[i]!);
}

function rowsEqual(keys: readonly KeyColumn[], a: number, b: number): boolean {
  for (const key of keys) {
    if (key.storage === 'codes') {
      if (key.codes[a] !== key.codes[b]) return false;
    } else {
      const va = key.valid[a]!;
      if (va !== key.valid[b]) return false;
      if (va === 1 && key.values[a] !== key.values[b]) return false;
    }
  }
  return true;
}

/**
 * For each row, the index of the first row (in row order) with the same key values: `first[i] = i`
 * for a row seen for the first time, `first[i] < i` for a repeat, and −1 for rows left out by
 * `include` (0 = leave out). `distinct` (optional) marks rows known to equal no other row (e.g. a
 * key column's value occurs in them only): they are not looked up, and the result is the same.
 */
export function firstOccurrences(rowCount: number, keys: readonly KeyColumn[], include?: Uint8Array, distinct?: Uint8Array): Int32Array {
  const hashes = rowHashes(rowCount, keys);
  let capacity = 16;
  while (capacity < rowCount * 2) capacity *= 2;
  // Each slot holds a row and its hash side by side, so a probe reads one place in memory.
  const slots = new Int32Array(2 * capacity).fill(-1);
  const first = new Int32Array(rowCount);
  placeFirstOccurrences(keys, hashes, slots, capacity - 1, first, include ?? null, distinct ?? null);
  return first;
}

function placeFirstOccurrences(keys: readonly KeyColumn[], hashes: Int32Array, slots: Int32Array, mask: number, first: Int32Array, include: Uint8Array | null, distinct: Uint8Array | null): void {
  for (let i = 0; i < first.length; i++) {
    if (include !== null && include[i] === 0) {
      first[i] = -1;
      continue;
    }
    if (distinct !== null && distinct[i] === 1) {
      // Equal to no other row: its own first occurrence, and no later row can match it.
      first[i] = i;
      continue;
    }
    const h = hashes[i]!;
    let s = h & mask;
    for (;;) {
      const j = slots[2 * s]!;
      if (j < 0) {
        slots[2 * s] = i;
        slots[2 * s + 1] = h;
        first[i] = i;
        break;
      }
      if (slots[2 * s + 1] === h && rowsEqual(keys, i, j)) {
        first[i] = j;
        break;
      }
      s = (s + 1) & mask;
    }
  }
}

/** Rows that repeat an earlier row (first[i] ≥ 0 and ≠ i): how many, and the first examples. */
export function repeatedRows(first: Int32Array, maxExamples: number): { count: number; examples: number[]; firstOf: [number, number][] } {
  let count = 0;
  const examples: number[] = [];
  const firstOf: [number, number][] = [];
  for (let i = 0; i < first.length; i++) {
    const f = first[i]!;
    if (f >= 0 && f !== i) {
      count++;
      if (examples.length < maxExamples) {
        examples.push(i + 1);
        firstOf.push([i + 1, f + 1]);
      }
    }
  }
  return { count, examples, firstOf };
}
