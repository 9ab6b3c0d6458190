/**
 * A full disk, a file that may not grow, and read-only files and folders give clear errors
 * (PROJECT_UNWRITABLE, saying what and where) and lose nothing already saved (issue #10).
 *
 * - Disk full: SQLite's `max_page_count` caps the file on one connection, which fails writes with
 *   SQLITE_FULL exactly as a full disk does; and a child process under `ulimit -f` runs the real
 *   import job against a file the OS will not let grow (EFBIG → SQLITE_IOERR_WRITE).
 * - Read-only: chmod does not stop root, so under root the child runs as the unprivileged user
 *   65534 ("nobody"); as any other user it runs as that user.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runCheckup } from '../../../../src/main/engine/checkup-job';
import { runImportFile } from '../../../../src/main/ingest/import-file-job';
import { recordAudit } from '../../../../src/main/store/audit';
import { getDataset, insertDataset, loadTable } from '../../../../src/main/store/datasets';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { getRun, insertRun } from '../../../../src/main/store/runs';
import { SlicewiseError } from '../../../../src/shared/errors';
import { tempDir } from '../../helpers/temp';
import { bundleChild } from '../../helpers/child-bundle';
import { changedRows, snapshot, type Snapshot } from './helpers/snapshot';

const ROOT = join(import.meta.dirname, '../../../..');
const SMALL = join(ROOT, 'test/fixtures/csv/small.csv');
const LOAN = join(ROOT, 'resources/examples/loan-applications.csv');
const opts = { appVersion: 'test' };
const ctx = { jobId: 'setup', progress: () => {}, throwIfCancelled: () => {}, beyondCancel: () => {} };
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function unwritable(path: string, words: RegExp) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof SlicewiseError, `a SlicewiseError, not ${String(err)}`);
    assert.equal(err.code, 'PROJECT_UNWRITABLE');
    assert.ok(err.message.includes(path), `the message names the file: ${err.message}`);
    assert.match(err.message, words);
    assert.match(err.message, /everything saved before is intact|Nothing was changed/);
    return true;
  };
}

/** Reopens the project: whole, and every row that was there before is unchanged. */
function assertIntact(path: string, before: Snapshot): void {
  const p = ProjectDb.open(path, opts);
  try {
    assert.equal(p.db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(changedRows(before, snapshot(p.db)), []);
  } finally {
    p.close();
  }
}

describe('disk full, size-limited and read-only project files', () => {
  const dir = tempDir('slicewise-unwritable-');
  chmodSync(dir, 0o755);
  const base = join(dir, 'base.slicewise');
  let child = '';
  let loanId = 0;
  let runId = 0;

  before(async () => {
    child = await bundleChild(join(import.meta.dirname, 'fixtures/store-error-child.ts'), dir);
    ProjectDb.create(base, 'base', opts).close();
    await runImportFile({ projectPath: base, filePath: SMALL, appVersion: 'test' }, ctx);
    loanId = (await runImportFile({ projectPath: base, filePath: LOAN, appVersion: 'test' }, ctx)).datasetId;
    runId = (await runCheckup({ projectPath: base, datasetId: loanId, appVersion: 'test', now: Date.UTC(2026, 0, 1) }, ctx)).runId;
  });

  const copyOfBase = (name: string): string => {
    const path = join(dir, `${name}.slicewise`);
    copyFileSync(base, path);
    return path;
  };

  test('disk full while saving a dataset (BEGIN IMMEDIATE … COMMIT, as the import job writes): clear error, nothing lost, retry works', () => {
    const path = copyOfBase('full-dataset');
    const p = ProjectDb.open(path, opts);
    try {
      const before = snapshot(p.db);
      const loan = getDataset(p.db, loanId);
      const table = loadTable(p.db, loanId);
      const pages = p.db.pragma('page_count', { simple: true }) as number;
      p.db.pragma(`max_page_count = ${pages + 4}`);
      const save = (): number => {
        p.db.exec('BEGIN IMMEDIATE');
        try {
          const id = insertDataset(p.db, {
            name: 'again',
            source: { ...loan.source },
            importOptions: loan.importOptions,
            notes: [],
            table,
            columns: loan.columns,
            importMs: 1,
          });
          recordAudit(p.db, { action: 'import', datasetId: id, summary: 'again' });
          p.db.exec('COMMIT');
          return id;
        } catch (err) {
          if (p.db.inTransaction) p.db.exec('ROLLBACK');
          throw err;
        }
      };
      assert.throws(save, unwritable(path, /disk is full/));
      assert.equal(p.db.inTransaction, false);
      assert.deepEqual(changedRows(before, snapshot(p.db)), [], 'the failed transaction left nothing behind');
      // Space is freed: the same connection saves the dataset.
      p.db.pragma('max_page_count = 4294967294');
      const id = save();
      assert.equal(loadTable(p.db, id).rowCount, loan.rows);
      p.close();
      assertIntact(path, before);
    } finally {
      p.close();
    }
  });

  test('disk full while saving a check-up (db.transaction): clear error, the run is absent, earlier runs intact', () => {
    const path = copyOfBase('full-run');
    const p = ProjectDb.open(path, opts);
    try {
      const before = snapshot(p.db);
      const run = getRun(p.db, runId);
      const { id: _id, findings, ...record } = run;
      // Many copies of the findings, so the run cannot fit in the room left.
      const many = Array.from({ length: 40 }, () => findings).flat();
      p.db.pragma(`max_page_count = ${(p.db.pragma('page_count', { simple: true }) as number) + 2}`);
      assert.throws(() => p.db.transaction(() => insertRun(p.db, record, many))(), unwritable(path, /disk is full/));
      assert.deepEqual(changedRows(before, snapshot(p.db)), []);
      assert.equal((p.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n, 1);
      p.close();
      assertIntact(path, before);
    } finally {
      p.close();
    }
  });

  test('the import job against a file the OS will not let grow (ulimit -f): clear error, nothing lost', (t) => {
    const path = copyOfBase('size-limited');
    const p = ProjectDb.open(path, opts);
    const before = snapshot(p.db);
    p.close();
    // 256 blocks (128–256 KB, by shell): room to open and read, not to write the 2,024-row dataset.
    const r = spawnSync('sh', ['-c', `ulimit -f 256 && exec "${process.execPath}" "${child}" '${JSON.stringify([{ op: 'import', projectPath: path, filePath: LOAN }])}'`], { encoding: 'utf8' });
    if (r.error || /ulimit/.test(r.stderr)) {
      t.skip(`no ulimit -f here (${r.error?.message ?? r.stderr.trim()})`);
      return;
    }
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout.trim()) as { ok: boolean; code: string; message: string };
    assert.equal(result.ok, false);
    assert.doesNotThrow(() => unwritable(path, /disk|full/)(new SlicewiseError({ code: result.code as 'PROJECT_UNWRITABLE', message: result.message })));
    assertIntact(path, before);
  });

  describe('read-only', () => {
    const isRoot = process.getuid?.() === 0;
    const as = isRoot ? { uid: 65534, gid: 65534 } : {};
    let skip: string | false = false;

    before(() => {
      if (process.platform === 'win32') skip = 'POSIX permissions only';
      else {
        const probe = spawnSync(process.execPath, ['-e', 'process.exit(0)'], { ...as });
        if (probe.error || probe.status !== 0) skip = `cannot run a child as an unprivileged user (${probe.error?.message ?? `exit ${probe.status}`}); chmod does not stop root`;
      }
    });

    const runAs = (steps: unknown[]): { op: string; ok: boolean; code?: string; message?: string }[] => {
      const r = spawnSync(process.execPath, [child, JSON.stringify(steps)], { encoding: 'utf8', ...as });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { op: string; ok: boolean; code?: string; message?: string });
    };

    test('a read-only project file: it opens, and an import and a check-up say the file cannot be written; nothing changes', (t) => {
      if (skip) return t.skip(skip);
      const folder = join(dir, 'ro-file');
      mkdirSync(folder);
      chmodSync(folder, 0o777);
      const path = join(folder, 'project.slicewise');
      copyFileSync(base, path);
      const before = (() => {
        const p = ProjectDb.open(path, opts);
        const s = snapshot(p.db);
        p.close();
        return s;
      })();
      chmodSync(path, 0o444);
      const hash = sha(path);
      const results = runAs([
        { op: 'open', projectPath: path },
        { op: 'import', projectPath: path, filePath: SMALL },
        { op: 'checkup', projectPath: path, datasetId: loanId },
      ]);
      assert.deepEqual(results[0], { op: 'open', ok: true });
      for (const r of results.slice(1)) {
        assert.equal(r.ok, false, `${r.op} failed`);
        assert.doesNotThrow(() => unwritable(path, /read-only/)(new SlicewiseError({ code: r.code as 'PROJECT_UNWRITABLE', message: r.message! })));
      }
      assert.equal(sha(path), hash, 'the file is byte-for-byte as it was');
      chmodSync(path, 0o644);
      assertIntact(path, before);
    });

    test('a read-only folder: opening says the folder is read-only, creating leaves no file; nothing changes', (t) => {
      if (skip) return t.skip(skip);
      const folder = join(dir, 'ro-folder');
      mkdirSync(folder);
      const path = join(folder, 'project.slicewise');
      copyFileSync(base, path);
      chmodSync(path, 0o666);
      chmodSync(folder, 0o555);
      const hash = sha(path);
      try {
        const [open, create] = runAs([
          { op: 'open', projectPath: path },
          { op: 'create', projectPath: join(folder, 'new.slicewise') },
        ]);
        assert.equal(open!.ok, false);
        assert.doesNotThrow(() => unwritable(path, /folder .*read-only/)(new SlicewiseError({ code: open!.code as 'PROJECT_UNWRITABLE', message: open!.message! })));
        assert.equal(create!.ok, false);
        assert.equal(create!.code, 'PROJECT_UNWRITABLE', create!.message);
        assert.match(create!.message!, /new\.slicewise/);
        assert.equal(sha(path), hash);
        assert.deepEqual(readdirSync(folder), ['project.slicewise'], 'no new file, no -wal or -shm left');
      } finally {
        chmodSync(folder, 0o755);
      }
      assert.equal(existsSync(join(folder, 'new.slicewise')), false);
    });
  });
});
