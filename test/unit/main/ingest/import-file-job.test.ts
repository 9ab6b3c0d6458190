import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cancelledError, type JobContext } from '../../../../src/main/engine-host/job-context';
import { runImportFile } from '../../../../src/main/ingest/import-file-job';
import { listDatasets, loadTable } from '../../../../src/main/store/datasets';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { SlicewiseError } from '../../../../src/shared/errors';
import type { Column } from '../../../../src/shared/table';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/csv');
const opts = { appVersion: 'test' };

function ctx(cancelAfterProgress = Infinity): JobContext & { stages: string[] } {
  let calls = 0;
  const stages: string[] = [];
  return {
    jobId: 'j',
    stages,
    progress(stage) {
      stages.push(stage);
      calls++;
    },
    throwIfCancelled() {
      if (calls > cancelAfterProgress) throw cancelledError();
    },
    beyondCancel() {
      if (calls > cancelAfterProgress) throw cancelledError();
    },
  };
}

describe('import-csv job', () => {
  const dir = tempDir();
  const newProject = (name: string): string => {
    const p = ProjectDb.create(join(dir, `${name}.slicewise`), name, opts);
    p.close();
    return p.path;
  };
  const datasetsIn = (path: string) => {
    const p = ProjectDb.open(path, opts);
    try {
      return listDatasets(p.db);
    } finally {
      p.close();
    }
  };

  test('counts rows, names columns and counts missing cells per column (hand-checked)', async () => {
    const projectPath = newProject('small');
    const out = await runImportFile({ projectPath, filePath: join(FIXTURES, 'small.csv'), appVersion: 'test' }, ctx());
    assert.equal(out.rows, 4);
    assert.deepEqual(
      out.columns.map((c) => [c.name, c.type, c.missing]),
      [['id', 'integer', 0], ['age', 'integer', 2], ['city', 'category', 1], ['score', 'decimal', 1]],
    );
    const [ds] = datasetsIn(projectPath);
    assert.equal(ds!.rows, 4);
    assert.equal(ds!.name, 'small');
    assert.equal(ds!.source.fileName, 'small.csv');
    assert.equal(ds!.source.sizeBytes, 66);
    assert.equal(ds!.source.sha256.length, 64);
    assert.equal(ds!.importOptions.delimiter, ',');
    assert.deepEqual(ds!.columns, out.columns);
    assert.deepEqual(ds!.columns.find((c) => c.name === 'age')!.missingTokens, { '': 1, NA: 1 });
  });

  test('stores typed columns that read back exactly, across chunk boundaries', async () => {
    const projectPath = newProject('chunks');
    const n = 70_000; // more than one 65,536-row chunk
    const lines = ['n,label,when'];
    for (let i = 0; i < n; i++) lines.push(`${i % 5 === 0 ? '' : i / 4},${i % 3 === 0 ? 'NA' : `x${i % 7}`},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const file = join(dir, 'many.csv');
    writeFileSync(file, lines.join('\n'));
    const out = await runImportFile({ projectPath, filePath: file, appVersion: 'test' }, ctx());
    const p = ProjectDb.open(projectPath, opts);
    const table = loadTable(p.db, out.datasetId);
    p.close();
    assert.equal(table.rowCount, n);
    const [num, label, when] = table.columns as [Column, Column, Column];
    assert.ok(num.storage === 'number' && label.storage === 'codes' && when.storage === 'number');
    assert.equal(num.kind, 'decimal');
    assert.equal(when.kind, 'date');
    for (const i of [0, 1, 2, 3, 65_535, 65_536, 65_537, n - 1]) {
      assert.equal(num.valid[i], i % 5 === 0 ? 0 : 1, `valid ${i}`);
      if (i % 5 !== 0) assert.equal(num.values[i], i / 4, `value ${i}`);
      assert.equal(i % 3 === 0 ? label.codes[i] : label.dictionary[label.codes[i]!], i % 3 === 0 ? -1 : `x${i % 7}`, `label ${i}`);
      assert.equal(when.values[i], Date.UTC(2024, 0, 1 + (i % 28)), `date ${i}`);
    }
    assert.equal(out.columns[0]!.missing, n / 5);
  });

  test('sniffs a semicolon delimiter and keeps quoted semicolons', async () => {
    const projectPath = newProject('semi');
    const out = await runImportFile({ projectPath, filePath: join(FIXTURES, 'semicolon.csv'), appVersion: 'test' }, ctx());
    assert.equal(out.rows, 2);
    assert.deepEqual(out.columns.map((c) => c.name), ['id', 'name']);
    assert.equal(datasetsIn(projectPath)[0]!.importOptions.delimiter, ';');
  });

  const bad: [string, string, RegExp, number?][] = [
    ['empty.csv', 'EMPTY_FILE', /empty/],
    ['header-only.csv', 'EMPTY_FILE', /no rows of data/],
    ['unclosed-quote.csv', 'PARSE_ERROR', /line 3/, 3],
    ['ragged.csv', 'PARSE_ERROR', /2 lines do not have 3 values.*lines 3, 5/, 3],
    ['nul-bytes.csv', 'PARSE_ERROR', /binary file/],
  ];
  for (const [file, code, message, line] of bad) {
    test(`${file}: a clear ${code} and nothing saved`, async () => {
      const projectPath = newProject(`bad-${file}`);
      await runImportFile({ projectPath, filePath: join(FIXTURES, 'small.csv'), appVersion: 'test' }, ctx());
      await assert.rejects(
        () => runImportFile({ projectPath, filePath: join(FIXTURES, file), appVersion: 'test' }, ctx()),
        (err: unknown) =>
          err instanceof SlicewiseError &&
          err.code === code &&
          message.test(err.message) &&
          err.message.includes(file) &&
          (line === undefined || err.location?.line === line),
      );
      const after = datasetsIn(projectPath);
      assert.equal(after.length, 1, 'the earlier dataset is still there, and only it');
      assert.equal(after[0]!.source.fileName, 'small.csv');
    });
  }

  test('bytes that are not UTF-8 are read as Windows-1252, with a note; forcing UTF-8 is a clear error', async () => {
    const projectPath = newProject('latin');
    const out = await runImportFile({ projectPath, filePath: join(FIXTURES, 'invalid-utf8.csv'), appVersion: 'test' }, ctx());
    assert.match(out.notes.join(' '), /Windows-1252/);
    const p = ProjectDb.open(projectPath, opts);
    const b = loadTable(p.db, out.datasetId).columns[1]!;
    p.close();
    assert.ok(b.storage === 'codes');
    assert.equal(b.dictionary[0], 'ÿþ');
    await assert.rejects(
      () => runImportFile({ projectPath, filePath: join(FIXTURES, 'invalid-utf8.csv'), appVersion: 'test', choices: { encoding: 'utf-8' } }, ctx()),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'PARSE_ERROR' && /not valid UTF-8/.test(err.message) && /position 6/.test(err.message),
    );
  });

  test('a missing file is FILE_UNREADABLE', async () => {
    const projectPath = newProject('missing');
    await assert.rejects(
      () => runImportFile({ projectPath, filePath: join(dir, 'nope.csv'), appVersion: 'test' }, ctx()),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'FILE_UNREADABLE' && /no longer exists/.test(err.message),
    );
  });

  test('cancelling part-way leaves no half dataset', async () => {
    const projectPath = newProject('cancel');
    const file = join(dir, 'big.csv');
    writeFileSync(file, 'a,b\n' + '1,2\n'.repeat(1_000_000));
    await assert.rejects(
      () => runImportFile({ projectPath, filePath: file, appVersion: 'test' }, ctx(1)),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'CANCELLED',
    );
    assert.equal(datasetsIn(projectPath).length, 0);
    const p = ProjectDb.open(projectPath, opts);
    assert.equal((p.db.prepare('SELECT count(*) AS n FROM dataset_chunks').get() as { n: number }).n, 0);
    p.close();
  });
});
