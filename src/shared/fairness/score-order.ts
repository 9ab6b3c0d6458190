/**
 * Rows sorted by score, once per run, for per-group ROC AUC (group-auc.ts).
 *
 * A comparator sort of a million row indices is slow in JavaScript, and sorting the scores then
 * looking each row up by binary search thrashes the cache. Instead: an LSD radix sort on the
 * scores' IEEE-754 bits, turned into unsigned keys that sort like the numbers (flip every bit of a
 * negative number, only the sign bit of a positive one), four passes of 16 bits, skipping a pass
 * when every key has the same digit (common in the exponent bits of scores in [0, 1]). Stable and
 * O(n). (Carrying the keys along to make reads sequential measured slower: three scattered writes.) Ties (equal scores, with −0 equal to +0) are marked for the AUC's tie handling.
 */

export interface ScoreOrder {
  /** Row indices sorted by score, increasing. */
  order: Uint32Array;
  /** 1 where order[i] starts a run of tied scores. */
  tieStart: Uint8Array;
  /** score[order[i]]: the scores in increasing order. */
  sorted: Float64Array;
}

const DIGITS = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function sortableKeys(score: Float64Array): { hi: Uint32Array; lo: Uint32Array } {
  const n = score.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const copy = Float64Array.from(score); // an aligned buffer of our own to view as 32-bit words
  const words = new Uint32Array(copy.buffer);
  const hiWord = LITTLE_ENDIAN ? 1 : 0;
  const loWord = 1 - hiWord;
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + hiWord]!;
    let l = words[2 * i + loWord]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
  }
  return { hi, lo };
}

/** One stable counting pass on 16 bits of the keys (at `shift`); false (nothing moved) when every key has the same digit. */
function radixPass(keys: Uint32Array, shift: number, order: Uint32Array, out: Uint32Array, count: Uint32Array): boolean {
  const n = keys.length;
  const digits = DIGITS; // a local: module bindings are re-read on every iteration
  count.fill(0);
  for (let i = 0; i < n; i++) count[(keys[i]! >>> shift) & 0xffff]! += 1;
  for (let d = 0; d < digits; d++) {
    if (count[d] === n) return false;
    if (count[d] !== 0) break;
  }
  let sum = 0;
  for (let d = 0; d < digits; d++) {
    const c = count[d]!;
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    out[count[(keys[r]! >>> shift) & 0xffff]!++] = r;
  }
  return true;
}

export function scoreOrder(score: Float64Array): ScoreOrder {
  const n = score.length;
  const { hi, lo } = sortableKeys(score);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const count = new Uint32Array(DIGITS);
  // Least significant digit first: the low word's two halves, then the high word's.
  for (let pass = 0; pass < 4; pass++) {
    if (radixPass(pass < 2 ? lo : hi, pass % 2 === 0 ? 0 : 16, order, spare, count)) {
      const t = order;
      order = spare;
      spare = t;
    }
  }
  const sorted = new Float64Array(n);
  const tieStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    sorted[i] = score[order[i]!]!;
    tieStart[i] = i === 0 || sorted[i] !== sorted[i - 1] ? 1 : 0;
  }
  return { order, tieStart, sorted };
}
