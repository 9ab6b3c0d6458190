/**
 * Where the tokenizer's records go once the header is known: rows with the wrong number of fields
 * are counted (with their first line numbers) and kept or dropped by the person's choice, and each
 * cell goes to its column's builder — a missing-value token as missing, anything else as bytes.
 * The reader of a whole file and the reader of a part of one (on a helper thread) share it, so a
 * record is handled the same way whichever thread reads it.
 */
import type { ColumnBuilder } from '../columns/builders';
import { fieldText, type RecordView } from './byte-tokenizer';
import type { MissingTokens } from './fast-records';

export type RaggedRowPolicy = 'error' | 'skip' | 'keep';

export const MAX_RAGGED_EXAMPLES = 5;

export class RowSink {
  /** Records kept by `keep` (records the fast path reads are counted by it). */
  rows = 0;
  raggedCount = 0;
  readonly raggedLines: number[] = [];
  builders: ColumnBuilder[] | null = null;

  constructor(
    readonly width: number,
    private readonly policy: RaggedRowPolicy,
    private readonly tokens: MissingTokens,
    private readonly missing: ReadonlySet<string>,
    /** Called at the first ragged row when it is an error: from then on rows are only counted. */
    private readonly stopAdding: () => void,
  ) {}

  /** Whether the record is kept as a row (counting it); a ragged one is counted either way. */
  keep(r: RecordView): boolean {
    if (r.count !== this.width) {
      this.raggedCount++;
      if (this.raggedLines.length < MAX_RAGGED_EXAMPLES) this.raggedLines.push(r.line);
      if (this.policy === 'error') this.stopAdding();
      if (this.policy !== 'keep') return false;
    }
    if (this.raggedCount > 0 && this.policy === 'error') return false; // only counting from here on
    this.rows++;
    return true;
  }

  /** Gives a kept record's cells to the builders (missing fields of a short row are empty). */
  add(r: RecordView): void {
    const bs = this.builders!;
    const tokens = this.tokens;
    const { bytes, starts, ends, flags, line } = r;
    const count = Math.min(r.count, this.width);
    for (let c = 0; c < count; c++) {
      const start = starts[c]!;
      const end = ends[c]!;
      const flag = flags[c]!;
      const len = end - start;
      // Most cells are not a missing-value token: decided here by length and first byte.
      if (len <= tokens.maxBytes && (flag > 1 || (len === 0 ? tokens.empty : tokens.firstByte[bytes[start]!] === 1))) {
        const token = this.missingToken(bytes, start, end, flag);
        if (token !== null) {
          bs[c]!.addMissing(token);
          continue;
        }
      }
      bs[c]!.add(bytes, start, end, flag, line);
    }
    for (let c = count; c < this.width; c++) bs[c]!.addMissing('');
  }

  // Compares bytes, so short numbers ("1", "42") are not turned into strings just to be checked.
  private missingToken(b: Buffer, start: number, end: number, flag: number): string | null {
    if (flag <= 1) return this.tokens.match(b, start, end);
    const text = fieldText(b, start, end, flag);
    return this.missing.has(text) ? text : null;
  }
}
