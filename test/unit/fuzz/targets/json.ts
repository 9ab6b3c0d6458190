/**
 * Fuzz target: the JSON / NDJSON reader. Cases are
 *   - arrays of objects and NDJSON lines whose keys come and go (so columns are unions) and whose
 *     values are troublesome: numbers written as 1e999, -0, 30-digit integers; nested objects and
 *     lists, some nested thousands deep; keys like "__proto__", "", " " and "constructor";
 *   - the same files cut short or with bytes changed;
 *   - what is not a table: scalars, arrays of arrays or of numbers, text after the closing ],
 *     "token soup" of brackets, quotes and commas; random bytes;
 * read sometimes with a tiny item limit. Well-formed tables must come back with one row per
 * object and one column per distinct key.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { readJsonFile, type JsonOptions } from '../../../../src/main/ingest/json/read-json';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { damaged, randomBytes, type Bytes } from '../lib/bytes';
import { SPECIAL_NUMBER_TEXTS, dateText, plainText } from '../lib/cells';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };

export interface JsonCase {
  source: string;
  bytes: Bytes;
  opts: JsonOptions;
  expect?: { rows: number; columns: number };
}

/** JSON text of a value; numbers that JSON.stringify cannot write are written as raw literals. */
const rawNumber = fc.oneof(
  fc.constantFrom('1e999', '-1e999', '-0', '-0.0', '1E400', '4.9e-324', '123456789012345678901234567890', '9007199254740993', '0.1e-400', '1e22'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? '-0' : JSON.stringify(x))),
  fc.integer().map(String),
);
const deepText = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[]', '{}', 'mixed')).map(([d, k]) =>
  k === '[]' ? '['.repeat(d) + ']'.repeat(d) : k === '{}' ? '{"a":'.repeat(d) + '1' + '}'.repeat(d) : '[{"a":'.repeat(d) + 'null' + '}]'.repeat(d),
);
const valueText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: rawNumber, weight: 4 },
  { arbitrary: fc.oneof(plainText, dateText, fc.constantFrom(...SPECIAL_NUMBER_TEXTS)).map((s) => JSON.stringify(s)), weight: 4 },
  { arbitrary: fc.constantFrom('true', 'false', 'null'), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 2 },
  { arbitrary: deepText, weight: 1 },
);

type Kind = 'number' | 'text' | 'bool' | 'null' | 'nested' | 'mixed';
const kindValue: Record<Kind, fc.Arbitrary<string>> = {
  number: fc.oneof({ arbitrary: rawNumber, weight: 9 }, { arbitrary: valueText, weight: 1 }),
  text: fc.oneof({ arbitrary: plainText.map((s) => JSON.stringify(s)), weight: 9 }, { arbitrary: valueText, weight: 1 }),
  bool: fc.constantFrom('true', 'false', 'null'),
  null: fc.constant('null'),
  nested: fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), deepText),
  mixed: valueText,
};

const key = fc.oneof(
  { arbitrary: fc.string({ maxLength: 6 }), weight: 4 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'a', 'a ', 'column_2', '1', '0', 'é\u0301', '\uD800'), weight: 2 },
);

interface Rows {
  keys: string[];
  rows: [string, string][][];
}

/** Rows of members: each row has some of the keys (in any order), each key one kind of value. */
const table: fc.Arbitrary<Rows> = fc.uniqueArray(fc.tuple(key, fc.constantFrom<Kind>('number', 'number', 'text', 'bool', 'null', 'nested', 'mixed')), { selector: ([k]) => k, minLength: 1, maxLength: 6 }).chain((cols) =>
  fc.record({
    keys: fc.constant(cols.map(([k]) => k)),
    rows: fc.array(fc.tuple(...cols.map(([, kind]) => fc.option(kindValue[kind], { freq: 5 }))), { minLength: 1, maxLength: 10 }).map((rows) =>
      rows.map((vals) => vals.flatMap((v, i): [string, string][] => (v === null ? [] : [[cols[i]![0], v]]))),
    ),
  }),
);

const objectText = (members: [string, string][], space: string): string => `{${members.map(([k, v]) => `${space}${JSON.stringify(k)}${space}:${space}${v}`).join(',')}${space}}`;

const space = fc.constantFrom('', '', ' ', '\n  ', '\t', '\r\n');
const maxItemBytes = fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom(1, 16, 100), weight: 1 });
const opts: fc.Arbitrary<JsonOptions> = fc.record({
  missingTokens: fc.oneof({ arbitrary: fc.constant(DEFAULT_MISSING_TOKENS), weight: 4 }, { arbitrary: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), weight: 1 }),
  maxItemBytes,
});

const written: fc.Arbitrary<JsonCase> = fc.record({ t: table, format: fc.constantFrom('json', 'ndjson'), space, bom: fc.boolean(), eol: fc.constantFrom('\n', '\r\n'), opts }).map(({ t, format, space: sp, bom, eol, opts: o }) => {
  const objects = t.rows.map((r) => objectText(r, format === 'ndjson' ? sp.replace(/[\r\n]/g, '') : sp));
  let text = format === 'json' ? `${sp}[${sp}${objects.join(`,${sp}`)}${sp}]${sp}` : objects.map((x, i) => (i % 3 === 2 ? `${eol}${x}` : x)).join(eol) + eol;
  if (bom) text = `\uFEFF${text}`;
  const c: JsonCase = { source: format, bytes: Buffer.from(text, 'utf8'), opts: o };
  const present = new Set(t.rows.flatMap((r) => r.map(([k]) => k)));
  if (o.maxItemBytes === undefined && present.size > 0) c.expect = { rows: t.rows.length, columns: present.size };
  return c;
});

/** Top-level shapes that are JSON but not a table, or a table with junk around it. */
const notTables: fc.Arbitrary<Bytes> = fc
  .oneof(
    valueText,
    fc.array(valueText, { maxLength: 5 }).map((vs) => `[${vs.join(',')}]`),
    fc.array(valueText, { maxLength: 4 }).map((vs) => `[${vs.map((v) => `[${v}]`).join(',')}]`),
    fc.tuple(fc.array(valueText, { maxLength: 3 }), fc.constantFrom(']', ',', ',]', '[', ']]', '}', 'x', ' {"a":1}', '\n{"a":1}')).map(([vs, tail]) => `[${vs.map((v) => `{"a":${v}}`).join(',')}]${tail}`),
    fc.array(fc.oneof(valueText, fc.constantFrom('{', '}', '{"a":1', '"a":1}', '{"a":1}{"b":2}')), { maxLength: 5 }).map((vs) => vs.join('\n')),
  )
  .map((s) => Buffer.from(s, 'utf8'));

const soup: fc.Arbitrary<Bytes> = fc
  .array(fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\"', ':', ',', 'a', '1', '-', 'e', ' ', '\n', 'null', '"k":', '\u00e9', '\uD83D\uDE00'), { maxLength: 60 })
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

export const jsonCase: fc.Arbitrary<JsonCase> = fc.oneof(
  { arbitrary: written, weight: 6 },
  { arbitrary: fc.record({ source: fc.constant('damaged'), bytes: damaged(written.map((c) => c.bytes)), opts }), weight: 4 },
  { arbitrary: fc.record({ source: fc.constant('not-a-table'), bytes: notTables, opts }), weight: 2 },
  { arbitrary: fc.record({ source: fc.constant('soup'), bytes: soup, opts }), weight: 2 },
  { arbitrary: fc.record({ source: fc.constant('random'), bytes: randomBytes([[0x5b], [0x7b], [0xef, 0xbb, 0xbf, 0x5b]], 128), opts }), weight: 1 },
);

export const target: FuzzTarget<JsonCase> = {
  arbitrary: jsonCase,
  async run(c, dir) {
    const out = await runReader(join(dir, 'case.json'), c.bytes, (p) => readJsonFile(p, c.opts, ctx));
    if (out.kind === 'error') {
      assert.equal(c.expect, undefined, `a well-formed file was refused: ${out.error.message}`);
      return `${c.source}: ${out.error.code}`;
    }
    checkResult(out.result, c.bytes, ['json', 'ndjson']);
    if (c.expect) {
      assert.equal(out.result.table.rowCount, c.expect.rows, 'one row per object');
      assert.equal(out.result.table.columns.length, c.expect.columns, 'one column per distinct key');
    }
    return `${c.source}: table`;
  },
};
