import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ByteDictionary } from '../../../../src/main/ingest/columns/byte-dictionary';
import { CodesBuilder } from '../../../../src/main/ingest/columns/builders';
import { insertDataset, loadTable } from '../../../../src/main/store/datasets';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { recoverProject } from '../../../../src/main/store/recover';
import type { Table } from '../../../../src/shared/table';
import { tempDir } from '../../helpers/temp';
import { decodeDictionary, encodeDictionary, isPacked, PACK_ABOVE, rememberPacked } from '../../../../src/main/store/dictionary-codec';

const odd = ['', 'a "quoted" word', 'back\\slash', 'line\nbreak', 'é日本😀', '\u0000', '[', ']', ',', 'SWD1', 'ünïcödé'];
const dictionaryOf = (n: number, extra: readonly string[] = odd): string[] => Array.from({ length: n }, (_, i) => (i < extra.length ? extra[i]! : `value ${i}`));

test('up to 250,000 values a dictionary is stored as JSON text; more are packed, and every form reads back exactly', () => {
  for (const n of [0, 1, 11, PACK_ABOVE, PACK_ABOVE + 1, 600_003]) {
    const dictionary = dictionaryOf(n);
    const stored = encodeDictionary(dictionary);
    if (n <= PACK_ABOVE) assert.equal(stored, JSON.stringify(dictionary), `${n} values`);
    else assert.ok(Buffer.isBuffer(stored) && isPacked(stored), `${n} values: packed`);
    assert.deepEqual(decodeDictionary(stored), dictionary, `${n} values`);
  }
  // Mostly wide characters (3 bytes each in UTF-8), and 4-byte ones past the first segment's start.
  const wide = Array.from({ length: PACK_ABOVE + 7 }, (_, i) => (i % 2 ? `日本語 ${i}` : `😀${i}é`));
  assert.deepEqual(decodeDictionary(encodeDictionary(wide)), wide);
});

test('big dictionaries stored as JSON bytes by project format 4 still read back', () => {
  const dictionary = dictionaryOf(PACK_ABOVE + 3);
  assert.deepEqual(decodeDictionary(Buffer.from(JSON.stringify(dictionary))), dictionary);
});

test('a lone surrogate (UTF-8 cannot carry it) keeps the dictionary as JSON, which can', () => {
  const dictionary = dictionaryOf(PACK_ABOVE + 2, ['é', 'lone \ud800 surrogate']);
  const stored = encodeDictionary(dictionary);
  assert.equal(typeof stored, 'string');
  assert.deepEqual(decodeDictionary(stored), dictionary);
});

test('a Cancel thrown between pieces stops the packing', () => {
  let checks = 0;
  encodeDictionary(dictionaryOf(PACK_ABOVE + 1), () => checks++);
  assert.ok(checks >= 1);
  assert.throws(() => encodeDictionary(dictionaryOf(PACK_ABOVE + 1), () => {
    throw new Error('cancelled');
  }), /cancelled/);
});

test("the CSV reader's dictionary is packed from its bytes, exactly as packing its strings gives; a dictionary changed since is packed again", () => {
  const builder = new CodesBuilder();
  const values = Array.from({ length: PACK_ABOVE + 5 }, (_, i) => `${i % 3 ? 'ü' : ''}v${i}${i % 7 ? '' : '😀'}`);
  for (const v of [...values, values[3]!, values[9]!]) builder.addText(v);
  const built = builder.finish('c');
  assert.ok(built.column.storage === 'codes');
  const dictionary = built.column.dictionary;
  assert.deepEqual(dictionary, values);
  const fromBytes = encodeDictionary(dictionary);
  assert.ok(Buffer.isBuffer(fromBytes) && isPacked(fromBytes));
  // Packing the same strings anew gives the same bytes: the reader's form is the codec's.
  assert.ok(fromBytes.equals(encodeDictionary([...dictionary]) as Buffer));
  assert.deepEqual(decodeDictionary(fromBytes), values);

  // What a reader leaves is stored as it is (the very buffer), once.
  const d = new ByteDictionary();
  for (const v of values) d.code(Buffer.from(v), 0, Buffer.byteLength(v));
  const same = [...values];
  const packed = d.packed();
  rememberPacked(same, packed);
  assert.equal(encodeDictionary(same), packed);
  assert.notEqual(encodeDictionary(same), packed);
  // Left for an array that then gained a value: not used (the stored form must list every value).
  const grown = [...values];
  rememberPacked(grown, d.packed());
  grown.push('new');
  assert.deepEqual(decodeDictionary(encodeDictionary(grown)), grown);
});

test('a damaged packed dictionary is refused with a message, not read wrong', () => {
  const stored = encodeDictionary(dictionaryOf(PACK_ABOVE + 1)) as Buffer;
  assert.throws(() => decodeDictionary(stored.subarray(0, stored.length - 1)), /stored dictionary is damaged \(value 250001 ends outside the text\)/);
  assert.throws(() => decodeDictionary(stored.subarray(0, 100)), /stored dictionary is damaged \(250001 values announced, 100 bytes in all\)/);
  const shuffled = Buffer.from(stored);
  shuffled.writeUInt32LE(0, 8 + 4 * 5);
  assert.throws(() => decodeDictionary(shuffled), /stored dictionary is damaged \(value 6 ends before value 5 does\)/);
});

test('a dataset with a packed dictionary is saved, read back, and recovered whole', () => {
  const dir = tempDir();
  const path = join(dir, 'p.slicewise');
  ProjectDb.create(path, 'p', { appVersion: 'test' }).close();
  const n = PACK_ABOVE + 1000;
  const dictionary = Array.from({ length: n }, (_, i) => `note ${i} ${i % 5 ? 'ok' : 'é😀'}`);
  const codes = Int32Array.from({ length: n + 10 }, (_, i) => (i % 97 === 5 ? -1 : i % n));
  const table: Table = { rowCount: codes.length, columns: [{ storage: 'codes', name: 'note', kind: 'text', codes, dictionary }] };
  const p = ProjectDb.open(path, { appVersion: 'test' });
  const datasetId = p.db.transaction(() =>
    insertDataset(p.db, {
      name: 'notes',
      source: { fileName: 'notes.csv', sizeBytes: 1, modifiedAt: 't', sha256: 'h' },
      importOptions: { format: 'csv', missingTokens: [] } as never,
      notes: [],
      table,
      columns: [{ missing: 0 } as never],
      importMs: 1,
    }),
  )();
  const stored = p.db.prepare('SELECT dictionary FROM dataset_columns WHERE dataset_id = ?').pluck().get(datasetId) as Buffer;
  assert.ok(Buffer.isBuffer(stored) && isPacked(stored));
  const check = (db: ProjectDb): void => {
    const back = loadTable(db.db, datasetId).columns[0]!;
    assert.ok(back.storage === 'codes');
    assert.deepEqual(back.dictionary, dictionary);
    assert.deepEqual(back.codes, codes);
  };
  check(p);
  p.close();
  const report = recoverProject(path);
  assert.equal(report.complete, true, report.summary.join('\n'));
  const recovered = ProjectDb.open(report.target, { appVersion: 'test' });
  check(recovered);
  recovered.close();
});
