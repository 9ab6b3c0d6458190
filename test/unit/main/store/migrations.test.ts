import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, checkMigrationOrder } from '../../../../src/main/store/migrations';
import { migrate } from '../../../../src/main/store/project-db';
import { openSqlite } from '../../../../src/main/store/sqlite';

const SNAPSHOT_DIR = join(import.meta.dirname, '../../../fixtures/schema');

function schemaAfter(version: number): string {
  const db = openSqlite(':memory:');
  migrate(db, MIGRATIONS.slice(0, version));
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];
  db.close();
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}

describe('migrations', () => {
  test('numbered 1..N with no gaps', () => {
    assert.doesNotThrow(() => checkMigrationOrder(MIGRATIONS));
    assert.equal(LATEST_SCHEMA_VERSION, MIGRATIONS.length);
    assert.throws(() => checkMigrationOrder([{ version: 1, name: 'a', sql: '' }, { version: 3, name: 'c', sql: '' }]), /expected 2/);
  });

  test('each migration applies in a transaction on an in-memory database and sets user_version', () => {
    const db = openSqlite(':memory:');
    migrate(db);
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    for (const table of ['project', 'datasets', 'dataset_columns', 'dataset_chunks', 'runs', 'findings', 'notes']) {
      assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table), table);
    }
    // Running again changes nothing.
    migrate(db);
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    db.close();
  });

  test('a failing migration rolls back completely and leaves user_version alone', () => {
    const db = openSqlite(':memory:');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE x (a); CREATE TABLE nope (' }];
    assert.throws(() => migrate(db, broken));
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    assert.equal(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'x'").get(), undefined);
    db.close();
  });

  // The schema each version produces is pinned by a snapshot, so a shipped migration is never edited.
  // To add a version: write the next migration and run with UPDATE_SCHEMA_SNAPSHOTS=1 once.
  for (let v = 1; v <= LATEST_SCHEMA_VERSION; v++) {
    test(`schema after migration ${v} matches its snapshot`, () => {
      const file = join(SNAPSHOT_DIR, `schema-v${v}.sql`);
      const actual = schemaAfter(v);
      if (process.env.UPDATE_SCHEMA_SNAPSHOTS === '1' && !existsSync(file)) writeFileSync(file, actual);
      assert.ok(existsSync(file), `missing snapshot ${file}`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }

  test('foreign keys cascade from datasets to their chunks and columns', () => {
    const db = openSqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare(
      `INSERT INTO datasets (id, name, source_name, source_size, source_mtime, source_sha256, import_options, row_count, imported_at, import_ms)
       VALUES (1, 'd', 'd.csv', 1, 't', 'h', '{}', 1, 't', 1)`,
    ).run();
    db.prepare("INSERT INTO dataset_columns (dataset_id, idx, name, type, missing) VALUES (1, 0, 'a', 'decimal', 0)").run();
    db.prepare('INSERT INTO dataset_chunks VALUES (1, 0, 0, 1, x\'00\')').run();
    db.prepare('DELETE FROM datasets WHERE id = 1').run();
    assert.equal((db.prepare('SELECT count(*) AS n FROM dataset_chunks').get() as { n: number }).n, 0);
    assert.equal((db.prepare('SELECT count(*) AS n FROM dataset_columns').get() as { n: number }).n, 0);
    assert.throws(() => db.prepare("INSERT INTO dataset_columns (dataset_id, idx, name, type, missing) VALUES (99, 0, 'a', 'decimal', 0)").run(), /FOREIGN KEY/);
    db.close();
  });
});
