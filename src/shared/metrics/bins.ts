/**
 * Bin assignment shared by calibration and residual summaries.
 *
 * Bins are right-closed, the first closed on both ends: [e0, e1], (e1, e2], …, (e_{m−1}, e_m].
 * This is what sklearn's calibration_curve does (`np.searchsorted(bins[1:-1], y_prob)`, side
 * "left"); note it is NOT numpy.digitize's default (right=False gives left-closed [a, b) bins), so
 * a score of exactly 0.1 falls in the first bin [0, 0.1], not the second.
 * Values below e0 go to the first bin and above e_m to the last, as searchsorted does.
 */
export function rightClosedBinIndex(edges: ArrayLike<number>, value: number): number {
  // Count the inner edges e_1..e_{m−1} that are strictly below `value`.
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** m + 1 equal-width edges k/m on [0, 1]; k/m (not k·(1/m)) so 0.3 is exactly the double 0.3. */
export function equalWidthEdges(bins: number): number[] {
  return Array.from({ length: bins + 1 }, (_, k) => k / bins);
}
