/**
 * Group assignment: every row gets an integer group code (0 … groups − 1) for a sensitive column
 * or an intersection of several, in one pass over typed arrays. Codes are compact: a group exists
 * only if at least one row of the selection is in it, in a stable order (the column's dictionary
 * or bin order, "(missing)" last; intersections in the order of their parts).
 */
import type { Column } from '../table';
import { binOf, numericBins, type NumericBins } from './numeric-groups';

export const MISSING_GROUP = '(missing)';
/** Joins column names into an intersection key ("sex+age") … */
export const KEY_SEPARATOR = '+';
/** … and group names into an intersection's group name ("female & 60+"). */
export const GROUP_SEPARATOR = ' & ';

/**
 * Group codes, one per row, in the narrowest array that holds them: sensitive columns and their
 * intersections nearly always have under 256 groups, so a byte a row, a quarter of an Int32Array
 * (at 1M rows, 3 sensitive columns and their 3 pairs made 34 MB of Int32 codes; now ~9 MB).
 */
export type GroupCodes = Uint8Array | Uint16Array | Int32Array;

/** Room for `length` codes below `groups`. */
export function groupCodes(length: number, groups: number): GroupCodes {
  if (groups <= 0x100) return new Uint8Array(length);
  if (groups <= 0x10000) return new Uint16Array(length);
  return new Int32Array(length);
}

export interface Grouping {
  /** The sensitive column's name, or the intersection key "a+b". */
  key: string;
  columns: string[];
  /** Group names; `labels[code]`. */
  labels: string[];
  /** One code per row of the selection (a missing value is the "(missing)" group). */
  codes: GroupCodes;
  /** How a number column was cut into groups (single number columns only). */
  bins?: NumericBins;
  /** True when the codes are in the prepared outcome's row order (see prepare.ts alignGrouping). */
  aligned?: boolean;
}

/**
 * Drops groups with no rows and renumbers the rest, keeping their order. `owned`: the codes were
 * made for this grouping and nothing else reads them, so they are renumbered in place rather than
 * copied (a column without missing values always drops its "(missing)" group: a copy of 4 bytes a
 * row per column and intersection otherwise).
 */
export function compactGrouping(g: Grouping, groupCount = g.labels.length, labelOf: (code: number) => string = (c) => g.labels[c]!, owned = false): Grouping {
  const present = new Uint8Array(groupCount);
  const codes = g.codes;
  for (let i = 0; i < codes.length; i++) present[codes[i]!] = 1;
  const remap = new Int32Array(groupCount);
  const labels: string[] = [];
  for (let c = 0; c < groupCount; c++) {
    if (present[c]) {
      remap[c] = labels.length;
      labels.push(labelOf(c));
    } else remap[c] = -1;
  }
  if (labels.length === groupCount) return { ...g, labels }; // every group present: codes unchanged
  const out = owned ? codes : groupCodes(codes.length, labels.length);
  for (let i = 0; i < codes.length; i++) out[i] = remap[codes[i]!]!;
  return { ...g, labels, codes: out };
}

/** The groups of one column over every table row (compacted). */
export function columnGrouping(column: Column, sensitiveKind?: string): Grouping {
  const n = column.storage === 'codes' ? column.codes.length : column.values.length;
  const bins: NumericBins | undefined = column.storage === 'number' ? numericBins(column.values, column.valid, column.name, sensitiveKind) : undefined;
  // Every label, and "(missing)" after them.
  const codes = groupCodes(n, (column.storage === 'codes' ? column.dictionary.length : bins!.labels.length) + 1);
  let labels: string[];
  if (column.storage === 'codes') {
    const missing = column.dictionary.length;
    labels = [...column.dictionary];
    for (let i = 0; i < n; i++) {
      const c = column.codes[i]!;
      codes[i] = c < 0 ? missing : c;
    }
  } else {
    labels = [...bins!.labels];
    const missing = labels.length;
    const cuts = bins!.cuts;
    for (let i = 0; i < n; i++) codes[i] = column.valid[i] ? binOf(cuts, column.values[i]!) : missing;
  }
  // A real value spelled "(missing)" keeps its name; the missing group then says so differently.
  labels.push(labels.includes(MISSING_GROUP) ? '(no value)' : MISSING_GROUP);
  const g: Grouping = { key: column.name, columns: [column.name], labels, codes, ...(bins ? { bins } : {}) };
  return compactGrouping(g, labels.length, undefined, true);
}

/** The same grouping restricted to some rows (e.g. the rows the model check kept), compacted. */
export function selectRows(g: Grouping, rows: Uint32Array): Grouping {
  const codes = groupCodes(rows.length, g.labels.length);
  for (let k = 0; k < rows.length; k++) codes[k] = g.codes[rows[k]!]!;
  return compactGrouping({ ...g, codes }, g.labels.length, undefined, true);
}

/** Above this many possible combinations, combine through a hash map instead of a lookup array. */
const DENSE_LIMIT = 1 << 22;

function intersectTwo(a: Grouping, b: Grouping): Grouping {
  if (a.codes.length !== b.codes.length) throw new RangeError('Groupings to intersect must cover the same rows.');
  const nb = b.labels.length;
  const possible = a.labels.length * nb;
  const key = `${a.key}${KEY_SEPARATOR}${b.key}`;
  const aligned = a.aligned === true && b.aligned === true;
  const columns = [...a.columns, ...b.columns];
  const n = a.codes.length;
  // Dense: a code per possible combination; otherwise numbered as they appear (at most one per row).
  const combined = possible <= DENSE_LIMIT ? groupCodes(n, possible) : groupCodes(n, n);
  const labelOf = (c: number): string => `${a.labels[Math.floor(c / nb)]!}${GROUP_SEPARATOR}${b.labels[c % nb]!}`;
  const ac = a.codes;
  const bc = b.codes;
  if (possible <= DENSE_LIMIT) {
    for (let i = 0; i < n; i++) combined[i] = ac[i]! * nb + bc[i]!;
    return compactGrouping({ key, columns, labels: [], codes: combined, aligned }, possible, labelOf, true);
  }
  // Rare (two columns with thousands of values each): number the combinations as they appear.
  const seen = new Map<number, number>();
  const firstCombination: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = ac[i]! * nb + bc[i]!;
    let code = seen.get(c);
    if (code === undefined) {
      code = firstCombination.length;
      seen.set(c, code);
      firstCombination.push(c);
    }
    combined[i] = code;
  }
  // Restore the parts' order.
  const order = firstCombination.map((c, code) => ({ c, code })).sort((x, y) => x.c - y.c);
  const remap = new Int32Array(order.length);
  order.forEach((o, rank) => (remap[o.code] = rank));
  for (let i = 0; i < n; i++) combined[i] = remap[combined[i]!]!;
  return { key, columns, labels: order.map((o) => labelOf(o.c)), codes: combined, aligned };
}

/** The intersection of two or more groupings over the same rows: "sex+age", groups "female & 60+". */
export function intersectGroupings(parts: readonly Grouping[]): Grouping {
  if (parts.length < 2) throw new RangeError('An intersection needs at least two groupings.');
  let g = intersectTwo(parts[0]!, parts[1]!);
  for (let k = 2; k < parts.length; k++) g = intersectTwo(g, parts[k]!);
  return g;
}

/** Every combination of 2 and of 3 of the names, in their order. */
export function defaultIntersections(names: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) out.push([names[i]!, names[j]!]);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) for (let k = j + 1; k < names.length; k++) out.push([names[i]!, names[j]!, names[k]!]);
  return out;
}
