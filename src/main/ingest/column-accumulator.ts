import type { ColumnSummary } from '../../shared/domain';
import { looksNumeric } from '../../shared/missing';

/**
 * Per-column running statistics over every cell of an import: missing count and whether every
 * present value is a number. One pass; the parsed values themselves go to the chunk writer.
 */
export class ColumnAccumulator {
  readonly missing: Float64Array;
  private readonly present: Float64Array;
  private readonly nonNumeric: Float64Array;

  constructor(
    private readonly names: readonly string[],
    private readonly missingTokens: ReadonlySet<string>,
  ) {
    this.missing = new Float64Array(names.length);
    this.present = new Float64Array(names.length);
    this.nonNumeric = new Float64Array(names.length);
  }

  /** Returns the value to store: null for a missing cell. */
  add(col: number, raw: string): string | null {
    if (this.missingTokens.has(raw)) {
      this.missing[col]! += 1;
      return null;
    }
    this.present[col]! += 1;
    if (!looksNumeric(raw.trim())) this.nonNumeric[col]! += 1;
    return raw;
  }

  summaries(): ColumnSummary[] {
    return this.names.map((name, index) => ({
      name,
      index,
      missing: this.missing[index]!,
      type: this.present[index] === 0 ? 'empty' : this.nonNumeric[index] === 0 ? 'number' : 'text',
    }));
  }
}

/**
 * Makes header names usable as column names: blanks get a positional name, repeats get a suffix.
 * Returns the names and a note for each change, so the person can be told.
 */
export function uniqueColumnNames(header: readonly string[]): { names: string[]; notes: string[] } {
  const seen = new Set<string>();
  const notes: string[] = [];
  const names = header.map((raw, i) => {
    const trimmed = raw.trim();
    let name = trimmed === '' ? `column_${i + 1}` : trimmed;
    if (trimmed === '') notes.push(`Column ${i + 1} has no name; it is called "${name}".`);
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      notes.push(`The name "${name}" appears more than once; column ${i + 1} is called "${name}_${k}".`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
  return { names, notes };
}
