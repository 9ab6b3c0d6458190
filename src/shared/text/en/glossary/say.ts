/** Small number-to-words helpers for the worked examples (on top of src/shared/text/format.ts). */
import { formatCount, formatNumber, formatShare } from '../../format';

export const pct = formatShare;
export const count = formatCount;
/** A plain number: 0.6867 → "0.687", 15239.7 → "15,239.7". */
export const dec = (v: number): string => formatNumber(v, 2);
/** A share with one decimal, for interval bounds that must differ: 0.7019 → "70.2%". */
export const pct1 = (v: number): string => `${Number((v * 100).toFixed(1))}%`;
/** A gap between two shares in percentage points: 0.2523 → "25.2 points". */
export const points = (d: number): string => `${Number((Math.abs(d) * 100).toFixed(1))} points`;
/** A p- or q-value as people read it. */
export const pWords = (p: number): string => (p < 0.001 ? 'below 0.001' : formatNumber(p, 2));
/** "1,461 ÷ 2,024 = 72%"; null when the share is undefined (nothing to divide by). */
export const division = (k: number, n: number): string | null => (n > 0 ? `${count(k)} ÷ ${count(n)} = ${pct(k / n)}` : null);
/** “value”, in curly quotes: column names, groups and labels are data. */
export const q = (s: string): string => `“${s}”`;
/** "p = 0.015", "p below 0.001": the relation, for "p ${pIs(x)}". */
export const pIs = (p: number): string => (p < 0.001 ? 'below 0.001' : `= ${formatNumber(p, 2)}`);
