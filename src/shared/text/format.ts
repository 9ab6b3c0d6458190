/** Numbers for people: thousands separators, sensible rounding, percentages. */
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return int.format(n);
}

/** A share as a percentage: "3.4%", "0.05%", "<0.01%", "100%". */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  if (share === 1) return '100%';
  const pct = share * 100;
  if (pct < 0.01) return '<0.01%';
  const digits = pct < 1 ? 2 : pct < 10 ? 1 : 0;
  return `${pct.toFixed(digits).replace(/\.0+$/, '')}%`;
}

/** A number with up to `digits` significant decimals: 0.8123 → "0.81", 1234.5 → "1,234.5". */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const d = abs >= 100 ? 1 : abs >= 1 ? 2 : digits + 1;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.min(d, 4) }).format(n);
}

/** PSI truncated (not rounded) to 3 decimals, so 0.0996 never reads as the threshold 0.1. */
export function formatPsi(v: number | null): string {
  return v === null ? 'unknown' : v < 0.001 ? 'under 0.001' : String(Math.floor(v * 1000) / 1000);
}

/** "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * A number column that holds calendar years: its name has the word "year" or "yr" (year_built,
 * BirthYear), or every value is a whole number from 1000 to 2999. Years are written without
 * thousands separators ("2003", not "2,003").
 */
export function looksLikeYearColumn(name: string, min: number | null, max: number | null): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  if (words.includes('year') || words.includes('yr')) return true;
  return min !== null && max !== null && Number.isInteger(min) && Number.isInteger(max) && min >= 1000 && max <= 2999;
}

const ungrouped = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 2 });

/** formatNumber, except that a value of a year column is written without thousands separators. */
export function formatColumnNumber(n: number, year: boolean, digits = 2): string {
  return year && Number.isFinite(n) ? ungrouped.format(n) : formatNumber(n, digits);
}
