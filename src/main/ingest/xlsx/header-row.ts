/**
 * Finding the table in a sheet that has title rows above it ("Sales 2024", a blank row, then the
 * column names). The header is the first row whose cells are all non-empty text, side by side
 * with no gaps, and that is followed by rows no wider than itself, at least one of them as wide
 * (a one-cell title above a five-column table fails that test; the column names pass it). When no
 * row looks like that, the first non-empty row is the header, as in a CSV file, and the table is as
 * wide as the widest of the rows looked at.
 */
import { STR, type XRow } from './sheet-rows';

export interface HeaderChoice {
  /** Index into the rows given. */
  index: number;
  firstCol: number;
  lastCol: number;
}

const LOOK_AHEAD = 3;

function span(r: XRow): [number, number] {
  let lo = Infinity;
  let hi = -1;
  for (const c of r.cells) {
    if (c.t === STR && c.v === '') continue;
    if (c.col < lo) lo = c.col;
    if (c.col > hi) hi = c.col;
  }
  return [lo, hi];
}

function isAllText(r: XRow, lo: number, hi: number): boolean {
  const present = r.cells.filter((c) => c.col >= lo && c.col <= hi && c.t === STR && String(c.v).trim() !== '');
  return present.length === hi - lo + 1;
}

/** `rows` are the first non-empty rows of the sheet, in order. */
export function chooseHeaderRow(rows: readonly XRow[]): HeaderChoice | null {
  const nonEmpty = rows.filter((r) => span(r)[1] >= 0);
  if (nonEmpty.length === 0) return null;
  for (let i = 0; i < nonEmpty.length; i++) {
    const [lo, hi] = span(nonEmpty[i]!);
    if (!isAllText(nonEmpty[i]!, lo, hi)) continue;
    const next = nonEmpty.slice(i + 1, i + 1 + LOOK_AHEAD);
    if (next.length === 0) {
      if (i === 0) return { index: rows.indexOf(nonEmpty[i]!), firstCol: lo, lastCol: hi };
      continue;
    }
    const spans = next.map(span);
    if (spans.every(([a, b]) => a >= lo && b <= hi) && spans.some(([, b]) => b === hi)) {
      return { index: rows.indexOf(nonEmpty[i]!), firstCol: lo, lastCol: hi };
    }
  }
  // No clear header: the first row is, and the table is as wide as the widest row seen.
  const spans = nonEmpty.map(span);
  return { index: rows.indexOf(nonEmpty[0]!), firstCol: Math.min(...spans.map((s) => s[0])), lastCol: Math.max(...spans.map((s) => s[1])) };
}
