/**
 * One worksheet <row> element → its cells as typed values. Cell types (the `t` attribute): s =
 * shared string, str = formula text, inlineStr = text in the cell, b = boolean, e = error
 * (#N/A, #DIV/0! …), d = ISO date text, n or none = number, which is a date when the cell's style
 * has a date format. Empty cells (formatting only) are left out.
 */
import { parseIsoDateTime } from '../../../shared/value-patterns';
import { attr, decodeXmlText, textRuns } from './xml';
import { excelSerialToMs } from './workbook';

export const NUM = 0;
export const STR = 1;
export const BOOL = 2;
export const DATE = 3;
export const ERR = 4;

export interface XCell {
  /** 0-based column index (A = 0). */
  col: number;
  t: typeof NUM | typeof STR | typeof BOOL | typeof DATE | typeof ERR;
  /** Number, date (epoch ms), 0/1 for booleans; the text for strings and errors. */
  v: number | string;
}

export interface XRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: XCell[];
  /** Cells left out because their reference is past the last column Excel has (XFD). */
  beyond?: number;
}

/** The last column a worksheet can have (XFD), 0-based. A reference past it is damage. */
export const MAX_COLUMN_INDEX = 16_383;

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: Uint8Array;
  date1904: boolean;
}

/** "AB12" → 27 (column index); −1 when the reference has no letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

/** "AB" for 27: how a column is named in messages. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const CELL_ATTR = /([\w:]+)\s*=\s*"([^"]*)"/g;

/** The r, t and s attributes of a cell in one pass (they are plain: no entities to decode). */
function cellAttrs(attrs: string): { r: string | undefined; t: string; s: number } {
  let r: string | undefined;
  let t = 'n';
  let s = 0;
  CELL_ATTR.lastIndex = 0;
  for (let m = CELL_ATTR.exec(attrs); m; m = CELL_ATTR.exec(attrs)) {
    const name = m[1]!;
    if (name === 'r') r = m[2];
    else if (name === 't') t = m[2]!;
    else if (name === 's') s = Number(m[2]);
  }
  return { r, t, s };
}

const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

export function parseRow(xml: string, previousRow: number, ctx: SheetContext): XRow {
  const open = xml.slice(0, xml.indexOf('>') + 1);
  const r = Number(attr(open, 'r'));
  const row = Number.isInteger(r) && r > 0 ? r : previousRow + 1;
  const cells: XCell[] = [];
  if (open.endsWith('/>')) return { row, cells, beyond: 0 };
  let col = -1;
  let beyond = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const attrs = m[1]!;
    const body = m[2];
    const { r: ref, t, s: style } = cellAttrs(attrs);
    const at = ref ? columnIndex(ref) : -1;
    col = at >= 0 ? at : col + 1;
    if (!body) continue;
    // A reference like ZZZZ1 would make the table hundreds of thousands of columns wide.
    if (col > MAX_COLUMN_INDEX) {
      beyond++;
      continue;
    }
    if (t === 'inlineStr') {
      cells.push({ col, t: STR, v: textRuns(body) });
      continue;
    }
    const raw = VALUE.exec(body)?.[1];
    if (raw === undefined) continue;
    if (t === 's') {
      cells.push({ col, t: STR, v: ctx.sharedStrings[Number(raw)] ?? '' });
    } else if (t === 'str') {
      cells.push({ col, t: STR, v: decodeXmlText(raw) });
    } else if (t === 'b') {
      cells.push({ col, t: BOOL, v: raw.trim() === '1' || raw.trim() === 'true' ? 1 : 0 });
    } else if (t === 'e') {
      cells.push({ col, t: ERR, v: decodeXmlText(raw) });
    } else if (t === 'd') {
      cells.push({ col, t: DATE, v: parseIsoDateTime(decodeXmlText(raw)) });
    } else {
      const n = Number(raw);
      // A date-styled number that is no date Excel can show (negative, past 9999-12-31) stays a number.
      const ms = ctx.dateStyles[style] === 1 ? excelSerialToMs(n, ctx.date1904) : NaN;
      if (!Number.isNaN(ms)) cells.push({ col, t: DATE, v: ms });
      else cells.push({ col, t: NUM, v: n });
    }
  }
  return { row, cells, beyond };
}

/** A cell as text, for header names. */
export function cellText(c: XCell): string {
  if (c.t === STR || c.t === ERR) return String(c.v);
  if (c.t === BOOL) return c.v ? 'TRUE' : 'FALSE';
  if (c.t === DATE) return Number.isNaN(c.v) ? '' : new Date(c.v as number).toISOString().slice(0, 10);
  return String(c.v);
}
