import type { Column } from './table';

/** A cell as text for people (previews, exports): dates as ISO dates, null for missing. */
export function formatCell(col: Column, row: number): string | null {
  if (col.storage === 'codes') {
    const c = col.codes[row]!;
    return c < 0 ? null : (col.dictionary[c] ?? null);
  }
  if (!col.valid[row]) return null;
  const v = col.values[row]!;
  if (col.kind === 'date') return new Date(v).toISOString().slice(0, 10);
  if (col.kind === 'datetime') return new Date(v).toISOString().replace('.000Z', 'Z');
  return String(v);
}
