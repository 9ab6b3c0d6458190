/**
 * The CSV reader's fast record path (src/main/ingest/csv/fast-records.ts) against the tokenizer
 * path it shortcuts: on seeded generated files mixing every case the fast path must hand back
 * (quotes, CRLF / CR / LF, blank lines, ragged rows under each policy, missing-value tokens
 * including numeric-looking ones, numbers with spaces, exponents, thousands separators, more than
 * 15 digits, ±Infinity, dates in other forms), read in tiny and large pieces with tiny and normal
 * samples, the reader must give exactly the same table, statistics, notes and errors either way.
 * A longer campaign: FAST_PATH_CASES=50000 FAST_PATH_SEED=7 node --import tsx --test <this file>.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { readDelimitedFile, type DelimitedOptions } from '../../../../src/main/ingest/csv/read-delimited';
import type { Table } from '../../../../src/shared/table';

const CASES = Number(process.env.FAST_PATH_CASES ?? 1500);
let seed = Number(process.env.FAST_PATH_SEED ?? 20261127) >>> 0;
const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const ctx = { progress: (): void => {}, throwIfCancelled: (): void => {} };

const ODD_NUMBERS = ['1', '-2', '+3', '0.5', '.5', '5.', '-0', '007', '1e5', ' 12 ', '1,234', '1.234,5', '12345678901234567', '0.000000000000000000000001', '9007199254740993', 'NA', '', 'abc', '-', '.', '1e309', '-1e309', '0.1', '"4"', 'N/A', '?', 'nan', '1\t', '-999', '0', '1..2', '"1"2', '"1""2"', '"3"'];
const ODD_TEXT = ['a', 'hello world', '"q,uoted"', '"multi\nline"', '"crlf\r\ninside"', '"es""caped"', '', 'NA', 'é', '日本', 'x"y', '"ab"c', 'None', 'zz', 'null', ' ', '""'];
const ODD_DATES = ['2024-01-02', '2024-02-30', '2023-12-31', '', '2024-1-2', '01/02/2024', '2024-03-04T05:06:07Z', 'NA'];

function plain(kind: string): string {
  if (kind === 'n') return String((Math.round(rnd() * 1e6) / 100) * (rnd() < 0.3 ? -1 : 1));
  if (kind === 't') return pick(['red', 'green', 'blue', `x${Math.floor(rnd() * 50)}`]);
  return `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
}

function file(): { text: string; opts: DelimitedOptions } {
  const width = 1 + Math.floor(rnd() * 6);
  const kinds = Array.from({ length: width }, () => pick(['n', 'n', 't', 'd']));
  const nl = pick(['\n', '\r\n', '\n', '\r']);
  const d = pick([',', ',', ';', '\t', '|', '.']);
  const lines = [kinds.map((_, i) => `c${i}`).join(d)];
  const odd = rnd() * 0.3;
  for (let r = Math.floor(rnd() * 80); r > 0; r--) {
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
}

const comparable = (r: unknown): unknown => {
  const x = r as { table?: Table; source?: object };
  if (!x.table) return r;
  return { ...x, source: { ...x.source, modifiedAt: '' }, table: { ...x.table, columns: x.table.columns.map((c) => ({ ...c, ...(c.storage === 'number' ? { values: [...c.values], valid: [...c.valid] } : { codes: [...c.codes] }) })) } };
};
const outcome = (fn: () => { table: Table }): { raw: { table: Table } | null; comparable: unknown } => {
  try {
    const raw = fn();
    return { raw, comparable: comparable(raw) };
  } catch (err) {
    return { raw: null, comparable: { error: (err as Error).message } };
  }
};


test(`the fast record path reads ${CASES} generated files exactly as the tokenizer path does`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'slicewise-fast-path-'));
  let tables = 0;
  try {
    for (let k = 0; k < CASES; k++) {
      const { text, opts } = file();
      const path = join(dir, `case-${k}.csv`);
      writeFileSync(path, text);
      const fast = outcome(() => readDelimitedFile(path, opts, ctx));
      const slow = outcome(() => readDelimitedFile(path, { ...opts, fastPath: false }, ctx));
      if (!isDeepStrictEqual(fast.comparable, slow.comparable)) {
        assert.fail(`case ${k}: the fast record path differs\noptions ${JSON.stringify(opts)}\nfile ${JSON.stringify(text)}\nfast: ${JSON.stringify(fast.comparable).slice(0, 1500)}\nslow: ${JSON.stringify(slow.comparable).slice(0, 1500)}`);
      }
      if (fast.raw) tables++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Most files read into tables; the rest must be refused with the same error both ways.
  assert.ok(tables > CASES / 2, `${tables} of ${CASES} read into tables`);
});
