/**
 * The in-memory table every analysis reads: typed columns, parsed once.
 * Numbers (and dates, as epoch milliseconds UTC) are Float64Array with a validity mask; everything
 * else is integer codes into a dictionary (−1 = missing). Arrow is how these move and are stored
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
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumberColumn | CodesColumn;

export interface Table {
  rowCount: number;
  columns: Column[];
}

export function isNumberColumn(c: Column): c is NumberColumn {
  return c.storage === 'number';
}
