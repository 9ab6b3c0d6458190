/**
 * SQLite's environmental errors become clear SlicewiseErrors at the store boundary (every
 * connection from openSqlite); programming errors pass through as they were.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openSqlite } from '../../../../src/main/store/sqlite';
import { sqliteReason, translateSqliteError } from '../../../../src/main/store/sqlite-errors';
import { SlicewiseError } from '../../../../src/shared/errors';
import { tempDir } from '../../helpers/temp';

const PATH = '/projects/Loans 2026.slicewise';
const fake = (code: string, message = 'sqlite says no'): Error => Object.assign(new Error(message), { code });

describe('SQLite errors at the store boundary', () => {
  const cases: [string, string, RegExp][] = [
    ['SQLITE_FULL', 'PROJECT_UNWRITABLE', /no room left to save to .*the disk is full/],
    ['SQLITE_READONLY', 'PROJECT_UNWRITABLE', /cannot write to .*read-only/],
    ['SQLITE_READONLY_DIRECTORY', 'PROJECT_UNWRITABLE', /the folder it is in is read-only/],
    ['SQLITE_READONLY_DBMOVED', 'PROJECT_UNWRITABLE', /moved, renamed or deleted while it was open/],
    ['SQLITE_CANTOPEN', 'PROJECT_UNWRITABLE', /cannot open .* for writing/],
    ['SQLITE_IOERR_WRITE', 'PROJECT_UNWRITABLE', /disk reported an error while saving to .*SQLITE_IOERR_WRITE/],
    ['SQLITE_IOERR_FSYNC', 'PROJECT_UNWRITABLE', /disk reported an error while saving/],
    ['SQLITE_IOERR_SHORT_READ', 'PROJECT_UNREADABLE', /error while reading/],
    ['SQLITE_CORRUPT', 'PROJECT_UNREADABLE', /is damaged \(sqlite says no\)\. Slicewise did not change it.*Recover/],
    ['SQLITE_CORRUPT_INDEX', 'PROJECT_UNREADABLE', /is damaged/],
    ['SQLITE_NOTADB', 'PROJECT_UNREADABLE', /is damaged/],
  ];
  for (const [sqlite, code, words] of cases) {
    test(`${sqlite} → ${code}, naming the file`, () => {
      const err = translateSqliteError(fake(sqlite), PATH);
      assert.ok(err instanceof SlicewiseError);
      assert.equal(err.code, code);
      assert.ok(err.message.includes(PATH), err.message);
      assert.match(err.message, words);
      assert.equal((err.details as { sqlite: string }).sqlite, sqlite);
      assert.equal(sqliteReason(err), 'sqlite says no', "SQLite's own words are kept for reports");
    });
  }

  test('constraint and SQL errors, non-SQLite errors and SlicewiseErrors pass through unchanged', () => {
    for (const err of [fake('SQLITE_CONSTRAINT_UNIQUE'), fake('SQLITE_ERROR'), fake('SQLITE_BUSY'), new TypeError('x'), new SlicewiseError({ code: 'NOT_FOUND', message: 'm' })]) {
      assert.equal(translateSqliteError(err, PATH), err);
    }
  });

  test('writes through run, exec and transactions translate; reads and constraint errors behave as before', () => {
    const db = openSqlite(':memory:');
    db.exec('CREATE TABLE t (x)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 5; i++) insert.run('x'.repeat(3000));
    db.pragma('max_page_count = ' + String(db.pragma('page_count', { simple: true })));
    const full = (err: unknown): boolean => err instanceof SlicewiseError && err.code === 'PROJECT_UNWRITABLE';
    assert.throws(() => insert.run('y'.repeat(9000)), full);
    assert.throws(() => db.exec(`INSERT INTO t VALUES ('${'z'.repeat(9000)}')`), full);
    assert.throws(() => db.transaction(() => insert.run('y'.repeat(9000)))(), full);
    assert.throws(() => db.transaction(() => insert.run('y'.repeat(9000))).immediate(), full);
    // Reads and constraint errors behave as before.
    assert.equal(db.prepare('SELECT count(*) FROM t').pluck().get(), 5);
    assert.equal([...db.prepare('SELECT x FROM t').pluck().iterate()].length, 5);
    db.pragma('max_page_count = 1000');
    db.exec('CREATE TABLE u (k UNIQUE)');
    db.prepare('INSERT INTO u VALUES (1)').run();
    assert.throws(() => db.prepare('INSERT INTO u VALUES (1)').run(), (err: unknown) => !(err instanceof SlicewiseError) && (err as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE');
    assert.throws(() => db.prepare('SELEC nonsense'), (err: unknown) => !(err instanceof SlicewiseError) && /syntax error/.test((err as Error).message));
    db.close();
  });

  test('a file that is not a database fails as damaged on its first read (here a pragma), with its path', () => {
    const path = join(tempDir(), 'junk.slicewise');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    assert.throws(() => db.pragma('user_version'), (err: unknown) => err instanceof SlicewiseError && err.code === 'PROJECT_UNREADABLE' && err.message.includes(path));
    db.close();
  });
});
