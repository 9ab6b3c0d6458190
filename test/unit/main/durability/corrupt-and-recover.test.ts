/**
 * A damaged or truncated project file is detected on open, reported as PROJECT_UNREADABLE and
 * never changed; recovery copies what is readable into a new file next to it, with a report of what
 * was recovered and what was lost (issue #10).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, truncateSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runCheckup } from '../../../../src/main/engine/checkup-job';
import { runImportFile } from '../../../../src/main/ingest/import-file-job';
import { ProjectService } from '../../../../src/main/services/project-service';
import { RecentProjects } from '../../../../src/main/services/recent-projects';
import { SettingsStore } from '../../../../src/main/services/settings-store';
import { getSetting, putSetting, recordAudit } from '../../../../src/main/store/audit';
import { listDatasets, loadTable } from '../../../../src/main/store/datasets';
import { PAGE_SIZE, ProjectDb } from '../../../../src/main/store/project-db';
import { RECOVERY_SETTING, recoverProject, type RecoveryReport } from '../../../../src/main/store/recover';
import { getRun } from '../../../../src/main/store/runs';
import { openSqlite, type Db } from '../../../../src/main/store/sqlite';
import { SlicewiseError } from '../../../../src/shared/errors';
import { formatCell } from '../../../../src/shared/format-cell';
import { tempDir } from '../../helpers/temp';

const ROOT = join(import.meta.dirname, '../../../..');
const opts = { appVersion: 'test' };
const ctx = { jobId: 'setup', progress: () => {}, throwIfCancelled: () => {}, beyondCancel: () => {} };
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
/** New projects' page size: damage is done in whole pages. */
const PAGE = PAGE_SIZE;

/** A dataset's cells as text, row by row: equal digests mean equal data. */
function tableDigest(db: Db, id: number): string {
  const t = loadTable(db, id);
  const h = createHash('sha256');
  for (let r = 0; r < t.rowCount; r++) h.update(JSON.stringify(t.columns.map((c) => formatCell(c, r))));
  return `${t.rowCount}:${t.columns.map((c) => c.name).join(',')}:${h.digest('hex')}`;
}

interface Original {
  datasets: Map<number, { name: string; digest: string }>;
  runs: Map<number, { datasetId: number; results: string; findings: string[] }>;
}

function readOriginal(db: Db): Original {
  const datasets = new Map(listDatasets(db).map((d) => [d.id, { name: d.name, digest: tableDigest(db, d.id) }]));
  const runs = new Map(
    (db.prepare('SELECT id FROM runs').pluck().all() as number[]).map((id) => {
      const r = getRun(db, id);
      return [id, { datasetId: r.datasetId, results: JSON.stringify(r.results), findings: r.findings.map((f) => JSON.stringify(f)) }];
    }),
  );
  return { datasets, runs };
}

/** The 1-based number of the page holding `needle` (which must occur once in the file). */
function pageOf(file: Buffer, needle: Buffer): number {
  const at = file.indexOf(needle);
  assert.ok(at >= 0 && file.indexOf(needle, at + 1) < 0, 'a unique stretch of bytes');
  return Math.floor(at / PAGE) + 1;
}

function overwritePages(path: string, pages: number[], byte = 0x5a): void {
  const fd = openSync(path, 'r+');
  try {
    for (const p of pages) writeSync(fd, Buffer.alloc(PAGE, byte), 0, PAGE, (p - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
}

describe('damaged project files', () => {
  const dir = tempDir('slicewise-damaged-');
  const base = join(dir, 'base.slicewise');
  let original: Original;
  /** Pages to damage: a leaf of the findings table, and a data page of dataset 3's chunk. */
  let findingsPage = 0;
  let chunkPage = 0;
  let lastDataset = 0;

  before(async () => {
    ProjectDb.create(base, 'Loans', opts).close();
    await runImportFile({ projectPath: base, filePath: join(ROOT, 'test/fixtures/csv/small.csv'), appVersion: 'test' }, ctx);
    for (const csv of ['loan-applications.csv', 'loan-applications-2026.csv']) {
      const { datasetId } = await runImportFile({ projectPath: base, filePath: join(ROOT, 'resources/examples', csv), appVersion: 'test' }, ctx);
      await runCheckup({ projectPath: base, datasetId, appVersion: 'test', now: Date.UTC(2026, 5, 1) }, ctx);
      lastDataset = datasetId;
    }
    const p = ProjectDb.open(base, opts);
    p.db.transaction(() => {
      putSetting(p.db, 'modelCard', { intendedUse: 'recovery tests' });
      recordAudit(p.db, { action: 'settings', summary: 'Model card text changed: intendedUse' });
    })();
    original = readOriginal(p.db);
    const leaves = p.db.prepare("SELECT pageno FROM dbstat WHERE name = 'findings' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    findingsPage = leaves[Math.floor(leaves.length / 2)]!;
    const blob = p.db.prepare('SELECT arrow_ipc FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq LIMIT 1').pluck().get(lastDataset) as Buffer;
    p.close();
    chunkPage = pageOf(readFileSync(base), blob.subarray(Math.floor(blob.length / 2), Math.floor(blob.length / 2) + 256));
    assert.equal(original.datasets.size, 3);
    assert.equal(original.runs.size, 2);
  });

  let k = 0;
  const damaged = (damage: (path: string) => void): string => {
    const folder = join(dir, `case-${k++}`);
    mkdirSync(folder);
    const path = join(folder, 'Loans.slicewise');
    copyFileSync(base, path);
    damage(path);
    return path;
  };
  const size = (path: string): number => readFileSync(path).length;

  const damages: [string, (path: string) => void][] = [
    ['cut off at a page boundary (an interrupted copy)', (p) => truncateSync(p, Math.floor((size(p) * 0.55) / PAGE) * PAGE)],
    ['cut off in the middle of a page', (p) => truncateSync(p, Math.floor(size(p) * 0.55) + 123)],
    ['cut off inside its header', (p) => truncateSync(p, 50)],
    ['a page of findings overwritten', (p) => overwritePages(p, [findingsPage])],
    ['a page of stored data overwritten', (p) => overwritePages(p, [chunkPage])],
    ['a page of stored data zeroed', (p) => overwritePages(p, [chunkPage], 0)],
    ['its header page overwritten after the first 100 bytes', (p) => {
      const fd = openSync(p, 'r+');
      writeSync(fd, Buffer.alloc(PAGE - 100, 0x5a), 0, PAGE - 100, 100);
      closeSync(fd);
    }],
  ];

  for (const [what, damage] of damages) {
    test(`detected on open and left byte-for-byte unchanged: ${what}`, () => {
      const path = damaged(damage);
      const before = sha(path);
      assert.throws(
        () => ProjectDb.open(path, opts),
        (err: unknown) =>
          err instanceof SlicewiseError &&
          err.code === 'PROJECT_UNREADABLE' &&
          err.message.startsWith(`${path} is damaged`) &&
          /Slicewise did not change it/.test(err.message),
      );
      assert.equal(sha(path), before);
      assert.deepEqual(readdirSync(dirname(path)), [basename(path)], 'no -wal or -shm left next to it');
    });
  }

  /** The recovered file opens, and what it holds equals the original wherever it was kept. */
  function checkRecovered(report: RecoveryReport): { datasets: number[]; runs: number[] } {
    const p = ProjectDb.open(report.target, opts);
    try {
      assert.equal(p.db.pragma('integrity_check', { simple: true }), 'ok');
      const got = readOriginal(p.db);
      for (const [id, d] of got.datasets) assert.deepEqual(d, original.datasets.get(id), `dataset ${id} is recovered whole`);
      for (const [id, r] of got.runs) {
        const was = original.runs.get(id)!;
        assert.equal(r.results, was.results, `run ${id}'s results`);
        if (report.runs.findingsMayBeIncomplete.includes(id)) for (const f of r.findings) assert.ok(was.findings.includes(f));
        else assert.deepEqual(r.findings, was.findings, `run ${id}'s findings`);
      }
      assert.deepEqual([...got.datasets.keys()], report.datasets.recovered.map((d) => d.id));
      assert.deepEqual([...got.runs.keys()].sort(), report.runs.recovered);
      // Everything is accounted for: recovered or listed as lost.
      for (const id of original.datasets.keys()) assert.ok(got.datasets.has(id) || report.datasets.lost.some((d) => d.id === id), `dataset ${id} recovered or reported lost`);
      for (const id of original.runs.keys()) assert.ok(got.runs.has(id) || report.runs.lost.some((r) => r.id === id), `run ${id} recovered or reported lost`);
      const kept = getSetting<{ source: string; summary: string[] }>(p.db, RECOVERY_SETTING)!;
      assert.equal(kept.source, report.source);
      return { datasets: [...got.datasets.keys()], runs: [...got.runs.keys()] };
    } finally {
      p.close();
    }
  }

  test('recovery after damaged pages: the damaged dataset and its run are reported lost, the rest comes back whole', () => {
    const path = damaged((p) => overwritePages(p, [findingsPage, chunkPage]));
    const before = sha(path);
    const report = recoverProject(path);
    assert.equal(sha(path), before, 'the damaged file is only read');
    assert.equal(report.target, join(dirname(path), 'Loans (recovered).slicewise'));
    assert.equal(report.complete, false);
    const kept = checkRecovered(report);
    assert.deepEqual(kept.datasets, [1, 2]);
    assert.deepEqual(report.datasets.lost.map((d) => [d.id, d.name]), [[lastDataset, 'loan-applications-2026']]);
    assert.equal(report.datasets.lost[0]!.reason, 'none of its stored data could be read');
    assert.deepEqual(report.runs.lost.map((r) => r.reason), [`its dataset (${lastDataset}) was lost`]);
    assert.ok(report.runs.findingsMayBeIncomplete.length > 0 || report.runs.lost.length > 0);
    assert.ok(report.summary.some((s) => /Lost dataset 3 \(loan-applications-2026\)/.test(s)), report.summary.join('\n'));
    assert.ok(report.summary.some((s) => /^Recovered 2 datasets: small \(4 rows\), loan-applications \(2,024 rows\)/.test(s)), report.summary.join('\n'));
    assert.deepEqual(readdirSync(dirname(path)).sort(), ['Loans (recovered).slicewise', 'Loans.slicewise']);
  });

  test('recovery after truncation: what was before the cut comes back, the rest is reported lost', () => {
    const path = damaged((p) => truncateSync(p, Math.floor((size(p) * 0.55) / PAGE) * PAGE));
    const before = sha(path);
    const report = recoverProject(path);
    assert.equal(sha(path), before);
    assert.equal(report.complete, false);
    const kept = checkRecovered(report);
    assert.ok(kept.datasets.length < original.datasets.size);
    assert.ok(report.summary.length > 2);
  });

  test('recovering an undamaged file copies everything and says nothing was lost', () => {
    const path = damaged(() => {});
    const report = recoverProject(path);
    assert.equal(report.complete, true, report.summary.join('\n'));
    const kept = checkRecovered(report);
    assert.deepEqual(kept, { datasets: [...original.datasets.keys()], runs: [...original.runs.keys()] });
    assert.equal(report.summary.at(-1), 'Nothing was lost.');
    const a = ProjectDb.open(path, opts);
    const b = ProjectDb.open(report.target, opts);
    assert.equal(b.meta().name, a.meta().name);
    assert.notEqual(b.meta().uuid, a.meta().uuid, 'a new file is a new project');
    assert.equal(b.db.prepare('SELECT count(*) FROM audit_log').pluck().get(), a.db.prepare('SELECT count(*) FROM audit_log').pluck().get());
    a.close();
    b.close();
  });

  test('when not even the list of tables can be read, recovery says so and makes no file', () => {
    const path = damaged((p) => {
      const fd = openSync(p, 'r+');
      writeSync(fd, Buffer.alloc(PAGE - 100, 0x5a), 0, PAGE - 100, 100);
      closeSync(fd);
    });
    const before = sha(path);
    assert.throws(() => recoverProject(path), (err: unknown) => err instanceof SlicewiseError && err.code === 'PROJECT_UNREADABLE' && /^Nothing in .* could be read/.test(err.message));
    assert.equal(sha(path), before);
    assert.deepEqual(readdirSync(dirname(path)), [basename(path)]);
  });

  test('ProjectService.recoverFile recovers next to the damaged file and opens the new project', () => {
    const path = damaged((p) => overwritePages(p, [chunkPage]));
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const service = new ProjectService({ appVersion: 'test', projectsDir: dir, recent: new RecentProjects(settings) });
    assert.throws(() => service.openFile(path), (err: unknown) => err instanceof SlicewiseError && err.code === 'PROJECT_UNREADABLE');
    const { project, report } = service.recoverFile(path);
    assert.equal(project.path, report.target);
    assert.deepEqual(project.datasets.map((d) => d.name), ['small', 'loan-applications']);
    assert.equal(settings.get().recentProjects[0]?.path, report.target);
    service.closeAll();
    assert.ok(existsSync(path));
  });

  test('the recovered file of an older schema version is migrated like any old project', () => {
    const fixture = join(ROOT, 'test/fixtures/projects/v2-people.slicewise');
    const folder = join(dir, 'old');
    mkdirSync(folder);
    const path = join(folder, 'old.slicewise');
    copyFileSync(fixture, path);
    const report = recoverProject(path);
    assert.equal(report.sourceSchemaVersion, 2);
    assert.equal(report.complete, true, report.summary.join('\n'));
    const p = ProjectDb.open(report.target, opts);
    const q = openSqlite(path, { readonly: true });
    try {
      assert.equal(p.migrated, undefined, 'already at the current format');
      assert.equal(tableDigest(p.db, 1).split(':')[0], '40');
      assert.equal(q.pragma('user_version', { simple: true }), 2);
    } finally {
      p.close();
      q.close();
    }
  });
});
