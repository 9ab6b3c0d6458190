/**
 * A copy of an older project is kept next to it before its schema is migrated (issue #10):
 * `<name>.slicewise.bak-v<old>`, with the file's exact committed bytes; kept after the migration
 * succeeds (the last one only); a migration that fails names it; a backup that cannot be written
 * stops the migration with nothing changed.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { openSqlite } from '../../../../src/main/store/sqlite';
import { SlicewiseError } from '../../../../src/shared/errors';
import { tempDir } from '../../helpers/temp';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/projects');
const opts = { appVersion: 'test' };
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const userVersion = (path: string): number => readFileSync(path).readUInt32BE(60);

describe('backup before a schema migration', () => {
  const dir = tempDir();
  let k = 0;
  const copyOf = (fixture: string): string => {
    const folder = join(dir, `case-${k++}`);
    mkdirSync(folder);
    const path = join(folder, 'project.slicewise');
    copyFileSync(join(FIXTURES, fixture), path);
    return path;
  };

  test('opening the v1 fixture keeps its old bytes in project.slicewise.bak-v1 and migrates the file', () => {
    const path = copyOf('v1-small.slicewise');
    const old = sha(path);
    const p = ProjectDb.open(path, opts);
    try {
      const backup = `${path}.bak-v1`;
      assert.deepEqual(p.migrated, { fromVersion: 1, backup });
      assert.equal(sha(backup), old, 'the backup is the file as it was, byte for byte');
      assert.equal(userVersion(backup), 1);
      assert.equal(p.schemaVersion(), LATEST_SCHEMA_VERSION);
    } finally {
      p.close();
    }
    assert.equal(userVersion(path), LATEST_SCHEMA_VERSION);
    // Opening the migrated file again makes no new backup and keeps the last one.
    const again = ProjectDb.open(path, opts);
    assert.equal(again.migrated, undefined);
    again.close();
    assert.deepEqual(readdirSync(join(path, '..')).sort(), ['project.slicewise', 'project.slicewise.bak-v1']);
  });

  test('committed changes still in the write-ahead log are in the backup (it is taken after a checkpoint)', () => {
    const path = copyOf('v2-people.slicewise');
    const other = openSqlite(path);
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.prepare("INSERT INTO notes (target_kind, target_id, body, created_at, updated_at) VALUES ('project', NULL, 'only in the log', 't', 't')").run();
    assert.ok(readFileSync(`${path}-wal`).length > 0, 'the note is in the log, not yet in the file');
    try {
      const p = ProjectDb.open(path, opts);
      p.close();
    } finally {
      other.close();
    }
    const copy = join(dir, 'backup-read.slicewise');
    copyFileSync(`${path}.bak-v2`, copy);
    const b = openSqlite(copy, { readonly: true });
    try {
      assert.equal(b.prepare('SELECT body FROM notes').pluck().get(), 'only in the log');
      assert.equal(b.pragma('user_version', { simple: true }), 2);
    } finally {
      b.close();
    }
  });

  test('a migration that fails leaves the file whole at the last step that worked and names the backup', () => {
    const path = copyOf('v1-small.slicewise');
    // A table in the way of migration 4 (it creates audit_log): steps 2 and 3 succeed, 4 fails.
    const raw = openSqlite(path);
    raw.exec('CREATE TABLE audit_log (x)');
    raw.close();
    const before = sha(path);
    assert.throws(
      () => ProjectDb.open(path, opts),
      (err: unknown) =>
        err instanceof SlicewiseError && err.message.includes(`${path}.bak-v1`) && /left whole at format 3/.test(err.message) && err.message.includes(path),
    );
    assert.equal(sha(`${path}.bak-v1`), before, 'the backup holds the file from before the attempt');
    assert.equal(userVersion(path), 3);
  });

  test('when the backup cannot be written, nothing is migrated and the file is unchanged', () => {
    const path = copyOf('v1-small.slicewise');
    // Something that is not a file stands where the backup goes, so it cannot be written there.
    mkdirSync(`${path}.bak-v1`);
    writeFileSync(join(`${path}.bak-v1`, 'keep'), 'x');
    const before = sha(path);
    assert.throws(
      () => ProjectDb.open(path, opts),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'PROJECT_UNWRITABLE' && /could not write the copy/.test(err.message) && /Nothing was changed/.test(err.message),
    );
    assert.equal(sha(path), before);
    assert.equal(userVersion(path), 1);
    assert.deepEqual(readdirSync(join(path, '..')).filter((n) => n.includes('.tmp')), [], 'no half-written backup is left');
  });

  test("only the project's own older backups are pruned once a migration succeeds", () => {
    const path = copyOf('v3-people.slicewise');
    const folder = join(path, '..');
    writeFileSync(`${path}.bak-v2`, 'an older backup of this project');
    writeFileSync(join(folder, 'other.slicewise.bak-v2'), 'another project’s backup');
    writeFileSync(`${path}.bak-vnotes`, 'not a backup name');
    ProjectDb.open(path, opts).close();
    assert.deepEqual(readdirSync(folder).sort(), ['other.slicewise.bak-v2', 'project.slicewise', 'project.slicewise.bak-v3', 'project.slicewise.bak-vnotes']);
    assert.ok(existsSync(`${path}.bak-v3`));
  });
});
