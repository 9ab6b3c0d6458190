import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readJsonFile } from '../../../../../src/main/ingest/json/read-json';
import { memberTexts } from '../../../../../src/main/ingest/json/json-split';
import type { ReadResult } from '../../../../../src/main/ingest/read-result';
import { SlicewiseError } from '../../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';
import { tempDir } from '../../../helpers/temp';
import { writeFileSync } from 'node:fs';

const DIR = join(import.meta.dirname, '../../../../fixtures/formats');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const ctx = { progress: () => {}, throwIfCancelled: () => {} };

function columns(r: ReadResult): [string, string, number][] {
  return r.table.columns.map((c, i) => [c.name, c.kind, r.stats[i]!.missing]);
}

function refuses(fn: () => unknown, code: string, pattern: RegExp, line?: number): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof SlicewiseError, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    if (line !== undefined) assert.equal(err.location?.line, line);
    return true;
  });
}

describe('JSON reader', () => {
  test('an array of objects: union of keys in first-seen order, nested values kept as JSON text', () => {
    const r = readJsonFile(join(DIR, 'people.json'), opts, ctx);
    assert.equal(r.format, 'json');
    assert.equal(r.table.rowCount, 4);
    assert.deepEqual(columns(r), [
      ['id', 'integer', 0],
      ['name', 'category', 1], // "NA" is a missing-value token
      ['score', 'decimal', 1],
      ['active', 'boolean', 1],
      ['address', 'category', 2],
      ['tags', 'category', 3],
    ]);
    assert.deepEqual(r.stats[1]!.missingTokens, { NA: 1 });
    const address = r.table.columns[4]!;
    assert.equal(address.storage, 'codes');
    if (address.storage === 'codes') {
      assert.deepEqual(JSON.parse(address.dictionary[address.codes[0]!]!), { city: 'Lyon', zip: '69001' });
      assert.equal(address.codes[1], -1);
    }
    assert.ok(r.notes.some((n) => /"address" holds nested objects or lists in 2 rows/.test(n)));
  });

  test('ISO 8601 strings are dates: date, date-time with Z or an offset (moved to UTC), without one (kept as written); a bad date is text', () => {
    const dir = tempDir('slicewise-json-dates-');
    const path = join(dir, 'dates.json');
    const rows = [
      { d: '2024-01-05', t: '2024-01-05T10:00:00Z', o: '2024-01-05 12:30:00+02:00', w: '2024-02-29T08:15:30.250', bad: '2023-02-29', code: '2024-01-05x' },
      { d: '1999-12-31', t: '2024-07-01T00:00:01Z', o: '2024-07-01T23:00:00-0100', w: '2024-03-01T00:00:00', bad: '2023-01-01', code: '12345678901' },
    ];
    writeFileSync(path, JSON.stringify(rows));
    const r = readJsonFile(path, opts, ctx);
    assert.deepEqual(r.table.columns.map((c) => [c.name, c.kind]), [
      ['d', 'date'],
      ['t', 'datetime'],
      ['o', 'datetime'],
      ['w', 'datetime'],
      ['bad', 'category'], // "2023-02-29" does not exist: half the cells are not dates, so the column stays text
      ['code', 'category'],
    ]);
    const value = (col: number, row: number): number => {
      const c = r.table.columns[col]!;
      assert.equal(c.storage, 'number');
      return c.storage === 'number' ? c.values[row]! : NaN;
    };
    assert.equal(value(0, 0), Date.UTC(2024, 0, 5));
    assert.equal(value(0, 1), Date.UTC(1999, 11, 31));
    assert.equal(value(1, 0), Date.UTC(2024, 0, 5, 10));
    assert.equal(value(2, 0), Date.UTC(2024, 0, 5, 10, 30));
    assert.equal(value(2, 1), Date.UTC(2024, 7 - 1, 2, 0));
    assert.equal(value(3, 0), Date.UTC(2024, 1, 29, 8, 15, 30, 250));
    const bad = r.table.columns[4]!;
    assert.deepEqual(bad.storage === 'codes' ? [...bad.codes].map((c) => bad.dictionary[c]) : null, ['2023-02-29', '2023-01-01'], 'text kept as written');
  });

  test('NDJSON: one object per line, blank lines ignored, keys first seen late are missing before', () => {
    const r = readJsonFile(join(DIR, 'events.ndjson'), opts, ctx);
    assert.equal(r.format, 'ndjson');
    assert.equal(r.table.rowCount, 3);
    assert.deepEqual(columns(r), [
      ['t', 'date', 0], // ISO 8601 strings: JSON's way of writing dates
      ['kind', 'category', 0],
      ['n', 'decimal', 1],
      ['extra', 'category', 2],
    ]);
  });

  test('deeply nested input does not overflow the stack', () => {
    const r = readJsonFile(join(DIR, 'deep.json'), opts, ctx);
    assert.equal(r.table.rowCount, 1);
    const deep = r.table.columns[1]!;
    if (deep.storage === 'codes') assert.equal(deep.dictionary[0]!.length, 200_000);
  });

  test('items split across read pieces are joined', () => {
    const dir = tempDir();
    const path = join(dir, 'many.json');
    const rows = Array.from({ length: 3000 }, (_, i) => ({ i, s: `value ${i % 7}`, x: i % 10 === 0 ? null : i / 4 }));
    writeFileSync(path, JSON.stringify(rows));
    const r = readJsonFile(path, opts, ctx);
    assert.equal(r.table.rowCount, 3000);
    assert.deepEqual(columns(r), [
      ['i', 'integer', 0],
      ['s', 'category', 0],
      ['x', 'decimal', 300],
    ]);
  });

  test('bad input: clear messages naming the file and line', () => {
    refuses(() => readJsonFile(join(DIR, 'broken.ndjson'), opts, ctx), 'PARSE_ERROR', /^broken\.ndjson: line 3 is not valid JSON/, 3);
    refuses(() => readJsonFile(join(DIR, 'single-object.json'), opts, ctx), 'PARSE_ERROR', /one JSON object written over several lines.*array of objects/);
    refuses(() => readJsonFile(join(DIR, 'scalar.json'), opts, ctx), 'PARSE_ERROR', /^scalar\.json is not a JSON table/);
    refuses(() => readJsonFile(join(DIR, 'array-of-arrays.json'), opts, ctx), 'PARSE_ERROR', /item 1 of the array \(line 1\) is not an object/, 1);
    const dir = tempDir();
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    refuses(() => readJsonFile(write('cut.json', '[{"a": 1},\n{"a": 2'), opts, ctx), 'PARSE_ERROR', /ends before the JSON array is closed/, 2);
    refuses(() => readJsonFile(write('bad-item.json', '[{"a": 1},\n{"a": tru}]'), opts, ctx), 'PARSE_ERROR', /the item starting on line 2 is not valid JSON/, 2);
    refuses(() => readJsonFile(write('trailing.json', '[{"a": 1},]'), opts, ctx), 'PARSE_ERROR', /expected another item after the last comma/);
    refuses(() => readJsonFile(write('empty.json', '[]'), opts, ctx), 'EMPTY_FILE', /the array is empty/);
    refuses(() => readJsonFile(write('blank.json', '  \n'), opts, ctx), 'EMPTY_FILE', /only blank space/);
    refuses(() => readJsonFile(write('nokeys.json', '[{}, {}]'), opts, ctx), 'EMPTY_FILE', /none has any keys/);
    refuses(() => readJsonFile(write('huge.json', `[{"a": "${'x'.repeat(5000)}"}]`), { ...opts, maxItemBytes: 1000 }, ctx), 'PARSE_ERROR', /larger than/);
  });

  test('memberTexts finds the raw text of nested members only', () => {
    const m = memberTexts('{"a": 1, "b": {"c": [1, "}"]}, "d": "x", "e": [ ]}');
    assert.deepEqual([...m.entries()], [
      ['b', '{"c": [1, "}"]}'],
      ['e', '[ ]'],
    ]);
  });
});
