import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ByteTokenizer, fieldText, type RecordView } from '../../../../src/main/ingest/csv/byte-tokenizer';
import { FastRecords, missingTokenBytes } from '../../../../src/main/ingest/csv/fast-records';
import { CodesBuilder } from '../../../../src/main/ingest/columns/builders';
import { addConventionShapes, SampleRows } from '../../../../src/main/ingest/csv/sample-rows';
import { detectStorage } from '../../../../src/main/ingest/columns/detect-kind';
import { detectNumberConvention } from '../../../../src/shared/value-patterns';

/** What detectNumberConvention needs of `cells`, the plain way: each shape of a number with a mark. */
function referenceShapes(cells: readonly string[]): string[] {
  const shapes = new Set<string>();
  for (const v of cells) {
    const t = v.trim();
    if (/^[+-]?[0-9.,]*$/.test(t) && /[.,]/.test(t)) shapes.add(t.replace(/[0-9]/g, '1'));
  }
  return [...shapes];
}

const shapesOf = (cells: readonly string[]): string[] => {
  const shapes = new Set<string>();
  addConventionShapes(cells, shapes, new Set());
  return [...shapes];
};

test('addConventionShapes keeps one cell of each shape, as the plain way does, short or long', () => {
  assert.deepEqual(shapesOf(['40743.63', '12345.67', '-1.5', '+1.5', '1.5', ' 2.5 ', '1,234.5', '7', 'a.1', '1.2.3', '.5', '5.', ',', '']), [
    '11111.11',
    '-1.1',
    '+1.1',
    '1.1',
    '1,111.1',
    '1.1.1',
    '.1',
    '1.',
    ',',
  ]);
  // Shapes that a careless number would mix up: the same marks at other places, other lengths
  // ('01.1' is '11.1' again), and
  // cells on both sides of the length from which the shape's text is always made (30).
  const long = '1'.repeat(28);
  assert.deepEqual(shapesOf(['1.11', '11.1', '1,11', '01.1', `${long}.1`, `${long}1.1`, `${long}11.1`, `-${long}.1`, `${long}.11`, `${long},1`]), [
    '1.11',
    '11.1',
    '1,11',
    `${long}.1`,
    `${long}1.1`,
    `${long}11.1`,
    `-${long}.1`,
    `${long}.11`,
    `${long},1`,
  ]);
  // Past 2^53 a number no longer tells these apart (a mark first, then 34 or 35 digits).
  assert.deepEqual(shapesOf([`.${'1'.repeat(35)}`, `.${'1'.repeat(34)}.`]), [`.${'1'.repeat(35)}`, `.${'1'.repeat(34)}.`]);
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[ +\-0-9.,a]{0,40}$/), { maxLength: 60 }), (cells) => {
      assert.deepEqual(shapesOf(cells), referenceShapes(cells));
    }),
    { numRuns: 2000 },
  );
});

function sampleOf(csv: string, delimiter = ','): SampleRows {
  let sample: SampleRows | null = null;
  const t = new ByteTokenizer(delimiter.charCodeAt(0), (r) => {
    sample ??= new SampleRows(3);
    sample.add(r);
  });
  assert.equal(t.push(Buffer.from(csv, 'utf8')), null);
  assert.equal(t.end(), null);
  return sample!;
}

test('SampleRows.chooseStorage: each column from its cells as text, the convention from the first cells', () => {
  const missing = new Set(['', 'NA']);
  // Quoted, escaped and loose cells, missing tokens and a short record are all text as the tokenizer gives it.
  const rows = ['1;2020-01-31;"a ""b"""', '2,5;2020-02-01;x', 'NA;2020-02-02;"c"d', '3,25;NA;', '4', '"5,5";2020-02-03;y'];
  const chosen = sampleOf(rows.join('\n'), ';').chooseStorage(missing, ';');
  assert.deepEqual(chosen.storages, [{ storage: 'number' }, { storage: 'date', order: 'iso' }, { storage: 'codes' }]);
  assert.deepEqual(chosen.convention, detectNumberConvention(['1', '2,5', '3,25', '4', '5,5'], ';'));
  assert.equal(chosen.convention.decimal, ',');

  // The same as reading every cell as text first, on a bigger sample with marks in several columns.
  const lines: string[] = [];
  const cells: string[][] = [[], [], []];
  for (let i = 0; i < 3000; i++) {
    const row = [`${i}.${i % 7}`, i % 5 === 0 ? 'NA' : `${(i * 37) % 1000},${i % 10}`, `"t${i % 13}"`];
    lines.push(row.join(';'));
    row.forEach((v, c) => {
      const text = v.startsWith('"') ? v.slice(1, -1) : v;
      if (!missing.has(text)) cells[c]!.push(text);
    });
  }
  const big = sampleOf(lines.join('\n'), ';').chooseStorage(missing, ';');
  const convention = detectNumberConvention(referenceShapes(cells.flat()), ';');
  assert.deepEqual(big.convention, convention);
  assert.deepEqual(big.storages, cells.map((c) => detectStorage(c, convention)));
  assert.equal(fieldText(Buffer.from('"a""b"'), 1, 5, 2), 'a"b');
});

test('SampleRows.chooseStorage says how many distinct values a text column whose values keep coming will have', () => {
  const rows = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');
  // An id column (all distinct), free text (3 of 4 distinct, one missing in 10) and a category.
  const words = ['ä', 'bb', 'ccc'];
  const csv = rows(2000, (i) => `id-${i},${i % 10 === 0 ? 'NA' : `${words[i % 3]} ${Math.floor((i * 3) / 4)}`},${words[i % 3]}`);
  const chosen = sampleOf(csv).chooseStorage(new Set(['', 'NA']), ',');
  const ids = Array.from({ length: 2000 }, (_, i) => `id-${i}`);
  assert.deepEqual(chosen.storages[0], { storage: 'codes', distinct: { share: 1, valueBytes: ids.reduce((n, v) => n + v.length, 0) / 2000 } });
  const text = new Set<string>();
  for (let i = 0; i < 2000; i++) if (i % 10 !== 0) text.add(`${words[i % 3]} ${Math.floor((i * 3) / 4)}`);
  const textBytes = [...text].reduce((n, v) => n + Buffer.byteLength(v), 0);
  assert.deepEqual(chosen.storages[1], { storage: 'codes', distinct: { share: text.size / 2000, valueBytes: textBytes / text.size } });
  assert.deepEqual(chosen.storages[2], { storage: 'codes' }, 'a category: its values stop coming');
  // Too few rows to tell.
  assert.deepEqual(sampleOf(rows(999, (i) => `id-${i},x,y`)).chooseStorage(new Set(), ',').storages[0], { storage: 'codes' });
  assert.ok('distinct' in sampleOf(rows(1000, (i) => `id-${i},x,y`)).chooseStorage(new Set(), ',').storages[0]!);
});

test('SampleRows.addTo: runs of simple records through the fast path, and what it leaves cell by cell', () => {
  // One column: an empty value is a record of one empty field, which the fast path takes for a blank line.
  const record = (text: string, line: number): RecordView => {
    const bytes = Buffer.from(`${text}\n`);
    return { bytes, starts: Int32Array.of(0), ends: Int32Array.of(text.length), flags: Uint8Array.of(0), count: 1, line };
  };
  const sample = new SampleRows(1);
  ['a', '', 'b', 'a'].forEach((t, i) => sample.add(record(t, i + 2)));
  const tokens = missingTokenBytes(['']);
  const builder = new CodesBuilder();
  sample.addTo([builder], tokens, new Set(['']), new FastRecords([builder], ['codes'], 0x2c, tokens));
  const built = builder.finish('c');
  assert.ok(built.column.storage === 'codes');
  assert.deepEqual([...built.column.codes], [0, -1, 1, 0]);
  assert.deepEqual(built.column.dictionary, ['a', 'b']);
  assert.equal(built.stats.missing, 1);
});
