/**
 * Missing values, per column and per row.
 *
 * A cell is missing when it holds no usable value in the typed table: empty, a missing-value token
 * (the import's list, e.g. "NA"), or — in a number or date column — text that could not be read as
 * one (those are also reported by quality.mixed-types). Columns with every cell missing are left to
 * quality.empty-columns.
 */
import type { Finding, FindingChart } from '../../findings/types';
import { emptyRangeFirst } from '../../metrics/row-ranges';
import { cacheOf } from '../cache/check-cache';
import { missingCountOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, MAX_EXAMPLE_ROWS, orPassed, pct, qualityFinding, shareSeverity, summaryOf } from './common';
import type { Codes } from '../../table';

export const MISSING_VALUES = 'quality.missing-values';
export const MISSING_ROWS = 'quality.missing-rows';

/**
 * quality.missing-values — share = missing cells / rows, per column.
 * Severity: share ≥ missingHigh (20%) → high; ≥ missingMedium (5%) → medium; > 0 → low.
 */
export const missingValuesCheck: Check = {
  id: MISSING_VALUES,
  category: 'quality',
  run(input: CheckInput) {
    const { table, options } = input;
    const n = table.rowCount;
    const columns = checkedColumns(input);
    const perColumn = columns.map((col) => {
      const missing = missingCountOf(cacheOf(input), col);
      const summary = summaryOf(input, col.name);
      return {
        column: col.name,
        missing,
        share: n > 0 ? missing / n : null,
        /** Of which: empty cells or missing-value tokens (from the import). */
        tokens: summary ? summary.missing : null,
        /** Of which: cells that were not a valid number or date. */
        unreadable: summary ? summary.nonConforming : null,
      };
    });
    const shown = perColumn.filter((c) => c.missing > 0);
    const chart: FindingChart = {
      kind: 'bars',
      title: 'Share of missing values per column',
      labels: shown.map((c) => c.column),
      values: shown.map((c) => c.share ?? 0),
      unit: 'share',
    };
    const rule = `${pct(options.missingHigh)} or more of the column missing → high; ${pct(options.missingMedium)} or more → medium; less → low.`;
    const findings: Finding[] = [];
    for (const c of perColumn) {
      if (c.missing === 0 || c.missing === n) continue; // all missing: quality.empty-columns
      const col = columns.find((x) => x.name === c.column)!;
      const share = c.missing / n;
      findings.push(
        qualityFinding(MISSING_VALUES, c.column, {
          severity: shareSeverity(share, options.missingMedium, options.missingHigh),
          severityRule: rule,
          columns: [c.column],
          rows: { count: c.missing, examples: missingRowExamples(col) },
          numbers: { missing: c.missing, rows: n, share, tokens: c.tokens, unreadable: c.unreadable },
          sampleSize: n,
          chart: { ...chart, highlight: [shown.findIndex((s) => s.column === c.column)] },
        }),
      );
    }
    return {
      evidence: { rows: n, columns: perColumn },
      findings: orPassed(findings, MISSING_VALUES, { rows: n, columns: columns.length }, n),
    };
  },
};

function missingRowExamples(col: ReturnType<typeof checkedColumns>[number]): number[] {
  const out: number[] = [];
  if (col.storage === 'codes') {
    for (let i = 0; i < col.codes.length && out.length < MAX_EXAMPLE_ROWS; i++) if (col.codes[i]! < 0) out.push(i + 1);
  } else {
    for (let i = 0; i < col.valid.length && out.length < MAX_EXAMPLE_ROWS; i++) if (col.valid[i] === 0) out.push(i + 1);
  }
  return out;
}

/**
 * quality.missing-rows — rows with at least half of their (checked) cells missing, i.e.
 * missing cells ≥ columns / 2. Severity by the share of such rows: ≥ missingHigh → high;
 * ≥ missingMedium → medium; > 0 → low.
 */
export const missingRowsCheck: Check = {
  id: MISSING_ROWS,
  category: 'quality',
  run(input: CheckInput) {
    const { table, options } = input;
    const n = table.rowCount;
    const columns = checkedColumns(input);
    const width = columns.length;
    const perRow = new Uint32Array(n);
    for (const col of columns) {
      if (col.storage === 'codes') countMissingCodes(col.codes, perRow);
      else countMissingValues(col.valid, perRow);
    }
    const limit = width / 2;
    const examples: number[] = [];
    // How many rows miss 0, 1, 2, … cells: the chart and the evidence.
    const byMissing = new Float64Array(width + 1);
    const tally = new Float64Array(2); // rows missing half or more, rows missing every cell
    emptyRangeFirst(n, (from, to) => tallyRows(perRow, width, limit, from, to, byMissing, tally, examples));
    const histogram = Array.from(byMissing);
    const count = tally[0]!;
    const allMissing = tally[1]!;
    const findings: Finding[] = [];
    if (count > 0) {
      const share = count / n;
      findings.push(
        qualityFinding(MISSING_ROWS, 'rows', {
          severity: shareSeverity(share, options.missingMedium, options.missingHigh),
          severityRule: `${pct(options.missingHigh)} or more of the rows mostly empty → high; ${pct(options.missingMedium)} or more → medium; less → low.`,
          rows: { count, examples },
          numbers: { count, rows: n, share, columns: width, allMissing },
          sampleSize: n,
          chart: {
            kind: 'bars',
            title: 'Rows by number of missing cells',
            labels: histogram.map((_, k) => String(k)),
            values: histogram,
            unit: 'count',
            highlight: histogram.map((_, k) => k).filter((k) => k >= limit),
          },
        }),
      );
    }
    return {
      evidence: { rows: n, columns: width, rowsMissingHalf: count, rowsAllMissing: allMissing, rowsByMissingCells: histogram },
      findings: orPassed(findings, MISSING_ROWS, { rows: n, columns: width }, n),
    };
  },
};

// One column's pass each, in functions that end with their loop (see metrics/row-ranges.ts).

function countMissingCodes(codes: Codes, perRow: Uint32Array): void {
  for (let i = 0; i < perRow.length; i++) if (codes[i]! < 0) perRow[i]!++;
}

function countMissingValues(valid: Uint8Array, perRow: Uint32Array): void {
  for (let i = 0; i < perRow.length; i++) if (valid[i] === 0) perRow[i]!++;
}

function tallyRows(perRow: Uint32Array, width: number, limit: number, from: number, to: number, byMissing: Float64Array, tally: Float64Array, examples: number[]): void {
  let count = tally[0]!;
  let allMissing = tally[1]!;
  for (let i = from; i < to; i++) {
    const m = perRow[i]!;
    byMissing[m]!++;
    if (width > 0 && m >= limit) {
      count++;
      if (m === width) allMissing++;
      if (examples.length < MAX_EXAMPLE_ROWS) examples.push(i + 1);
    }
  }
  tally[0] = count;
  tally[1] = allMissing;
}
