import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tableFromIPC } from 'apache-arrow';
import { cancelledError, type JobContext } from '../../../../src/main/engine-host/job-context';
import { runImportCsv } from '../../../../src/main/ingest/import-csv-job';
import { listDatasets, readChunks } from '../../../../src/main/store/datasets';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { SlicewiseError } from '../../../../src/shared/errors';
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

  test('counts rows, names columns and counts missing cells per column (hand-checked)', () => {
    const projectPath = newProject('small');
    const out = runImportCsv({ projectPath, filePath: join(FIXTURES, 'small.csv'), appVersion: 'test' }, ctx());
    assert.equal(out.rows, 4);
    assert.deepEqual(
      out.columns.map((c) => [c.name, c.type, c.missing]),
      [['id', 'number', 0], ['age', 'number', 2], ['city', 'text', 1], ['score', 'number', 1]],
    );
    const [ds] = datasetsIn(projectPath);
    assert.equal(ds!.rows, 4);
    assert.equal(ds!.name, 'small');
    assert.equal(ds!.source.fileName, 'small.csv');
    assert.equal(ds!.source.sizeBytes, 66);
    assert.equal(ds!.source.sha256.length, 64);
    assert.equal(ds!.importOptions.delimiter, ',');
    assert.deepEqual(ds!.columns, out.columns.map((c) => ({ index: c.index, name: c.name, type: c.type, missing: c.missing })));
  });

  test('stores the parsed table as Arrow chunks that read back exactly', () => {
    const projectPath = newProject('chunks');
    const csv = ['n,label', ...Array.from({ length: 10 }, (_, i) => `${i},${i % 3 === 0 ? '' : `x${i}`}`)].join('\n');
    const file = join(dir, 'ten.csv');
    writeFileSync(file, csv);
    const out = runImportCsv({ projectPath, filePath: file, appVersion: 'test', chunkRows: 4 }, ctx());
    const p = ProjectDb.open(projectPath, opts);
    const chunks = readChunks(p.db, out.datasetId).map((b) => tableFromIPC(b));
    p.close();
    assert.deepEqual(chunks.map((t) => t.numRows), [4, 4, 2]);
    const labels = chunks.flatMap((t) => t.getChild('label')!.toArray() as (string | null)[]);
    assert.deepEqual(labels, ['', 'x1', 'x2', null, 'x4', 'x5', null, 'x7', 'x8', null].map((v, i) => (i % 3 === 0 ? null : v)));
  });

  test('sniffs a semicolon delimiter and keeps quoted semicolons', () => {
    const projectPath = newProject('semi');
    const out = runImportCsv({ projectPath, filePath: join(FIXTURES, 'semicolon.csv'), appVersion: 'test' }, ctx());
    assert.equal(out.rows, 2);
    assert.deepEqual(out.columns.map((c) => c.name), ['id', 'name']);
    assert.equal(datasetsIn(projectPath)[0]!.importOptions.delimiter, ';');
  });

  const bad: [string, string, RegExp, number?][] = [
    ['empty.csv', 'EMPTY_FILE', /empty/],
    ['header-only.csv', 'EMPTY_FILE', /no rows of data/],
    ['unclosed-quote.csv', 'PARSE_ERROR', /line 3/, 3],
    ['ragged.csv', 'PARSE_ERROR', /2 lines do not have 3 values.*lines 3, 5/, 3],
    ['invalid-utf8.csv', 'PARSE_ERROR', /not valid UTF-8/],
    ['nul-bytes.csv', 'PARSE_ERROR', /binary file/],
  ];
  for (const [file, code, message, line] of bad) {
    test(`${file}: a clear ${code} and nothing saved`, () => {
      const projectPath = newProject(`bad-${file}`);
      runImportCsv({ projectPath, filePath: join(FIXTURES, 'small.csv'), appVersion: 'test' }, ctx());
      assert.throws(
        () => runImportCsv({ projectPath, filePath: join(FIXTURES, file), appVersion: 'test' }, ctx()),
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

  test('a missing file is FILE_UNREADABLE', () => {
    const projectPath = newProject('missing');
    assert.throws(
      () => runImportCsv({ projectPath, filePath: join(dir, 'nope.csv'), appVersion: 'test' }, ctx()),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'FILE_UNREADABLE' && /no longer exists/.test(err.message),
    );
  });

  test('cancelling part-way leaves no half dataset', () => {
    const projectPath = newProject('cancel');
    const file = join(dir, 'big.csv');
    writeFileSync(file, 'a,b\n' + '1,2\n'.repeat(1_000_000));
    assert.throws(
      () => runImportCsv({ projectPath, filePath: file, appVersion: 'test', chunkRows: 10_000 }, ctx(1)),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'CANCELLED',
    );
    assert.equal(datasetsIn(projectPath).length, 0);
    const p = ProjectDb.open(projectPath, opts);
    assert.equal((p.db.prepare('SELECT count(*) AS n FROM dataset_chunks').get() as { n: number }).n, 0);
    p.close();
  });
});
