/**
 * The in-memory table every analysis reads: typed columns, parsed once.
 * Numbers (and dates, as epoch milliseconds UTC) are Float64Array with a validity mask; everything
 * else is integer codes into a dictionary (−1 = missing). A table loaded from a project keeps its
 * codes in the narrowest signed array for its dictionary, and its complete number columns share one
 * all-present mask: treat both as read-only. Arrow is how these move and are stored
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

export interface NumberColumn {
  storage: 'number';
  name: string;
  kind: 'integer' | 'decimal' | 'date' | 'datetime';
  values: Float64Array;
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
