/**
 * The in-memory table every analysis reads: typed columns, parsed once.
 * Numbers (and dates, as epoch milliseconds UTC) are Float64Array with a validity mask; everything
 * else is integer codes into a dictionary (−1 = missing). A table loaded from a project is narrower
 * (see NumberValues and Codes), and its complete number columns share one all-present mask: treat
 * every array of a table as read-only. Arrow is how these move and are stored
 * (src/main/store/table-codec.ts); this shape is what kernels see.
 */
export type ColumnKind =
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'category'
  | 'text'
  | 'id'
  | 'empty';

/**
 * A number column's values. Float64 (missing rows hold NaN) unless the table was loaded from a
 * project: there a whole-number column with nothing missing, no −0 and every value within 32 bits
 * loads as Int8 (−128…127: labels, predictions, small counts) or Int32 (ids), so it holds no NaN
 * either way. Kernels that read the IEEE bits take `float64Values` of them.
 */
export type NumberValues = Float64Array | Int32Array | Int8Array;

/** The values as Float64: the array itself, or a copy of narrower ones. */
export function float64Values(values: NumberValues): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

export interface NumberColumn {
  storage: 'number';
  name: string;
  kind: 'integer' | 'decimal' | 'date' | 'datetime';
  values: NumberValues;
  /** 1 where the value is present, 0 where it is missing. */
  valid: Uint8Array;
}

export interface CodesColumn {
  storage: 'codes';
  name: string;
  kind: 'boolean' | 'category' | 'text' | 'id' | 'empty';
  /** Index into `dictionary`; −1 means missing. */
  codes: Codes;
  dictionary: string[];
}

/**
 * Dictionary codes. A stored table's are loaded into the narrowest signed array that holds every
 * code of their dictionary and one more (`codesBytesFor`): a byte a row for a column of fewer than
 * 127 values, where Int32 spent four (at 1M rows, 3 MB a category column).
 */
export type Codes = Int8Array | Int16Array | Int32Array;

/** Bytes a row of the narrowest signed codes for a dictionary of `size` values, with room for one code past it (a "missing" group). */
export function codesBytesFor(size: number): 1 | 2 | 4 {
  if (size < 0x7f) return 1;
  if (size < 0x7fff) return 2;
  return 4;
}

export type Column = NumberColumn | CodesColumn;

export interface Table {
  rowCount: number;
  columns: Column[];
}

export function isNumberColumn(c: Column): c is NumberColumn {
  return c.storage === 'number';
}
