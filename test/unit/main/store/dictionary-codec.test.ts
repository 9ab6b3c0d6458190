import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ByteDictionary } from '../../../../src/main/ingest/columns/byte-dictionary';
import { CodesBuilder } from '../../../../src/main/ingest/columns/builders';
import { insertDataset, loadTable } from '../../../../src/main/store/datasets';
import { deleteDataset } from '../../../../src/main/store/deletion';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { recoverProject } from '../../../../src/main/store/recover';
import type { Table } from '../../../../src/shared/table';
import { tempDir } from '../../helpers/temp';
import { decodeDictionary, encodeDictionary, isPacked, PACK_ABOVE, PIECE_BYTES, rememberPacked, type StoredDictionary } from '../../../../src/main/store/dictionary-codec';

const odd = ['', 'a "quoted" word', 'back\\slash', 'line\nbreak', 'é日本😀', '\u0000', '[', ']', ',', 'SWD1', 'ünïcödé'];
const dictionaryOf = (n: number, extra: readonly string[] = odd): string[] => Array.from({ length: n }, (_, i) => (i < extra.length ? extra[i]! : `value ${i}`));

/** Decodes what encodeDictionary made, the pieces after the first given as the store gives them. */
const decode = (stored: StoredDictionary): string[] => {
  if (typeof stored === 'string') return decodeDictionary(stored);
  const [first, ...rest] = packedPieces(stored);
  return decodeDictionary(first!, () => rest);
};
function packedPieces(stored: StoredDictionary): Buffer[] {
  assert.ok(typeof stored !== 'string', 'packed');
  // Copied as they come: each piece is made in the memory of the one before.
  const pieces = Array.from(stored, (p) => Buffer.from(p));
  assert.ok(pieces.every((p) => isPacked(p)), 'packed');
  return pieces;
}

test('up to 250,000 values a dictionary is stored as JSON text; more are packed in pieces of at most 4 MB, and every form reads back exactly', () => {
  for (const n of [0, 1, 11, PACK_ABOVE, PACK_ABOVE + 1, 600_003]) {
    const dictionary = dictionaryOf(n);
    let stored = encodeDictionary(dictionary);
    if (n <= PACK_ABOVE) assert.equal(stored, JSON.stringify(dictionary), `${n} values`);
    else {
      const pieces = (stored = packedPieces(stored));
      // ~4.0 MB and ~9.6 MB of values and offsets: 1 and 3 pieces, none over the limit.
      assert.equal(pieces.length, n === 600_003 ? 3 : 1, `${n} values: pieces`);
      assert.ok(pieces.every((p) => p.length <= PIECE_BYTES));
    }
    assert.deepEqual(decode(stored), dictionary, `${n} values`);
  }
  // Mostly wide characters (3 bytes each in UTF-8), and 4-byte ones past the first segment's start.
  const wide = Array.from({ length: PACK_ABOVE + 7 }, (_, i) => (i % 2 ? `日本語 ${i}` : `😀${i}é`));
  assert.deepEqual(decode(encodeDictionary(wide)), wide);
  // A value longer than a piece has a piece of its own.
  const long = dictionaryOf(PACK_ABOVE + 2, ['short', 'x'.repeat(PIECE_BYTES + 5), 'after']);
  const pieces = packedPieces(encodeDictionary(long));
  assert.ok(pieces.some((p) => p.length > PIECE_BYTES && p.readUInt32LE(4) === 1));
  assert.deepEqual(decode(pieces), long);
});

test('big dictionaries stored as JSON bytes by project format 4 still read back', () => {
  const dictionary = dictionaryOf(PACK_ABOVE + 3);
  assert.deepEqual(decodeDictionary(Buffer.from(JSON.stringify(dictionary))), dictionary);
});

test('a lone surrogate (UTF-8 cannot carry it) keeps the dictionary as JSON, which can', () => {
  const dictionary = dictionaryOf(PACK_ABOVE + 2, ['é', 'lone \ud800 surrogate']);
  const stored = encodeDictionary(dictionary);
  assert.equal(typeof stored, 'string');
  assert.deepEqual(decode(stored), dictionary);
});

test('a Cancel thrown between pieces of work stops the packing', () => {
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
  // Short values, nearly all different, none with a space: an id (told from the bytes, not the strings).
  assert.equal(built.column.kind, 'id');
  const dictionary = built.column.dictionary;
  const strings = [...dictionary];
  assert.deepEqual(strings, values);
  const fromBytes = packedPieces(encodeDictionary(dictionary));
  // Packing the same strings anew gives the same bytes: the reader's form is the codec's.
  assert.deepEqual(fromBytes, packedPieces(encodeDictionary(strings)));
  assert.deepEqual(decode(fromBytes), values);

  // What a reader leaves is stored as it is (the very sequence), once.
  const d = new ByteDictionary();
  for (const v of values) d.code(Buffer.from(v), 0, Buffer.byteLength(v));
  const { values: same, pieces: packed } = d.releaseKeepingPacked();
  rememberPacked(same, same.length, packed);
  assert.equal(encodeDictionary(same), packed);
  assert.notEqual(encodeDictionary(same), packed);
  assert.deepEqual(packedPieces(packed), fromBytes);
  // Its bytes are freed once the last piece is taken: reading a value then fails loudly.
  assert.equal(same.length, values.length);
  assert.throws(() => same[0], /read after its bytes were stored and freed/);
  assert.throws(() => d.releaseKeepingPacked(), /used after release/);
  // Left for an array that then gained a value: not used (the stored form must list every value).
  const grown = [...values];
  rememberPacked(grown, grown.length, fromBytes);
  grown.push('new');
  assert.deepEqual(decode(encodeDictionary(grown)), grown);
});

test('a damaged packed dictionary is refused with a message, not read wrong', () => {
  const [first, second, third] = packedPieces(encodeDictionary(dictionaryOf(600_003)));
  const inFirst = first!.readUInt32LE(4);
  assert.throws(() => decodeDictionary(first!), /stored dictionary is damaged \(3 pieces announced, 1 found\)/);
  assert.throws(() => decodeDictionary(first!, () => [second!]), /stored dictionary is damaged \(3 pieces announced, 2 found\)/);
  assert.throws(() => decodeDictionary(first!, () => [third!, second!]), /stored dictionary is damaged \(piece 2 is out of order\)/);
  assert.throws(() => decodeDictionary(first!, () => [second!.subarray(0, second!.length - 1), third!]), new RegExp(`stored dictionary is damaged \\(value ${inFirst + second!.readUInt32LE(4)} ends outside the text\\)`));
  assert.throws(() => decodeDictionary(first!.subarray(0, 100)), /stored dictionary is damaged \(\d+ values announced, 100 bytes in all\)/);
  const shuffled = Buffer.from(first!);
  shuffled.writeUInt32LE(0, 16 + 4 * 5);
  assert.throws(() => decodeDictionary(shuffled, () => [second!, third!]), /stored dictionary is damaged \(value 6 ends before value 5 does\)/);
  assert.throws(() => decodeDictionary(first!, () => [Buffer.from('[1]'), third!]), /stored dictionary is damaged \(piece 2 is not a packed piece\)/);
  assert.deepEqual(decodeDictionary(first!, () => [second!, third!]), dictionaryOf(600_003));
});

test('a dataset with a packed dictionary in two pieces is saved, read back, recovered whole, and deleted whole', () => {
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
  assert.equal(p.db.prepare('SELECT count(*) FROM dataset_dictionary_pieces WHERE dataset_id = ?').pluck().get(datasetId), 1, 'a second piece');
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
  const again = ProjectDb.open(path, { appVersion: 'test' });
  deleteDataset(again.db, datasetId);
  assert.equal(again.db.prepare('SELECT count(*) FROM dataset_dictionary_pieces').pluck().get(), 0, 'deleting the dataset deletes its pieces');
  again.close();
});
