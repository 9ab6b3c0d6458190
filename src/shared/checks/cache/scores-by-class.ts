/**
 * sortScoresByClass (metrics/score-ranking.ts) without sorting, when the scores take few different
 * values (as rounded scores do): one hash pass counts the rows per value and class, the different
 * values are sorted, and each class's array is written out value by value. The arrays are the same
 * as the two native sorts give — ascending, −0 before 0 — and the input is checked the same way.
 */
import { sortScoresByClass, type ScoresByClass } from '../../metrics/score-ranking';
import { assertBinaryLabels, assertFinite, assertSameLength } from '../../metrics/validate';

/** More different scores than this: sort them (sortScoresByClass). */
const MAX_DISTINCT = 65536;

export function scoresByClass(yTrue: Uint8Array, score: Float64Array): ScoresByClass {
  assertSameLength('score', yTrue.length, score.length);
  assertBinaryLabels('yTrue', yTrue);
  assertFinite('score', score);
  const table: ScoreTable = {
    slots: new Int32Array(2 * MAX_DISTINCT),
    lo: new Int32Array(MAX_DISTINCT),
    hi: new Int32Array(MAX_DISTINCT),
    value: new Float64Array(MAX_DISTINCT),
    positives: new Int32Array(MAX_DISTINCT),
    negatives: new Int32Array(MAX_DISTINCT),
  };
  const distinct = countScores(yTrue, score, table);
  if (distinct < 0) return sortScoresByClass(yTrue, score);
  const { value, positives, negatives } = table;
  const byValue = new Int32Array(distinct);
  for (let d = 0; d < distinct; d++) byValue[d] = d;
  // Different bit patterns of finite numbers: equal only for −0 and 0, and −0 goes first.
  byValue.sort((a, b) => value[a]! - value[b]! || (Object.is(value[a], -0) ? -1 : 1));
  let p = 0;
  let q = 0;
  for (let d = 0; d < distinct; d++) {
    p += positives[d]!;
    q += negatives[d]!;
  }
  const pos = new Float64Array(p);
  const neg = new Float64Array(q);
  for (let t = 0, i = 0, j = 0; t < distinct; t++) {
    const d = byValue[t]!;
    pos.fill(value[d]!, i, (i += positives[d]!));
    neg.fill(value[d]!, j, (j += negatives[d]!));
  }
  return { positives: pos, negatives: neg };
}

interface ScoreTable {
  /** Open addressing over the scores' bits: value index + 1 per slot, 0 = empty. */
  slots: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  value: Float64Array;
  positives: Int32Array;
  negatives: Int32Array;
}

/** Rows per different score and class; how many different scores, or −1 when there are too many. */
function countScores(yTrue: Uint8Array, score: Float64Array, t: ScoreTable): number {
  const { slots, lo: los, hi: his, value, positives, negatives } = t;
  const mask = slots.length - 1;
  const capacity = value.length;
  const words = new Int32Array(score.buffer, score.byteOffset, score.length * 2);
  let distinct = 0;
  for (let i = 0; i < score.length; i++) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    let s = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    s = (s ^ (s >>> 15)) & mask;
    for (;;) {
      let d = slots[s]! - 1;
      if (d < 0) {
        if (distinct === capacity) return -1;
        d = distinct++;
        slots[s] = d + 1;
        los[d] = lo;
        his[d] = hi;
        value[d] = score[i]!;
      } else if (los[d] !== lo || his[d] !== hi) {
        s = (s + 1) & mask;
        continue;
      }
      if (yTrue[i] === 1) positives[d]!++;
      else negatives[d]!++;
      break;
    }
  }
  return distinct;
}
