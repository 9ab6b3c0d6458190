/**
 * Deleting runs and datasets from a project file (src/main/store/deletion.ts): exactly what depends
 * on them goes — chunks, columns and roles, runs of every kind with their findings, comparisons
 * that used a dataset as the reference — in one transaction with its audit line; every other row
 * is byte-for-byte unchanged and the file stays whole (foreign_key_check, integrity_check).
 */
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runCheckup } from '../../../../src/main/engine/checkup-job';
import { runCompare } from '../../../../src/main/engine/compare-job';
import { runImportFile } from '../../../../src/main/ingest/import-file-job';
import { listAudit } from '../../../../src/main/store/audit';
import { datasetDeletionImpact, deleteDataset, deleteRun } from '../../../../src/main/store/deletion';
import { projectTimeline } from '../../../../src/main/store/history';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { driftReportForRun } from '../../../../src/main/store/reports';
import { getRun, insertRun, latestCheckup, listRuns, runCounts } from '../../../../src/main/store/runs';
import type { Db } from '../../../../src/main/store/sqlite';
import { tempDir } from '../../helpers/temp';
import { changedRows, snapshot } from '../durability/helpers/snapshot';

const opts = { appVersion: 'test' };
const ctx = { jobId: 'test', progress: () => {}, throwIfCancelled: () => {}, beyondCancel: () => {} };

/** A small table with an outcome and a model's answers, so a check-up has something to say. */
function writeCsv(dir: string, name: string, rows: number, shift: number): string {
  const lines = ['id,region,amount,approved,predicted,score'];
  for (let i = 1; i <= rows; i++) {
    const approved = i % 3 === 0 ? 'no' : 'yes';
    const predicted = (i + shift) % 4 === 0 ? 'no' : 'yes';
    lines.push(`${i},${['north', 'south', 'east'][(i + shift) % 3]},${(i * 17 + shift * 31) % 500},${approved},${predicted},${((i * 7) % 100) / 100}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const count = (db: Db, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

/** The file is whole and every reference points at something. */
function assertWhole(db: Db): void {
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(count(db, 'SELECT count(*) AS n FROM findings WHERE run_id NOT IN (SELECT id FROM runs)'), 0, 'no orphaned findings');
  assert.equal(count(db, 'SELECT count(*) AS n FROM runs WHERE dataset_id NOT IN (SELECT id FROM datasets)'), 0, 'no runs of a dataset that is gone');
}

/** Rowids of a table's rows matching `where`, as snapshot keys ("table#rowid"). */
const keys = (db: Db, table: string, where: string, ...args: unknown[]): string[] =>
  (db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${where}`).all(...args) as { id: number }[]).map((r) => `${table}#${r.id}`);

describe('deleting runs and datasets from a project file', () => {
  const dir = tempDir('slicewise-deletion-');
  const base = join(dir, 'base.slicewise');
  let a = 0;
  let b = 0;
  let c = 0;
  const runsOf: Record<'a1' | 'a2' | 'aModels' | 'b1' | 'compareAB' | 'compareBC', number> = { a1: 0, a2: 0, aModels: 0, b1: 0, compareAB: 0, compareBC: 0 };

  before(async () => {
    ProjectDb.create(base, 'base', opts).close();
    a = (await runImportFile({ projectPath: base, filePath: writeCsv(dir, 'a.csv', 120, 0), appVersion: 'test' }, ctx)).datasetId;
    b = (await runImportFile({ projectPath: base, filePath: writeCsv(dir, 'b.csv', 90, 1), appVersion: 'test' }, ctx)).datasetId;
    c = (await runImportFile({ projectPath: base, filePath: writeCsv(dir, 'c.csv', 80, 2), appVersion: 'test' }, ctx)).datasetId;
    const input = { projectPath: base, appVersion: 'test' };
    runsOf.a1 = (await runCheckup({ ...input, datasetId: a, now: Date.UTC(2026, 0, 1) }, ctx)).runId;
    runsOf.a2 = (await runCheckup({ ...input, datasetId: a, now: Date.UTC(2026, 0, 2) }, ctx)).runId;
    runsOf.b1 = (await runCheckup({ ...input, datasetId: b, now: Date.UTC(2026, 0, 3) }, ctx)).runId;
    // b compared with a as the reference: a run of b that names a only in its parameters.
    runsOf.compareAB = runCompare({ ...input, referenceId: a, currentId: b }, ctx).runId;
    runsOf.compareBC = runCompare({ ...input, referenceId: b, currentId: c }, ctx).runId;
    const p = ProjectDb.open(base, opts);
    try {
      // A comparison of two models on a (its content does not matter here, only that it is a's).
      runsOf.aModels = p.db.transaction(() =>
        insertRun(
          p.db,
          { datasetId: a, kind: 'models', status: 'succeeded', params: { models: { a: 'predicted', b: 'score' } }, versions: {}, startedAt: new Date().toISOString(), finishedAt: null, timings: {}, results: {} },
          [],
        ),
      )();
    } finally {
      p.close();
    }
  });

  /** A copy of the base project (closed, so its WAL is checkpointed into the file), opened. */
  const open = (name: string): ProjectDb => {
    const path = join(dir, `${name}.slicewise`);
    copyFileSync(base, path);
    return ProjectDb.open(path, opts);
  };

  test('what deleting a dataset would remove: its check-ups, the comparisons that used it, its rows', () => {
    const p = ProjectDb.open(base, opts);
    try {
      const impact = datasetDeletionImpact(p.db, a);
      assert.equal(impact.name, 'a');
      assert.equal(impact.rows, 120);
      assert.equal(impact.checkups, 2);
      assert.equal(impact.comparisons, 2, 'the models comparison on a and the drift comparison of b against a');
      assert.deepEqual(impact.runIds, [runsOf.a1, runsOf.a2, runsOf.compareAB, runsOf.aModels].sort((x, y) => x - y));
      const forC = datasetDeletionImpact(p.db, c);
      assert.deepEqual([forC.checkups, forC.comparisons, forC.runIds], [0, 1, [runsOf.compareBC]]);
      assert.throws(() => datasetDeletionImpact(p.db, 999), /no dataset number 999/);
    } finally {
      p.close();
    }
  });

  test('deleting a dataset removes exactly it and what depends on it, in one go, with its audit line', () => {
    const p = open('delete-dataset');
    try {
      const db = p.db;
      const gone = new Set([
        ...keys(db, 'datasets', 'id = ?', a),
        ...keys(db, 'dataset_columns', 'dataset_id = ?', a),
        ...keys(db, 'dataset_chunks', 'dataset_id = ?', a),
        ...[runsOf.a1, runsOf.a2, runsOf.aModels, runsOf.compareAB].flatMap((id) => [...keys(db, 'runs', 'id = ?', id), ...keys(db, 'findings', 'run_id = ?', id)]),
      ]);
      const bCounts = runCounts(db, runsOf.b1);
      const beforeRows = snapshot(db);
      const done = deleteDataset(db, a);
      assert.equal(done.datasetId, a);
      assert.equal(done.runIds.length, 4);

      assertWhole(db);
      // Every row that changed is one that had to go; nothing else was touched.
      assert.deepEqual(changedRows(beforeRows, snapshot(db)).filter((k) => !gone.has(k)), []);
      assert.equal(changedRows(beforeRows, snapshot(db)).length, gone.size);
      assert.equal(count(db, 'SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id = ?', a), 0);
      assert.equal(count(db, 'SELECT count(*) AS n FROM dataset_columns WHERE dataset_id = ?', a), 0);

      // The other datasets' runs are intact and still read back.
      assert.deepEqual(listRuns(db).map((r) => r.id).sort((x, y) => x - y), [runsOf.b1, runsOf.compareBC]);
      assert.deepEqual(runCounts(db, runsOf.b1), bCounts);
      assert.equal(getRun(db, runsOf.b1).findings.length, bCounts.issues + bCounts.passed + bCounts.notEnoughData);
      assert.equal(driftReportForRun(db, runsOf.compareBC, 'test').reference.rows, 90);
      // The timeline no longer shows the deleted runs.
      const timeline = projectTimeline(db).map((pt) => pt.runId);
      for (const id of done.runIds) assert.ok(!timeline.includes(id), `run ${id} left the timeline`);
      assert.ok(timeline.includes(runsOf.b1));

      const [line] = listAudit(db, 1);
      assert.equal(line!.action, 'delete');
      assert.equal(line!.datasetId, a);
      assert.equal(line!.summary, 'Deleted dataset a (120 rows) and its 4 runs');
      assert.deepEqual(line!.details.runIds, done.runIds);
      assert.throws(() => deleteDataset(db, a), /no dataset number/);
    } finally {
      p.close();
    }
  });

  test('deleting a run removes it and its findings only; the newest check-up is then the one before', () => {
    const p = open('delete-run');
    try {
      const db = p.db;
      assert.equal(latestCheckup(db)?.runId, runsOf.b1);
      const findings = count(db, 'SELECT count(*) AS n FROM findings WHERE run_id = ?', runsOf.b1);
      assert.ok(findings > 0);
      const gone = new Set([...keys(db, 'runs', 'id = ?', runsOf.b1), ...keys(db, 'findings', 'run_id = ?', runsOf.b1)]);
      const beforeRows = snapshot(db);
      const done = deleteRun(db, runsOf.b1);
      assert.deepEqual(done, { runId: runsOf.b1, datasetId: b, kind: 'checkup', findings });
      assertWhole(db);
      assert.deepEqual(changedRows(beforeRows, snapshot(db)).filter((k) => !gone.has(k)), []);
      assert.ok(!projectTimeline(db).some((pt) => pt.runId === runsOf.b1));
      assert.equal(listAudit(db, 1)[0]!.summary, `Deleted check-up ${runsOf.b1} of b (${findings} findings)`);

      // The headline for the recent list: a's newest check-up now, with the report's counts.
      const last = latestCheckup(db)!;
      assert.equal(last.runId, runsOf.a2);
      const counts = runCounts(db, runsOf.a2);
      assert.deepEqual([last.issues, last.passed, last.notEnoughData], [counts.issues, counts.passed, counts.notEnoughData]);
      deleteRun(db, runsOf.a1);
      deleteRun(db, runsOf.a2);
      assert.equal(latestCheckup(db), null, 'comparisons are not check-ups');
      assert.throws(() => deleteRun(db, runsOf.a2), /no check-up number/);
      assertWhole(db);
    } finally {
      p.close();
    }
  });

  test('the ids of deleted datasets and runs are never given again', async () => {
    const path = join(dir, 'ids.slicewise');
    copyFileSync(base, path);
    const p = ProjectDb.open(path, opts);
    const newest = Math.max(...Object.values(runsOf));
    try {
      // c is the newest dataset, and the comparison of two models on a the newest run.
      assert.equal(Math.max(a, b, c), c);
      assert.equal(runsOf.aModels, newest);
      deleteDataset(p.db, c);
      deleteRun(p.db, newest);
      assert.equal(count(p.db, 'SELECT max(id) AS n FROM datasets'), b);
      assert.ok(count(p.db, 'SELECT max(id) AS n FROM runs') < newest);
    } finally {
      p.close();
    }
    const again = (await runImportFile({ projectPath: path, filePath: writeCsv(dir, 'd.csv', 60, 3), appVersion: 'test' }, ctx)).datasetId;
    assert.equal(again, c + 1, `the new dataset is not given ${c}, the deleted one's id`);
    const run = (await runCheckup({ projectPath: path, appVersion: 'test', datasetId: again, now: Date.UTC(2026, 0, 4) }, ctx)).runId;
    assert.equal(run, newest + 1);
    const q = ProjectDb.open(path, opts);
    try {
      assertWhole(q.db);
      assert.equal(listAudit(q.db, 1)[0]!.runId, run);
    } finally {
      q.close();
    }
  });

  test('a deletion whose audit line cannot be written leaves everything as it was', () => {
    const p = open('delete-fails');
    try {
      const db = p.db;
      db.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
      const beforeRows = snapshot(db);
      assert.throws(() => deleteDataset(db, a), /audit refused/);
      assert.throws(() => deleteRun(db, runsOf.b1), /audit refused/);
      assert.equal(db.inTransaction, false);
      assert.deepEqual(changedRows(beforeRows, snapshot(db)), []);
      assert.equal(count(db, 'SELECT count(*) AS n FROM datasets'), 3);
    } finally {
      p.close();
    }
  });
});
