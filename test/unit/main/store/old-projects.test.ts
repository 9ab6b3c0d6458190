import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listDatasets, loadTable } from '../../../../src/main/store/datasets';
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { tempDir } from '../../helpers/temp';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/projects');

// Projects written by every earlier schema version must open and read back in the current app.
test('a schema-1 project (text chunks from the first importer) opens, migrates and reads back typed', () => {
  const dir = tempDir();
  const path = join(dir, 'v1.slicewise');
  copyFileSync(join(FIXTURES, 'v1-small.slicewise'), path);
  const p = ProjectDb.open(path, { appVersion: 'test' });
  try {
    assert.equal(p.schemaVersion(), LATEST_SCHEMA_VERSION);
    assert.equal(p.db.pragma('integrity_check', { simple: true }), 'ok');
    const [ds] = listDatasets(p.db);
    assert.equal(ds!.rows, 4);
    assert.deepEqual(
      ds!.columns.map((c) => [c.name, c.type, c.storage, c.missing]),
      [['id', 'decimal', 'number', 0], ['age', 'decimal', 'number', 2], ['city', 'category', 'codes', 1], ['score', 'decimal', 'number', 1]],
    );
    assert.deepEqual(ds!.notes, []);
    const table = loadTable(p.db, ds!.id);
    const [id, age, city, score] = table.columns;
    assert.ok(id?.storage === 'number' && age?.storage === 'number' && city?.storage === 'codes' && score?.storage === 'number');
    assert.deepEqual([...id.values], [1, 2, 3, 4]);
    assert.deepEqual([...age.valid], [1, 0, 0, 1]);
    assert.equal(age.values[3], 51);
    assert.deepEqual([...city.codes].map((c) => (c < 0 ? null : city.dictionary[c])), ['Lyon', 'Paris', null, 'Nice']);
    assert.deepEqual([...score.valid], [1, 1, 1, 0]);
    assert.equal(score.values[0], 0.9);
  } finally {
    p.close();
  }
});
