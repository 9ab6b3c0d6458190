/** The grouped-score kernels agree with the row-level metric kernels in src/shared/metrics. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aucFromGroups, eceBins, eceFromBins, groupCounts, groupScores } from '../../../../src/shared/drift/score-groups';
import { calibration } from '../../../../src/shared/metrics/calibration';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { rocAuc } from '../../../../src/shared/metrics/ranking';
import { rankScores } from '../../../../src/shared/metrics/score-ranking';
import { assertArrayClose, assertClose } from '../metrics/assert-close';

describe('groupScores', () => {
  test('distinct scores ascending with positives and negatives at each', () => {
    const g = groupScores(Uint8Array.of(1, 0, 1, 0, 0), Float64Array.of(0.3, 0.3, 0.9, 0.1, 0.9));
    assertArrayClose(g.scores, [0.1, 0.3, 0.9]);
    assertArrayClose(g.positives, [0, 1, 1]);
    assertArrayClose(g.negatives, [1, 1, 1]);
    assertArrayClose(groupCounts(g), [1, 2, 2]);
    assert.deepEqual([g.totalPositives, g.totalNegatives], [2, 3]);
  });
  test('without labels every row is counted', () => {
    const g = groupScores(null, Float64Array.of(2, 1, 2));
    assertArrayClose(groupCounts(g), [1, 2]);
  });
});

describe('against the row-level kernels', () => {
  const rand = mulberry32(9);
  const n = 5000;
  const score = Float64Array.from({ length: n }, () => Math.round(rand() * 200) / 200); // ties
  const yTrue = Uint8Array.from(score, (s) => (rand() < s * 0.9 + 0.05 ? 1 : 0));
  const g = groupScores(yTrue, score);
  test('ROC AUC = sklearn-style roc_auc_score (src/shared/metrics/ranking.ts)', () => {
    assertClose(aucFromGroups(g)!.auc, rocAuc(rankScores(yTrue, score)).value!, 1e-13);
  });
  test('ECE with 10 equal-width bins = src/shared/metrics/calibration.ts', () => {
    assertClose(eceFromBins(eceBins(g, (s) => s))!, calibration(yTrue, score, { strategy: 'uniform', bins: 10 }).ece.value!, 1e-13);
  });
});
