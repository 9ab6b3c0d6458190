/**
 * Seeded generated delimited files for the reader's equivalence tests (fast-path.test.ts,
 * parallel-read.test.ts): every case the fast path and the helper thread must get exactly right —
 * quotes (with delimiters, doubled quotes and newlines inside), CRLF / CR / LF, blank lines, ragged
 * rows under each policy, missing-value tokens including numeric-looking ones, numbers with
 * spaces, exponents, thousands separators, more than 15 digits, ±Infinity, dates in other forms —
 * with reading options (piece size, sample size, delimiter) drawn too.
 */
import type { DelimitedOptions } from '../../../../src/main/ingest/csv/read-delimited';
import type { Table } from '../../../../src/shared/table';

const ODD_NUMBERS = ['1', '-2', '+3', '0.5', '.5', '5.', '-0', '007', '1e5', ' 12 ', '1,234', '1.234,5', '12345678901234567', '0.000000000000000000000001', '9007199254740993', 'NA', '', 'abc', '-', '.', '1e309', '-1e309', '0.1', '"4"', 'N/A', '?', 'nan', '1\t', '-999', '0', '1..2', '"1"2', '"1""2"', '"3"'];
const ODD_TEXT = ['a', 'hello world', '"q,uoted"', '"multi\nline"', '"crlf\r\ninside"', '"es""caped"', '', 'NA', 'é', '日本', 'x"y', '"ab"c', 'None', 'zz', 'null', ' ', '""'];
const ODD_DATES = ['2024-01-02', '2024-02-30', '2023-12-31', '', '2024-1-2', '01/02/2024', '2024-03-04T05:06:07Z', 'NA'];

export interface GeneratedFile {
  text: string;
  opts: DelimitedOptions;
}

/** A generator of files from `seed`; `maxRows` bounds each file's rows. */
export function csvGenerator(seed: number, maxRows = 80): () => GeneratedFile {
  let state = seed >>> 0;
  const rnd = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const plain = (kind: string): string => {
    if (kind === 'n') return String((Math.round(rnd() * 1e6) / 100) * (rnd() < 0.3 ? -1 : 1));
    if (kind === 't') return pick(['red', 'green', 'blue', `x${Math.floor(rnd() * 50)}`]);
    return `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
  };
  return () => {
    const width = 1 + Math.floor(rnd() * 6);
    const kinds = Array.from({ length: width }, () => pick(['n', 'n', 't', 'd']));
    const nl = pick(['\n', '\r\n', '\n', '\r']);
    const d = pick([',', ',', ';', '\t', '|', '.']);
    const lines = [kinds.map((_, i) => `c${i}`).join(d)];
    const odd = rnd() * 0.3;
    for (let r = Math.floor(rnd() * maxRows); r > 0; r--) {
      let cells = kinds.map((k) => (rnd() < odd ? pick(k === 'n' ? ODD_NUMBERS : k === 't' ? ODD_TEXT : ODD_DATES) : plain(k)));
      if (rnd() < 0.03) cells = cells.slice(0, -1);
      if (rnd() < 0.03) cells.push('extra');
      if (rnd() < 0.02) lines.push('');
      lines.push(cells.join(d));
    }
    return {
      text: lines.join(nl) + (rnd() < 0.7 ? nl : ''),
      opts: {
        missingTokens: pick([['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?'], ['', '-999', '0'], ['NA'], []]),
        readBytes: pick([1, 3, 7, 64, 1 << 20]),
        sampleRows: pick([1, 2, 5, 10_000]),
        raggedRows: pick(['error', 'skip', 'keep'] as const),
        ...(rnd() < 0.5 ? { delimiter: d } : {}),
      },
    };
  };
}

/** A reader's result (or its error message) in a form deep equality compares exactly. */
function comparable(r: unknown): unknown {
  const x = r as { table?: Table; source?: object };
  if (!x.table) return r;
  return { ...x, source: { ...x.source, modifiedAt: '' }, table: { ...x.table, columns: x.table.columns.map((c) => ({ ...c, ...(c.storage === 'number' ? { values: [...c.values], valid: [...c.valid] } : { codes: [...c.codes] }) })) } };
}

export interface Outcome {
  raw: { table: Table } | null;
  comparable: unknown;
}

export async function outcome(fn: () => { table: Table } | Promise<{ table: Table }>): Promise<Outcome> {
  try {
    const raw = await fn();
    return { raw, comparable: comparable(raw) };
  } catch (err) {
    return { raw: null, comparable: { error: (err as Error).message } };
  }
}
