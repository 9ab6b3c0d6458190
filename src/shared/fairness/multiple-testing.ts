/**
 * Multiple-testing correction.
 *
 * `benjaminiHochberg` returns Benjamini–Hochberg adjusted p-values ("q-values"),
 * identical to statsmodels `multipletests(p, method='fdr_bh')[1]`:
 *   q_(i) = min_{j >= i} ( p_(j) * m / j ), capped at 1, returned in input order.
 * A test is significant at false-discovery rate `fdr` when q <= fdr.
 * Non-finite p-values (NaN) are passed through as NaN and do not count towards m.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const out = new Array<number>(pValues.length).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (p !== undefined && Number.isFinite(p)) idx.push(i);
  }
  const m = idx.length;
  if (m === 0) return out;
  idx.sort((a, b) => (pValues[a] ?? 0) - (pValues[b] ?? 0));
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = idx[rank - 1] as number;
    const p = pValues[i] as number;
    const q = Math.min(1, (p * m) / rank);
    if (q < running) running = q;
    out[i] = running;
  }
  return out;
}

/** True where the q-value is at or below the false-discovery rate. */
export function significantAt(qValues: readonly number[], fdr: number): boolean[] {
  return qValues.map((q) => Number.isFinite(q) && q <= fdr);
}
