/** Cell values read as "missing" unless the person changes the list (see docs/decisions.md). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?'];

/** A plain decimal or scientific number, as written in data files ("1", "-2.5", "3e-4", ".5"). */
const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function looksNumeric(text: string): boolean {
  return NUMBER_PATTERN.test(text);
}
