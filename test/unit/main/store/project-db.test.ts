import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { APPLICATION_ID, ProjectDb } from '../../../../src/main/store/project-db';
import { openSqlite } from '../../../../src/main/store/sqlite';
import { SlicewiseError } from '../../../../src/shared/errors';
import { tempDir } from '../../helpers/temp';

const opts = { appVersion: '9.9.9' };
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const isCode = (code: string) => (err: unknown) => err instanceof SlicewiseError && err.code === code;

describe('ProjectDb', () => {
  const dir = tempDir();

  test('create writes a WAL database with foreign keys, our application id and the latest schema', () => {
    const p = ProjectDb.create(join(dir, 'a.slicewise'), 'My project', opts);
    assert.equal(p.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(p.db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(p.db.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.equal(p.schemaVersion(), LATEST_SCHEMA_VERSION);
    assert.equal(p.meta().name, 'My project');
    assert.equal(p.meta().createdByVersion, '9.9.9');
    p.close();
  });

  test('open returns the same project; create refuses to overwrite', () => {
    const path = join(dir, 'b.slicewise');
    const uuid = (() => {
      const p = ProjectDb.create(path, 'B', opts);
      const u = p.meta().uuid;
      p.close();
      return u;
    })();
    const again = ProjectDb.open(path, opts);
    assert.equal(again.meta().uuid, uuid);
    again.close();
    assert.throws(() => ProjectDb.create(path, 'B', opts), /already exists/);
  });

  test('a project from a newer app is refused with a clear message and left byte-for-byte untouched', () => {
    const path = join(dir, 'future.slicewise');
    const p = ProjectDb.create(path, 'Future', opts);
    p.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    p.db.pragma('wal_checkpoint(TRUNCATE)');
    p.db.pragma('journal_mode = DELETE');
    p.close();
    const before = sha(path);
    assert.throws(
      () => ProjectDb.open(path, opts),
      (err: unknown) => isCode('PROJECT_TOO_NEW')(err) && /newer version of Slicewise/.test((err as Error).message),
    );
    assert.equal(sha(path), before);
  });

  test('a file that is not SQLite is refused and untouched', () => {
    const path = join(dir, 'notes.slicewise');
    writeFileSync(path, 'just some text, not a database');
    const before = sha(path);
    assert.throws(() => ProjectDb.open(path, opts), isCode('PROJECT_UNREADABLE'));
    assert.equal(sha(path), before);
  });

  test('a SQLite file that is not a Slicewise project is refused and untouched', () => {
    const path = join(dir, 'other.slicewise');
    const db = openSqlite(path);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = sha(path);
    assert.throws(() => ProjectDb.open(path, opts), isCode('PROJECT_UNREADABLE'));
    assert.equal(sha(path), before);
  });

  test('a missing file is NOT_FOUND', () => {
    assert.throws(() => ProjectDb.open(join(dir, 'gone.slicewise'), opts), isCode('NOT_FOUND'));
  });
});
